"""The agencies' supports as offices send them (a CP949 CSV with a title and a total row, an
XLSX with its own spellings), and the duplicate-support check with its near-misses."""
from __future__ import annotations

import pytest

from campdesk.domain.support_overlap import names_alike
from campdesk.domain.validation import normalise_company_name as norm
from campdesk.services.errors import FormErrors
from campdesk.services.outreach import supports as sv

from .conftest import FILES, pdf_text, run_cli

GICON = FILES / "supports_gicon_cp949.csv"
CCEI = FILES / "supports_ccei.xlsx"


@pytest.mark.parametrize("a, b", [("(주)무등소프트", "무등소프트 주식회사"), ("금남 로봇", "금남로봇"),
                                  ("주식회사 빛고을데이터", "빛고을데이터(주)"),
                                  ("빛고을데이터", "빛고을데이타"),        # one vowel slipped
                                  ("무등소프트", "무등소푸트")])
def test_the_same_company_written_two_ways_matches(a, b):
    assert names_alike(norm(a), norm(b))


@pytest.mark.parametrize("a, b", [("무등소프트", "무등소프트랩"),        # shares a word, longer
                                  ("무등소프트", "무등소프트웨어"),
                                  ("금남로봇", "금남드론"),              # shares a word, same length
                                  ("광주로봇", "광산로봇"),
                                  ("무등AI", "무등IT"),
                                  ("빛고을데이터", "빛고을데이터랩")])
def test_different_companies_sharing_a_word_do_not_match(a, b):
    assert not names_alike(norm(a), norm(b))


def test_importing_two_agencies_lists_flags_exactly_the_duplicates(registered, staffed_ctx):
    home = staffed_ctx.paths.home
    code, out, _ = run_cli(home, "import", "supports", GICON, "--agency", "정보문화산업진흥원")
    assert code == 2                                     # kept the good rows, rejected one
    assert "전체 5행 — 새로 추가 4" in out and "거부 1행" in out
    assert "8행 [지원금액]" in out and "오천만원" in out      # the bad amount, with its row and column
    assert "합계" in out and "※ 본 자료는" in out          # total and note rows skipped, said so
    code, out, _ = run_cli(home, "import", "supports", CCEI)
    assert code == 2 and "새로 추가 5" in out
    assert "9행 [시작일]" in out                          # 2026-13-01
    assert "중복 지원 의심 2건" in out

    rows = sv.list_supports(staffed_ctx)
    by_company = {}
    for r in rows:
        by_company.setdefault(r.company, []).append(r)
    # Matched to the register by business number or name, however the agency wrote it.
    assert len(by_company["(주)무등소프트"]) == 2
    assert {r.agency for r in by_company["(주)무등소프트"]} == {"광주정보문화진흥원", "광주창경센터"}
    assert [r.amount_krw for r in by_company["(주)무등소프트"]] == [50_000_000, 50_000_000]
    assert all(r.matched for r in by_company["금남로봇"])
    unmatched = {r.company for r in rows if not r.matched}
    assert unmatched == {"무등소프트웨어", "한빛에이아이(주)"}   # kept as written

    found = sv.overlaps(staffed_ctx)
    assert sorted((o.company, o.kind) for o in found) == [("(주)무등소프트", "funding"), ("금남로봇", "people")]
    code, out, _ = run_cli(home, "supports", "overlaps")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("중복 지원 2건")
    assert "(주)무등소프트\t사업화 자금\t광주정보문화진흥원 / 광주창경센터\tAI 콘텐츠 사업화 지원 / 창업 도약 패키지\t" \
           "2026-03-01~2026-08-31 / 2026-06-01~2026-11-30" in lines
    assert not any("무등소프트랩" in line or "무등소프트웨어" in line for line in lines)

    # Importing the same list again changes nothing and adds nothing.
    code, out, _ = run_cli(home, "import", "supports", CCEI)
    assert "새로 추가 0, 갱신 0, 변경 없음 5" in out
    assert len(sv.list_supports(staffed_ctx)) == len(rows)

    # The company page's and the consultation dialog's warning.
    warning = sv.company_warning(staffed_ctx, registered["(주)무등소프트"])
    assert warning and "중복 지원" in warning and "광주창경센터" in warning
    assert sv.company_warning(staffed_ctx, registered["무등소프트랩"]) is None
    assert sv.funding_warning(staffed_ctx, registered["금남로봇"], "funding")
    assert sv.funding_warning(staffed_ctx, registered["금남로봇"], "자금·공모사업")
    assert sv.funding_warning(staffed_ctx, registered["금남로봇"], "space") is None


def test_a_list_without_an_agency_column_needs_the_agency_named(registered, staffed_ctx):
    code, _, err = run_cli(staffed_ctx.paths.home, "import", "supports", GICON)
    assert code == 1 and "지원기관" in err and "--agency" in err
    code, _, err = run_cli(staffed_ctx.paths.home, "import", "supports", GICON, "--agency", "서울시청")
    assert code == 1 and "알 수 없는 기관" in err
    assert sv.list_supports(staffed_ctx) == [] and sv.list_agencies(staffed_ctx) == []   # nothing changed


def test_a_utf8_csv_with_a_period_written_with_a_dash(registered, staffed_ctx, tmp_path):
    f = tmp_path / "tp.csv"
    f.write_text("지원기관,사업명,지원유형,업체명,사업자등록번호,사업기간,지원금\n"
                 "광주TP,GPU 컴퓨팅 지원,인프라,빛고을데이터,620-88-10009,2026.05.01 - 2026.10.31,\"12,000,000원\"\n"
                 "광주TP,AI 바우처,바우처,무등소프트,,2026.01.10~2026.04.30,1억\n", encoding="utf-8-sig")
    code, out, _ = run_cli(staffed_ctx.paths.home, "import", "supports", f)
    assert code == 0, out
    rows = {r.company: r for r in sv.list_supports(staffed_ctx)}
    assert rows["빛고을데이터 주식회사"].kind == "infra" and rows["빛고을데이터 주식회사"].amount_krw == 12_000_000
    assert rows["(주)무등소프트"].amount_krw == 100_000_000 and rows["(주)무등소프트"].kind == "funding"
    assert rows["(주)무등소프트"].agency == "광주TP AI센터"


def test_a_support_typed_in_checks_its_fields(registered, staffed_ctx):
    sv.ensure_agencies(staffed_ctx)
    agencies = sv.list_agencies(staffed_ctx)
    assert [a.name for a in agencies] == [a[0] for a in sv.KNOWN_AGENCIES]
    with pytest.raises(FormErrors) as bad:
        sv.save_support(staffed_ctx, {"agency_id": agencies[0].id, "programme": "", "kind": "상품권",
                                      "company_name": "", "amount_krw": "많이", "starts_on": "2026-05-01",
                                      "ends_on": "2026-04-01"})
    fields = set(bad.value.by_field())
    assert {"programme", "kind", "company_name", "amount_krw", "ends_on"} <= fields
    sid = sv.save_support(staffed_ctx, {"agency_id": agencies[3].id, "programme": "창업 도약 패키지",
                                        "kind": "사업화", "company_id": registered["금남로봇"],
                                        "starts_on": "2026-02-01", "ends_on": "2026-12-31",
                                        "amount_krw": "30,000,000"})
    row = next(r for r in sv.list_supports(staffed_ctx) if r.id == sid)
    assert (row.company, row.kind, row.amount_krw) == ("금남로봇", "funding", 30_000_000)


def test_the_council_pack(registered, staffed_ctx, tmp_path):
    run_cli(staffed_ctx.paths.home, "import", "supports", GICON, "--agency", "광주정보문화산업진흥원")
    run_cli(staffed_ctx.paths.home, "import", "supports", CCEI)
    out = tmp_path / "council.pdf"
    code, _, _ = run_cli(staffed_ctx.paths.home, "report", "council", "--month", "2026-07", "--out", out)
    assert code == 0
    text = pdf_text(out)
    assert "2026년 7월 유관기관 월례회의 자료" in text
    assert "중복 지원 의심" in text and "(주)무등소프트" in text and "창업 도약 패키지" in text
    assert "기관·유형별 지원 현황" in text and "광주창경센터" in text and "대외협력" in text
    code, _, err = run_cli(staffed_ctx.paths.home, "report", "council", "--month", "2026-13", "--out", out)
    assert code == 1
