"""What makes a valid mentor record: fields as offices write them, keywords, contact."""
from __future__ import annotations

import re
from typing import Any

from campdesk.domain.choices import MENTOR_FIELD
from campdesk.domain.errors import ValidationError
from campdesk.domain.labels import Label, labels
from campdesk.domain.validation import parse_email, parse_phone
from campdesk.i18n import N_, _, current_language

# Field code → its label (unpacks as (Korean, English)), in the order forms and imports show them.
MENTOR_FIELDS: dict[str, Label] = labels({
    "name": N_("이름"),
    "fields": N_("멘토링 분야"),
    "organisation": N_("소속"),
    "phone": N_("전화번호"),
    "email": N_("이메일"),
    "expertise": N_("전문 분야"),
    "keywords": N_("키워드"),
    "availability": N_("가능 시간"),
    "region": N_("지역"),
    "active": N_("활동"),
    "notes": N_("메모"),
})

# Between several fields in one cell: commas, slashes, semicolons, bars, line breaks, "및".
_FIELD_SEPARATORS = re.compile(r"[,;/|\n\r+]|\s및\s|\s&\s")  # i18n: data
# "재무·투자" is one field; "기술개발·재무" is two.
_MIDDLE_DOT = re.compile(r"[·ㆍ・•]")


def parse_fields(value: Any) -> list[str]:
    """The MENTOR_FIELD codes of a cell (``기술개발, 재무·투자`` → ``[tech, finance]``), in
    the order written, each once. Raises ValidationError naming ``fields``."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        parts = [str(p) for p in value]
    else:
        parts = _FIELD_SEPARATORS.split(str(value))
    codes: list[str] = []
    for part in (p.strip() for p in parts):
        if not part:
            continue
        choice = MENTOR_FIELD.parse(part)
        found = [choice.code] if choice else None
        if found is None and _MIDDLE_DOT.search(part):
            pieces = [MENTOR_FIELD.parse(p) for p in _MIDDLE_DOT.split(part) if p.strip()]
            if pieces and all(pieces):
                found = [p.code for p in pieces]
        if found is None:
            allowed = ", ".join(c.label() for c in MENTOR_FIELD)
            raise ValidationError("fields", _("멘토링 분야 '{field}'을(를) 알 수 없습니다. 다음 중에서 "
                                              "골라 주세요: {allowed}").format(field=part, allowed=allowed))
        for c in found:
            if c not in codes:
                codes.append(c)
    return codes


def fields_label(codes: str | list[str] | None, lang: str | None = None) -> str:
    """The labels of mentoring fields, in ``lang`` (the current language when not given)."""
    items = codes.split(",") if isinstance(codes, str) else (codes or [])
    return ", ".join(MENTOR_FIELD.label(c, lang) for c in items if c)


def split_keywords(value: Any) -> list[str]:
    """Keywords as written: separated by commas, semicolons, slashes, bars or line breaks."""
    if value is None:
        return []
    parts = value if isinstance(value, (list, tuple)) else re.split(r"[,;/|\n\r#]", str(value))
    out: list[str] = []
    for p in parts:
        p = " ".join(str(p).split())
        if p and p not in out:
            out.append(p)
    return out


_TRUE = {"y", "yes", "o", "true", "1", "예", "네", "활동", "활동중", "활동 중", "참여", "가능",  # i18n: data
         "○", "●", "v"}
_FALSE = {"n", "no", "x", "false", "0", "아니오", "아니요", "비활동", "휴면", "중단", "불가",  # i18n: data
          "미참여", "탈퇴", "-"}  # i18n: data


def parse_flag(value: Any, field: str, label: str | Label, en_label: str | None = None) -> bool | None:
    """Yes or no as people write it; None for an empty cell. ``label`` names the field in the
    message: a Label, or a text in the current language (or Korean with ``en_label``, the
    older pair)."""
    if value is None or isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    if not text:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if isinstance(label, Label):
        label = label.label()
    elif en_label and current_language() == "en":
        label = en_label
    raise ValidationError(field, _("{label}은(는) 예/아니오로 입력해 주세요 (입력: {value}).")
                          .format(label=label, value=value))


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def clean_mentor(raw: dict[str, Any], creating: bool) -> tuple[dict[str, Any], list[ValidationError]]:
    """Canonical values of the fields present in ``raw`` and every problem, each naming its
    field. ``name`` and at least one field are required when creating."""
    values: dict[str, Any] = {}
    errors: list[ValidationError] = []
    for key in ("organisation", "expertise", "availability", "region", "notes"):
        if key in raw:
            values[key] = _text(raw[key])
    if "name" in raw or creating:
        name = _text(raw.get("name"))
        if not name:
            errors.append(ValidationError("name", _("이름을 입력해 주세요.")))
        else:
            values["name"] = name
    blank_fields = raw.get("fields") is None or not str(raw.get("fields")).strip() \
        if not isinstance(raw.get("fields"), (list, tuple)) else not raw.get("fields")
    if creating or ("fields" in raw and not blank_fields) or ("fields" in raw and raw.get("_form")):
        try:
            codes = parse_fields(raw.get("fields"))
            if not codes:
                raise ValidationError("fields", _("멘토링 분야를 하나 이상 골라 주세요."))
            values["fields"] = ",".join(codes)
            values["field"] = codes[0]
        except ValidationError as exc:
            errors.append(exc)
    if "keywords" in raw:
        values["keywords"] = ", ".join(split_keywords(raw["keywords"])) or None
    for key, fn in (("phone", parse_phone), ("email", parse_email)):
        if key in raw:
            try:
                values[key] = fn(raw[key])
            except ValidationError as exc:
                exc.field = key
                errors.append(exc)
    if "active" in raw:
        try:
            flag = parse_flag(raw["active"], "active", MENTOR_FIELDS["active"])
            values["active"] = True if flag is None else flag
        except ValidationError as exc:
            errors.append(exc)
    return values, errors
