"""The Spanish interface is complete, and the committed compiled catalog matches its source."""

import re
from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[1] / "locale" / "es" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\{\s*\w+\s*\}\}|%[sd]")


@pytest.fixture(scope="module")
def catalog() -> polib.POFile:
    return polib.pofile(str(LOCALE / "django.po"))


def test_spanish_catalog_has_no_untranslated_or_fuzzy_entry(catalog):
    assert [entry.msgid for entry in catalog.untranslated_entries()] == []
    assert [entry.msgid for entry in catalog.fuzzy_entries()] == []


def test_spanish_translations_keep_every_placeholder(catalog):
    broken = []
    for entry in catalog.translated_entries():
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        expected = sorted(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        broken += [
            entry.msgid for text in translations if sorted(PLACEHOLDER.findall(text)) != expected
        ]
    assert broken == []


def test_compiled_catalog_matches_its_source(catalog):
    compiled = polib.mofile(str(LOCALE / "django.mo"))

    source = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in catalog.translated_entries()
    }
    binary = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in compiled if e.msgid}
    assert binary == source, "run `make messages` to recompile django.mo"


def test_every_translatable_string_in_the_code_is_in_the_catalog(catalog):
    """Catches a string added to a template or module without `make messages` afterwards."""
    root = LOCALE.parents[2]
    known = {entry.msgid for entry in catalog}
    marked = re.compile(r"""{% (?:translate|trans) "([^"]+)" %}|\b_\(\s*"([^"]+)"\s*\)""")
    missing = set()
    for path in [*root.rglob("*.html"), *root.rglob("*.py")]:
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for match in marked.finditer(path.read_text(encoding="utf-8")):
            text = match.group(1) or match.group(2)
            if text not in known:
                missing.add(f"{path.relative_to(root)}: {text}")
    assert sorted(missing) == []
