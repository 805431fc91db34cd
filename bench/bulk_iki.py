"""Benchmark: dokgen as a clerk runs it — whole commands — against plain docxtpl.

    .venv/bin/python bench/bulk_iki.py                 # N = 54, 2400, 5000 (several minutes)
    .venv/bin/python bench/bulk_iki.py --n 54 1000     # other sizes
    .venv/bin/python bench/bulk_iki.py --tanpa-naif    # skip the docxtpl baselines

For every N it generates a dinas shaped like the Malang example: each jabatan is one of Malang's
54 (its tugas, fungsi and IKI rows as they are), under a new kode and name, in a tree of atasan.
Then, each command in a fresh process (interpreter start, imports and printed output included;
peak memory is that of the largest process the command started):

- ``dokgen build`` with an empty cache and no earlier outputs (median of five), and
  ``dokgen build --hanya iki`` (the cards and the combined card: what the baselines compare with;
  the whole build also draws the pohon kinerja's jabatan tree),
- the naive docxtpl loop (open the template, render, save — once per card) and the same loop in
  a process pool over every core, on the same template with the same contexts (once each; text
  compared with dokgen's cards),
- ``dokgen check`` with its text output (median of five),
- ``dokgen build`` after editing one jabatan (median of five edits),
- ``dokgen --help``,
- and whether two builds into two folders give byte-identical files.

Prints the figures and the ratios the issue asks for.

No output is deleted before the end of the whole run (about 2 GB in the temporary folder): on
the virtual machine this was measured on (ext4 without a journal) the kernel skips every inode
freed in the last minutes one by one when it creates a file, so a file made right after
thousands were deleted took 0.3-0.4 ms instead of 0.02 ms — 1.5-2 s of a 5,000-card build
charged to whichever command followed a deletion of the bench's own files.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "data" / "malang-diskopum"
DOKGEN = [sys.executable, "-c", "from dokgen.cli import main; main()"]
"""The command, run from a temporary folder: ``--kode`` puts another checkout first on the path
(to compare with an earlier version of dokgen)."""
REPEAT = 5
"""Runs of each dokgen command, the median reported: a shared virtual machine's speed can vary
by ±20 % from minute to minute, and a median of three runs of a few seconds moved with it."""
KODE: dict[str, str] = {}
Row = dict[str, dict[str, float] | float | str]
"""The figures of one N, by command."""


def generate(folder: Path, n: int, seed: int = 7) -> None:
    """A dinas with ``n`` jabatan, each one of Malang's under a new kode and name."""
    rng = random.Random(seed)
    pool = [yaml.safe_load(p.read_text()) for p in sorted((SOURCE / "jabatan").glob("*.yaml"))]
    (folder / "jabatan").mkdir(parents=True)
    for source in SOURCE.iterdir():  # dinas.yaml, periksa.yaml, the lambang …
        if source.is_file():
            shutil.copy(source, folder / source.name)
    for i in range(1, n + 1):
        jabatan = dict(pool[rng.randrange(len(pool))])
        jabatan.pop("atasan", None)
        jabatan["kode"] = f"j{i:05d}"
        jabatan["nama"] = f"{jabatan['nama']} {i}"
        if i > 1:
            jabatan["atasan"] = f"j{(i - 2) // 6 + 1:05d}"
        path = folder / "jabatan" / f"{i:05d}-j{i:05d}.yaml"
        path.write_text(yaml.safe_dump(jabatan, allow_unicode=True, sort_keys=False))


# --- one command, in a fresh process ----------------------------------------------------------


def timed(
    command: list[str], env: dict[str, str] | None = None, ok: tuple[int, ...] = (0,)
) -> dict[str, float]:
    """Wall time and peak memory (MiB, largest process) of ``command`` run to its end."""
    wrapper = (
        "import json, resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
        "s = time.perf_counter() - t\n"
        "m = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(json.dumps({'detik': s, 'mb': m, 'kode': r.returncode,"
        " 'galat': r.stderr.decode()[-500:]}))\n"
    )
    os.sync()  # what earlier steps wrote is on disk before this one starts
    environment = {**os.environ, **KODE, **(env or {})}
    # Python as a clerk has it: compiled modules are kept (__pycache__), as pip does at install.
    # (Some sandboxes set PYTHONDONTWRITEBYTECODE: every command then compiles dokgen again.)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    result = subprocess.run(
        [sys.executable, "-c", wrapper, *command],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
        cwd=tempfile.gettempdir(),
    )
    measured = json.loads(result.stdout)
    if measured["kode"] not in ok:
        raise SystemExit(f"{command}: exit {measured['kode']}: {measured['galat']}")
    return measured


def _cache(folder: Path) -> dict[str, str]:
    """The cache folder of a run (DOKGEN_TEMBOLOK: its name before 0.1.0's one pipeline)."""
    return {"DOKGEN_CACHE": str(folder), "DOKGEN_TEMBOLOK": str(folder)}


def median(runs: list[dict[str, float]]) -> dict[str, float]:
    return {
        "detik": statistics.median(r["detik"] for r in runs),
        "mb": max(r["mb"] for r in runs),
    }


# --- the docxtpl baselines (run as: bench/bulk_iki.py --naif DATA OUT JOBS) ------------------

_CONTEXTS: list[tuple[str, dict]] = []


def contexts(data: Path) -> list[tuple[str, dict]]:
    """(file name, full context) of every card, as dokgen renders them."""
    from dokgen.cache import Cache
    from dokgen.documents import kinds
    from dokgen.jabatan import card_context
    from dokgen.load import load

    cache = Cache()
    loaded = load(data, cache)
    return [
        (Path(doc.nama_berkas).name, {**doc.context, **card_context(loaded, doc.cached, cache)})
        for doc in kinds()["iki"].documents(loaded)
        if doc.cached
    ]


def _naive_one(item: tuple[str, dict, str]) -> None:
    from docxtpl import DocxTemplate

    from dokgen.render import environment

    name, context, out = item
    template = DocxTemplate(ROOT / "templates" / "iki.docx")
    template.render(context, jinja_env=environment())
    template.save(Path(out) / name)


def naive(data: Path, out: Path, jobs: int) -> None:
    """The docxtpl loop over every card, in this process (``jobs`` 1) or a pool of ``jobs``."""
    out.mkdir(parents=True, exist_ok=True)
    items = [(name, context, str(out)) for name, context in contexts(data)]
    start = time.perf_counter()
    if jobs == 1:
        for item in items:
            _naive_one(item)
    else:
        import multiprocessing

        with multiprocessing.get_context("spawn").Pool(jobs) as pool:
            pool.map(_naive_one, items, chunksize=16)
    print(json.dumps({"render_detik": time.perf_counter() - start}))


_TEXT = re.compile(rb"<w:t(?: [^>]*)?>([^<]*)</w:t>")


def text_of(path: Path) -> bytes:
    from dokgen.zipwrite import read_parts as baca

    return b"".join(_TEXT.findall(baca(path.read_bytes())["word/document.xml"]))


def same_text(dokgen_dir: Path, naive_dir: Path) -> tuple[int, int]:
    """(cards compared, cards whose text differs)."""
    cards = sorted(naive_dir.glob("*.docx"))
    differ = sum(text_of(dokgen_dir / "iki" / c.name) != text_of(c) for c in cards)
    return len(cards), differ


def identical(a: Path, b: Path) -> bool:
    """Every document of two builds the same, byte for byte (the manifest, which records the
    files' times, aside)."""
    files = sorted(p.relative_to(a) for p in a.rglob("*.docx"))
    others = sorted(p.relative_to(b) for p in b.rglob("*.docx"))
    return files == others and all((a / f).read_bytes() == (b / f).read_bytes() for f in files)


# --- the whole run ------------------------------------------------------------------------------


def measure(n: int, tmp: Path, with_naive: bool) -> Row:
    data = tmp / "data"
    generate(data, n)
    env = _cache(tmp / "cache-0")
    builds = []
    for k in range(REPEAT):  # each in new folders: no earlier outputs, no cache
        cache_env = _cache(tmp / f"cache-{k}")
        builds.append(timed([*DOKGEN, "build", str(data), "-o", str(tmp / f"out-{k}")], cache_env))
    build = median(builds)
    out = tmp / "out-0"
    row: Row = {"build": build}
    cards = []  # what the docxtpl loops make: the cards (and, beyond them, the combined card)
    for k in range(REPEAT):
        cache_env = _cache(tmp / f"cache-iki-{k}")
        command = [*DOKGEN, "build", str(data), "-o", str(tmp / f"iki-{k}"), "--hanya", "iki"]
        cards.append(timed(command, cache_env))
    row["iki"] = median(cards)
    row["identik"] = "ya" if identical(out, tmp / "out-1") else "TIDAK"
    check = [timed([*DOKGEN, "check", str(data)], env) for _ in range(REPEAT)]
    row["check"] = median(check)
    files = sorted((data / "jabatan").glob("*.yaml"))[n // 2 :][:REPEAT]
    edits = []
    for f in files:
        f.write_text(f.read_text().replace("tugas:\n", "tugas:\n- Tugas tambahan\n", 1))
        edits.append(timed([*DOKGEN, "build", str(data), "-o", str(out)], env))
    row["rebuild"] = median(edits)
    row["help"] = median([timed([*DOKGEN, "--help"]) for _ in range(REPEAT)])
    if with_naive:
        for name, jobs in (("naif", 1), ("pool", os.cpu_count() or 1)):
            target = tmp / name
            command = [sys.executable, __file__, "--naif", str(data), str(target), str(jobs)]
            row[name] = timed(command)
            compared, differ = same_text(out, target)
            row[f"{name}_teks"] = f"{compared - differ}/{compared}"
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[54, 2400, 5000])
    parser.add_argument("--tanpa-naif", action="store_true", help="skip the docxtpl baselines")
    parser.add_argument("--naif", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--kode", type=Path, help="measure the dokgen of another checkout")
    args = parser.parse_args()
    if args.kode:
        KODE["PYTHONPATH"] = str(args.kode.resolve())
    if args.naif:
        data, out, jobs = args.naif
        naive(Path(data), Path(out), int(jobs))
        return
    sys.path.insert(0, str(ROOT))
    rows = {}
    with tempfile.TemporaryDirectory(prefix="dokgen-bench-") as tmp:  # deleted at the very end
        for n in args.n:
            rows[n] = _report(n, measure(n, Path(tmp) / str(n), not args.tanpa_naif))
    _report_memory(rows)


def _report(n: int, row: Row) -> Row:
    b, c, r, h = row["build"], row["check"], row["rebuild"], row["help"]
    assert isinstance(b, dict) and isinstance(c, dict)
    assert isinstance(r, dict) and isinstance(h, dict)
    line = (
        f"N={n}: build {b['detik']:.2f} s ({n / b['detik']:.0f} kartu/s, {b['mb']:.0f} MiB)"
        f" | check {c['detik']:.2f} s = {c['detik'] / b['detik']:.0%} dari build"
        f" | build setelah 1 jabatan diubah {r['detik']:.2f} s"
        f" | --help {h['detik']:.2f} s | identik {row['identik']}"
    )
    k = row["iki"]
    assert isinstance(k, dict)
    line += f" | build --hanya iki {k['detik']:.2f} s"
    for name in ("naif", "pool"):
        base = row.get(name)
        if isinstance(base, dict):
            line += (
                f" | {name} {base['detik']:.1f} s = {base['detik'] / k['detik']:.1f}× kartu"
                f" ({base['detik'] / b['detik']:.1f}× build) (teks sama {row[f'{name}_teks']})"
            )
    print(line, flush=True)
    return row


def _report_memory(rows: dict[int, Row]) -> None:
    if len(rows) > 1:
        small, large = min(rows), max(rows)
        mb_small = rows[small]["build"]["mb"]  # type: ignore[index]
        mb_large = rows[large]["build"]["mb"]  # type: ignore[index]
        print(
            f"Memori puncak build N={large} / N={small}: {mb_large:.0f} / {mb_small:.0f} MiB"
            f" = {mb_large / mb_small:.2f}×"
        )


if __name__ == "__main__":
    main()
