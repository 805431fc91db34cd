"""The Excel screen: the workbook downloaded, edited and uploaded back; a broken workbook names
its cells and changes nothing; the check after the import names the cell of each finding."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

from dokgen.excel.lembar import LEMBAR
from dokgen.web import excel
from tests.web.conftest import Klien


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def unduh(klien: Klien, nama: str) -> Workbook:
    response = klien.get(f"/dinas/{nama}/excel/unduh")
    assert response.status_code == 200
    assert response.headers["content-disposition"] == f'attachment; filename="{nama}.xlsx"'
    return load_workbook(io.BytesIO(response.content))


def unggah(klien: Klien, nama: str, book: Workbook, name: str = "buku.xlsx") -> Any:
    buffer = io.BytesIO()
    book.save(buffer)
    files = {"berkas": (name, buffer.getvalue(), excel.XLSX)}
    return klien.kirim(f"/dinas/{nama}/excel/unggah", files=files)


def test_the_page_offers_the_download_and_the_upload_form(klien: Klien) -> None:
    page = klien.get("/dinas/lumajang-diskopum/excel").text
    assert 'href="/dinas/lumajang-diskopum/excel/unduh"' in page
    assert 'action="/dinas/lumajang-diskopum/excel/unggah" enctype="multipart/form-data"' in page
    assert f'name="_csrf" value="{klien.app.state.csrf}"' in page  # type: ignore[attr-defined]
    assert klien.get("/dinas/tidak-ada/excel/unduh").status_code == 404


def test_the_download_is_the_dinas_workbook(klien: Klien) -> None:
    book = unduh(klien, "malang-diskopum")
    assert tuple(book.sheetnames[: len(LEMBAR)]) == LEMBAR
    assert book["Jabatan"].max_row == 55  # 54 jabatan under the header
    assert book["Jabatan"]["A2"].value == "sekretaris"


def test_a_broken_workbook_names_its_cells_and_changes_nothing(
    klien: Klien, ruang_kerja: Path
) -> None:
    folder = ruang_kerja / "malang-diskopum"
    before = snapshot(folder)
    book = unduh(klien, "malang-diskopum")
    book["IKI"]["A2"] = "sekretaris-dinas"
    book["Jabatan"]["E3"] = "honorer"  # jenis: not a kind of jabatan
    response = unggah(klien, "malang-diskopum", book, name="C:\\Users\\tu\\malang.xlsx")
    assert response.status_code == 422
    page = response.text
    assert "tidak ada berkas data yang diubah" in page
    assert "malang.xlsx IKI!A2: jabatan &#39;sekretaris-dinas&#39; tidak ada di lembar Jabatan" in (
        page
    )
    assert "malang.xlsx Jabatan!E3: " in page  # every problem, not only the first
    assert snapshot(folder) == before


def test_a_good_workbook_changes_the_yaml_and_the_check_names_the_cells(
    klien: Klien, ruang_kerja: Path
) -> None:
    folder = ruang_kerja / "lumajang-diskopum"
    book = unduh(klien, "lumajang-diskopum")
    sheet = book["Indikator"]
    header = [c.value for c in sheet[1]]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == "IKU-1")
    sheet.cell(row, header.index("target 2021") + 1).value = "81,50"
    uraian = sheet.cell(row, header.index("uraian") + 1)
    uraian.value = "Persentase koperasi sehat Dinas Pendidikan"
    response = unggah(klien, "lumajang-diskopum", book, name="lumajang.xlsx")
    assert response.status_code == 200, response.text
    page = response.text
    assert "1 berkas diubah, 0 dihapus" in page
    assert '<a href="/dinas/lumajang-diskopum/data/renstra.yaml">renstra.yaml</a>' in page
    renstra = (folder / "renstra.yaml").read_text(encoding="utf-8")
    assert "Persentase koperasi sehat Dinas Pendidikan" in renstra and "81,50" in renstra
    # the KON001 the new name brings: its line in renstra.yaml and the cell it was typed in
    line = renstra.splitlines().index(
        next(x for x in renstra.splitlines() if "Dinas Pendidikan" in x)
    )
    (found,) = [r for r in page.split("<tr>") if "/aturan/KON001" in r]
    assert f"renstra.yaml:{line + 1}</a>" in found
    assert f"[lumajang.xlsx Indikator!{uraian.coordinate}]" in found


def test_an_upload_without_the_token_too_big_or_no_workbook_is_refused(
    klien: Klien, ruang_kerja: Path, monkeypatch: Any
) -> None:
    folder = ruang_kerja / "lumajang-diskopum"
    before = snapshot(folder)
    files = {"berkas": ("x.xlsx", b"PK\x03\x04", excel.XLSX)}
    url = "/dinas/lumajang-diskopum/excel/unggah"
    assert klien.post(url, files=files).status_code == 403
    response = klien.kirim(url, files={"berkas": ("x.xlsx", b"bukan zip", excel.XLSX)})
    assert response.status_code == 422 and "x.xlsx" in response.text
    monkeypatch.setattr(excel, "MAKS_UNGGAH", 8)
    response = klien.kirim(url, files={"berkas": ("x.xlsx", b"123456789", excel.XLSX)})
    assert response.status_code == 413 and "lebih dari" in response.text
    assert klien.kirim("/dinas/../excel/unggah", files=files).status_code == 404
    assert snapshot(folder) == before


def test_a_body_over_the_limit_is_refused_before_it_is_read_whole(
    klien: Klien, ruang_kerja: Path
) -> None:
    from dokgen.web.batas import MAKS_BADAN

    folder = ruang_kerja / "lumajang-diskopum"
    before = snapshot(folder)
    url = "/dinas/lumajang-diskopum/excel/unggah"

    def chunks() -> Any:  # sent without Content-Length
        yield (
            b'--batas\r\nContent-Disposition: form-data; name="berkas"; filename="x.xlsx"\r\n'
            b"Content-Type: application/octet-stream\r\n\r\n"
        )
        for _ in range(MAKS_BADAN // 2**20 + 8):
            yield b"x" * 2**20

    headers = {
        "content-type": "multipart/form-data; boundary=batas",
        "x-csrf-token": klien.app.state.csrf,  # type: ignore[attr-defined]
    }
    response = klien.post(url, content=chunks(), headers=headers)
    assert response.status_code == 413 and "lebih dari 21 MB" in response.text
    response = klien.post(
        url, content=b"", headers={**headers, "content-length": str(MAKS_BADAN + 1)}
    )
    assert response.status_code == 413 and "unggah buku kerja dinas" in response.text
    assert snapshot(folder) == before


def test_the_limit_stops_reading_the_body(monkeypatch: Any) -> None:
    import asyncio

    from dokgen.web.batas import BatasBadan

    read = 0
    answers: list[dict[str, Any]] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:  # reads to the end, as a parser
        while (await receive()).get("more_body"):
            pass

    async def receive() -> dict[str, Any]:
        nonlocal read
        read += 1
        return {"type": "http.request", "body": b"x" * 1000, "more_body": read < 1000}

    async def send(message: dict[str, Any]) -> None:
        answers.append(message)

    async def tolak(self: Any, scope: Any, receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 413})

    monkeypatch.setattr(BatasBadan, "_tolak", tolak)
    scope = {"type": "http", "headers": [], "method": "POST", "path": "/"}
    asyncio.run(BatasBadan(app, maks=5000)(scope, receive, send))
    assert read == 6  # 6,000 bytes read of 1,000,000: it stopped at the limit
    assert answers == [{"type": "http.response.start", "status": 413}]
