"""The first screens: the dinas of the workspace, a new dinas, one dinas at a glance; the app's
guards (form token, host, paths)."""

from __future__ import annotations

from pathlib import Path

from tests.web.conftest import Klien


def test_home_lists_every_dinas_of_the_workspace(klien: Klien) -> None:
    page = klien.get("/").text
    for name in ("contoh-lengkap", "lumajang-diskopum", "malang-diskopum"):
        assert f'href="/dinas/{name}"' in page


def test_a_dinas_at_a_glance_says_what_it_can_produce_and_what_it_lacks(klien: Klien) -> None:
    page = klien.get("/dinas/lumajang-diskopum").text
    assert "Dinas Koperasi dan Usaha Mikro" in page and "Kabupaten Lumajang" in page
    assert "Keputusan IKU</td>" in page and "tidak ada keputusan-iku.yaml" in page
    assert "Laporan Kinerja</td>" in page and "Siap dibuat" in page
    assert "0 galat" in page and "9 peringatan" in page


def test_a_new_dinas_is_created_and_opened(klien: Klien, ruang_kerja: Path) -> None:
    response = klien.kirim("/dinas/baru", {"nama": "kediri-dinkes"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/dinas/kediri-dinkes"
    assert (ruang_kerja / "kediri-dinkes" / "dinas.yaml").is_file()
    assert klien.get("/dinas/kediri-dinkes").status_code == 200


def test_a_bad_or_taken_name_is_refused_in_the_form(klien: Klien, ruang_kerja: Path) -> None:
    response = klien.kirim("/dinas/baru", {"nama": "../luar"})
    assert response.status_code == 422 and "huruf kecil, angka dan tanda hubung" in response.text
    assert not (ruang_kerja.parent / "luar").exists()
    response = klien.kirim("/dinas/baru", {"nama": "malang-diskopum"})
    assert response.status_code == 422 and "sudah ada" in response.text


def test_a_form_without_the_token_or_from_another_site_is_refused(
    klien: Klien, ruang_kerja: Path
) -> None:
    assert klien.post("/dinas/baru", data={"nama": "x-dinas"}).status_code == 403
    response = klien.kirim(
        "/dinas/baru", {"nama": "x-dinas"}, headers={"origin": "http://jahat.example"}
    )
    assert response.status_code == 403 and "situs lain" in response.text
    assert not (ruang_kerja / "x-dinas").exists()


def test_another_host_name_and_paths_outside_the_workspace_are_refused(klien: Klien) -> None:
    assert klien.get("/", headers={"host": "jahat.example"}).status_code == 400
    assert klien.get("/dinas/..%2f..%2fetc").status_code == 404
    assert klien.get("/dinas/tidak-ada").status_code == 404


def test_a_data_file_the_loader_refuses_shows_its_error_not_a_crash(
    klien: Klien, ruang_kerja: Path
) -> None:
    (ruang_kerja / "malang-diskopum" / "dinas.yaml").write_text("nama: [\n", encoding="utf-8")
    response = klien.get("/dinas/malang-diskopum")
    assert response.status_code == 422
    assert "dinas.yaml:" in response.text and "Traceback" not in response.text
