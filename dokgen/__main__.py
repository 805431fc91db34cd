"""``python -m dokgen``: the same command line as the ``dokgen`` program.

Useful where the program's folder is not on PATH (a venv not activated, Windows).
"""

from dokgen.cli import main

if __name__ == "__main__":
    main()
