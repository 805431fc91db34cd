"""The workbook file before openpyxl sees it: a bounded, whole .xlsx, or one Indonesian sentence.

An .xlsx is a zip of XML parts. openpyxl trusts it: a zip bomb (a few kilobytes that inflate to
gigabytes) would fill the memory, a truncated file ends in a zipfile traceback, and an old .xls or
a password-protected workbook in an English message. So the file is judged first, by what is
cheap to know: its size on disk, the number of its parts and the sizes they declare (Python's
zipfile never inflates a part past its declared size, so the declared sum bounds what is read),
then every part is inflated once, in pieces, which checks its CRC and that no part declares a DTD
(an .xlsx never has one; a DTD is how an XML "billion laughs" bomb starts).
"""

from __future__ import annotations

import errno
import io
import stat
import zipfile
import zlib
from pathlib import Path

from dokgen.errors import DataError, Location, Problem

MAX_BERKAS = 64 * 2**20
"""Bytes on disk: a workbook of 5,000 jabatan and their IKI rows is a few megabytes."""
MAX_ISI = 256 * 2**20
"""Bytes of all the parts once inflated."""
MAX_BAGIAN = 10_000
"""Parts in the zip (sheets, styles, relationships …): an exported workbook has about 20."""
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""How a Compound File starts: an Excel 97–2003 .xls, or an .xlsx locked with a password."""
_PROLOG = 4096
"""Bytes at the start of a part where a DTD would be (it must come before the root element)."""


def _galat(path: Path, message: str) -> DataError:
    return DataError([Problem(Location(path), message)])


def alasan_os(exc: OSError) -> str:
    """An operating-system error as a few Indonesian words (no English text of the library)."""
    reasons = {
        errno.ENOENT: "tidak ada",
        errno.EACCES: "izin ditolak",
        errno.EPERM: "izin ditolak",
        errno.ENOSPC: "disk penuh",
        errno.EDQUOT: "kuota disk habis",
        errno.EROFS: "disk hanya dapat dibaca",
        errno.EISDIR: "berupa folder, bukan berkas",
        errno.ENOTDIR: "salah satu foldernya berupa berkas",
        errno.EEXIST: "sudah ada",
        errno.ENAMETOOLONG: "nama terlalu panjang",
        errno.EBUSY: "sedang dipakai program lain",
        errno.ETXTBSY: "sedang dipakai program lain",
        errno.EIO: "galat baca/tulis disk",
        errno.ELOOP: "tautan simbolik berputar",
    }
    return reasons.get(exc.errno or 0, f"galat sistem nomor {exc.errno}")


def baca_xlsx(path: Path) -> bytes:
    """The bytes of the workbook at ``path`` once they are known to be a whole, bounded .xlsx."""
    try:
        info = path.stat()
    except OSError as exc:
        raise _galat(path, f"buku kerja tidak dapat dibuka: {alasan_os(exc)}") from None
    if stat.S_ISDIR(info.st_mode):
        raise _galat(path, "ini folder, bukan berkas buku kerja Excel (.xlsx)")
    if not stat.S_ISREG(info.st_mode):
        raise _galat(path, "bukan berkas biasa; berikan berkas buku kerja Excel (.xlsx)")
    if info.st_size > MAX_BERKAS:
        raise _galat(
            path,
            f"buku kerja terlalu besar ({info.st_size // 2**20} MB; paling besar"
            f" {MAX_BERKAS // 2**20} MB)",
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _galat(path, f"buku kerja tidak dapat dibaca: {alasan_os(exc)}") from None
    if data.startswith(OLE):
        raise _galat(
            path,
            "ini buku kerja Excel 97–2003 (.xls) atau buku kerja berkata sandi; buka di Excel"
            " dan simpan sebagai 'Excel Workbook (.xlsx)' tanpa kata sandi",
        )
    if not data.startswith(b"PK"):
        raise _galat(path, "bukan buku kerja Excel (.xlsx); simpan dari Excel sebagai .xlsx")
    _periksa_zip(path, data)
    return data


def _periksa_zip(path: Path, data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise _galat(
            path, "buku kerja rusak atau terpotong (isinya tidak utuh); simpan ulang dari Excel"
        ) from None
    with archive:
        if len(infos) > MAX_BAGIAN:
            raise _galat(path, f"buku kerja berisi lebih dari {MAX_BAGIAN} bagian; bukan .xlsx")
        names = {i.filename for i in infos}
        if "mimetype" in names and "[Content_Types].xml" not in names:
            raise _galat(
                path, "ini lembar kerja OpenDocument (.ods); simpan sebagai .xlsx lalu impor"
            )
        if "[Content_Types].xml" not in names:
            raise _galat(path, "bukan buku kerja Excel (.xlsx): bagian wajibnya tidak ada")
        total = sum(i.file_size for i in infos)
        if total > MAX_ISI:
            raise _galat(
                path,
                f"isi buku kerja terlalu besar setelah dibuka ({total // 2**20} MB; paling besar"
                f" {MAX_ISI // 2**20} MB) — berkas ini bukan buku kerja biasa",
            )
        for info in infos:
            if info.flag_bits & 0x1:
                raise _galat(path, "buku kerja berkata sandi; simpan tanpa kata sandi lalu impor")
            _periksa_bagian(path, archive, info)


def _periksa_bagian(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Inflate one part in pieces (zipfile checks its CRC at the end); no DTD in its prolog."""
    try:
        with archive.open(info) as part:
            head = part.read(_PROLOG)
            while part.read(2**20):
                pass
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError, OSError):
        raise _galat(
            path,
            f"buku kerja rusak atau terpotong (bagian {info.filename} tidak utuh);"
            " simpan ulang dari Excel",
        ) from None
    head = head.replace(b"\0", b"")  # the same words in UTF-16
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise _galat(
            path, f"bagian {info.filename} memuat DTD, yang tidak pernah ada di buku kerja Excel"
        )
