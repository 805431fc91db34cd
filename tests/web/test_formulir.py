"""Data forms: every data file opens as a form made from its model; a saved form keeps the
file's comments; a value the loader refuses is refused in the form with its message and
nothing is written; rows, files and a whole new dinas are made with plain form posts."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from dokgen.errors import DataError
from dokgen.load import load
from dokgen.web.formulir import jangkar
from tests.conftest import DATA
from tests.web.conftest import Klien

CONTOH = "contoh-lengkap"


class _Isian(HTMLParser):
    """What a browser posts from a page's data form: every field with its value, checked boxes
    and the selected option only (no submit buttons)."""

    def __init__(self) -> None:
        super().__init__()
        self.isian: list[tuple[str, str]] = []
        self.pilihan: dict[str, list[str]] = {}
        self._form = False
        self._teks: list[str] | None = None
        self._pilih: list[Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and "formulir-data" in a.get("class", ""):
            self._form = True
        if not self._form:
            return
        if tag == "input" and a.get("type") == "checkbox":
            if "checked" in a:
                self.isian.append((a["name"], a.get("value", "on")))
        elif tag == "input" and a.get("type") != "submit":
            self.isian.append((a["name"], a.get("value", "")))
        elif tag == "textarea":
            self._teks = [a["name"], ""]
        elif tag == "select":
            self._pilih = [a["name"], None, None]
            self.pilihan[a["name"]] = []
        elif tag == "option" and self._pilih is not None:
            self.pilihan[self._pilih[0]].append(a.get("value", ""))
            if self._pilih[2] is None:
                self._pilih[2] = a.get("value", "")
            if "selected" in a:
                self._pilih[1] = a.get("value", "")

    def handle_data(self, data: str) -> None:
        if self._teks is not None:
            self._teks[1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = False
        elif tag == "textarea" and self._teks is not None:
            self.isian.append((self._teks[0], self._teks[1]))
            self._teks = None
        elif tag == "select" and self._pilih is not None:
            name, selected, first = self._pilih
            self.isian.append((name, selected if selected is not None else first or ""))
            self._pilih = None


class Halaman:
    """A form page as the browser has it: fields can be changed, then a button pressed."""

    def __init__(self, klien: Klien, url: str, html: str) -> None:
        self.klien, self.url, self.html = klien, url, html
        parser = _Isian()
        parser.feed(html)
        self.pasangan = parser.isian
        self.isian = dict(parser.isian)
        self.pilihan = parser.pilihan
        self._ubah: dict[str, str] = {}

    def set(self, nama: str, nilai: str) -> Halaman:
        self._ubah[nama] = self.isian[nama] = nilai
        return self

    def tekan(self, tombol: str = "_simpan", nilai: str = "1") -> Any:
        data: dict[str, list[str]] = {}
        for k, v in self.pasangan:
            data.setdefault(k, []).append(v)
        data.update({k: [v] for k, v in self._ubah.items()})
        data[tombol] = [nilai]
        return self.klien.kirim(self.url, data, follow_redirects=False)


def buka(klien: Klien, url: str) -> Halaman:
    response = klien.get(url)
    assert response.status_code == 200, response.text[-2000:]
    return Halaman(klien, url, response.text)


def lanjut(klien: Klien, url: str, response: Any) -> Halaman:
    """The form after a "tambah"/"cari" button (the page comes back, nothing saved)."""
    assert response.status_code == 200, response.text[-2000:]
    return Halaman(klien, url, response.text)


def _berkas(folder: Path) -> list[str]:
    names = [p.name for p in sorted(folder.glob("*.yaml")) if p.name != "periksa.yaml"]
    for sub in ("jabatan", "realisasi"):
        names += [f"{sub}/{p.name}" for p in sorted((folder / sub).glob("*.yaml"))]
    return names


def test_every_file_of_the_full_example_opens_and_saves_unchanged(
    klien: Klien, ruang_kerja: Path
) -> None:
    folder = ruang_kerja / CONTOH
    daftar = klien.get(f"/dinas/{CONTOH}/data").text
    names = _berkas(folder)
    assert len(names) == 29
    for name in names:
        assert f'href="/dinas/{CONTOH}/data/{name}"' in daftar
        before = (folder / name).read_bytes()
        page = buka(klien, f"/dinas/{CONTOH}/data/{name}")
        response = page.tekan()
        assert response.status_code == 303, (name, response.text[-3000:])
        assert (folder / name).read_bytes() == before, name


def test_every_line_of_a_file_has_its_field_for_a_link_from_a_finding(klien: Klien) -> None:
    folder = DATA / CONTOH
    for name in ("renstra.yaml", "keputusan-iku.yaml", "realisasi/2019-2.yaml", "dinas.yaml"):
        html = klien.get(f"/dinas/{CONTOH}/data/{name}").text
        lines = (folder / name).read_text(encoding="utf-8").splitlines()
        found = 0
        for number, text in enumerate(lines, 1):
            anchor = jangkar(folder / name, number)
            if text.strip() and not text.lstrip().startswith("#"):
                assert anchor is not None, (name, number, text)
            if anchor:
                found += 1
                assert f'id="f-{anchor}"' in html, (name, number, anchor)
        assert found > 10
    assert jangkar(folder / "renstra.yaml", 43) == "tujuan.0.sasaran.0.indikator.0"
    assert jangkar(folder / "keputusan-iku.yaml", 16) == "mengingat"


def test_a_sasaran_and_an_iku_target_change_and_the_comments_stay(
    klien: Klien, ruang_kerja: Path
) -> None:
    url = f"/dinas/{CONTOH}/data/renstra.yaml"
    page = buka(klien, url)
    assert 'id="f-tujuan.0.sasaran.0.indikator.0.target.2019"' in page.html
    assert page.isian["tujuan.0.sasaran.0.uraian"] == "Meningkatnya Kualitas Koperasi"
    assert page.isian["tujuan.0.sasaran.0.indikator.0.target.2019"] == "80,94"
    page.set("tujuan.0.sasaran.0.uraian", "Meningkatnya Kualitas Kelembagaan Koperasi")
    page.set("tujuan.0.sasaran.0.indikator.0.target.2019", "81,5")
    response = page.tekan()
    assert response.status_code == 303 and response.headers["location"].endswith("?tersimpan=1")
    assert "Tersimpan" in klien.get(response.headers["location"]).text
    text = (ruang_kerja / CONTOH / "renstra.yaml").read_text(encoding="utf-8")
    assert "uraian: Meningkatnya Kualitas Kelembagaan Koperasi\n" in text
    assert "2019: 81,5\n" in text and "2020: 80,98\n" in text
    assert "# seed: visi dan misi adalah visi/misi RPJMD" in text
    assert 'rpjmd: "1.1.1"  # CONTOH\n' in text
    renstra = load(ruang_kerja / CONTOH).renstra
    assert renstra is not None
    iku = renstra.tujuan[0].sasaran[0].indikator[0]
    assert str(iku.target[2019]) == "81.5"


def test_a_value_the_loader_refuses_is_shown_at_its_field_and_nothing_is_written(
    klien: Klien, ruang_kerja: Path, tmp_path: Path
) -> None:
    folder = ruang_kerja / CONTOH
    before = (folder / "renstra.yaml").read_bytes()
    page = buka(klien, f"/dinas/{CONTOH}/data/renstra.yaml")
    page.set("tujuan.0.sasaran.0.indikator.0.target.2019", "80.5")
    response = page.tekan()
    assert response.status_code == 422
    assert (folder / "renstra.yaml").read_bytes() == before
    # the loader's own message, read from a file holding the same value
    salinan = tmp_path / "salinan"
    import shutil

    shutil.copytree(folder, salinan)
    (salinan / "renstra.yaml").write_text(
        before.decode().replace("2019: 80,94", "2019: 80.5"), encoding="utf-8"
    )
    with pytest.raises(DataError) as exc:
        load(salinan)
    (pesan,) = [p.message for p in exc.value.problems]
    assert "maksud Anda 80,5?" in pesan
    html = response.text
    field = html.index('id="f-tujuan.0.sasaran.0.indikator.0.target.2019"')
    assert f'<a href="#f-tujuan.0.sasaran.0.indikator.0.target.2019">{_escape(pesan)}' in html
    assert 0 < html.index(_escape(pesan), field) - field < 400  # and right after the field
    assert "Tidak disimpan" in html and 'value="80.5"' in html  # the typed value stays

    # a NIP with letters, in dinas.yaml: the same message as the loader's
    before = (folder / "dinas.yaml").read_bytes()
    page = buka(klien, f"/dinas/{CONTOH}/data/dinas.yaml")
    response = page.set("kepala.nip", "1970 ab").tekan()
    assert response.status_code == 422
    assert (folder / "dinas.yaml").read_bytes() == before
    assert "kepala.nip: NIP &#39;1970 ab&#39; hanya boleh berisi angka" in response.text
    assert re.search(r'id="f-kepala.nip".{0,300}hanya boleh berisi angka', response.text, re.S)


def _escape(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


def test_an_iki_row_is_added_choosing_what_it_supports(klien: Klien, ruang_kerja: Path) -> None:
    url = f"/dinas/{CONTOH}/data/jabatan/05-kasi-organisasi.yaml"
    page = buka(klien, url)
    # the atasan is a select of the jabatan; mendukung offers the IKU and the atasan's rows
    assert "kabid-kelembagaan" in page.pilihan["atasan"]
    assert "kasi-organisasi" not in page.pilihan["atasan"]
    assert "seksi-organisasi" in page.pilihan["unit"]
    page = lanjut(klien, url, page.tekan("_tambah", "iki.0.indikator"))
    pilihan = page.pilihan["iki.0.indikator.1.mendukung"]
    assert {"IKU-1", "IKU-2", "IKU-3", "KLB-1"} <= set(pilihan)
    assert "UM-1" not in pilihan  # another jabatan's row (not the atasan's)
    page.set("iki.0.indikator.1.kode", "ORG-2")
    page.set("iki.0.indikator.1.uraian", "Jumlah koperasi yang dibina tata laksananya")
    page.set("iki.0.indikator.1.formula.teks", "Jumlah koperasi yang dibina")
    page.set("iki.0.indikator.1.mendukung", "KLB-1")
    response = page.tekan()
    assert response.status_code == 303, response.text[-2000:]
    text = (ruang_kerja / CONTOH / "jabatan" / "05-kasi-organisasi.yaml").read_text()
    assert text.startswith("# CONTOH (bukan dari seed): kartu IKI Diskopum Lumajang")
    assert (
        "      - kode: ORG-2\n"
        "        uraian: Jumlah koperasi yang dibina tata laksananya\n"
        "        formula: Jumlah koperasi yang dibina\n"
        "        mendukung: KLB-1\n"
    ) in text


def test_organisasi_is_created_from_nothing(klien: Klien, ruang_kerja: Path) -> None:
    nama = "lumajang-diskopum-2014"
    daftar = klien.get(f"/dinas/{nama}/data").text
    assert f'organisasi.yaml — <a href="/dinas/{nama}/data/organisasi.yaml">buat</a>' in daftar
    url = f"/dinas/{nama}/data/organisasi.yaml"
    page = buka(klien, url)
    assert "belum ada" in page.html
    page = lanjut(klien, url, page.tekan("_tambah", "unit"))
    page = lanjut(klien, url, page.tekan("_tambah", "unit"))
    page.set("tugas", "Melaksanakan urusan koperasi dan usaha mikro")
    page.set("unit.0.kode", "sekretariat").set("unit.0.nama", "Sekretariat")
    page.set("unit.0.pimpinan", "Sekretaris")
    page.set("unit.1.kode", "bidang-koperasi").set("unit.1.nama", "Bidang Koperasi")
    page = lanjut(klien, url, page.tekan("_tambah", "unit"))  # the new unit's induk: a select
    assert "sekretariat" in page.pilihan["unit.2.induk"]
    page = lanjut(klien, url, page.tekan("_hapus", "unit|2"))
    assert "unit.2.kode" not in page.isian
    response = page.tekan()
    assert response.status_code == 303, response.text[-2000:]
    organisasi = load(ruang_kerja / nama).organisasi
    assert organisasi is not None
    assert [u.kode for u in organisasi.unit] == ["sekretariat", "bidang-koperasi"]
    assert organisasi.tugas == ["Melaksanakan urusan koperasi dan usaha mikro"]


def test_a_new_dinas_gets_two_iku_and_a_jabatan_through_the_forms(
    klien: Klien, ruang_kerja: Path
) -> None:
    assert klien.kirim("/dinas/baru", {"nama": "kediri-dinkes"}).status_code == 200
    url = "/dinas/kediri-dinkes/data/renstra.yaml"
    page = buka(klien, url)
    page.set("periode.awal", "2025").set("periode.akhir", "2029")
    page = lanjut(klien, url, page.tekan("_tambah", "sasaran"))
    page.set("sasaran.0.kode", "S1").set("sasaran.0.uraian", "Meningkatnya derajat kesehatan")
    page = lanjut(klien, url, page.tekan("_tambah", "sasaran.0.indikator"))
    page = lanjut(klien, url, page.tekan("_tambah", "sasaran.0.indikator"))
    for i, (kode, uraian, satuan) in enumerate(
        [("IKU-1", "Persentase balita gizi baik", "%"), ("IKU-2", "Jumlah puskesmas", "unit")]
    ):
        p = f"sasaran.0.indikator.{i}"
        page.set(f"{p}.kode", kode).set(f"{p}.uraian", uraian).set(f"{p}.satuan", satuan)
        page.set(f"{p}.formula.teks", f"Jumlah {uraian.lower()}")
        page.set(f"{p}.sumber_data", "Seksi Kesehatan Keluarga")
        for tahun in range(2025, 2030):
            page.set(f"{p}.target.{tahun}", f"{tahun - 1990},5")
    response = page.tekan()
    assert response.status_code == 303, response.text[-3000:]
    text = (ruang_kerja / "kediri-dinkes" / "renstra.yaml").read_text()
    assert "# Renstra: periode" in text and "2027: 37,5\n" in text

    response = klien.kirim(
        "/dinas/kediri-dinkes/data",
        {"jenis": "jabatan", "kode": "sekretaris", "nama_jabatan": "SEKRETARIS", "atasan": ""},
        follow_redirects=False,
    )
    assert response.status_code == 303
    url = response.headers["location"].removeprefix("http://127.0.0.1")
    assert url == "/dinas/kediri-dinkes/data/jabatan/01-sekretaris.yaml"
    page = lanjut(klien, url, buka(klien, url).tekan("_tambah", "iki"))
    page.set("iki.0.sasaran", "Meningkatnya tertib administrasi")
    page.set("iki.0.indikator.0.uraian", "Persentase dokumen perencanaan tepat waktu")
    page.set("iki.0.indikator.0.formula.teks", "Jumlah dokumen tepat waktu")
    assert page.pilihan["iki.0.indikator.0.mendukung"][1:] == ["IKU-1", "IKU-2"]
    page.set("iki.0.indikator.0.mendukung", "IKU-2")
    response = page.tekan()
    assert response.status_code == 303, response.text[-3000:]
    data = load(ruang_kerja / "kediri-dinkes")
    assert data.renstra is not None
    assert [i.kode for i in data.renstra.sasaran[0].indikator] == ["IKU-1", "IKU-2"]
    assert data.jabatan[0].iki[0].indikator[0].mendukung == "IKU-2"


def test_a_new_quarter_and_its_realisasi(klien: Klien, ruang_kerja: Path) -> None:
    response = klien.kirim(
        f"/dinas/{CONTOH}/data", {"jenis": "triwulan", "tahun": "2020", "triwulan": "1"},
        follow_redirects=False,
    )  # fmt: skip
    assert response.status_code == 303
    url = f"/dinas/{CONTOH}/data/realisasi/2020-1.yaml"
    page = buka(klien, url)
    assert "IKU-2" in page.html and "Persentase Koperasi Sehat dan Cukup Sehat" in page.html
    page.set("indikator.IKU-1", "75,5").set("anggaran.1.1", "1.250.000")
    page.set("kendala", "Data koperasi terlambat\nAnggaran bergeser")
    assert page.tekan().status_code == 303
    data = load(ruang_kerja / CONTOH)
    laporan = data.realisasi[-1]
    assert (laporan.tahun, laporan.triwulan) == (2020, 1)
    assert str(laporan.indikator["IKU-1"]) == "75.5" and laporan.anggaran == {"1.1": 1250000}
    assert laporan.kendala == ["Data koperasi terlambat", "Anggaran bergeser"]
    text = (ruang_kerja / CONTOH / "realisasi" / "2020-1.yaml").read_text()
    assert "'1.1': 1.250.000" in text
    response = klien.kirim(
        f"/dinas/{CONTOH}/data", {"jenis": "triwulan", "tahun": "2020", "triwulan": "1"}
    )
    assert response.status_code == 422 and "sudah ada" in response.text


def test_the_catalogue_is_searched_and_a_key_added_to_mengingat(
    klien: Klien, ruang_kerja: Path
) -> None:
    url = f"/dinas/{CONTOH}/data/keputusan-iku.yaml"
    page = buka(klien, url)
    page.set("_cari_teks.mengingat", "aparatur sipil")
    page = lanjut(klien, url, page.tekan("_cari", "mengingat"))
    assert "uu-5-2014" in page.html and "Aparatur Sipil Negara" in page.html
    page = lanjut(klien, url, page.tekan("_sisip", "mengingat|uu-5-2014"))
    assert page.isian["mengingat"].splitlines()[-1] == "uu-5-2014"
    assert page.tekan().status_code == 303
    keputusan = load(ruang_kerja / CONTOH).keputusan
    assert keputusan is not None and keputusan.mengingat[-1] == "uu-5-2014"


def test_the_dinas_own_regulations_are_a_keyed_form(klien: Klien, ruang_kerja: Path) -> None:
    url = f"/dinas/{CONTOH}/data/peraturan.yaml"
    page = buka(klien, url)
    assert 'id="f-peraturan.perda-lmj-15-2016.tentang"' in page.html
    page.set("peraturan.__baru", "perbup-lmj-1-2021")
    page = lanjut(klien, url, page.tekan("_tambah", "peraturan"))
    p = "peraturan.perbup-lmj-1-2021"
    page.set(f"{p}.jenis", "perbup").set(f"{p}.penerbit", "Lumajang").set(f"{p}.nomor", "1")
    page.set(f"{p}.tahun", "2021").set(f"{p}.tentang", "Rencana Kerja Dinas")
    response = page.tekan()
    assert response.status_code == 303, response.text[-3000:]
    assert load(ruang_kerja / CONTOH).peraturan["perbup-lmj-1-2021"].nomor == "1"


def test_names_outside_the_data_files_are_refused(klien: Klien, ruang_kerja: Path) -> None:
    for berkas in ("../malang-diskopum/dinas.yaml", "jabatan/../../x.yaml", "periksa.txt"):
        assert klien.get(f"/dinas/{CONTOH}/data/{berkas}").status_code == 404
    assert klien.get(f"/dinas/{CONTOH}/data/jabatan/99-tidak-ada.yaml").status_code == 404
    response = klien.kirim(
        f"/dinas/{CONTOH}/data",
        {"jenis": "jabatan", "kode": "../luar", "nama_jabatan": "X"},
    )
    assert response.status_code == 422 and "huruf kecil" in response.text
    assert not (ruang_kerja / "luar.yaml").exists()
