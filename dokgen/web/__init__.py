"""The clerk's desk: a local web app over a folder of dinas (``dokgen web``).

:mod:`app` makes the application (FastAPI, server-rendered Jinja pages, plain forms); each screen
is a module with its own ``router``: :mod:`beranda` (the dinas and what each can produce),
:mod:`periksa` (findings), :mod:`formulir` (data forms), :mod:`bangun` (build, previews,
downloads), :mod:`excel` (workbook), :mod:`versi` (versions and revisions). :mod:`ruang` is the
workspace: which folders are dinas, paths kept inside it, one build at a time per dinas.
"""
