"""The complaint process, one function per step; each is one transaction of `case.*` events.

Review, registration, forward, follow-up, response, close and reopen are here; intake
(`secretariat_intake`), referrals (`secretariat_referrals`) and notices with visits
(`secretariat_notices`) have their own modules, and this one re-exports their steps so that callers
reach every step as `sec.step`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import QT_TRANSLATE_NOOP, InvariantError, PermissionDenied, ValidationError
from ..eventlog import Actor
from ..models import Event
from ..models.secretariat import OUTCOMES, Agency, Case, Forward
from ..persian import letter_number, normalize_text
from ..store import Store
from . import numbers
from .accounts import require, working_calendar
from .secretariat_agencies import default_deadline, get_agency
from .secretariat_answer_move import move_answer
from .secretariat_applicant import change_applicant
from .secretariat_common import (
    MSG_METHOD,
    MSG_NO_CASE,
    MSG_NOT_HOLDER,
    MSG_REQUIRED,
    MSG_STATE,
    READ_ROLES,
    _attach,
    _check_holder,
    _load,
    _need,
    _required,
    _stamp,
    _subject,
    today,
)
from .secretariat_files import put_file
from .secretariat_followups import (
    MSG_DEADLINE,
    MSG_DEADLINE_DAY_OFF,
    MSG_NO_CASES,
    MSG_NOT_WITH_AGENCY,
    MSG_OTHER_AGENCY,
    FollowUpBatch,
    check_deadline_day,
    check_follow_up,
    follow_up_agency,
    follow_up_batch,
    record_follow_up,
)
from .secretariat_intake import (
    CORRECTABLE,
    CORRECTORS,
    MSG_CHANNEL,
    MSG_CORRECT_REASON,
    MSG_FUTURE,
    MSG_NOTHING_CORRECTED,
    MSG_RECEIVED_AFTER_STEP,
    MSG_SAME_SCAN,
    CaseInput,
    Receipt,
    add_attachment,
    correct_case,
    has_scan,
    intake,
    remove_attachment,
    validate_input,
)
from .secretariat_notices import (
    BULK_METHODS,
    MSG_NO_MOBILE,
    MSG_NO_MOBILE_OF,
    MSG_NO_VISIT,
    MSG_NOTHING_DECIDED,
    MSG_PURPOSE,
    MSG_TOLD,
    MSG_VISIT_NOT_CLICKED,
    MSG_VISIT_REASON,
    MSG_VISITED,
    SMS_MAX,
    applicant_mobile,
    notify,
    notify_many,
    record_visit,
    rejection_notice_text,
    removable_visits,
    remove_visit,
    sms_size,
    sms_text,
)
from .secretariat_referrals import (
    CC_ROLES,
    MSG_CC_ROLE,
    MSG_HAND_OVER_EMPTY,
    MSG_HAND_OVER_SAME,
    MSG_NO_ITEM,
    MSG_NO_USER,
    MSG_RECALL_ACTED,
    MSG_RECALL_OWNER,
    MSG_RECEIVER_ROLE,
    MSG_SELF,
    REFERRAL_ROLES,
    hand_over,
    mark_read,
    open_items_count,
    recall,
    refer,
    refer_back,
)
from .secretariat_undo import UNDOABLE as UNDO_ACCEPT_STATUSES
from .secretariat_undo import may_undo_accept, undo_accept

__all__ = [
    # the steps (and the forms) in the order of the process
    "CaseInput", "Receipt", "validate_input", "intake", "correct_case", "change_applicant", "move_answer", "CORRECTABLE", "CORRECTORS", "add_attachment", "remove_attachment", "REJECTION_REASONS", "review", "undo_accept", "may_undo_accept", "UNDO_ACCEPT_STATUSES",
    "register", "REFERRAL_ROLES", "CC_ROLES", "refer", "refer_back", "recall", "mark_read", "hand_over", "open_items_count", "ForwardView",
    "FORWARDABLE", "forward", "forward_many", "forward_instruction", "withdraw_forward", "follow_up", "FollowUpBatch", "follow_up_agency", "follow_up_batch", "record_response", "rejection_notice_text", "SMS_MAX", "sms_size", "sms_text",
    "applicant_mobile", "notify", "notify_many", "BULK_METHODS", "close", "manager_reject", "reopen", "record_visit", "remove_visit", "removable_visits", "READ_ROLES", "today",
    # the messages the steps refuse with
    "MSG_REQUIRED", "MSG_CHANNEL", "MSG_FUTURE", "MSG_NO_CASE", "MSG_STATE", "MSG_NOT_HOLDER", "MSG_NO_USER",
    "MSG_RECEIVER_ROLE", "MSG_HAND_OVER_SAME", "MSG_HAND_OVER_EMPTY", "MSG_CC_ROLE", "MSG_NO_ITEM", "MSG_RECALL_ACTED", "MSG_RECALL_OWNER", "MSG_REASON",
    "MSG_OUTCOME", "MSG_WHOSE", "MSG_METHOD", "MSG_DEADLINE", "MSG_DEADLINE_DAY_OFF", "MSG_SELF", "MSG_PURPOSE", "MSG_LETTER_FUTURE",
    "MSG_LETTER_EARLY", "MSG_CHOOSE_AGENCY", "MSG_NOTHING_DECIDED", "MSG_AGENCY_INACTIVE", "MSG_VISITED",
    "MSG_BATCH_STATE", "MSG_BATCH_HOLDER", "MSG_BATCH_EARLY", "MSG_NOTHING_CORRECTED", "MSG_CORRECT_REASON",
    "MSG_RECEIVED_AFTER_STEP", "MSG_NO_OPEN_FORWARD", "MSG_WITHDRAW_REASON",
    "MSG_NO_VISIT", "MSG_VISIT_REASON", "MSG_VISIT_NOT_CLICKED",
    "MSG_NO_MOBILE", "MSG_NO_CASES", "MSG_NOT_WITH_AGENCY", "MSG_OTHER_AGENCY", "MSG_TOLD", "MSG_NO_MOBILE_OF",
]

MSG_REASON = QT_TRANSLATE_NOOP("Errors", "دلیل رد را برگزینید.")
MSG_OUTCOME = QT_TRANSLATE_NOOP("Errors", "نتیجه بستن پرونده را برگزینید.")
MSG_WHOSE = QT_TRANSLATE_NOOP("Errors", "بنویسید رسیدگی به این درخواست وظیفه کدام دستگاه است.")
MSG_LETTER_FUTURE = QT_TRANSLATE_NOOP("Errors", "تاریخ نامه نمی‌تواند پس از امروز باشد.")
MSG_LETTER_EARLY = QT_TRANSLATE_NOOP("Errors", "تاریخ نامه نمی‌تواند پیش از تاریخ دریافت درخواست باشد.")
MSG_CHOOSE_AGENCY = QT_TRANSLATE_NOOP("Errors", "دستگاه اجرایی را برگزینید.")
MSG_BATCH_STATE = QT_TRANSLATE_NOOP(
    "Errors", "پرونده {case} دیگر فرستادنی به دستگاه نیست (فرستاده یا بسته شده است)؛ فهرست را دوباره بخوانید. چیزی ثبت نشد.")
MSG_BATCH_HOLDER = QT_TRANSLATE_NOOP(
    "Errors", "پرونده {case} دیگر در کارتابل شما نیست؛ فهرست را دوباره بخوانید. چیزی ثبت نشد.")
MSG_BATCH_EARLY = QT_TRANSLATE_NOOP(
    "Errors", "تاریخ نامه پیش از تاریخ دریافت پرونده {case} است؛ تاریخ نامه را دیرتر بگذارید. چیزی ثبت نشد.")
#: The states a case is forwarded to an agency from.
FORWARDABLE = ("registered", "referred", "answered")
MSG_AGENCY_MERGED = QT_TRANSLATE_NOOP(
    "Errors", "«{name}» در «{into}» ادغام شده است؛ پرونده را به «{into}» بفرستید.")
MSG_AGENCY_INACTIVE = QT_TRANSLATE_NOOP(
    "Errors", "این دستگاه از فهرست دستگاه‌های اجرایی بیرون گذاشته شده است؛ دستگاه دیگری برگزینید.")

#: The reasons an expert picks from when rejecting (free text goes in the note).
REJECTION_REASONS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Errors", "خارج از حیطه وظایف"),
    QT_TRANSLATE_NOOP("Errors", "مدارک ناقص"),
    QT_TRANSLATE_NOOP("Errors", "تکراری"),
    QT_TRANSLATE_NOOP("Errors", "فاقد موضوع قابل رسیدگی"),
)


@dataclass(frozen=True)
class ForwardView:
    """A forward just made: its letter number and the agency's deadline."""

    id: str
    case_id: str
    agency_id: str
    letter_no: str
    letter_date: date
    deadline: date


def review(store: Store, actor: Actor, case_id: str, *, accept: bool, reason: str = "", note: str = "",
           on: date | None = None) -> None:
    """The expert's initial review: accept, or reject with a reason (the applicant's notice follows)."""
    require(actor, "expert")
    reason, note = normalize_text(reason or ""), normalize_text(note or "")
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

def forward(store: Store, actor: Actor, case_id: str, agency_id: str, *, letter_no: str = "",
            letter_date: date | None = None, deadline: date | None = None, instruction: str = "",
            on: date | None = None) -> ForwardView:
    """Send the case to an executive agency with an outgoing letter (its number, or the next of
    this desk's, and its date: today unless given, never in the future); the deadline defaults to
    the agency's working days counted from the letter's date. The instruction, if any, is
    written in the letter (`forward_instruction`); several cases at once is `forward_many`."""
    day, at, letter_day, due = _plan_forward(store, actor, agency_id, letter_date, deadline, on)
    with store.transaction() as s:
        c = _load(s, case_id)
        if letter_day < c.received_date:
            raise ValidationError(MSG_LETTER_EARLY, "letter_date")
        _need(c, *FORWARDABLE)
        _check_holder(actor, c)
        return _record_forward(store, s, actor, c, agency_id, letter_number(letter_no), letter_day, due,
                               normalize_text(instruction or ""), day, at)


def forward_many(store: Store, actor: Actor, case_ids: Sequence[str], agency_id: str, *,
                 letter_date: date | None = None, deadline: date | None = None, instruction: str = "",
                 on: date | None = None) -> list[ForwardView]:
    """Forward several cases of the manager's cartable to one agency at once: each as `forward`
    does it (one `case.forwarded` event and one letter, with its own number, each), all with the
    same letter date, deadline and instruction. All of them or none: every case is checked
    first, and one that cannot be forwarded (no longer in the manager's cartable, forwarded
    already, received after the letter's date) is named and nothing is written."""
    day, at, letter_day, due = _plan_forward(store, actor, agency_id, letter_date, deadline, on)
    ids = list(dict.fromkeys(case_ids))  # a case chosen twice is forwarded once
    if not ids:
        raise ValidationError(MSG_NO_CASES, "case_ids")
    note = normalize_text(instruction or "")
    with store.transaction() as s:
        cases = [_load(s, cid) for cid in ids]
        for c in cases:
            if c.status not in FORWARDABLE:
                raise ValidationError(MSG_BATCH_STATE, "case_ids", {"case": _subject(c)})
            try:
                _check_holder(actor, c)
            except PermissionDenied:
                raise ValidationError(MSG_BATCH_HOLDER, "case_ids", {"case": _subject(c)}) from None
            if letter_day < c.received_date:
                raise ValidationError(MSG_BATCH_EARLY, "letter_date", {"case": _subject(c)})
        return [_record_forward(store, s, actor, c, agency_id, "", letter_day, due, note, day, at) for c in cases]


def forward_instruction(store: Store, forward_id: str) -> str:
    """The instruction written with a forward (its letter prints it); empty when none was."""
    with store.read() as s:
        payload = s.scalar(select(Event.payload).where(Event.id == forward_id))
    return str((payload or {}).get("instruction") or "") if isinstance(payload, dict) else ""


def _plan_forward(store: Store, actor: Actor, agency_id: str, letter_date: date | None, deadline: date | None,
                  on: date | None) -> tuple[date, str, date, date]:
    """A forward's checks that need no case (the role, the agency, the letter's date, the
    deadline on a working day after it); its day, instant, letter date and deadline."""
    require(actor, "manager")
    day, at = _stamp(on)
    if not agency_id:
        raise ValidationError(MSG_CHOOSE_AGENCY, "agency_id")
    agency = get_agency(store, agency_id)
    if agency.merged_into is not None:  # (chosen in a dialog opened before the merge came)
        raise ValidationError(MSG_AGENCY_MERGED, "agency_id", {"name": agency.name, "into": agency.merged_into_name})
    if not agency.active:
        raise ValidationError(MSG_AGENCY_INACTIVE, "agency_id")
    letter_day = letter_date or day
    if letter_day > day:
        raise ValidationError(MSG_LETTER_FUTURE, "letter_date")
    calendar = working_calendar(store)
    due = deadline or default_deadline(calendar, agency, letter_day)
    if due <= letter_day:
        raise ValidationError(MSG_DEADLINE, "deadline")
    check_deadline_day(calendar, deadline, "deadline")
    return day, at, letter_day, due


def _record_forward(store: Store, s: Session, actor: Actor, c: Case, agency_id: str, letter_no: str,
                    letter_day: date, due: date, instruction: str, day: date, at: str) -> ForwardView:
    """The `case.forwarded` event of a case checked already, in the transaction `s`."""
    number = letter_no or numbers.allocate_number(store, s, "letter", letter_day)
    payload: dict[str, object] = {"agency_id": agency_id, "letter_no": number, "letter_date": letter_day.isoformat(),
                                  "deadline": due.isoformat(), "day": day.isoformat(), "at": at}
    agency = s.get(Agency, agency_id)
    if agency is not None:  # the name its letter is addressed to: a rename later changes no letter sent
        payload["agency_name"] = agency.name
    if instruction:  # (older events and desks carry none: the letter prints none)
        payload["instruction"] = instruction
    ev = store.record(s, actor, "case.forwarded", c.id, payload, subject=_subject(c))
    return ForwardView(ev.id, c.id, agency_id, number, letter_day, due)


MSG_NO_OPEN_FORWARD = QT_TRANSLATE_NOOP(
    "Errors", "این پرونده نزد دستگاهی نیست که ارسالش پس گرفته شود (پاسخ رسیده یا پرونده بسته شده است).")
MSG_WITHDRAW_REASON = QT_TRANSLATE_NOOP("Errors", "بنویسید چرا ارسال پس گرفته می‌شود.")


def withdraw_forward(store: Store, actor: Actor, case_id: str, *, reason: str, on: date | None = None) -> str:
    """A case sent to the wrong agency (or sent too soon) taken back before its answer: the open
    forward is withdrawn (`case.forward_withdrawn`, with the reason) and the case is back in the
    cartable of the manager who withdrew it, to be sent on to the right agency. The letter keeps
    its number and stays on the timeline; the agency reports count no withdrawn forward, and the
    agency's clock stops on the day. Returns the forward withdrawn."""
    require(actor, "manager")
    day, at = _stamp(on)
    why = normalize_text(reason or "")
    with store.transaction() as s:
        c = _load(s, case_id)
        fw = s.scalar(select(Forward).where(Forward.case_id == c.id, Forward.status == "open")
                      .order_by(Forward.letter_date.desc(), Forward.id.desc()).limit(1))
        if c.status != "forwarded" or fw is None:
            raise InvariantError(MSG_NO_OPEN_FORWARD)
        if not why:
            raise ValidationError(MSG_WITHDRAW_REASON, "reason")
        store.record(s, actor, "case.forward_withdrawn", c.id, {
            "forward_id": fw.id, "letter_no": fw.letter_no, "agency_id": fw.agency_id, "reason": why[:500],
            "back_to": actor.user_id, "day": day.isoformat(), "at": at}, subject=_subject(c))
        return fw.id


def follow_up(store: Store, actor: Actor, case_id: str, *, method: str, note: str = "",
              new_deadline: date | None = None, letter_no: str = "", on: date | None = None) -> None:
    """The expert chases the agency (phone or letter), with a note and perhaps a new deadline; all
    the late cases of one agency at once is `follow_up_agency`."""
    day, at = check_follow_up(actor, method, new_deadline, on)
    check_deadline_day(working_calendar(store), new_deadline, "new_deadline")
    with store.transaction() as s:
        record_follow_up(store, s, actor, _load(s, case_id), method=method, note=normalize_text(note or ""),
                         letter_no=letter_number(letter_no), new_deadline=new_deadline, day=day, at=at)


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
        if f is not None and has_scan(s, case_id, f.sha256):  # (the wrong file picked: said at it)
            raise ValidationError(MSG_SAME_SCAN, "attachment")
        store.record(s, actor, "case.answered", case_id, {"text": body, "day": day.isoformat(), "at": at},
                     subject=_subject(c))
        if f is not None:
            _attach(store, s, actor, case_id, f, "response", at, _subject(c))

def close(store: Store, actor: Actor, case_id: str, *, outcome: str, note: str = "",
          responsible_party: str = "", reason: str = "", on: date | None = None) -> None:
    """Close with an honest outcome. A rejection ("rejected") names its reason, as the expert's
    does at review, and the applicant's notice follows (pending until sent, printable); the
    manager's rejection is `manager_reject`."""
    require(actor, "expert", "manager")
    if outcome not in OUTCOMES:
        raise ValidationError(MSG_OUTCOME, "outcome")
    party = normalize_text(responsible_party or "")
    if outcome == "not_responsible" and not party:
        raise ValidationError(MSG_WHOSE, "responsible_party")
    reason, note = normalize_text(reason or ""), normalize_text(note or "")
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
