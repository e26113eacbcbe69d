"""Korean identifiers and contact details are accepted as people type them."""
import pytest

from campdesk import i18n
from campdesk.domain.errors import ValidationError
from campdesk.domain.validation import (
    normalise_company_name, parse_business_no, parse_corporate_no, parse_email, parse_phone,
)


@pytest.mark.parametrize("typed", ["1248100998", "124-81-00998", " 124 81 00998 ", "１２４８１００９９８",
                                   1248100998, 1248100998.0])
def test_business_number_accepts_common_spellings_and_stores_one_form(typed):
    assert parse_business_no(typed) == "124-81-00998"


def test_business_number_with_wrong_check_digit_says_which_digit_in_both_languages():
    with pytest.raises(ValidationError) as err:
        parse_business_no("124-81-00999")
    assert err.value.field == "business_no"
    assert "124-81-00999의 검증번호" in str(err.value)
    i18n.set_language("en")
    try:
        with pytest.raises(ValidationError) as err:
            parse_business_no("124-81-00999")
    finally:
        i18n.set_language("ko")
    assert "check digit (last digit) of business registration number 124-81-00999" in str(err.value)


def test_business_number_with_wrong_length_shows_an_example():
    with pytest.raises(ValidationError) as err:
        parse_business_no("12481009")
    assert "10자리" in err.value.ko and "124-81-00998" in err.value.ko


def test_blank_business_number_is_allowed():
    assert parse_business_no("  ") is None and parse_business_no(None) is None


def test_corporate_number_check_digit():
    good = "1101110000008"
    digits = [int(c) for c in good[:12]]
    check = (10 - sum(d * (1 if i % 2 == 0 else 2) for i, d in enumerate(digits)) % 10) % 10
    valid = good[:12] + str(check)
    assert parse_corporate_no(valid) == f"{valid[:6]}-{valid[6:]}"
    wrong = good[:12] + str((check + 1) % 10)
    with pytest.raises(ValidationError) as err:
        parse_corporate_no(wrong)
    assert err.value.field == "corporate_no"


@pytest.mark.parametrize("typed, stored", [
    ("062-123-4567", "062-123-4567"),
    ("0621234567", "062-123-4567"),
    ("(062) 610.1234", "062-610-1234"),
    ("02-123-4567", "02-123-4567"),
    ("0212345678", "02-1234-5678"),
    ("010 1234 5678", "010-1234-5678"),
    ("+82 10-1234-5678", "010-1234-5678"),
    ("+82-62-123-4567", "062-123-4567"),
    ("1666-1234", "1666-1234"),
    ("15881234", "1588-1234"),
    ("070-1234-5678", "070-1234-5678"),
    ("080-123-4567", "080-123-4567"),
    ("0505-123-4567", "0505-123-4567"),
    ("062-610-1234 내선 12", "062-610-1234 내선 12"),
    ("062-610-1234 ext. 305", "062-610-1234 내선 305"),
    ("062 123 4567 (대표)", "062-123-4567"),
    ("062-123-4567~8", "062-123-4567"),            # a range of lines: the first one
    ("062-123-4567 / 010-1234-5678", "062-123-4567"),  # two numbers in one cell: the first
    ("Tel. 062.123.4567", "062-123-4567"),
])
def test_korean_phone_numbers(typed, stored):
    assert parse_phone(typed) == stored


@pytest.mark.parametrize("typed", ["123-4567", "010-123", "063-12", "+1 415 555 0100", "전화없음", "099-123-4567"])
def test_bad_phone_numbers_ask_for_the_area_code(typed):
    with pytest.raises(ValidationError) as err:
        parse_phone(typed)
    assert err.value.field == "phone" and "지역번호" in err.value.ko


def test_email():
    assert parse_email(" Kim.MS@Company.CO.KR ") == "Kim.MS@company.co.kr"
    assert parse_email("mailto:ceo@x.co.kr") == "ceo@x.co.kr"
    assert parse_email("a@b.kr; c@d.kr") == "a@b.kr"
    for bad in ["kim@", "kim.company.kr", "kim@company", "김@회사"]:
        with pytest.raises(ValidationError):
            parse_email(bad)


def test_company_names_that_differ_only_in_legal_form_and_spacing_normalise_alike():
    assert normalise_company_name("주식회사 빛고을 인공지능") == normalise_company_name("빛고을인공지능(주)")
    assert normalise_company_name("㈜빛고을인공지능") == "빛고을인공지능"
    assert normalise_company_name("Bitgoeul AI Co., Ltd.") == normalise_company_name("bitgoeul ai inc.")
    assert normalise_company_name("빛고을AI") != normalise_company_name("무등AI")
