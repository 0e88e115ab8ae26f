"""Intake: the clerk's form checked and normalised, the applicant reused or added, tracking code, scans."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from ..errors import QT_TRANSLATE_NOOP, InvariantError, NotFound, PermissionDenied, ValidationError, invalid
from ..eventlog import Actor
from ..ids import new_id
from ..models import table_of
from ..models.secretariat import CHANNELS, Applicant, Attachment, Case, Forward
from ..persian import (
    format_jalali_date,
    normalize,
    normalize_mobile,
    normalize_national_id,
    normalize_text,
    parse_jalali_date,
)
from ..store import Store
from . import numbers
from .accounts import require
from .secretariat_common import _attach, _load, _required, _stamp, _subject, today
from .secretariat_files import StoredFile, put_file

MSG_CHANNEL = QT_TRANSLATE_NOOP("Errors", "شیوه دریافت را برگزینید.")
MSG_FUTURE = QT_TRANSLATE_NOOP("Errors", "تاریخ دریافت نمی‌تواند پس از امروز باشد.")
MSG_SAME_SCAN = QT_TRANSLATE_NOOP("Errors", "این پیوست پیش‌تر به این پرونده افزوده شده است.")
MSG_SAME_SCAN_TWICE = QT_TRANSLATE_NOOP(
    "Errors", "«{name}» همان پیوست «{first}» است؛ یکی از آن دو را از فهرست بردارید.")
MSG_NO_ATTACHMENT = QT_TRANSLATE_NOOP("Errors", "این پیوست در این پرونده نیست؛ شاید پیش‌تر برداشته شده است.")
MSG_REMOVE_REASON = QT_TRANSLATE_NOOP("Errors", "بنویسید چرا این پیوست برداشته می‌شود.")
MSG_REMOVE_CLOSED = QT_TRANSLATE_NOOP(
    "Errors", "پیوست پرونده بسته برداشته نمی‌شود؛ اگر لازم است، نخست پرونده را بازگشایی کنید.")
MSG_REMOVE_NOT_YOURS = QT_TRANSLATE_NOOP(
    "Errors", "پیوستی را که کاربر دیگری افزوده است تنها کارشناس، مدیر یا مدیر سامانه برمی‌دارد.")


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
class Receipt:
    case_id: str
    tracking_code: str
    applicant_name: str
    national_id: str
    subject: str
    received_date: date
    channel: str
    attachments: int


def validate_input(data: CaseInput, *, on: date | None = None) -> dict[str, object]:
    """Normalised intake fields, or a ValidationError naming the first wrong field (form order)."""
    try:
        nid = normalize_national_id(data.national_id or "")
    except ValueError as exc:
        raise invalid(exc, "national_id") from None
    first = _required(data.first_name, "first_name")
    last = _required(data.last_name, "last_name")
    mobile = ""
    if normalize(data.mobile or ""):
        try:
            mobile = normalize_mobile(data.mobile)
        except ValueError as exc:
            raise invalid(exc, "mobile") from None
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
            raise invalid(exc, "received_date") from None
    if received > (on or today()):
        raise ValidationError(MSG_FUTURE, "received_date")
    return {"national_id": nid, "first_name": first, "last_name": last, "mobile": mobile,
            "address": normalize_text(data.address or ""), "subject": subject[:300],
            "text": normalize_text(data.text or ""), "category": normalize_text(data.category or ""),
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
    _distinct(files)
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

def _distinct(files: Sequence[StoredFile]) -> None:
    """One scan listed twice under two names (a file and its copy «… (1).pdf») is refused, naming
    both: the case would list and print the same pages twice."""
    seen: dict[str, str] = {}
    for f in files:
        if f.sha256 in seen:
            raise ValidationError(MSG_SAME_SCAN_TWICE, "attachments", {"name": f.filename, "first": seen[f.sha256]})
        seen[f.sha256] = f.filename


def has_scan(s: Session, case_id: str, sha256: str) -> bool:
    """Whether the case already holds these bytes (under whatever name)."""
    return s.scalar(select(Attachment.id).where(Attachment.case_id == case_id,
                                                Attachment.sha256 == sha256).limit(1)) is not None


def add_attachment(store: Store, actor: Actor, case_id: str, path: Path | str, *,
                   kind: str = "other") -> None:
    require(actor, "clerk", "expert", "manager")
    f = put_file(store, path)
    _, at = _stamp(None)
    with store.transaction() as s:
        c = _load(s, case_id)
        # the same scan again (dropped twice, saved again under another name) would list and
        # print the same pages twice
        if has_scan(s, case_id, f.sha256):
            raise ValidationError(MSG_SAME_SCAN, "attachments")
        _attach(store, s, actor, case_id, f, kind, at, _subject(c))


def remove_attachment(store: Store, actor: Actor, case_id: str, attachment_id: str, *, reason: str) -> None:
    """Take a wrong scan (another person's document, the wrong page) off a case, with the reason.

    The one who attached it may, and any expert, manager or admin; not on a closed case (reopened
    first). It is one more event (`case.attachment_removed`): the scan leaves the case's list and
    its printed file, the removal stays on the timeline with who, when and why, and the file's bytes
    stay in the store for the audit."""
    require(actor, "clerk", "expert", "manager", "admin")
    why = normalize_text(reason or "")
    _, at = _stamp(None)
    with store.transaction() as s:
        c = _load(s, case_id)
        a = s.get(Attachment, attachment_id) if attachment_id else None
        if a is None or a.case_id != case_id:
            raise NotFound(MSG_NO_ATTACHMENT, "attachment_id")
        if c.status in ("closed", "rejected"):
            raise InvariantError(MSG_REMOVE_CLOSED)
        if a.added_by != actor.user_id and not actor.has("expert", "manager", "admin"):
            raise PermissionDenied(MSG_REMOVE_NOT_YOURS)
        if not why:
            raise ValidationError(MSG_REMOVE_REASON, "reason")
        store.record(s, actor, "case.attachment_removed", case_id, {
            "attachment_id": a.id, "filename": a.filename, "kind": a.kind, "reason": why[:500], "at": at},
            subject=_subject(c))


MSG_NOTHING_CORRECTED = QT_TRANSLATE_NOOP("Errors", "چیزی تغییر نکرده است؛ خانه نادرست را درست کنید.")
MSG_CORRECT_REASON = QT_TRANSLATE_NOOP("Errors", "بنویسید چه چیزی نادرست ثبت شده بود.")
MSG_RECEIVED_AFTER_STEP = QT_TRANSLATE_NOOP(
    "Errors", "تاریخ دریافت نمی‌تواند پس از {day} باشد، که کار دیگری روی این درخواست انجام شده است.")
#: The fields of the request a correction (`correct_case`) may set, in the form's order.
CORRECTABLE = ("subject", "text", "category", "channel", "received_date")
#: Who corrects what was typed at intake: the clerks who type it, the experts and the managers.
CORRECTORS = ("clerk", "expert", "manager")


def correct_case(store: Store, actor: Actor, case_id: str, *, reason: str, subject: str | None = None,
                 text: str | None = None, category: str | None = None, channel: str | None = None,
                 received_date: str | date | None = None, on: date | None = None) -> dict[str, tuple[str, str]]:
    """Put right what was typed wrong at intake (the subject or text, the category, the channel, the
    received day), with the reason: one `case.corrected` event naming each field's value before and
    after, so the timeline shows who corrected what from what, and lists, searches, reports and the
    reprinted receipt read the corrected value (and only it). A field given as None is left as it
    is. Returns the fields changed as {field: (before, after)} (dates ISO).

    Any case, closed or open (reopening one only to mend a typo would count a reopening in the
    reports); the received day no later than today nor than the first step taken on the case since."""
    require(actor, *CORRECTORS)
    day, at = _stamp(on)
    why = normalize_text(reason or "")
    with store.transaction() as s:
        c = _load(s, case_id)
        wanted: dict[str, str] = {}
        if subject is not None:
            wanted["subject"] = _required(subject, "subject")[:300]
        if text is not None:
            wanted["text"] = normalize_text(text)
        if category is not None:
            wanted["category"] = normalize_text(category)
        if channel is not None:
            if channel not in CHANNELS:
                raise ValidationError(MSG_CHANNEL, "channel")
            wanted["channel"] = channel
        if received_date is not None:
            received = _received_day(received_date, day)
            first = _first_step_day(s, c)
            if first is not None and received > first:
                raise ValidationError(MSG_RECEIVED_AFTER_STEP, "received_date", {"day": format_jalali_date(first)})
            wanted["received_date"] = received.isoformat()
        now = {"subject": c.subject, "text": c.text or "", "category": c.category or "", "channel": c.channel,
               "received_date": c.received_date.isoformat()}
        changes = {k: {"from": now[k], "to": v} for k, v in wanted.items() if v != now[k]}
        if not changes:
            raise ValidationError(MSG_NOTHING_CORRECTED, next(iter(wanted), "subject"))
        if not why:
            raise ValidationError(MSG_CORRECT_REASON, "reason")
        store.record(s, actor, "case.corrected", case_id, {"changes": changes, "reason": why[:500], "at": at},
                     subject=_subject(c))
    return {k: (v["from"], v["to"]) for k, v in changes.items()}


def _received_day(value: str | date, today_: date) -> date:
    if isinstance(value, date):
        received = value
    else:
        try:
            received = parse_jalali_date(value)
        except ValueError as exc:
            raise invalid(exc, "received_date") from None
    if received > today_:
        raise ValidationError(MSG_FUTURE, "received_date")
    return received


def _first_step_day(s: Session, c: Case) -> date | None:
    """The first day a step after intake was taken on the case (reviewed, registered, a letter
    sent): the day it was received cannot be later."""
    days = [d for d in (c.accepted_on, c.rejected_on, c.registration_date) if d is not None]
    first_letter = s.scalar(select(func.min(Forward.letter_date)).where(Forward.case_id == c.id))
    if first_letter is not None:
        days.append(first_letter)
    return min(days) if days else None
