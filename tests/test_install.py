"""The built wheel works on its own: installed into a fresh venv, run away from the repository.

No network: the wheel is built with the build backend already in ``.venv`` and installed
without its dependencies; the fresh venv then sees ``.venv``'s packages through a ``.pth`` file
(a plain path line, so ``.venv``'s editable dokgen is not activated and cannot shadow the
wheel's).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

import dokgen
from tests.conftest import CONTOH, ROOT
from tests.docxread import open_docx, text

SOURCE = ["pyproject.toml", "README.md", "dokgen", "templates"]
"""What a wheel is built from (copied, so the build's own folders stay out of the repository)."""


@dataclass(frozen=True)
class Installed:
    wheel: Path
    python: Path
    script: Path
    site: Path
    """The fresh venv's site-packages, where the wheel's dokgen is."""
    work: Path
    """A folder outside the repository, the working directory of every command."""
    env: dict[str, str]


def run(installed: Installed, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        cwd=installed.work,
        env=installed.env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    tmp = tmp_path_factory.mktemp("pasang")
    source = tmp / "sumber"
    source.mkdir()
    for name in SOURCE:
        if (ROOT / name).is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
            shutil.copytree(ROOT / name, source / name, ignore=ignore)
        else:
            shutil.copy2(ROOT / name, source / name)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", tmp, source],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp.glob("dokgen-*.whl")

    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    bin_folder = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bin_folder / ("python.exe" if os.name == "nt" else "python")
    subprocess.run(
        [*pip, "--python", python, "install", "--no-deps", "--no-index", wheel],
        check=True,
        capture_output=True,
    )
    site = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    ours = {sysconfig.get_paths()[k] for k in ("purelib", "platlib")}
    (site / "dokgen-uji-dependensi.pth").write_text("\n".join(sorted(ours)) + "\n")

    work = tmp / "kerja"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(HOME=str(tmp / "rumah"), XDG_CACHE_HOME=str(tmp / "cache"))
    env["DOKGEN_CACHE"] = str(tmp / "cache" / "dokgen")
    script = bin_folder / ("dokgen.exe" if os.name == "nt" else "dokgen")
    return Installed(wheel, python, script, site, work, env)


def test_the_wheel_holds_every_module_the_templates_and_the_katalog(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "dokgen").rglob("*.py")}
    assert modules - names == set(), "add its package to [tool.setuptools] packages"
    templates = sorted((ROOT / "templates").glob("*.docx"))
    assert len(templates) >= 5
    with zipfile.ZipFile(installed.wheel) as wheel:
        for template in templates:
            assert wheel.read(f"dokgen/templates/{template.name}") == template.read_bytes()
        katalog = ROOT / "dokgen" / "katalog" / "peraturan.yaml"
        assert wheel.read("dokgen/katalog/peraturan.yaml") == katalog.read_bytes()
        (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        assert f"\nVersion: {dokgen.__version__}\n" in wheel.read(metadata).decode()


def test_the_installed_package_is_the_wheels(installed: Installed) -> None:
    code = "import dokgen, dokgen.resources as r; print(dokgen.__file__, r.TEMPLATES, r.KATALOG)"
    result = run(installed, installed.python, "-c", code)
    assert result.returncode == 0, result.stderr
    package, templates, katalog = (Path(p) for p in result.stdout.split())
    assert package == installed.site / "dokgen" / "__init__.py"
    assert templates == installed.site / "dokgen" / "templates"
    assert katalog.is_file() and katalog.is_relative_to(installed.site)


def test_version(installed: Installed) -> None:
    for command in ([installed.python, "-m", "dokgen"], [installed.script]):
        result = run(installed, *command, "--version")
        assert (result.returncode, result.stdout) == (0, f"dokgen {dokgen.__version__}\n")


def expected(data: Path) -> dict[str, str]:
    """The documents a build of ``data`` makes, each with a text it must hold."""
    dinas = yaml.safe_load((data / "dinas.yaml").read_text(encoding="utf-8"))["nama"]
    found = {}
    if (data / "keputusan-iku.yaml").is_file():
        found["keputusan-iku.docx"] = dinas
    if (data / "dokumen-iku.yaml").is_file():
        found["dokumen-iku.docx"] = dinas
    quarters: dict[str, set[str]] = {}
    for realisasi in sorted(data.glob("realisasi/*.yaml")):
        tahun, triwulan = realisasi.stem.split("-")
        found[f"lkj-{tahun}-tw{triwulan}.docx"] = dinas
        quarters.setdefault(tahun, set()).add(triwulan)
    for tahun, seen in quarters.items():
        if seen == {"1", "2", "3", "4"} and (data / "renstra.yaml").is_file():
            found[f"lkjip-{tahun}.docx"] = dinas
    jabatan = sorted(data.glob("jabatan/*.yaml"))
    for file in jabatan:
        nama = yaml.safe_load(file.read_text(encoding="utf-8"))["nama"]
        found[f"iki/{file.stem}.docx"] = nama
    if jabatan:
        found["iki-semua-jabatan.docx"] = dinas
    if (data / "pk.yaml").is_file():
        found["pk/00-kepala-dinas.docx"] = dinas
        found.update({f"pk/{file.stem}.docx": dinas for file in jabatan})
    if jabatan or (data / "renstra.yaml").is_file():
        found["pohon-kinerja.docx"] = "Pohon Kinerja"
    if (data / "rencana-aksi.yaml").is_file():
        tahun = yaml.safe_load((data / "rencana-aksi.yaml").read_text(encoding="utf-8"))["tahun"]
        found[f"rencana-aksi-{tahun}.docx"] = "RENCANA AKSI"
    return found


@pytest.mark.parametrize("data", CONTOH, ids=lambda p: p.name)
def test_every_example_builds_from_the_installed_wheel(installed: Installed, data: Path) -> None:
    out = installed.work.parent / "hasil" / data.name
    result = run(installed, installed.python, "-m", "dokgen", "build", data, "-o", out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Selesai" in result.stdout
    documents = expected(data)
    made = {p.relative_to(out).as_posix() for p in out.rglob("*.docx")}
    assert made == set(documents)
    for name, words in documents.items():
        printed = " ".join(text(open_docx(out / name)).split())  # a title may break its line
        assert words.casefold() in printed.casefold(), name


def test_the_wheel_holds_the_web_app_and_dokgen_web_serves_it(installed: Installed) -> None:
    """pip install of the wheel and `dokgen web` is the whole set-up: the pages and the style
    sheet come from the installed package."""
    import socket
    import urllib.request

    web = ROOT / "dokgen" / "web"
    files = sorted(p for p in [*web.glob("templat/*.html"), *web.glob("statis/*")] if p.is_file())
    with zipfile.ZipFile(installed.wheel) as wheel:
        for file in files:
            assert wheel.read(f"dokgen/web/{file.relative_to(web).as_posix()}") == file.read_bytes()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    workspace = installed.work / "ruang"
    command = [installed.script, "web", str(workspace), "--port", str(port), "--tanpa-peramban"]
    server = subprocess.Popen(command, env=installed.env, stdout=subprocess.PIPE, text=True)
    try:
        page = ""
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    page = response.read().decode()
                break
            except OSError:
                time.sleep(0.2)
        assert "Belum ada dinas" in page and 'href="/statis/gaya.css"' in page
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/statis/gaya.css") as response:
            assert response.read() == (web / "statis" / "gaya.css").read_bytes()
        assert workspace.is_dir()  # made on the first start
    finally:
        server.terminate()
        server.wait(timeout=10)
