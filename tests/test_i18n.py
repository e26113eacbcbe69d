"""One way to translate: gettext, Korean source, English catalog; nothing shown outside it."""
from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

from campdesk import i18n

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import i18n as catalog_tool  # noqa: E402  (scripts/i18n.py)

HANGUL = re.compile(r"[가-힣ㄱ-ㅎㅏ-ㅣ]")
MARKERS = {"_", "N_", "NP_", "gettext", "ngettext", "pgettext"}

# Korean in the code that is data, not a text shown as it is: words looked for in what
# people type or import (column headers, summary rows, 초성 tables), the demo data set
# (Korean by nature: company names, addresses), the Korean lexicon of the report keywords.
DATA_MODULES = {
    "campdesk/domain/hangul.py",
    "campdesk/domain/korean_terms.py",
    "campdesk/services/demo_text.py",
    "campdesk/services/demo.py",
    "campdesk/services/reporting/lexicon.py",
}


def _shown_korean_outside_catalog(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    marked: set[int] = set()
    docstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name in MARKERS:
                marked.update(id(a) for a in node.args)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = getattr(node, "body", [])
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                and HANGUL.search(node.value) and id(node) not in marked
                and id(node) not in docstrings and not _data_marked(path, node)):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:40]!r}")
    return found


def _data_marked(path: Path, node: ast.Constant) -> bool:
    """A line that says it holds data, not a text: ``# i18n: data`` at its end."""
    line = path.read_text(encoding="utf-8").splitlines()[node.lineno - 1]
    return line.rstrip().endswith("# i18n: data")


@pytest.fixture(scope="module")
def catalog():
    return catalog_tool.load()


def test_every_text_in_the_code_has_its_english(catalog):
    extracted = catalog_tool.extract()
    assert len(extracted) > 300
    known = {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalog if m.id}
    missing = [m.id for m in extracted if m.id and (m.id if isinstance(m.id, str) else m.id[0])
               not in known]
    assert not missing, f"not in the catalog (scripts/i18n.py update): {missing[:10]}"
    assert not catalog_tool.untranslated(catalog), \
        f"no English yet: {catalog_tool.untranslated(catalog)[:10]}"


def test_every_marked_text_reaches_the_catalog(catalog):
    """A ``_("…")`` the extractor cannot see (inside an f-string) would never be translated."""
    known = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id}
    text_at = {"_": 0, "N_": 0, "gettext": 0, "ngettext": 0, "pgettext": 1, "NP_": 1}
    unseen = []
    for path in sorted((ROOT / "campdesk").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            at = text_at.get(name)
            if at is None or len(node.args) <= at or not isinstance(node.args[at], ast.Constant):
                continue
            context = node.args[0].value if at == 1 and isinstance(node.args[0], ast.Constant) \
                else None
            if (context, node.args[at].value) not in known:
                unseen.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.args[at].value!r}")
    assert not unseen, f"marked but not extracted (an f-string around _()?): {unseen}"


def test_the_shipped_mo_is_the_catalog_compiled(catalog):
    assert catalog_tool.COMPILED.read_bytes() == catalog_tool.compiled(catalog), \
        "run: .venv/bin/python scripts/i18n.py compile"


def test_no_korean_text_is_shown_without_the_catalog():
    found = []
    for path in sorted((ROOT / "campdesk").rglob("*.py")):
        rel = str(path.relative_to(ROOT))
        if rel in DATA_MODULES:
            continue
        found += _shown_korean_outside_catalog(path)
    assert not found, "Korean shown outside _() (or mark data '# i18n: data'):\n" + \
        "\n".join(found[:40]) + f"\n… {len(found)} in all"


def test_english_comes_from_the_catalog_with_its_plurals():
    try:
        assert i18n.set_language("en") == "en"
        assert i18n._("상담 기록") != "상담 기록"
        assert not HANGUL.search(i18n._("상담 기록"))
        one = i18n.ngettext("{0}쪽을 만들었습니다.", "{0}쪽을 만들었습니다.", 1).format(1)
        two = i18n.ngettext("{0}쪽을 만들었습니다.", "{0}쪽을 만들었습니다.", 2).format(2)
        assert (one, two) != ("1쪽을 만들었습니다", "2쪽을 만들었습니다")
        assert one != two.replace("2", "1")   # "1 page", not "1 pages"
        assert i18n._("이런 문장은 카탈로그에 없다") == "이런 문장은 카탈로그에 없다"
    finally:
        i18n.set_language("ko")
    assert i18n._("상담 기록") == "상담 기록"


def test_language_names_are_understood():
    assert [i18n.normalise(x) for x in ("en", "en_US.UTF-8", "English", "ko", "", None, "fr")] \
        == ["en", "en", "en", "ko", "ko", "ko", "ko"]
