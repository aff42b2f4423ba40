"""Fill Spanish translations into the catalog from a JSON file of {msgid: msgstr}, then report
what is still untranslated. Used after `make messages`:

    .venv/bin/python tools/translate.py new.json && make messages
"""

import json
import sys
from pathlib import Path

import polib

CATALOG = Path(__file__).resolve().parent.parent / "followup/locale/es/LC_MESSAGES/django.po"


def main(argv: list[str]) -> int:
    # A plural entry takes a list: [singular, plural, plural] (Spanish has three plural forms).
    translations: dict[str, str | list[str]] = {}
    for name in argv:
        translations.update(json.loads(Path(name).read_text(encoding="utf-8")))
    catalog = polib.pofile(str(CATALOG))
    for entry in catalog:
        done = entry.msgstr or any(entry.msgstr_plural.values())
        if entry.msgid in translations and (not done or "fuzzy" in entry.flags):
            translation = translations[entry.msgid]
            if isinstance(translation, list):
                entry.msgstr_plural = dict(enumerate(translation))
            else:
                entry.msgstr = translation
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            entry.previous_msgid = None
            entry.previous_msgctxt = None
            entry.previous_msgid_plural = None
    catalog.save(str(CATALOG))
    missing = [e.msgid for e in catalog.untranslated_entries() + catalog.fuzzy_entries()]
    for msgid in missing:
        print(f"untranslated: {msgid!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
