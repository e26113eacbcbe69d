"""Korean identifiers and contact details: parse loosely, store one canonical form.

Every function takes what a person typed (or what a spreadsheet held) and returns the
canonical value, or raises ValidationError naming the field and what to fix.
"""
from __future__ import annotations

import re

from campdesk.domain.errors import ValidationError
from campdesk.i18n import _, current_language

_NON_DIGIT = re.compile(r"\D")
_BIZ_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)


def _digits(text: str) -> str:
    # Full-width digits (０-９) from Korean IMEs count as digits too.
    text = text.translate({0xFF10 + i: ord("0") + i for i in range(10)})
    return _NON_DIGIT.sub("", text)


def _clean(text: object) -> str:
    if text is None:
        return ""
    if isinstance(text, float) and text.is_integer():  # Excel turns numbers into floats
        text = int(text)
    return str(text).strip()


def business_no_is_valid(digits: str) -> bool:
    if len(digits) != 10 or not digits.isdigit():
        return False
    d = [int(c) for c in digits]
    total = sum(a * b for a, b in zip(d, _BIZ_WEIGHTS))
    total += (d[8] * 5) // 10
    return (10 - total % 10) % 10 == d[9]


def parse_business_no(text: object) -> str | None:
    """사업자등록번호: 10 digits with a check digit; stored as ``123-45-67890``."""
    raw = _clean(text)
    if not raw:
        return None
    digits = _digits(raw)
    if len(digits) != 10:
        raise ValidationError("business_no", _("사업자등록번호는 숫자 10자리여야 합니다 (입력: {value}). "
                                               "예: 124-81-00998").format(value=raw))
    if not business_no_is_valid(digits):
        raise ValidationError("business_no", _("사업자등록번호 {number}의 검증번호(마지막 자리)가 맞지 "
                                               "않습니다. 사업자등록증을 다시 확인해 주세요.")
                              .format(number=format_business_no(digits)))
    return format_business_no(digits)


def format_business_no(digits: str) -> str:
    return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"


def parse_corporate_no(text: object) -> str | None:
    """법인등록번호: 13 digits with a check digit; stored as ``110111-1234567``."""
    raw = _clean(text)
    if not raw:
        return None
    digits = _digits(raw)
    if len(digits) != 13:
        raise ValidationError("corporate_no", _("법인등록번호는 숫자 13자리여야 합니다 (입력: {value}). "
                                                "예: 110111-0000000").format(value=raw))
    total = sum(int(c) * (1 if i % 2 == 0 else 2) for i, c in enumerate(digits[:12]))
    if (10 - total % 10) % 10 != int(digits[12]):
        raise ValidationError("corporate_no", _("법인등록번호 {number}의 검증번호가 맞지 않습니다. "
                                                "등기부등본을 다시 확인해 주세요.")
                              .format(number=f"{digits[:6]}-{digits[6:]}"))
    return f"{digits[:6]}-{digits[6:]}"


# Area codes of Korea (지역번호) other than Seoul's 02.
_AREA_CODES = {
    "031", "032", "033", "041", "042", "043", "044",
    "051", "052", "053", "054", "055", "061", "062", "063", "064",
}
_MOBILE = {"010", "011", "016", "017", "018", "019"}
_ALTERNATIVES = re.compile(r"\s*(?:[/,;~\n]|또는|\bor\b)\s*")  # i18n: data
_EXTENSION = re.compile(r"(?:내선|ext\.?|extension|x|#)\s*(\d{1,5})\s*\)?\s*$", re.IGNORECASE)  # i18n: data


def _phone_error(raw: str) -> ValidationError:
    return ValidationError("phone", _("전화번호 형식이 올바르지 않습니다 (입력: {value}). 지역번호를 "
                                      "포함해 주세요. 예: 062-123-4567, 010-1234-5678, 1666-1234")
                           .format(value=raw))


def _split_phone(d: str) -> tuple[str, ...] | None:
    """Split a digits-only national number into its hyphenated groups, or None."""
    n = len(d)
    if d.startswith("02") and n in (9, 10):
        return d[:2], d[2:-4], d[-4:]
    head3 = d[:3]
    if head3 in _MOBILE and (n == 11 or (n == 10 and head3 != "010")):
        return head3, d[3:-4], d[-4:]
    if (head3 in _AREA_CODES or head3 in ("070", "080")) and n in (10, 11):
        return head3, d[3:-4], d[-4:]
    if d[:3] == "050" and n in (11, 12):  # 0504, 0505, ... personal numbers
        return d[:4], d[4:-4], d[-4:]
    if n == 8 and d[:2] in ("15", "16", "18"):  # representative numbers: 1588-xxxx
        return d[:4], d[4:]
    return None


def parse_phone(text: object, field: str = "phone") -> str | None:
    """Korean phone numbers: mobile, area codes (062 …), 070, 080, 15xx/16xx/18xx.

    Accepts spaces, dots, brackets, +82, full-width digits and an extension
    (``내선 123``, ``ext. 12``); returns ``062-123-4567`` (``내선 123``).
    """
    raw = _clean(text)
    if not raw:
        return None
    extension = None
    # Spreadsheets hold "062-123-4567 / 010-…" or "062-123-4567~8": keep the first number.
    first = _ALTERNATIVES.split(raw)[0].strip() or raw
    m = _EXTENSION.search(first)
    body = first
    if m:
        extension, body = m.group(1), raw[: m.start()]
    body = body.strip().rstrip("(").strip()
    d = _digits(body)
    if body.lstrip().startswith("+"):
        if not d.startswith("82"):
            err = _phone_error(raw)
            err.field = field
            raise err
        d = "0" + d[2:].lstrip("0")
    elif d.startswith("82") and len(d) in (11, 12) and not d.startswith("0"):
        d = "0" + d[2:]
    groups = _split_phone(d)
    if groups is None:
        err = _phone_error(raw)
        err.field = field
        raise err
    out = "-".join(groups)
    # The stored form of an extension, Korean whatever the language.
    return f"{out} 내선 {extension}" if extension else out  # i18n: data


_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-']+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")


def parse_email(text: object, field: str = "email") -> str | None:
    raw = _clean(text)
    if not raw:
        return None
    # "mailto:…", "a@b.kr; c@d.kr" and trailing punctuation, as pasted from mail programs.
    first = re.split(r"[,;\s]+", re.sub(r"^mailto:", "", raw.strip(), flags=re.IGNORECASE))[0]
    candidate = first.strip("<>.;,")
    if not _EMAIL.match(candidate):
        raise ValidationError(field, _("이메일 주소 형식이 올바르지 않습니다 (입력: {value}). "
                                       "예: name@company.co.kr").format(value=raw))
    local, domain = candidate.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


def require_text(text: object, field: str, label: str, en_label: str | None = None) -> str:
    """The text, trimmed; a ValidationError naming the field (``label``, in the current
    language, or Korean with its English ``en_label``) when it is blank."""
    value = _clean(text)
    if not value:
        name = en_label if en_label and current_language() == "en" else str(label)
        raise ValidationError(field, _("{label}을(를) 입력해 주세요.").format(label=name))
    return value


_LEGAL_FORMS = re.compile(
    r"\(주\)|㈜|\(유\)|\(사\)|\(재\)|주식회사|유한회사|유한책임회사|합자회사|합명회사|사단법인|재단법인"  # i18n: data
    r"|\b(co\.?,?\s*ltd\.?|inc\.?|corp\.?|corporation|limited|llc)\b",
    re.IGNORECASE,
)
_NAME_JUNK = re.compile(r"[\s\W_]+", re.UNICODE)


def normalise_company_name(name: str | None) -> str:
    """The form two records of one company share: no legal form, spaces or punctuation.

    ``주식회사 빛고을 인공지능`` and ``빛고을인공지능(주)`` both give ``빛고을인공지능``.
    """
    if not name:
        return ""
    return _NAME_JUNK.sub("", _LEGAL_FORMS.sub("", name)).casefold()
