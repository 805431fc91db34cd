"""Benchmark: IKI cards in bulk, dokgen against the naive docxtpl loop.

    .venv/bin/python bench/bulk_iki.py            # N = 54, 1000, 5000 (several minutes)
    .venv/bin/python bench/bulk_iki.py --n 54 1000

For every N it generates a synthetic dinas (text sampled from data/malang-diskopum: 5–10 tugas,
0–5 fungsi, 1–4 IKI rows per jabatan), then, each step in a fresh process so peak memory is its
own: builds the IKI cards with dokgen; renders the same contexts with the naive loop (open the
template, render, save — once per card) on the same template with the same Jinja environment;
checks that every card carries the same text both ways; times ``dokgen check`` (with the cache
the build left, and without any cache); edits one jabatan and times the rebuild. Prints wall
time, cards/s, peak memory and the ratios. dokgen's steps are run three times each (median).

The data files are dated an hour back, as data prepared earlier would be (a file changed in the
last two seconds is never cached, see dokgen/tembolok.py). The cache goes to a folder of its own
inside the temporary folder, so every N starts cold.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "data" / "malang-diskopum"
sys.path.insert(0, str(ROOT))


def generate(folder: Path, n: int, seed: int = 7) -> None:
    """A dinas with ``n`` jabatan, text drawn from the Malang example."""
    rng = random.Random(seed)
    pool = [yaml.safe_load(p.read_text()) for p in sorted((SOURCE / "jabatan").glob("*.yaml"))]
    tugas = [t for j in pool for t in j["tugas"]]
    fungsi = [f for j in pool for f in j["fungsi"]]
    rows = [(s["sasaran"], r) for j in pool for s in j["iki"] for r in s["indikator"]]
    (folder / "jabatan").mkdir(parents=True)
    (folder / "dinas.yaml").write_text((SOURCE / "dinas.yaml").read_text())
    (folder / "periksa.yaml").write_text("aturan:\n  KAS002: info\n  KAS004: info\n")
    for i in range(1, n + 1):
        base = pool[rng.randrange(len(pool))]
        chosen = rng.sample(rows, rng.randint(1, 4))
        iki: list[dict] = []
        for sasaran, row in chosen:
            if iki and iki[-1]["sasaran"] == sasaran:
                iki[-1]["indikator"].append(row)
            else:
                iki.append({"sasaran": sasaran, "indikator": [row]})
        jabatan = {
            "kode": f"j{i:05d}",
            "nama": f"{base['nama']} {i}",
            **({"atasan": f"j{(i - 2) // 6 + 1:05d}"} if i > 1 else {}),
            "tugas": rng.sample(tugas, rng.randint(5, 10)),
            "fungsi": rng.sample(fungsi, rng.randint(0, 5)),
            "iki": iki,
        }
        path = folder / "jabatan" / f"{i:05d}-j{i:05d}.yaml"
        path.write_text(yaml.safe_dump(jabatan, allow_unicode=True, sort_keys=False))
    earlier = time.time() - 3600
    for path in folder.rglob("*.yaml"):
        os.utime(path, (earlier, earlier))


def peak_mb() -> float:
    """Peak resident memory of this process and its (finished) workers, in MiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def step(name: str, data: Path, out: Path) -> dict:
    """One measured step, run in this (fresh) process."""
    from dokgen.build import Opsi, build

    start = time.perf_counter()
    if name == "build":
        hasil = build(data, out, Opsi())
        extra = {"ditulis": len(hasil.ditulis)}
    elif name == "check":
        from dokgen.massal import periksa_folder

        extra = {"temuan": len(periksa_folder(data))}
    elif name == "naive":
        from docxtpl import DocxTemplate

        from dokgen.documents import iki
        from dokgen.load import load
        from dokgen.render import environment

        cards = list(iki.kartu(load(data)))
        out.mkdir(parents=True, exist_ok=True)
        for card in cards:
            template = DocxTemplate(ROOT / "templates" / iki.TEMPLATE)
            template.render(card.context, jinja_env=environment())
            template.save(out / Path(card.nama_berkas).name)
        extra = {"ditulis": len(cards)}
    else:
        raise SystemExit(f"unknown step {name}")
    return {"detik": time.perf_counter() - start, "mb": peak_mb(), **extra}


REPEAT = 3
"""dokgen's steps last seconds or less, so a burst of load on the machine would move them a lot:
each runs three times and the median is reported (memory: the highest of the three). The naive
loop runs once — it lasts minutes, long enough to average such bursts out."""


def median(results: list[dict]) -> dict:
    ordered = sorted(results, key=lambda r: r["detik"])
    return {**ordered[len(ordered) // 2], "mb": max(r["mb"] for r in results)}


def fresh_build(data: Path, out: Path, cache: Path) -> dict:
    """A full build: no earlier outputs, no cache (new folders: deleting thousands of files
    just before would load the disk during the measurement)."""
    return run("build", data, out, cache)


def edit_and_build(edited: Path, data: Path, out: Path, cache: Path) -> dict:
    """Add a tugas to one jabatan and build again."""
    edited.write_text(edited.read_text().replace("tugas:\n", "tugas:\n- Tugas tambahan\n", 1))
    return run("build", data, out, cache)


def run(name: str, data: Path, out: Path, tembolok: Path | str) -> dict:
    """Run ``step`` in a fresh Python process and return what it measured."""
    os.sync()  # what earlier steps wrote is on disk before this one starts
    result = subprocess.run(
        [sys.executable, __file__, "--langkah", name, str(data), str(out)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "DOKGEN_TEMBOLOK": str(tembolok)},
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


_TEXT = re.compile(rb"<w:t(?: [^>]*)?>([^<]*)</w:t>")


def text_of(path: Path) -> bytes:
    from dokgen.paket import baca

    return b"".join(_TEXT.findall(baca(path.read_bytes())["word/document.xml"]))


def same_text(dokgen_dir: Path, naive_dir: Path) -> tuple[int, int]:
    """(cards compared, cards whose text differs)."""
    cards = sorted(naive_dir.glob("*.docx"))
    differ = sum(text_of(dokgen_dir / "iki" / c.name) != text_of(c) for c in cards)
    return len(cards), differ


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[54, 1000, 5000])
    parser.add_argument("--langkah", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.langkah:
        name, data, out = args.langkah
        print(json.dumps(step(name, Path(data), Path(out))))
        return

    rows = []
    for n in args.n:
        with tempfile.TemporaryDirectory(prefix=f"dokgen-bench-{n}-") as tmp:
            data, naive = Path(tmp) / "data", Path(tmp) / "naive"
            generate(data, n)
            builds = [Path(tmp) / f"out{k}" for k in range(REPEAT)]
            caches = [Path(tmp) / f"tembolok{k}" for k in range(REPEAT)]
            full = median([fresh_build(data, o, c) for o, c in zip(builds, caches, strict=True)])
            out, cache = builds[-1], caches[-1]
            slow = run("naive", data, naive, "mati")
            compared, differ = same_text(out, naive)
            check = median([run("check", data, out, cache) for _ in range(REPEAT)])
            cold = median([run("check", data, out, "mati") for _ in range(REPEAT)])
            files = sorted((data / "jabatan").glob("*.yaml"))[n // 2 :][:REPEAT]
            again = median([edit_and_build(f, data, out, cache) for f in files])
            rows.append((n, full, slow, compared, differ, check, again))
            print(
                f"N={n}: dokgen {full['detik']:.2f} s ({n / full['detik']:.0f} kartu/s,"
                f" {full['mb']:.0f} MiB) | naif {slow['detik']:.2f} s"
                f" ({n / slow['detik']:.0f} kartu/s) | rasio {slow['detik'] / full['detik']:.1f}×"
                f" | teks sama {compared - differ}/{compared}"
                f" | check {check['detik']:.3f} s ({check['detik'] / full['detik']:.1%};"
                f" tanpa tembolok {cold['detik']:.2f} s = {cold['detik'] / full['detik']:.0%})"
                f" | rebuild 1 jabatan {again['detik']:.3f} s"
                f" ({again['detik'] / full['detik']:.1%}, ditulis {again['ditulis']})",
                flush=True,
            )
    if len(rows) > 1:
        (n_small, small, *_), (n_large, large, *_) = rows[0], rows[-1]
        print(
            f"Memori puncak N={n_large} / N={n_small}: {large['mb']:.0f} / {small['mb']:.0f}"
            f" MiB = {large['mb'] / small['mb']:.2f}×"
        )


if __name__ == "__main__":
    main()
