"""Keep the English catalog in step with the code (Korean is the source language).

    .venv/bin/python scripts/i18n.py update    # new texts into resources/i18n/campdesk_en.po
    .venv/bin/python scripts/i18n.py compile   # campdesk_en.po -> campdesk_en.mo (shipped)
    .venv/bin/python scripts/i18n.py check     # list texts with no English; exit 1 if any
    .venv/bin/python scripts/i18n.py merge OTHER.po ...  # take English made elsewhere

``update`` extracts every ``_()``, ``N_()``, ``NP_()``, ``ngettext()`` and ``pgettext()`` text of
``campdesk/`` with Babel, adds the new ones (empty, for a translator to fill in Poedit or
any gettext editor), keeps every translation already made and drops texts no longer used.
Run ``compile`` after editing the catalog; the test suite fails on a stale ``.mo``.
``merge`` fills texts still without English from other copies of the catalog (a
translator's file, the other side of a git merge), then updates and compiles.
"""
from __future__ import annotations

import io
import sys
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "resources" / "i18n" / "campdesk_en.po"
COMPILED = CATALOG.with_suffix(".mo")
HEADER = ("# CampDesk, English texts. Korean is the source language: each msgid is the Korean\n"
          "# text shown in the app, each msgstr its English. Edit with any gettext tool, then\n"
          "# run: .venv/bin/python scripts/i18n.py compile")
EPOCH = datetime(2026, 1, 1, tzinfo=timezone.utc)
KEYWORDS = {"_": None, "gettext": None, "N_": None, "ngettext": (1, 2),
            "pgettext": ((1, "c"), 2), "NP_": ((1, "c"), 2)}


def extract() -> Catalog:
    """Every marked text of the package, with where it is used."""
    template = Catalog(locale=None, project="CampDesk", charset="utf-8")
    found = extract_from_dir(str(ROOT / "campdesk"), method_map=[("**.py", "python")],
                             keywords=KEYWORDS, comment_tags=("TRANSLATORS:",),
                             strip_comment_tags=True)
    for filename, lineno, message, comments, context in found:
        template.add(message, None, [(f"campdesk/{filename}", lineno)],
                     auto_comments=comments, context=context)
    return template


def load() -> Catalog:
    if not CATALOG.exists():
        catalog = Catalog(locale="en", project="CampDesk", charset="utf-8")
    else:
        with CATALOG.open("rb") as fp:
            catalog = read_po(fp, locale="en")
    # A fixed header: updating the catalog changes the texts, never the dates at its top.
    catalog.header_comment = HEADER
    catalog.fuzzy = False
    catalog.version = "0"
    catalog.msgid_bugs_address = ""
    catalog.last_translator = "CampDesk <campdesk@localhost>"
    catalog.language_team = "English"
    catalog.creation_date = catalog.revision_date = EPOCH
    return catalog


def save(catalog: Catalog) -> None:
    buf = io.BytesIO()
    write_po(buf, catalog, width=100, sort_output=True, omit_header=False,
             ignore_obsolete=True, include_previous=False, include_lineno=False)
    CATALOG.write_bytes(buf.getvalue())


def compiled(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    return buf.getvalue()


def untranslated(catalog: Catalog) -> list[str]:
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        if message.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def update() -> Catalog:
    catalog = load()
    template = extract()
    template.creation_date = catalog.creation_date
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False,
                   update_creation_date=False)
    catalog.obsolete.clear()
    save(catalog)
    return catalog


def merge(others: list[Path]) -> Catalog:
    """Fill the texts without English from ``others`` (first one that has it wins)."""
    catalog = load()
    for other_path in others:
        with open(other_path, "rb") as fp:
            other = read_po(fp, locale="en")
        for message in other:
            if not message.id or message.fuzzy:
                continue
            mine = catalog.get(message.id, message.context)
            if mine is None:
                catalog[message.id] = message
                continue
            strings = mine.string if isinstance(mine.string, (list, tuple)) else [mine.string]
            if not all(strings):
                mine.string = message.string
    save(catalog)
    catalog = update()
    COMPILED.write_bytes(compiled(catalog))
    return catalog


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "update":
        catalog = update()
        print(f"{CATALOG.relative_to(ROOT)}: {len(catalog)} texts, "
              f"{len(untranslated(catalog))} without English")
        return 0
    if command == "compile":
        COMPILED.write_bytes(compiled(load()))
        print(f"wrote {COMPILED.relative_to(ROOT)}")
        return 0
    if command == "merge":
        catalog = merge([Path(p) for p in argv[2:]])
        print(f"{CATALOG.relative_to(ROOT)}: {len(catalog)} texts, "
              f"{len(untranslated(catalog))} without English; wrote {COMPILED.name}")
        return 0
    if command == "check":
        missing = untranslated(load())
        for text in missing:
            print(f"no English: {text!r}")
        return 1 if missing else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
