"""Rules of the UI code that a reader would otherwise have to trust."""
from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "campdesk" / "ui"
MINE = list(UI.rglob("*.py"))


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
