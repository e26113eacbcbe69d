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
MARKERS = {"_", "N_", "gettext", "ngettext", "pgettext"}

# Korean in the code that is data, not a text shown as it is: words looked for in what
# people type or import (column headers, summary rows, 초성 tables), the demo data set
# (Korean by nature: company names, addresses), the Korean lexicon of the report keywords.
DATA_MODULES = {
    "campdesk/domain/hangul.py",
    "campdesk/domain/korean_terms.py",
    "campdesk/services/demo_text.py",
    "campdesk/services/demo.py",
}
# Not yet moved to the catalog (each entry is work left; the list only shrinks).
NOT_YET: set[str] = {
    "campdesk/cli.py",  # 40
    "campdesk/domain/choices.py",  # 166
    "campdesk/domain/company_rules.py",  # 20
    "campdesk/domain/dates.py",  # 10
    "campdesk/domain/events.py",  # 1
    "campdesk/domain/field_labels.py",  # 170
    "campdesk/domain/mentor_rules.py",  # 33
    "campdesk/domain/outreach.py",  # 143
    "campdesk/domain/validation.py",  # 17
    "campdesk/mentors_cli.py",  # 8
    "campdesk/outreach_cli.py",  # 17
    "campdesk/reports/base.py",  # 3
    "campdesk/reports/batch.py",  # 2
    "campdesk/reports/camp.py",  # 139
    "campdesk/reports/cli.py",  # 10
    "campdesk/reports/company.py",  # 24
    "campdesk/reports/consultation.py",  # 31
    "campdesk/reports/fmt.py",  # 2
    "campdesk/reports/fonts.py",  # 2
    "campdesk/reports/free_spaces.py",  # 21
    "campdesk/reports/kinds.py",  # 44
    "campdesk/reports/mentoring.py",  # 72
    "campdesk/reports/outreach.py",  # 93
    "campdesk/reports/parts.py",  # 65
    "campdesk/reports/tenant.py",  # 39
    "campdesk/services/companies.py",  # 2
    "campdesk/services/consultation_import.py",  # 107
    "campdesk/services/consultations.py",  # 8
    "campdesk/services/context.py",  # 9
    "campdesk/services/exporter.py",  # 3
    "campdesk/services/importer.py",  # 55
    "campdesk/services/jobs.py",  # 16
    "campdesk/services/mentor_import.py",  # 63
    "campdesk/services/mentor_suggest.py",  # 99
    "campdesk/services/mentoring.py",  # 36
    "campdesk/services/mentoring_reports.py",  # 2
    "campdesk/services/outreach/common.py",  # 1
    "campdesk/services/outreach/events.py",  # 28
    "campdesk/services/outreach/public_calls.py",  # 16
    "campdesk/services/outreach/questionnaire_import.py",  # 50
    "campdesk/services/outreach/questionnaires.py",  # 15
    "campdesk/services/outreach/support_import.py",  # 68
    "campdesk/services/outreach/supports.py",  # 33
    "campdesk/services/period.py",  # 2
    "campdesk/services/records.py",  # 5
    "campdesk/services/reporting/__init__.py",  # 4
    "campdesk/services/reporting/camp.py",  # 26
    "campdesk/services/reporting/keywords.py",  # 26
    "campdesk/services/reporting/lines.py",  # 2
    "campdesk/services/reporting/records.py",  # 1
    "campdesk/services/reporting/views.py",  # 1
    "campdesk/services/space_import.py",  # 30
    "campdesk/services/spaces/assignments.py",  # 16
    "campdesk/services/spaces/inventory.py",  # 24
    "campdesk/services/spaces/waiting.py",  # 5
    "campdesk/services/staff.py",  # 2
    "campdesk/services/tabular.py",  # 43
    "campdesk/ui/companies/company_contacts.py",  # 8
    "campdesk/ui/companies/company_detail.py",  # 3
    "campdesk/ui/companies/company_spaces.py",  # 4
    "campdesk/ui/companies/model.py",  # 7
    "campdesk/ui/companies/page.py",  # 4
    "campdesk/ui/consultations/consultation_columns.py",  # 10
    "campdesk/ui/consultations/consultation_dialog.py",  # 1
    "campdesk/ui/consultations/consultation_form.py",  # 13
    "campdesk/ui/consultations/consultation_history.py",  # 5
    "campdesk/ui/consultations/page.py",  # 12
    "campdesk/ui/core/actions.py",  # 15
    "campdesk/ui/core/data_tasks.py",  # 5
    "campdesk/ui/core/fmt.py",  # 1
    "campdesk/ui/core/mainwindow.py",  # 2
    "campdesk/ui/core/page_registry.py",  # 10
    "campdesk/ui/core/startup.py",  # 2
    "campdesk/ui/dashboard/page.py",  # 5
    "campdesk/ui/followups/page.py",  # 11
    "campdesk/ui/jobs/page.py",  # 56
    "campdesk/ui/mentoring/mentor_pool.py",  # 25
    "campdesk/ui/mentoring/mentoring_programme.py",  # 59
    "campdesk/ui/outreach/calls_tab.py",  # 39
    "campdesk/ui/outreach/company_tab.py",  # 5
    "campdesk/ui/outreach/concerts_tab.py",  # 47
    "campdesk/ui/outreach/page.py",  # 5
    "campdesk/ui/outreach/questionnaires_tab.py",  # 27
    "campdesk/ui/outreach/supports_tab.py",  # 36
    "campdesk/ui/reports/page.py",  # 5
    "campdesk/ui/settings/settings_dialog.py",  # 1
    "campdesk/ui/settings/staff_dialog.py",  # 2
    "campdesk/ui/spaces/assignments_tab.py",  # 6
    "campdesk/ui/spaces/details.py",  # 4
    "campdesk/ui/spaces/items.py",  # 1
    "campdesk/ui/spaces/occupancy_tab.py",  # 3
    "campdesk/ui/spaces/page.py",  # 6
    "campdesk/ui/spaces/tables.py",  # 2
    "campdesk/ui/spaces/waiting_tab.py",  # 11
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


def test_the_shipped_mo_is_the_catalog_compiled(catalog):
    assert catalog_tool.COMPILED.read_bytes() == catalog_tool.compiled(catalog), \
        "run: .venv/bin/python scripts/i18n.py compile"


def test_no_korean_text_is_shown_without_the_catalog():
    found = []
    for path in sorted((ROOT / "campdesk").rglob("*.py")):
        rel = str(path.relative_to(ROOT))
        if rel in DATA_MODULES or rel in NOT_YET:
            continue
        found += _shown_korean_outside_catalog(path)
    assert not found, "Korean shown outside _() (or mark data '# i18n: data'):\n" + \
        "\n".join(found[:40]) + f"\n… {len(found)} in all"


PAIRS_LEFT: set[str] = {
    "campdesk/ui/companies/company_contacts.py",
    "campdesk/ui/companies/company_detail.py",
    "campdesk/ui/consultations/consultation_form.py",
    "campdesk/ui/consultations/consultation_history.py",
    "campdesk/ui/consultations/page.py",
    "campdesk/ui/core/data_tasks.py",
    "campdesk/ui/core/mainwindow.py",
    "campdesk/ui/core/models/columns.py",
    "campdesk/ui/core/page_registry.py",
    "campdesk/ui/core/record_form.py",
    "campdesk/ui/followups/page.py",
    "campdesk/ui/jobs/page.py",
    "campdesk/ui/mentoring/mentoring_programme.py",
    "campdesk/ui/outreach/common.py",
    "campdesk/ui/outreach/page.py",
    "campdesk/ui/reports/page.py",
    "campdesk/ui/spaces/page.py",
}


def test_no_text_comes_as_a_korean_english_pair_any_more():
    left = []
    for path in (ROOT / "campdesk").rglob("*.py"):
        if str(path.relative_to(ROOT)) in PAIRS_LEFT:
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"from campdesk\.ui\.core\.i18n import [^\n]*\btn?\b", text):
            left.append(str(path.relative_to(ROOT)))
    assert not left, left


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
