"""Search as you type ranks companies by their name first, and says which other field
matched when the name did not (a representative's initials, a business number)."""
from campdesk.services.companies import CompanyRow, filter_rows, rank_rows


def _row(name, business_no=None, representative=None, phone=None, name_en=None):
    return CompanyRow(id=name, name=name, name_en=name_en, relationship="prospect",
                      business_no=business_no, representative=representative, phone=phone,
                      ai_fields="", open_follow_ups=0, archived=False)


# The register's order (by name), as list_companies gives it.
REGISTER = [
    _row("빛고을데이터", "410-81-11111", "김하늘"),
    _row("빛고을로보틱스", "410-81-22222", "이서준"),
    _row("영산인공지능", "410-81-33333", "배경민"),
    _row("주식회사 상무에너지", "410-81-44444", "배가영"),
    _row("첨단에너지", "410-81-55555", "배경민"),
    _row("풍암인공지능", "410-81-66666", "배가영"),
    _row("한빛고을", "410-81-77777", "최민수"),
]


def test_initials_rank_names_that_start_with_them_then_names_holding_them_then_others():
    found = rank_rows(REGISTER, "ㅂㄱ")
    assert [m.row.name for m in found] == [
        "빛고을데이터", "빛고을로보틱스",          # the name starts with ㅂㄱ
        "한빛고을",                              # the name holds it
        "영산인공지능", "주식회사 상무에너지", "첨단에너지", "풍암인공지능",  # 배경민, 배가영
    ]
    assert [m.field for m in found] == ["name"] * 3 + ["representative"] * 4
    assert found[3].value == "배경민"


def test_a_business_number_match_says_so():
    (found,) = rank_rows(REGISTER, "4108133")
    assert (found.row.name, found.field, found.value) == ("영산인공지능", "business_no",
                                                          "410-81-33333")


def test_filter_rows_keeps_the_ranking_and_an_empty_query_keeps_everything():
    assert [r.name for r in filter_rows(REGISTER, "ㅂㄱ")][:3] == [
        "빛고을데이터", "빛고을로보틱스", "한빛고을"]
    assert filter_rows(REGISTER, "  ") == REGISTER
    assert filter_rows(REGISTER, "zzqx") == []
