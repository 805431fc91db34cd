"""Catch rate of ``dokgen check`` over the mutation suite (issue 19), per family and per rule.

    python tools/mutasi.py                  # the dokgen of this tree
    python tools/mutasi.py --rev 7fbe8cd    # a git worktree of that commit, then removed
    PYTHONPATH=/tmp/sebelum python tools/mutasi.py   # the dokgen found first on sys.path

The mutations and data are this tree's tests/mutasi and the data/ next to the dokgen that runs
(an older dokgen checks its own examples). A rule code the running dokgen does not have counts
as missed. Columns: injected, caught (that code at the expected file and line), caught elsewhere
(that code at another place), missed; 'mati' counts mutations whose rule the dataset's
periksa.yaml switches off (not in the other columns).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", help="commit whose dokgen runs the mutations")
    parser.add_argument("--rinci", action="store_true", help="list every mutation not caught")
    args = parser.parse_args()
    if args.rev:
        return _di_revisi(args.rev, args.rinci)
    os.environ.setdefault("DOKGEN_CACHE", tempfile.mkdtemp(prefix="mutasi-tembolok-"))
    import dokgen  # the first on sys.path (PYTHONPATH), before this tree is put in front
    import dokgen.checks

    sys.path.insert(0, str(ROOT))
    from tests.mutasi import jalan

    data = Path(dokgen.__file__).resolve().parent.parent / "data"
    print(f"dokgen: {Path(dokgen.__file__).parent}\ndata:   {data}\n")
    hasil: list[tuple[jalan.Kasus, str, str, tuple[str, int]]] = []
    r: str
    tmp = Path(tempfile.mkdtemp(prefix="mutasi-"))
    for folder in jalan.dataset(data):
        uji = jalan.siapkan(folder, tmp)
        for galat in uji.galat_bersih():
            print(f"GALAT PADA CONTOH BERSIH {folder.name}: {galat}")
        for kasus in jalan.kasus_dataset(uji.kerja):
            try:
                r, detail, where = uji.jalankan(kasus)
            except Exception as exc:  # a mutation that cannot be applied is a bug of the suite
                r, detail, where = "galat-mutasi", repr(exc), ("?", 0)
            hasil.append((kasus, r, detail, where))
    _tabel(hasil, set(dokgen.checks.RULES))
    if args.rinci:
        print("\nTidak tertangkap di tempatnya:")
        for kasus, r, detail, (file, line) in hasil:
            if r not in ("tertangkap", "dimatikan"):
                print(f"  {r:15} {kasus.id} → {file}:{line} ({kasus.mutasi.apa}) {detail}")
    return 0


def _tabel(hasil: list[tuple[Any, str, str, tuple[str, int]]], rules: set[str]) -> None:
    per_rule: dict[str, Counter[str]] = defaultdict(Counter)
    for kasus, r, _, _ in hasil:
        per_rule[kasus.mutasi.code][r] += 1
    kolom = ("disuntik", "tertangkap", "di-tempat-lain", "lolos", "mati")

    def baris(nama: str, c: Counter[str]) -> str:
        injected = sum(v for k, v in c.items() if k != "dimatikan")
        lolos = injected - c["tertangkap"] - c["di-tempat-lain"]
        rate = f"{100 * c['tertangkap'] / injected:5.1f} %" if injected else "    –"
        cells = (injected, c["tertangkap"], c["di-tempat-lain"], lolos, c["dimatikan"])
        return f"{nama:10}" + "".join(f"{v:>15}" for v in cells) + f"   {rate}"

    head = f"{'':10}" + "".join(f"{k:>15}" for k in kolom) + "   tertangkap"
    print(head)
    total: Counter[str] = Counter()
    for family in sorted({code[:3] for code in per_rule}):
        fam: Counter[str] = Counter()
        for code in sorted(c for c in per_rule if c.startswith(family)):
            fam.update(per_rule[code])
        print(baris(family, fam))
        for code in sorted(c for c in per_rule if c.startswith(family)):
            tanda = "" if code in rules else "  (aturan belum ada)"
            print(baris(f"  {code}", per_rule[code]) + tanda)
        total.update(fam)
    print(baris("JUMLAH", total))


def _di_revisi(rev: str, rinci: bool) -> int:
    tree = Path(tempfile.mkdtemp(prefix="mutasi-rev-")) / "tree"
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), rev],
        check=True,
        capture_output=True,
    )
    try:
        env = {**os.environ, "PYTHONPATH": str(tree)}
        command = [sys.executable, str(Path(__file__).resolve())] + (["--rinci"] if rinci else [])
        return subprocess.run(command, env=env, check=False).returncode
    finally:
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False
        )


if __name__ == "__main__":
    sys.exit(main())
