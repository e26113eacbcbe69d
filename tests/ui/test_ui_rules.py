"""Rules of the UI code that a reader would otherwise have to trust."""
from __future__ import annotations

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "campdesk" / "ui"
MINE = [p for p in UI.rglob("*.py") if "floorplan" not in p.parts]


def test_no_sql_or_session_in_widgets():
    for path in MINE:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                module = getattr(node, "module", None) or ""
                names = [a.name for a in node.names]
                assert not module.startswith(("sqlalchemy", "campdesk.store")), path
                assert not any(n.startswith("sqlalchemy") for n in names), path


def test_no_table_widget_for_data():
    for path in MINE:
        assert "QTableWidget" not in path.read_text(encoding="utf-8"), path


_T = re.compile(r'\bt\(\s*"((?:[^"\\]|\\.)*)"\s*,\s*"((?:[^"\\]|\\.)*)"\s*\)')


def test_every_translated_string_has_korean_and_english():
    pairs = [m.groups() for p in MINE for m in _T.finditer(p.read_text(encoding="utf-8"))]
    assert len(pairs) > 100
    for ko, en in pairs:
        assert ko.strip() and en.strip(), (ko, en)
        assert re.search("[가-힣]", ko) or ko == en or not re.search("[A-Za-z]{3}", ko), (ko, en)


def test_one_english_source_may_have_two_korean_texts(qapp):
    """"Company" is 기업 in one place and 기업명 in another: neither replaces the other."""
    from campdesk.ui.core import i18n
    i18n.set_language("ko")
    assert (i18n.t("기업", "Company"), i18n.t("기업명", "Company")) == ("기업", "기업명")
    i18n.set_language("en")
    assert i18n.t("기업명", "Company") == "Company"
    i18n.set_language("ko")
