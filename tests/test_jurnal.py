"""The table with its latest changes beside it (cache and manifest of thousands of rows)."""

from pathlib import Path

from dokgen.jurnal import Jurnal


def rows(n: int) -> dict[str, tuple]:
    return {f"{i:05d}.yaml": (i, f"isi {i}") for i in range(n)}


def write(path: Path, table: dict, berubah, kepala="data/x/jabatan", tanda="t") -> Jurnal:
    jurnal = Jurnal(path, tanda)
    jurnal.baca()
    jurnal.tulis(kepala, table, berubah)
    return jurnal


def test_a_few_changes_go_beside_the_table_and_are_read_back_with_it(tmp_path):
    path = tmp_path / "tabel"
    table = rows(400)
    write(path, table, table)
    before = path.read_bytes()

    jurnal = Jurnal(path, "t")
    _, read = jurnal.baca()
    read["00007.yaml"] = (7, "isi baru & <lain>")
    del read["00009.yaml"]
    read["baru.yaml"] = (0, "tambah")
    jurnal.tulis("data/x/jabatan", read, ["00007.yaml", "00009.yaml", "baru.yaml"])

    assert path.read_bytes() == before  # the table itself untouched
    assert (tmp_path / "tabel.baru").stat().st_size < len(before) / 10
    kepala, again = Jurnal(path, "t").baca()
    assert kepala == "data/x/jabatan"
    assert again == read
    assert "00009.yaml" not in again and again["00007.yaml"] == (7, "isi baru & <lain>")


def test_changes_past_a_twentieth_rewrite_the_table(tmp_path):
    path = tmp_path / "tabel"
    table = rows(400)
    write(path, table, table)
    jurnal = Jurnal(path, "t")
    _, read = jurnal.baca()
    changed = list(read)[:25]  # more than 400 / 20 and more than 16
    for name in changed:
        read[name] = (-1, "ubah")
    jurnal.tulis("data/x/jabatan", read, changed)
    assert not (tmp_path / "tabel.baru").exists()
    assert Jurnal(path, "t").baca()[1] == read


def test_changes_of_an_older_table_are_not_applied(tmp_path):
    path = tmp_path / "tabel"
    write(path, rows(100), rows(100))
    jurnal = Jurnal(path, "t")
    _, read = jurnal.baca()
    read["00001.yaml"] = (1, "lama")
    jurnal.tulis("data/x/jabatan", read, ["00001.yaml"])
    stale = (tmp_path / "tabel.baru").read_bytes()
    write(path, rows(100), rows(100))  # the table written anew (say, by another run)
    (tmp_path / "tabel.baru").write_bytes(stale)
    assert Jurnal(path, "t").baca()[1]["00001.yaml"] == (1, "isi 1")


def test_a_new_header_rewrites_the_table(tmp_path):
    path = tmp_path / "tabel"
    write(path, rows(100), rows(100))
    jurnal = Jurnal(path, "t")
    _, read = jurnal.baca()
    jurnal.tulis("data/folder-lain/jabatan", read, [])
    assert Jurnal(path, "t").baca()[0] == "data/folder-lain/jabatan"


def test_damaged_missing_or_foreign_tables_read_as_empty(tmp_path):
    path = tmp_path / "tabel"
    assert Jurnal(path, "t").baca() == (None, {})
    write(path, rows(10), rows(10))
    assert Jurnal(path, "lain").baca() == (None, {})  # another mark: another kind of data
    path.write_bytes(b"\x00rusak")
    assert Jurnal(path, "t").baca() == (None, {})
