"""Indonesian formatting of numbers, money, dates, words and labels — the template filters.

Babel (``id_ID``) formats numbers and dates, num2words (``lang='id'``) spells numbers; nothing
here re-implements either.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext

from babel.dates import format_date, get_month_names
from babel.numbers import format_decimal

LOCALE = "id_ID"
KOSONG = "–"
"""Printed for a value that is not (yet) known — never 0."""

Number = int | float | Decimal


PRESISI = Context(prec=80)
"""Digits enough for any number the model allows (below 10^15, 10 decimals) and for what is
computed from them (a capaian of a tiny target), rounded to a few decimals."""


def angka(value: Number | None, desimal: int | None = None) -> str:
    """749455000 → '749.455.000'; with ``desimal=2``: 44.1234 → '44,12' (half rounds up)."""
    if value is None:
        return KOSONG
    with localcontext(PRESISI):  # a capaian of 10^27 % needs more than Decimal's 28 digits
        if desimal is None:
            return format_decimal(value, locale=LOCALE)
        exact = Decimal(str(value)).quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)
        pattern = "#,##0." + "0" * desimal if desimal else "#,##0"
        return format_decimal(exact, format=pattern, locale=LOCALE, decimal_quantization=True)


def angka_tertulis(value: Decimal | None) -> str:
    """A measured value with the decimals it was written with: Decimal('80.90') → '80,90'."""
    if value is None:
        return KOSONG
    exponent = value.as_tuple().exponent
    return angka(value, max(0, -exponent) if isinstance(exponent, int) else None)


def persen(value: Number | None, desimal: int = 2) -> str:
    """44.1234 → '44,12' (the % sign belongs to the column header or the template)."""
    return angka(value, desimal)


def rupiah(value: Number | None) -> str:
    """1500000 → 'Rp 1.500.000'."""
    return KOSONG if value is None else f"Rp {angka(value, 0)}"


LANJUT = "\ue000"
"""Cell content meaning 'continues the cell above': the renderer merges the cell vertically into
it. Documents whose spans are not one Jinja loop (the cascade Sasaran → IKU → Program → Kegiatan)
flatten their rows in Python and put ``LANJUT`` where a cell continues (``render._merge_down``).
Kept here, not in the renderer, so that the documents' contexts (built by ``dokgen check`` for
the IKI cards) need no renderer."""

TITIK = "…………………"
"""A blank the signer fills in by hand (nomor, day, month)."""


def tanggal_ttd(tanggal: dt.date | None, bulan: str | None, tahun: int | None = None) -> str:
    """The date under a signature: '15 Januari 2021'; '………… Januari 2021' when only the month
    ('2021-01') is known; '………… ………… 2021' when only the year; all blank otherwise."""
    if tanggal:
        return format_date(tanggal, "d MMMM y", locale=LOCALE)
    if bulan:
        year, month = (int(part) for part in bulan.split("-"))
        return f"{TITIK} {format_date(dt.date(year, month, 1), 'MMMM y', locale=LOCALE)}"
    return f"{TITIK} {TITIK}" + (f" {tahun}" if tahun else "")


def nama_bulan(month: int) -> str:
    """1 → 'Januari'."""
    name: str = get_month_names("wide", locale=LOCALE)[month]
    return name


def tanggal(value: dt.date | None) -> str:
    """date(2021, 1, 15) → '15 Januari 2021'."""
    return KOSONG if value is None else format_date(value, "d MMMM y", locale=LOCALE)


def terbilang(value: int) -> str:
    """19 → 'sembilan belas'."""
    from num2words import num2words  # imported when a document spells a number: a check needs none

    words: str = num2words(value, lang="id")  # num2words has no type hints
    return words


def bilangan(value: int) -> str:
    """19 → '19 (sembilan belas)', as counts are written in prose."""
    return f"{value} ({terbilang(value)})"


def diktum(value: int) -> str:
    """1 → 'KESATU', 2 → 'KEDUA': the words of a decree's diktum.

    num2words gives 'pertama' for 1; a decree says 'kesatu'.
    """
    from num2words import num2words

    word = "kesatu" if value == 1 else num2words(value, lang="id", to="ordinal")
    return word.upper()


def nip(value: str | None) -> str:
    """'195905311986032004' → '19590531 198603 2 004' (8-6-1-3); other lengths unchanged."""
    if not value:
        return ""
    digits = value.replace(" ", "")
    if len(digits) != 18:
        return value
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def huruf(index: int) -> str:
    """Label of the ``index``-th item (1-based) of a lettered list: 1 → 'a', 27 → 'aa'."""
    if index < 1:
        raise ValueError("index starts at 1")
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


FILTERS = {
    "angka": angka,
    "persen": persen,
    "angka_tertulis": angka_tertulis,
    "rupiah": rupiah,
    "tanggal": tanggal,
    "terbilang": terbilang,
    "bilangan": bilangan,
    "diktum": diktum,
    "nip": nip,
    "huruf": huruf,
}
