"""Import the consultation log the office kept in Excel before CampDesk.

One row is one consultation: when (a date-and-time column, or a date and a time column),
the channel, the company (matched by business number, then by name, or by its CampDesk id
in a CampDesk export; a caller the register does not know is kept as an unregistered
caller), category, question, answer, outcome and the staff member's name. Rows are checked
by the same rules as a consultation logged at the desk; every bad row is listed with its
row number, column and reason, the others are kept.

Importing the same file again changes nothing: a consultation is known by its minute, its
company (or caller) and its question, and only what the file changed is updated. A staff
name that is not on the staff list is added to it as a former member (archived), so the
log keeps who answered and the pickers are not filled with people who left. A follow-up
or escalation logged more than 90 days before the import comes in closed: the desk's
follow-up list is not flooded with items long since dealt with. Both are counted in the
import's summary.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import select

from campdesk.domain.choices import CATEGORY, CHANNEL, OPEN_OUTCOMES, OUTCOME, Vocabulary
from campdesk.domain.dates import SEOUL, today_seoul
from campdesk.domain.errors import ValidationError
from campdesk.domain.field_labels import CONSULTATION_FIELDS
from campdesk.domain.ids import new_id
from campdesk.i18n import N_, _, current_language, in_language, ngettext
from campdesk.domain.validation import normalise_company_name, parse_business_no
from campdesk.services.consultations import _check
from campdesk.services.context import Context
from campdesk.services.fields import clean_text, max_length, with_limits
from campdesk.services.staging import Staged
from campdesk.services.tabular import ImportReport, Progress, Row, Table
from campdesk.store.audit import apply_changes
from campdesk.store.models import Company, Consultation, Staff

FLUSH_EVERY = 1000
# A follow-up or escalation logged this many days before the import comes in closed.
OLD_FOLLOW_UP_DAYS = 90
OLD_FOLLOW_UP_RESOLUTION = N_("CampDesk로 옮기기 전의 오래된 후속조치라 가져올 때 처리 완료로 닫았습니다.")

# Field code in the file → (Korean, English) header, then the other headers found in real logs.
FILE_FIELDS: dict[str, tuple[str, str]] = {
    "occurred_at": CONSULTATION_FIELDS["occurred_at"],
    "time": ("시간", "Time"),  # i18n: data
    "channel": CONSULTATION_FIELDS["channel"],
    "company": ("기업명", "Company"),  # i18n: data
    "business_no": ("사업자등록번호", "Business registration no."),  # i18n: data
    "caller_name": CONSULTATION_FIELDS["caller_name"],
    "caller_phone": CONSULTATION_FIELDS["caller_phone"],
    "caller_org": CONSULTATION_FIELDS["caller_org"],
    "category": CONSULTATION_FIELDS["category"],
    "question": CONSULTATION_FIELDS["question"],
    "answer": CONSULTATION_FIELDS["answer"],
    "outcome": CONSULTATION_FIELDS["outcome"],
    "staff": ("담당자", "Staff"),  # i18n: data
    "escalated_to": CONSULTATION_FIELDS["escalated_to_id"],
    "duration_min": CONSULTATION_FIELDS["duration_min"],
    "difficulty": CONSULTATION_FIELDS["difficulty"],
    "suggestion": CONSULTATION_FIELDS["suggestion"],
}
EXTRA_HEADERS: dict[str, list[str]] = {
    "occurred_at": ["상담일시", "상담 일시", "접수일시", "접수 일시", "상담일", "상담일자", "접수일",  # i18n: data
                    "접수일자", "일자", "날짜", "상담 날짜", "date", "datetime", "when", "occurred at"],  # i18n: data
    "time": ["상담시간", "상담 시각", "접수시간", "시각", "time"],  # i18n: data
    "channel": ["상담경로", "접수경로", "상담방법", "상담 방법", "상담방식", "채널", "channel"],  # i18n: data
    "company": ["기업", "회사명", "업체명", "상호", "기업 이름", "법인명", "company", "company name"],  # i18n: data
    "business_no": ["사업자번호", "사업자 등록번호", "business no", "business number"],  # i18n: data
    "caller_name": ["문의자명", "성명", "이름", "고객명", "민원인", "신청자", "caller", "name"],  # i18n: data
    "caller_phone": ["연락처", "전화번호", "전화", "휴대폰", "phone"],  # i18n: data
    "caller_org": ["소속", "기관", "organisation", "organization"],  # i18n: data
    "category": ["상담분야", "상담 분야", "상담유형", "상담 유형", "유형", "분류", "구분", "category"],  # i18n: data
    "question": ["상담내용", "문의내용", "문의 내용", "내용", "질문", "요청사항", "question"],  # i18n: data
    "answer": ["답변내용", "답변 내용", "조치내용", "조치 내용", "처리내용", "처리 내용", "안내내용", "answer"],  # i18n: data
    "outcome": ["처리결과", "처리상태", "처리 상태", "진행상태", "상태", "outcome", "status"],  # i18n: data
    "staff": ["담당", "상담원", "상담직원", "처리자", "접수자", "staff"],  # i18n: data
    "escalated_to": ["이관", "이관 대상", "escalated to"],  # i18n: data
    "duration_min": ["소요시간", "소요시간(분)", "소요 시간(분)", "duration"],  # i18n: data
    "difficulty": ["애로 사항"],  # i18n: data
    "suggestion": ["건의 사항"],  # i18n: data
}
REQUIRED = ("occurred_at", "channel", "question")
# Words real logs use for an outcome, beyond its labels.
OUTCOME_WORDS = {
    "완료": "resolved", "처리완료": "resolved", "답변완료": "resolved", "종결": "resolved",  # i18n: data
    "안내완료": "resolved", "진행중": "follow_up", "처리중": "follow_up", "보류": "follow_up",  # i18n: data
    "후속": "follow_up", "이관": "escalated",  # i18n: data
}
# A consultations column's error → the file's field it came from.
_FILE_FIELD = {"company_id": "company", "escalated_to_id": "escalated_to", "staff_id": "staff"}


def header_synonyms() -> dict[str, list[str]]:
    return {code: [ko, en, *EXTRA_HEADERS.get(code, [])] for code, (ko, en) in FILE_FIELDS.items()}


# --- values -----------------------------------------------------------------------------------

def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_text(str(value)).strip()


def _fold(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


def _loose_choice(vocab: Vocabulary, text: str, extra: dict[str, str] | None = None) -> str:
    """The choice's code for the words of real logs (전화상담, 자금, 완료), or the text itself
    (which the consultation rules then refuse by name)."""
    choice = vocab.parse(text)
    if choice:
        return choice.code
    folded = _fold(text)
    if extra and folded in extra:
        return extra[folded]
    for suffix in ("상담", "문의"):  # i18n: data
        if folded.endswith(suffix) and (choice := vocab.parse(folded[: -len(suffix)])):
            return choice.code
    for c in vocab:
        parts = {_fold(p) for p in re.split(r"[·&/\s]+", f"{c.ko} {c.en}") if _fold(p)}
        if folded in parts:
            return c.code
    return text


_DATE = re.compile(r"(\d{4})\s*[.\-/년]\s*(\d{1,2})\s*[.\-/월]\s*(\d{1,2})\s*일?\s*\.?")  # i18n: data
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_TIME = re.compile(r"(오전|오후|am|pm)?\s*(\d{1,2})\s*(?:[:시]\s*(\d{1,2})?\s*분?)"  # i18n: data
                   r"(?:\s*:?\s*(\d{1,2})\s*초?)?\s*(오전|오후|am|pm)?", re.IGNORECASE)
_EXCEL_EPOCH = datetime(1899, 12, 30)


def _when_error(value: Any, field: str = "occurred_at") -> ValidationError:
    shown = _text(value)[:40]
    return ValidationError(field, _("일시 형식이 올바르지 않습니다 (입력: {value}). 예: 2026-03-05 14:30"
                                    ).format(value=shown))


def _parse_time(value: Any, field: str) -> time | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.time()
    if isinstance(value, time):
        return value
    if isinstance(value, timedelta):
        return (datetime.min + value).time() if value < timedelta(days=1) else None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value < 1:
        return (datetime.min + timedelta(seconds=round(value * 86400))).time()
    text = _text(value)
    m = _TIME.fullmatch(text)
    if not m:
        raise _when_error(value, field)
    hour, minute, second = int(m.group(2)), int(m.group(3) or 0), int(m.group(4) or 0)
    half = (m.group(1) or m.group(5) or "").casefold()
    if half in ("오후", "pm") and hour < 12:  # i18n: data
        hour += 12
    elif half in ("오전", "am") and hour == 12:  # i18n: data
        hour = 0
    try:
        return time(hour, minute, second)
    except ValueError:
        raise _when_error(value, field) from None


def parse_when(value: Any, time_value: Any = None) -> datetime:
    """A consultation's moment as the log wrote it (Seoul time), as an aware UTC datetime:
    a datetime or date from Excel, an Excel serial number, ``2026-03-05 14:30``,
    ``2026. 3. 5. 오후 2:30:00``, ``2026년 3월 5일 14시 30분``; a separate time column
    (``14:30``, ``오후 2:30``) gives the time of a date. No time: midnight."""
    moment: datetime | None = None
    clock: time | None = None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime.combine(value, time())
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        if not 1 < value < 2958466:  # Excel's serial numbers: 1900-01-01 .. 9999-12-31
            raise _when_error(value)
        moment = _EXCEL_EPOCH + timedelta(days=float(value))
        moment = moment.replace(microsecond=0)
    else:
        text = _text(value)
        if not text:
            raise ValidationError("occurred_at", _("상담 일시를 입력해 주세요."))
        m = _DATE.match(text) or _COMPACT_DATE.match(text)
        if m:
            try:
                day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                raise _when_error(value) from None
            rest = text[m.end():].strip(" T")
            clock = _parse_time(rest, "occurred_at") if rest else None
            moment = datetime.combine(day, clock or time())
        else:
            try:
                moment = datetime.fromisoformat(text)
            except ValueError:
                raise _when_error(value) from None
    if time_value is not None and not (isinstance(time_value, str) and not time_value.strip()):
        clock = _parse_time(time_value, "time")
        moment = datetime.combine(moment.date(), clock)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=SEOUL)
    moment = moment.astimezone(timezone.utc)
    if moment > datetime.now(timezone.utc) + timedelta(days=1):
        shown = moment.astimezone(SEOUL).strftime("%Y-%m-%d %H:%M")
        raise ValidationError("occurred_at", _("상담 일시가 미래입니다 (입력: {value}). 날짜를 확인해 "
                                               "주세요.").format(value=shown))
    return moment


def _duration(value: Any) -> Any:
    text = _text(value).replace("분", "").strip()  # i18n: data
    return text or None


# --- who --------------------------------------------------------------------------------------

def _person(name: str) -> str:
    return " ".join(name.split()).casefold()


class _Directory:
    """Companies and staff of the database, by what a log can name them with (ids only:
    memory stays small on large files)."""

    def __init__(self, s):
        self.company_ids: dict[str, str] = {}  # id → the company it is now (after a merge)
        self.by_no: dict[str, str] = {}
        self.by_name: dict[str, str] = {}
        rows = s.execute(select(Company.id, Company.merged_into, Company.business_no,
                                Company.name_norm).order_by(Company.created_at, Company.id))
        for cid, merged_into, no, norm in rows:
            self.company_ids[cid] = merged_into or cid
            if merged_into is None:
                if no:
                    self.by_no.setdefault(no, cid)
                self.by_name.setdefault(norm, cid)
        self.staff_ids: set[str] = set()
        self.staff_by_name: dict[str, str] = {}
        for sid, name, archived in s.execute(select(Staff.id, Staff.name, Staff.archived)
                                             .order_by(Staff.archived, Staff.created_at)):
            self.staff_ids.add(sid)
            self.staff_by_name.setdefault(_person(name or ""), sid)
        self.new_staff: list[str] = []

    def company(self, name: str, business_no: str | None) -> str | None:
        if business_no and business_no in self.by_no:
            return self.by_no[business_no]
        if name in self.company_ids:
            return self.company_ids[name]
        norm = normalise_company_name(name)[:max_length("companies", "name_norm") or None]
        return self.by_name.get(norm) if norm else None

    def staff(self, name: str) -> str | None:
        if name in self.staff_ids:
            return name
        return self.staff_by_name.get(_person(name))

    def add_staff(self, s, ctx: Context, name: str) -> str:
        """The id of the staff member ``name``, added as a former member (archived) when
        the staff list does not know them."""
        known = self.staff(name)
        if known:
            return known
        person = Staff(id=new_id(), name=" ".join(name.split()), role="onsite", archived=True,
                       updated_by=ctx.staff_id)
        s.add(person)
        s.flush()  # before the consultations that name them: they hold no relationship
        self.staff_ids.add(person.id)
        self.staff_by_name[_person(name)] = person.id
        self.new_staff.append(person.name)
        return person.id


# --- rows -------------------------------------------------------------------------------------

def _row_values(row: Row, who: _Directory) -> tuple[dict[str, Any], list[ValidationError]]:
    """The consultation a row describes, and every problem in it. A staff member the staff
    list does not know is ``("new", name)``: added when the rows are written."""
    raw = row.values
    errors: list[ValidationError] = []
    values: dict[str, Any] = {}
    try:
        values["occurred_at"] = parse_when(raw.get("occurred_at"), raw.get("time"))
    except ValidationError as exc:
        errors.append(exc)
    for code in ("channel", "category", "outcome"):
        text = _text(raw.get(code))
        if text:
            vocab = {"channel": CHANNEL, "category": CATEGORY, "outcome": OUTCOME}[code]
            values[code] = _loose_choice(vocab, text, OUTCOME_WORDS if code == "outcome" else None)
    values.setdefault("category", "other")
    values.setdefault("outcome", "resolved")
    for code in ("caller_name", "caller_phone", "caller_org", "answer", "difficulty",
                 "suggestion"):
        text = _text(raw.get(code))
        values[code] = text or None
    question = clean_text(str(raw.get("question") or ""))
    values["question"] = question.strip()
    if raw.get("duration_min") is not None:
        values["duration_min"] = _duration(raw["duration_min"])

    company_text = _text(raw.get("company"))
    business_no = None
    if _text(raw.get("business_no")):
        try:
            business_no = parse_business_no(_text(raw.get("business_no")))
        except ValidationError as exc:
            exc.field = "business_no"
            errors.append(exc)
    company_id = who.company(company_text, business_no) if (company_text or business_no) else None
    values["company_id"] = company_id
    if company_id is None and company_text:
        # A caller the register does not know: kept as an unregistered caller.
        if values["caller_name"]:
            values["caller_org"] = values["caller_org"] or company_text
        else:
            values["caller_name"] = company_text

    staff_text = _text(raw.get("staff"))
    if staff_text:
        staff_id = who.staff(staff_text)
        if staff_id is None:
            problems = with_limits("staff", {"name": staff_text}, [])
            if problems:
                errors += [ValidationError("staff_id", p.message(current_language()))
                           for p in problems]
            else:
                staff_id = ("new", staff_text)  # added once the row is known to be good
        values["staff_id"] = staff_id
    else:
        values["staff_id"] = None
    consultant_text = _text(raw.get("escalated_to"))
    if consultant_text:
        consultant = who.staff(consultant_text)
        if consultant is None:
            errors.append(ValidationError(
                "escalated_to_id", _("직원 목록에 없는 책임상담사입니다: {name}").format(name=consultant_text)))
        values["escalated_to_id"] = consultant
    pending_staff = values["staff_id"] if isinstance(values["staff_id"], tuple) else None
    if pending_staff:
        values["staff_id"] = None
    # The rules of a consultation logged at the desk (the hub's limits too); they normalise
    # ``values`` in place. Without a moment the row is refused already: check the rest anyway.
    checked = values if "occurred_at" in values else {**values, "occurred_at": datetime.now(timezone.utc)}
    errors = _check(checked, creating=True) + errors
    if pending_staff:
        values["staff_id"] = pending_staff
    return values, errors


def _key(values: dict[str, Any]) -> tuple:
    """What makes two rows one consultation: the minute, the company or caller, the question."""
    minute = values["occurred_at"].replace(second=0, microsecond=0)
    who = ("c", values["company_id"]) if values.get("company_id") else \
        ("p", _person(values.get("caller_name") or ""))
    question = hashlib.blake2b(" ".join(values["question"].split()).encode(), digest_size=12).digest()
    return minute, who, question


def _existing(s, values: dict[str, Any], key: tuple) -> str | None:
    minute, who, question = key
    c = Consultation
    stmt = select(c.id, c.question, c.caller_name).where(
        c.occurred_at >= minute, c.occurred_at < minute + timedelta(minutes=1))
    if who[0] == "c":
        stmt = stmt.where(c.company_id == who[1])
    else:
        stmt = stmt.where(c.company_id.is_(None))
    with s.no_autoflush:
        for cid, question, caller in s.execute(stmt.order_by(c.created_at, c.id)):
            if _key({**values, "question": question or "", "caller_name": caller}) == key:
                return cid
    return None


_UPDATABLE = ("channel", "category", "answer", "outcome", "staff_id", "caller_phone",
              "caller_org", "difficulty", "suggestion", "duration_min", "escalated_to_id")
_FROM_FILE = {"staff_id": "staff", "escalated_to_id": "escalated_to"}


def import_consultations(ctx: Context, path: str | Path, progress: Progress | None = None,
                         today: date | None = None) -> ImportReport:
    """Keep every valid row, explain every bad one; importing again changes nothing.

    The file is read and checked first, without SQLite's write lock (the app keeps saving
    meanwhile), then written in one short transaction: a file unreadable half-way or a
    cancelled import changes nothing. A follow-up or escalation logged more than
    :data:`OLD_FOLLOW_UP_DAYS` days before ``today`` comes in closed (see :func:`_close_old`).
    """
    report = ImportReport()
    with ctx.db.reading() as s:
        who = _Directory(s)
    with Table(Path(path), header_synonyms(), REQUIRED, report, progress) as table, \
            Staged() as staged:
        in_file = set(table.columns.values())
        for row in table:
            report.total += 1
            values, errors = _row_values(row, who)
            if errors:
                for e in errors:
                    code = _FILE_FIELD.get(e.field, e.field)
                    report.reject_error(row.number, row.columns.get(code), e, "consultations")
                continue
            staged.append(values)
        _write(ctx, staged, in_file, report, today or today_seoul())
    return report


def _write(ctx: Context, staged: Staged, in_file: set[str], report: ImportReport,
           today: date) -> None:
    """The checked rows into the database, in one transaction."""
    cut_off = datetime.combine(today - timedelta(days=OLD_FOLLOW_UP_DAYS), time(), SEOUL)
    closed_old = 0
    with ctx.db.transaction() as s:
        who = _Directory(s)  # as it is now: the app may have changed it while the file was read
        seen: dict[tuple, str] = {}
        batch: dict[str, Consultation] = {}
        for chunk in staged.chunks():
            for values in chunk:
                if values["company_id"]:  # merged while the file was read: the company it is now
                    values["company_id"] = who.company_ids.get(values["company_id"],
                                                               values["company_id"])
                if isinstance(values["staff_id"], tuple):
                    values["staff_id"] = who.add_staff(s, ctx, values["staff_id"][1])
                key = _key(values)
                existing_id = seen.get(key) or _existing(s, values, key)
                if existing_id is None:
                    c = Consultation(**values, id=new_id(), updated_by=ctx.staff_id)
                    if c.outcome == "escalated":
                        c.escalated_at = values["occurred_at"]
                    if _close_old(c, cut_off):
                        closed_old += 1
                    s.add(c)
                    report.created += 1
                else:
                    c = batch.get(existing_id) or s.get(Consultation, existing_id)
                    # Blank cells do not erase what staff already recorded.
                    changes = {k: values[k] for k in _UPDATABLE if _FROM_FILE.get(k, k) in in_file
                               and values.get(k) not in (None, "")}
                    if apply_changes(s, c, changes, ctx.staff_id):
                        report.updated += 1
                    else:
                        report.unchanged += 1
                seen[key] = c.id
                batch[c.id] = c
                if len(batch) >= FLUSH_EVERY:
                    s.flush()
                    s.expunge_all()
                    batch.clear()
    if who.new_staff:
        names = ", ".join(who.new_staff[:10]) + (" …" if len(who.new_staff) > 10 else "")
        n = len(who.new_staff)
        report.warnings.append(ngettext(
            "직원 목록에 없던 담당자 {n}명을 예전 직원(보관)으로 등록했습니다: {names}",
            "직원 목록에 없던 담당자 {n}명을 예전 직원(보관)으로 등록했습니다: {names}", n
        ).format(n=n, names=names))
    if closed_old:
        report.warnings.append(ngettext(
            "{days}일이 지난 후속조치·이관 {n}건은 처리 완료로 가져왔습니다 (후속조치 목록에 나오지 않습니다).",
            "{days}일이 지난 후속조치·이관 {n}건은 처리 완료로 가져왔습니다 (후속조치 목록에 나오지 않습니다).",
            closed_old).format(days=OLD_FOLLOW_UP_DAYS, n=closed_old))


def _close_old(c: Consultation, cut_off: datetime) -> bool:
    """Close a follow-up or escalation of an old log (logged before ``cut_off``): years-old
    items would otherwise fill the desk's follow-up list, though long since dealt with.
    The outcome stays what the log said; the resolution says why it was closed."""
    if c.outcome not in OPEN_OUTCOMES or c.occurred_at >= cut_off:
        return False
    c.closed_at = datetime.now(timezone.utc)
    c.resolution = in_language("ko", OLD_FOLLOW_UP_RESOLUTION)
    return True
