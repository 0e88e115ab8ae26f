"""The complaint process, one function per step: intake, review, registration, referral, forward,
follow-up, response, notice, close, reopen, visits. Each is one transaction of `case.*` events."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from ..errors import QT_TRANSLATE_NOOP, InvariantError, NotFound, PermissionDenied, ValidationError
from ..eventlog import Actor
from ..ids import new_id
from ..models import Event, User, table_of, utcnow
from ..models.secretariat import (
    CHANNELS,
    FOLLOW_UP_METHODS,
    NOTICE_METHODS,
    OUTCOMES,
    VISIT_PURPOSES,
    Applicant,
    Case,
    Forward,
    Referral,
    Visit,
)
from ..persian import (
    TEHRAN,
    normalize,
    normalize_mobile,
    normalize_national_id,
    parse_jalali_date,
)
from ..store import Store
from . import numbers
from .accounts import require, working_calendar
from .secretariat_agencies import default_deadline, get_agency
from .secretariat_files import StoredFile, put_file

MSG_REQUIRED = QT_TRANSLATE_NOOP("Errors", "این خانه را پر کنید.")
MSG_CHANNEL = QT_TRANSLATE_NOOP("Errors", "شیوه دریافت را برگزینید.")
MSG_FUTURE = QT_TRANSLATE_NOOP("Errors", "تاریخ دریافت نمی‌تواند پس از امروز باشد.")
MSG_NO_CASE = QT_TRANSLATE_NOOP("Errors", "درخواست پیدا نشد.")
MSG_STATE = QT_TRANSLATE_NOOP("Errors", "این کار در وضعیت کنونی درخواست شدنی نیست.")
MSG_NOT_HOLDER = QT_TRANSLATE_NOOP("Errors", "این درخواست در کارتابل شما نیست.")
MSG_NO_USER = QT_TRANSLATE_NOOP("Errors", "گیرنده ارجاع پیدا نشد یا فعال نیست.")
MSG_RECEIVER_ROLE = QT_TRANSLATE_NOOP(
    "Errors", "ارجاع فقط به کارشناس یا مدیر دبیرخانه می‌رود؛ این کاربر چنین نقشی ندارد.")
MSG_CC_ROLE = QT_TRANSLATE_NOOP(
    "Errors", "رونوشت فقط به کاربران دبیرخانه (کارمند دبیرخانه، کارشناس، مدیر) می‌رود؛ یکی از برگزیده‌ها چنین نقشی ندارد.")
MSG_NO_ITEM = QT_TRANSLATE_NOOP("Errors", "این ارجاع پیدا نشد.")
MSG_RECALL_ACTED = QT_TRANSLATE_NOOP("Errors", "این ارجاع پیش‌تر رسیدگی شده و پس‌گرفتنی نیست.")
MSG_RECALL_OWNER = QT_TRANSLATE_NOOP("Errors", "فقط فرستنده ارجاع می‌تواند آن را پس بگیرد.")
MSG_REASON = QT_TRANSLATE_NOOP("Errors", "دلیل رد را برگزینید.")
MSG_OUTCOME = QT_TRANSLATE_NOOP("Errors", "نتیجه بستن پرونده را برگزینید.")
MSG_WHOSE = QT_TRANSLATE_NOOP("Errors", "بنویسید رسیدگی به این درخواست وظیفه کدام دستگاه است.")
MSG_METHOD = QT_TRANSLATE_NOOP("Errors", "شیوه را برگزینید.")
MSG_DEADLINE = QT_TRANSLATE_NOOP("Errors", "مهلت پاسخ باید پس از تاریخ نامه باشد.")
MSG_SELF = QT_TRANSLATE_NOOP("Errors", "نمی‌توانید درخواست را به خودتان ارجاع دهید.")
MSG_PURPOSE = QT_TRANSLATE_NOOP("Errors", "هدف مراجعه را برگزینید.")
MSG_LETTER_FUTURE = QT_TRANSLATE_NOOP("Errors", "تاریخ نامه نمی‌تواند پس از امروز باشد.")
MSG_LETTER_EARLY = QT_TRANSLATE_NOOP("Errors", "تاریخ نامه نمی‌تواند پیش از تاریخ دریافت درخواست باشد.")
MSG_CHOOSE_AGENCY = QT_TRANSLATE_NOOP("Errors", "دستگاه اجرایی را برگزینید.")
MSG_NOTHING_DECIDED = QT_TRANSLATE_NOOP(
    "Errors", "هنوز درباره این درخواست تصمیمی گرفته نشده است؛ چیزی برای اعلام به متقاضی نیست.")
MSG_AGENCY_INACTIVE = QT_TRANSLATE_NOOP(
    "Errors", "این دستگاه از فهرست دستگاه‌های اجرایی بیرون گذاشته شده است؛ دستگاه دیگری برگزینید.")
MSG_VISITED = QT_TRANSLATE_NOOP(
    "Errors", "مراجعه حضوری امروز این متقاضی برای این درخواست پیش‌تر ثبت شده است؛ هر روز یک بار شمرده می‌شود.")
MSG_NO_MOBILE = QT_TRANSLATE_NOOP(
    "Errors", "برای این متقاضی شماره همراهی ثبت نشده است؛ پیامک فرستادنی نیست. شیوه دیگری برگزینید.")

READ_ROLES = ("clerk", "expert", "manager", "admin")
#: Who may receive a referral to act on (it opens in their cartable), and who a CC (رونوشت).
REFERRAL_ROLES = ("expert", "manager")
CC_ROLES = ("clerk", "expert", "manager")

#: The reasons an expert picks from when rejecting (free text goes in the note).
REJECTION_REASONS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Errors", "خارج از حیطه وظایف"),
    QT_TRANSLATE_NOOP("Errors", "مدارک ناقص"),
    QT_TRANSLATE_NOOP("Errors", "تکراری"),
    QT_TRANSLATE_NOOP("Errors", "فاقد موضوع قابل رسیدگی"),
)


def today() -> date:
    """Today's date in Tehran (the office's day, whatever the machine's time zone)."""
    return datetime.now(TEHRAN).date()


def _stamp(on: date | None) -> tuple[date, str]:
    """The day of an action and its instant (ISO), for the event payload."""
    now = utcnow()
    if on is None:
        return now.astimezone(TEHRAN).date(), now.isoformat()
    local = now.astimezone(TEHRAN)
    return on, datetime.combine(on, local.time(), TEHRAN).astimezone(UTC).isoformat()


@dataclass
class CaseInput:
    """What the clerk types at intake (as typed: the service normalises and validates)."""

    national_id: str
    first_name: str
    last_name: str
    subject: str
    mobile: str = ""
    address: str = ""
    text: str = ""
    category: str = ""
    channel: str = "in_person"
    received_date: str | date = ""  # Jalali text as typed, or a date
    attachments: Sequence[Path | str] = field(default_factory=list)


@dataclass(frozen=True)
class ForwardView:
    """A forward just made: its letter number and the agency's deadline."""

    id: str
    case_id: str
    agency_id: str
    letter_no: str
    letter_date: date
    deadline: date


@dataclass(frozen=True)
class Receipt:
    case_id: str
    tracking_code: str
    applicant_name: str
    national_id: str
    subject: str
    received_date: date
    channel: str
    attachments: int


def _required(value: str, name: str) -> str:
    value = normalize(value or "")
    if not value:
        raise ValidationError(MSG_REQUIRED, name)
    return value


def validate_input(data: CaseInput, *, on: date | None = None) -> dict[str, object]:
    """Normalised intake fields, or a ValidationError naming the first wrong field (form order)."""
    try:
        nid = normalize_national_id(data.national_id or "")
    except ValueError as exc:
        raise ValidationError(str(exc), "national_id") from None
    first = _required(data.first_name, "first_name")
    last = _required(data.last_name, "last_name")
    mobile = ""
    if normalize(data.mobile or ""):
        try:
            mobile = normalize_mobile(data.mobile)
        except ValueError as exc:
            raise ValidationError(str(exc), "mobile") from None
    subject = _required(data.subject, "subject")
    if data.channel not in CHANNELS:
        raise ValidationError(MSG_CHANNEL, "channel")
    if isinstance(data.received_date, date):
        received = data.received_date
    elif not normalize(data.received_date or ""):
        received = on or today()
    else:
        try:
            received = parse_jalali_date(data.received_date)
        except ValueError as exc:
            raise ValidationError(str(exc), "received_date") from None
    if received > (on or today()):
        raise ValidationError(MSG_FUTURE, "received_date")
    return {"national_id": nid, "first_name": first, "last_name": last, "mobile": mobile,
            "address": normalize(data.address or ""), "subject": subject[:300],
            "text": normalize(data.text or ""), "category": normalize(data.category or ""),
            "channel": data.channel, "received_date": received}


_APPLICANTS, _CASES = table_of(Applicant), table_of(Case)
_APPLICANT_FIELDS = ("national_id", "first_name", "last_name", "mobile", "address")
_APPLICANT_BY_NID = (select(_APPLICANTS.c.id, *(_APPLICANTS.c[k] for k in _APPLICANT_FIELDS))
                     .where(_APPLICANTS.c.national_id == bindparam("nid")).order_by(_APPLICANTS.c.id).limit(1))
_TRACKING_CODE_TAKEN = select(_CASES.c.id).where(_CASES.c.tracking_code == bindparam("code"))


def _applicant_id(store: Store, s: Session, actor: Actor, v: dict[str, object]) -> str:
    """Reuse the applicant known by this national ID (updating what changed), or add one."""
    s.flush()
    known = s.connection().execute(_APPLICANT_BY_NID, {"nid": v["national_id"]}).one_or_none()
    fields = {k: v[k] for k in _APPLICANT_FIELDS}
    if known is None:
        aid = new_id()
        store.record(s, actor, "applicant.set", aid, fields, subject=str(v["national_id"]))
        return aid
    changed = {k: val for k, val in fields.items() if val and getattr(known, k) != val}
    if changed:
        store.record(s, actor, "applicant.set", known.id, changed, subject=str(v["national_id"]))
    return str(known.id)


def _new_tracking_code(store: Store, s: Session) -> str:
    while True:
        code = numbers.new_tracking_code(store)
        if s.connection().execute(_TRACKING_CODE_TAKEN, {"code": code}).first() is None:
            return code


def intake(store: Store, actor: Actor, data: CaseInput, *, on: date | None = None) -> Receipt:
    """A clerk takes in a request: applicant, text, scans; returns the receipt's facts."""
    require(actor, "clerk")
    v = validate_input(data, on=on)
    files: list[StoredFile] = [put_file(store, p) for p in data.attachments]
    day, at = _stamp(on)
    case_id = new_id()
    with store.transaction() as s:
        aid = _applicant_id(store, s, actor, v)
        code = _new_tracking_code(store, s)
        received: date = v["received_date"]  # type: ignore[assignment]
        store.record(s, actor, "case.received", case_id, {
            "tracking_code": code, "applicant_id": aid,
            "applicant_name": f"{v['first_name']} {v['last_name']}", "national_id": v["national_id"],
            "subject": v["subject"], "text": v["text"], "category": v["category"],
            "channel": v["channel"], "received_date": received.isoformat(), "at": at}, subject=code)
        for f in files:
            _attach(store, s, actor, case_id, f, "intake", at, code)
    return Receipt(case_id, code, f"{v['first_name']} {v['last_name']}", str(v["national_id"]),
                   str(v["subject"]), received, str(v["channel"]), len(files))


def _attach(store: Store, s: Session, actor: Actor, case_id: str, f: StoredFile, kind: str, at: str,
            subject: str) -> None:
    store.record(s, actor, "case.attached", case_id, {
        "sha256": f.sha256, "filename": f.filename, "mime": f.mime, "size": f.size, "kind": kind,
        "at": at}, subject=subject)


def _load(s: Session, case_id: str) -> Case:
    c = s.get(Case, case_id)
    if c is None:
        raise NotFound(MSG_NO_CASE, "case_id")
    return c


def _need(c: Case, *statuses: str) -> None:
    if c.status not in statuses:
        raise InvariantError(MSG_STATE)


def _subject(c: Case) -> str:
    return c.registration_no or c.tracking_code


def add_attachment(store: Store, actor: Actor, case_id: str, path: Path | str, *,
                   kind: str = "other") -> None:
    require(actor, "clerk", "expert", "manager")
    f = put_file(store, path)
    _, at = _stamp(None)
    with store.transaction() as s:
        c = _load(s, case_id)
        _attach(store, s, actor, case_id, f, kind, at, _subject(c))


def rejection_notice_text(tracking_code: str, reason: str, note: str) -> str:
    return (f"متقاضی گرامی، درخواست شما با کد رهگیری {tracking_code} بررسی شد و به دلیل «{reason}» "
            f"پذیرفته نشد. {note}").strip()


def review(store: Store, actor: Actor, case_id: str, *, accept: bool, reason: str = "", note: str = "",
           on: date | None = None) -> None:
    """The expert's initial review: accept, or reject with a reason (the applicant's notice follows)."""
    require(actor, "expert")
    reason, note = normalize(reason or ""), normalize(note or "")
    if not accept and not reason:
        raise ValidationError(MSG_REASON, "reason")
    day, at = _stamp(on)
    with store.transaction() as s:
        c = _load(s, case_id)
        _need(c, "received")
        payload: dict[str, object] = {"decision": "accept" if accept else "reject", "day": day.isoformat(),
                                      "at": at}
        if not accept:
            payload.update(reason=reason, note=note,
                           notice=rejection_notice_text(c.tracking_code, reason, note))
        store.record(s, actor, "case.reviewed", case_id, payload, subject=_subject(c))


def register(store: Store, actor: Actor, case_id: str, *, on: date | None = None) -> str:
    """Give an accepted case the secretariat's registration number; returns it."""
    require(actor, "clerk", "expert")
    day, at = _stamp(on)
    with store.transaction() as s:
        c = _load(s, case_id)
        _need(c, "accepted")
        number = numbers.allocate_number(store, s, "case", day)
        store.record(s, actor, "case.registered", case_id,
                     {"registration_no": number, "day": day.isoformat(), "at": at}, subject=number)
        return number


def _active_user(s: Session, user_id: str, field_name: str) -> User:
    u = s.get(User, user_id)
    if u is None or not u.active:
        raise ValidationError(MSG_NO_USER, field_name)
    return u


def _receiver(s: Session, user_id: str, field_name: str, roles: Sequence[str], message: str) -> User:
    """An active user with one of the secretariat's `roles` (a librarian's cartable cannot open a
    case), or a ValidationError at the field."""
    u = _active_user(s, user_id, field_name)
    if not u.role_set & set(roles):
        raise ValidationError(message, field_name)
    return u


def _open_item(s: Session, case_id: str) -> Referral | None:
    return s.scalar(select(Referral).where(Referral.case_id == case_id, Referral.kind == "action",
                                           Referral.status == "open").limit(1))


def _check_holder(actor: Actor, c: Case) -> None:
    if c.status == "referred" and c.holder_user_id != actor.user_id and not actor.has("admin"):
        raise PermissionDenied(MSG_NOT_HOLDER)


def refer(store: Store, actor: Actor, case_id: str, to_user_id: str, *, instruction: str = "",
          cc: Sequence[str] = (), on: date | None = None) -> str:
    """Send a case to a user's cartable with an instruction (پاراف) and CCs; returns the item id."""
    require(actor, "expert", "manager")
    if to_user_id == actor.user_id:
        raise ValidationError(MSG_SELF, "to_user_id")
    _, at = _stamp(on)
    with store.transaction() as s:
        c = _load(s, case_id)
        _need(c, "registered", "referred", "answered")
        _check_holder(actor, c)
        _receiver(s, to_user_id, "to_user_id", REFERRAL_ROLES, MSG_RECEIVER_ROLE)
        ccs = sorted({u for u in cc if u != to_user_id})
        for u in ccs:
            _receiver(s, u, "cc", CC_ROLES, MSG_CC_ROLE)
        ev = store.record(s, actor, "case.referred", case_id, {
            "to_user_id": to_user_id, "instruction": normalize(instruction or ""), "cc": ccs,
            "from_status": c.status, "at": at}, subject=_subject(c))
        return ev.id


def refer_back(store: Store, actor: Actor, case_id: str, *, instruction: str = "",
               to_user_id: str | None = None, on: date | None = None) -> str:
    """The manager sends the case back to the expert who referred it (or another one)."""
    require(actor, "manager")
    with store.read() as s:
        item = _open_item(s, case_id)
        if item is None or item.to_user_id != actor.user_id:
            raise PermissionDenied(MSG_NOT_HOLDER)
        back_to = to_user_id or item.from_user_id
    return refer(store, actor, case_id, back_to, instruction=instruction, on=on)


def recall(store: Store, actor: Actor, item_id: str) -> None:
    """The sender takes a referral back, as long as the receiver has not acted on it."""
    require(actor, "expert", "manager")
    _, at = _stamp(None)
    with store.transaction() as s:
        item = s.get(Referral, item_id)
        if item is None or item.kind != "action":
            raise NotFound(MSG_NO_ITEM, "item_id")
        if item.from_user_id != actor.user_id:
            raise PermissionDenied(MSG_RECALL_OWNER)
        if item.status != "open":
            raise InvariantError(MSG_RECALL_ACTED)
        c = _load(s, item.case_id)
        payload: dict[str, object] = {"referral_id": item.id, "at": at}
        sent = s.get(Event, item.referral_id)
        if sent is not None and sent.payload.get("from_status") == "answered":
            payload["back_to"] = "answered"  # the agency's answer stays: not back to «registered»
        store.record(s, actor, "case.referral_recalled", item.case_id, payload, subject=_subject(c))


def mark_read(store: Store, actor: Actor, item_id: str) -> None:
    """Opening a cartable item marks it read (once); a CC (رونوشت) read leaves the open cartable."""
    _, at = _stamp(None)
    with store.transaction() as s:
        item = s.get(Referral, item_id)
        if item is None:
            raise NotFound(MSG_NO_ITEM, "item_id")
        if item.to_user_id != actor.user_id or item.read:
            return
        store.record(s, actor, "case.referral_read", item.case_id, {"item_id": item_id, "at": at})


def forward(store: Store, actor: Actor, case_id: str, agency_id: str, *, letter_no: str = "",
            letter_date: date | None = None, deadline: date | None = None,
            on: date | None = None) -> ForwardView:
    """Send the case to an executive agency with an outgoing letter (its number, or the next of
    this desk's, and its date: today unless given, never in the future); the deadline defaults to
    the agency's working days counted from the letter's date."""
    require(actor, "manager")
    day, at = _stamp(on)
    if not agency_id:
        raise ValidationError(MSG_CHOOSE_AGENCY, "agency_id")
    agency = get_agency(store, agency_id)
    if not agency.active:
        raise ValidationError(MSG_AGENCY_INACTIVE, "agency_id")
    letter_day = letter_date or day
    if letter_day > day:
        raise ValidationError(MSG_LETTER_FUTURE, "letter_date")
    due = deadline or default_deadline(working_calendar(store), agency, letter_day)
    if due <= letter_day:
        raise ValidationError(MSG_DEADLINE, "deadline")
    with store.transaction() as s:
        c = _load(s, case_id)
        if letter_day < c.received_date:
            raise ValidationError(MSG_LETTER_EARLY, "letter_date")
        _need(c, "registered", "referred", "answered")
        _check_holder(actor, c)
        number = normalize(letter_no or "") or numbers.allocate_number(store, s, "letter", letter_day)
        ev = store.record(s, actor, "case.forwarded", case_id, {
            "agency_id": agency_id, "letter_no": number, "letter_date": letter_day.isoformat(),
            "deadline": due.isoformat(), "day": day.isoformat(), "at": at}, subject=_subject(c))
        return ForwardView(ev.id, case_id, agency_id, number, letter_day, due)


def follow_up(store: Store, actor: Actor, case_id: str, *, method: str, note: str = "",
              new_deadline: date | None = None, letter_no: str = "", on: date | None = None) -> None:
    """The expert chases the agency (phone or letter), with a note and perhaps a new deadline."""
    require(actor, "expert", "manager")
    if method not in FOLLOW_UP_METHODS:
        raise ValidationError(MSG_METHOD, "method")
    day, at = _stamp(on)
    if new_deadline is not None and new_deadline <= day:
        raise ValidationError(MSG_DEADLINE, "new_deadline")
    with store.transaction() as s:
        c = _load(s, case_id)
        _need(c, "forwarded")
        fw_id = s.scalar(select(Forward.id).where(Forward.case_id == case_id, Forward.status == "open")
                         .order_by(Forward.letter_date.desc(), Forward.id.desc()).limit(1))
        if method == "letter" and not normalize(letter_no or ""):
            letter_no = numbers.allocate_number(store, s, "letter", day)
        store.record(s, actor, "case.followed_up", case_id, {
            "method": method, "note": normalize(note or ""), "letter_no": normalize(letter_no or ""),
            "new_deadline": new_deadline.isoformat() if new_deadline else None, "forward_id": fw_id,
            "day": day.isoformat(), "at": at}, subject=_subject(c))


def record_response(store: Store, actor: Actor, case_id: str, *, text: str,
                    attachment: Path | str | None = None, on: date | None = None) -> None:
    """The agency's answer arrived: its text and perhaps its scanned letter."""
    require(actor, "clerk", "expert", "manager")
    body = _required(text, "text")
    f = put_file(store, attachment, "attachment") if attachment else None
    day, at = _stamp(on)
    with store.transaction() as s:
        c = _load(s, case_id)
        _need(c, "forwarded")
        store.record(s, actor, "case.answered", case_id, {"text": body, "day": day.isoformat(), "at": at},
                     subject=_subject(c))
        if f is not None:
            _attach(store, s, actor, case_id, f, "response", at, _subject(c))


#: An SMS longer than this is cut (with "…"): the server's gateway sends it as a few parts.
SMS_MAX = 480


def sms_text(case: Mapping[str, Any]) -> str:
    """The SMS an applicant gets when the clerk writes none: the result in one message, with the
    tracking code to ask about it. `case` holds the case's columns (a row's fields, or the case
    view's `CaseDetail.case`)."""
    code = case["tracking_code"]
    if case["status"] == "rejected":
        if not case.get("reject_reason"):  # (closed as rejected before a rejection named its reason:
            # its note was the office's own, not for the applicant)
            return f"متقاضی گرامی، درخواست شما با کد رهگیری {code} بررسی شد و پذیرفته نشد."
        return rejection_notice_text(code, case["reject_reason"], case.get("reject_note") or "")
    if case.get("response_text"):
        body = (f"متقاضی گرامی، پاسخ دستگاه اجرایی به درخواست شما با کد رهگیری {code} رسید: "
                f"{case['response_text']}")
    else:
        body = f"متقاضی گرامی، رسیدگی به درخواست شما با کد رهگیری {code} به پایان رسید."
    return body if len(body) <= SMS_MAX else body[:SMS_MAX - 1] + "…"


_SMS_FIELDS = ("tracking_code", "status", "reject_reason", "reject_note", "response_text")


def _visited_on(s: Session, case_id: str, day: date) -> bool:
    """Whether the applicant's visit about this case that day is counted already (at intake, by a
    notice in person or by the one-click visit): a visit counts once a day."""
    return s.scalar(select(Visit.id).where(Visit.case_id == case_id, Visit.day == day).limit(1)) is not None


def applicant_mobile(s: Session, c: Case) -> str:
    """The applicant's mobile as stored ("09121234567"), or "" when none is known."""
    a = s.get(Applicant, c.applicant_id)
    return a.mobile if a is not None and a.mobile else ""


def notify(store: Store, actor: Actor, case_id: str, *, method: str, text: str = "",
           on: date | None = None) -> None:
    """Tell the applicant (phone, letter, SMS queued for the server, or in person: also a visit).

    An SMS notice carries the applicant's mobile and the message (`sms_text` when the clerk wrote
    none): the sync server queues and sends it (the contract of a `case.notified` event with
    `"method": "sms"`). It is refused at the method when the applicant has no mobile."""
    require(actor, "clerk", "expert")
    if method not in NOTICE_METHODS:
        raise ValidationError(MSG_METHOD, "method")
    day, at = _stamp(on)
    with store.transaction() as s:
        c = _load(s, case_id)
        if c.status == "received":  # nothing decided yet (a rejection is "rejected" and is told)
            raise InvariantError(MSG_NOTHING_DECIDED)
        kind = "rejection" if c.status == "rejected" else "result"
        payload: dict[str, object] = {"method": method, "text": normalize(text or ""), "kind": kind,
                                      "day": day.isoformat(), "at": at}
        if method == "in_person" and _visited_on(s, case_id, day):
            payload["visit"] = False  # told during a visit already counted today: not a second one
        if method == "sms":
            mobile = applicant_mobile(s, c)
            if not mobile:
                raise ValidationError(MSG_NO_MOBILE, "method")
            payload["mobile"] = mobile
            payload["text"] = payload["text"] or sms_text({k: getattr(c, k) for k in _SMS_FIELDS})
        store.record(s, actor, "case.notified", case_id, payload, subject=_subject(c))


def close(store: Store, actor: Actor, case_id: str, *, outcome: str, note: str = "",
          responsible_party: str = "", reason: str = "", on: date | None = None) -> None:
    """Close with an honest outcome. A rejection ("rejected") names its reason, as the expert's
    does at review, and the applicant's notice follows (pending until sent, printable); the
    manager's rejection is `manager_reject`."""
    require(actor, "expert", "manager")
    if outcome not in OUTCOMES:
        raise ValidationError(MSG_OUTCOME, "outcome")
    party = normalize(responsible_party or "")
    if outcome == "not_responsible" and not party:
        raise ValidationError(MSG_WHOSE, "responsible_party")
    reason, note = normalize(reason or ""), normalize(note or "")
    if outcome == "rejected" and not reason:
        raise ValidationError(MSG_REASON, "reason")
    day, at = _stamp(on)
    with store.transaction() as s:
        c = _load(s, case_id)
        _need(c, "accepted", "registered", "referred", "forwarded", "answered")
        _check_holder(actor, c)
        payload: dict[str, object] = {"outcome": outcome, "note": note, "responsible_party": party,
                                      "day": day.isoformat(), "at": at}
        if outcome == "rejected":
            payload.update(reason=reason, notice=rejection_notice_text(c.tracking_code, reason, note))
        store.record(s, actor, "case.closed", case_id, payload, subject=_subject(c))


def manager_reject(store: Store, actor: Actor, case_id: str, *, reason: str, note: str = "",
                   on: date | None = None) -> None:
    """The manager holding the case rejects the request: a reason from the list (the note, if any,
    is told the applicant with it), and the notice follows like the expert's rejection."""
    require(actor, "manager")
    close(store, actor, case_id, outcome="rejected", reason=reason, note=note, on=on)


def reopen(store: Store, actor: Actor, case_id: str, *, reason: str, on: date | None = None) -> None:
    require(actor, "expert", "manager")
    why = _required(reason, "reason")
    day, at = _stamp(on)
    with store.transaction() as s:
        c = _load(s, case_id)
        _need(c, "closed", "rejected")
        store.record(s, actor, "case.reopened", case_id, {"reason": why, "day": day.isoformat(), "at": at},
                     subject=_subject(c))


def record_visit(store: Store, actor: Actor, case_id: str, *, purpose: str = "ask",
                 on: date | None = None) -> None:
    """One click: the applicant came in person about this case."""
    require(actor, "clerk", "expert")
    if purpose not in VISIT_PURPOSES:
        raise ValidationError(MSG_PURPOSE, "purpose")
    day, at = _stamp(on)
    with store.transaction() as s:
        c = _load(s, case_id)
        if _visited_on(s, case_id, day):
            raise InvariantError(MSG_VISITED)
        store.record(s, actor, "case.visited", case_id, {"purpose": purpose, "day": day.isoformat(),
                                                         "at": at}, subject=_subject(c))
