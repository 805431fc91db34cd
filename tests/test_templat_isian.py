"""Templates and the contexts dokgen gives them agree, and the README says what they hold.

For every template, over every document made with it from the example data folders (where its
kind applies) and from ``dokgen diff --format docx``:

- every name the template reads is in the context of every document — a template may not
  depend on a field that some documents lack;
- every name a document module puts in the context is read by the template, or is listed in
  :data:`UNUSED` with its reason — a field nobody reads is either dead code or documented.

The README's "Isian setiap templat" has a table per template naming every field the template
reads (and nothing the documents do not give), and its table of document kinds follows the
registry (:data:`dokgen.documents.MODULES`).
"""

from __future__ import annotations

import itertools
import re
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dokgen.cache import Cache
from dokgen.cli import app
from dokgen.documents import MODULES, kinds
from dokgen.jabatan import card_context
from dokgen.load import load
from dokgen.render import Template, template_variables
from dokgen.resources import TEMPLATES
from tests.conftest import CONTOH, DATA, ROOT

Context = dict[str, Any]
Contexts = dict[str, Context]
"""The contexts of the documents made with one template, by document (folder/file name)."""

MATRIKS = "matriks-perubahan.docx"
"""Rendered by ``dokgen diff --format docx`` (the ``diff`` command in dokgen/cli.py), not by a
document kind."""

DIFF = ("bandarlampung-diskopukm", "bandarlampung-diskopukm-perubahan")
"""The example pair whose matriks perubahan is rendered."""

UNUSED: dict[str, dict[str, str]] = {
    "keputusan-iku.docx": {
        "dinas": "documents.common.dasar gives every letter the dinas, for a clerk's own template",
        "nama": "documents.common.dasar: the full name, e.g. for a running header a clerk adds",
    },
    "dokumen-iku.docx": {
        "kop": "documents.common.dasar: the bundled Dokumen IKU opens with a cover, not a kop",
    },
    "lkj-triwulan.docx": {
        "kop": "documents.common.dasar: the bundled LKj opens with a cover, not a kop",
    },
    "iki.docx": {
        "dinas": "documents.iki.bersama: the dinas on every card, for a header a clerk adds",
    },
}
"""Context keys a template legitimately does not read today, with the reason for each."""

README = ROOT / "README.md"
SECTION = "Isian setiap templat"
SHARED = {
    "Isian bersama": ("keputusan-iku.docx", ""),
    "Isian sebuah indikator": ("keputusan-iku.docx", "sasaran[].indikator[]"),
}
"""README tables that are no template's own: the template whose contexts hold their fields, and
the path a field's leading ``i`` stands for (one indikator)."""

TEMPLATE_NAMES = sorted(path.name for path in TEMPLATES.glob("*.docx"))


# --- the contexts ---------------------------------------------------------------------------


def kind_contexts() -> Iterator[tuple[str, str, Context]]:
    """(template, document, full context) of every document of every kind of every example."""
    for folder in CONTOH:
        cache = Cache()  # in memory; the same one must serve load() and card_context()
        data = load(folder, cache)
        for kind in kinds().values():
            if kind.missing(data) is not None:
                continue
            for doc in kind.documents(data):
                card = card_context(data, doc.cached, cache) if doc.cached else {}
                yield kind.template, f"{folder.name}/{doc.nama_berkas}", {**doc.context, **card}


def diff_context(output: Path) -> Context:
    """The context ``dokgen diff --format docx`` renders the matriks perubahan with: taken from
    the real command, so a key renamed in dokgen/cli.py is seen here."""
    captured: list[tuple[Path, Context]] = []
    render_dokumen = Template.render_dokumen

    def spy(self: Template, context: Mapping[str, Any], *args: Any, **kwargs: Any) -> Any:
        captured.append((self.path, dict(context)))
        return render_dokumen(self, context, *args, **kwargs)

    old, new = (str(DATA / name) for name in DIFF)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Template, "render_dokumen", spy)
        result = CliRunner().invoke(app, ["diff", old, new, "--format", "docx", "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert [path.name for path, _ in captured] == [MATRIKS], "dokgen diff renders otherwise now"
    return captured[0][1]


@pytest.fixture(scope="module")
def contexts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Contexts]:
    """Every document's full context, by template."""
    result: dict[str, Contexts] = {}
    for template, document, context in kind_contexts():
        result.setdefault(template, {})[document] = context
    output = tmp_path_factory.mktemp("diff") / MATRIKS
    result[MATRIKS] = {f"dokgen diff {' '.join(DIFF)}": diff_context(output)}
    return result


# --- the comparison -------------------------------------------------------------------------


def missing_names(variables: set[str], contexts: Contexts) -> dict[str, list[str]]:
    """The names the template reads that a document's context lacks, by document."""
    result = {
        document: sorted(variables - context.keys()) for document, context in contexts.items()
    }
    return {document: names for document, names in result.items() if names}


def summary(missing: dict[str, list[str]]) -> str:
    """``missing`` in a line a person reads: each set of names with how many documents lack it
    and the first of them."""
    by_names: dict[tuple[str, ...], list[str]] = {}
    for document, names in missing.items():
        by_names.setdefault(tuple(names), []).append(document)
    return "; ".join(
        f"{', '.join(names)} (in {len(documents)} document(s), e.g. {documents[0]})"
        for names, documents in by_names.items()
    )


def unused_names(
    variables: set[str], contexts: Contexts, exceptions: Mapping[str, str]
) -> list[str]:
    """The names some document's context gives that the template does not read, less the
    documented exceptions."""
    provided = set().union(*(context.keys() for context in contexts.values()))
    return sorted(provided - variables - exceptions.keys())


def test_every_template_is_checked(contexts: dict[str, Contexts]) -> None:
    """Each template in templates/ belongs to a kind (or is the diff's) and some example data
    makes documents with it: otherwise the comparisons below would check nothing."""
    expected = {kind.template for kind in kinds().values()} | {MATRIKS}
    assert set(TEMPLATE_NAMES) == expected
    assert {name for name in TEMPLATE_NAMES if not contexts.get(name)} == set()


@pytest.mark.parametrize("template", TEMPLATE_NAMES)
def test_every_field_a_template_reads_is_in_every_context(
    template: str, contexts: dict[str, Contexts]
) -> None:
    missing = missing_names(template_variables(TEMPLATES / template), contexts[template])
    assert missing == {}, f"{template} reads names some documents do not give: {summary(missing)}"


@pytest.mark.parametrize("template", TEMPLATE_NAMES)
def test_every_field_the_documents_give_is_read(
    template: str, contexts: dict[str, Contexts]
) -> None:
    variables = template_variables(TEMPLATES / template)
    exceptions = UNUSED.get(template, {})
    unused = unused_names(variables, contexts[template], exceptions)
    assert unused == [], f"{template} does not read {unused}: use them, drop them or list them"
    given = set().union(*(context.keys() for context in contexts[template].values()))
    stale = sorted((exceptions.keys() & variables) | (exceptions.keys() - given))
    assert stale == [], f"UNUSED[{template!r}] lists names read or not given: {stale}"


def misspelt_copy(template: str, old: str, new: str, folder: Path) -> Path:
    """A copy of ``template`` with ``old`` replaced by ``new`` in the body's XML."""
    copy = folder / template
    with zipfile.ZipFile(TEMPLATES / template) as source, zipfile.ZipFile(copy, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                assert old.encode() in data
                data = data.replace(old.encode(), new.encode())
            target.writestr(item, data)
    return copy


def test_a_misspelt_field_is_caught(contexts: dict[str, Contexts], tmp_path: Path) -> None:
    """The comparison can fail: a template whose ``ttd.…`` became ``tdd.…`` reads a name no
    card gives, and leaves ``ttd`` unread."""
    variables = template_variables(misspelt_copy("iki.docx", "ttd.", "tdd.", tmp_path))
    cards = contexts["iki.docx"]
    assert missing_names(variables, cards) == {card: ["tdd"] for card in cards}
    assert unused_names(variables, cards, UNUSED["iki.docx"]) == ["ttd"]


# --- the README -----------------------------------------------------------------------------


def readme_tables() -> dict[str, list[str]]:
    """The fields named in the first column of each table of the README's section
    "Isian setiap templat", by subsection: a template's file name, or the heading's text."""
    text = README.read_text(encoding="utf-8")
    match = re.search(rf"^### {SECTION}\n(.*?)(?=^#{{2,3}} |\Z)", text, re.M | re.S)
    assert match, f"README.md has no section '### {SECTION}'"
    tables: dict[str, list[str]] = {}
    parts = re.split(r"^#### (.*)\n", match.group(1), flags=re.M)
    for heading, body in zip(parts[1::2], parts[2::2], strict=True):
        template = re.search(r"`([^`]+\.docx)`", heading)
        key = template.group(1) if template else heading.split("—")[0].strip()
        cells = re.findall(r"^\|([^|\n]*)\|", body, re.M)
        tables[key] = [field for cell in cells for field in re.findall(r"`([^`]+)`", cell)]
    return tables


def top(field: str) -> str:
    """``jabatan`` of ``jabatan.iki[].sasaran``."""
    return re.split(r"[.\[]", field, maxsplit=1)[0]


def resolves(value: Any, path: str) -> bool:
    """Whether ``path`` (``a.b``, ``a[]``, ``a[].b``) names something in ``value``. An empty
    list lets any item path through: the example data may have no item to look into."""
    steps = re.findall(r"\[\]|[^.\[\]]+", path)

    def walk(value: Any, steps: list[str]) -> bool:
        if not steps:
            return True
        step, rest = steps[0], steps[1:]
        if step == "[]":
            return isinstance(value, list) and (not value or any(walk(v, rest) for v in value))
        return isinstance(value, dict) and step in value and walk(value[step], rest)

    return walk(value, steps)


@pytest.mark.parametrize("template", TEMPLATE_NAMES)
def test_readme_lists_every_field_of_every_template(
    template: str, contexts: dict[str, Contexts]
) -> None:
    tables = readme_tables()
    assert template in tables, f"README '{SECTION}' has no table for `{template}`"
    listed = {top(field) for field in tables[template]}
    missing = sorted(template_variables(TEMPLATES / template) - listed)
    assert missing == [], f"README '{SECTION}', `{template}`: fields not listed: {missing}"
    documents = contexts[template].values()
    unknown = [f for f in tables[template] if not any(resolves(c, f) for c in documents)]
    assert unknown == [], f"README '{SECTION}', `{template}`: no document gives {unknown}"


@pytest.mark.parametrize("heading", sorted(SHARED))
def test_readme_shared_fields_exist(heading: str, contexts: dict[str, Contexts]) -> None:
    template, item = SHARED[heading]
    fields = readme_tables()[heading]
    assert fields, f"README '{SECTION}' has no table '{heading}'"
    paths = [re.sub(r"^i\b", item, f) if item else f for f in fields if top(f) != "gambar"]
    documents = contexts[template].values()
    unknown = [f for f in paths if not any(resolves(c, f) for c in documents)]
    assert unknown == [], f"README '{SECTION}', '{heading}': no document gives {unknown}"


def test_readme_kinds_table_follows_the_registry() -> None:
    text = README.read_text(encoding="utf-8")
    start = text.index("| jenis (`--hanya`) |")
    rows = list(itertools.takewhile(lambda line: line.startswith("|"), text[start:].splitlines()))
    names = [row.split("|")[1].strip().strip("`") for row in rows[2:]]
    assert names == list(MODULES)
