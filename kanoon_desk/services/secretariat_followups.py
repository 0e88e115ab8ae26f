"""Following up an agency's late answers: one case at a time (`secretariat.follow_up`) or all the
late cases of one agency at once, in one call or one letter that lists them (`follow_up_agency`).

A batch is one transaction: every case chosen gets its `case.followed_up` event, all with the same
letter number, or none does (a case answered meanwhile, or held by another agency, is named and
nothing is written). The letter is read back from those events (`follow_up_batch`), so it can be
printed again from any of its cases."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import QT_TRANSLATE_NOOP, ValidationError
from ..eventlog import Actor
from ..models import Event
from ..models.secretariat import FOLLOW_UP_METHODS, Agency, Case, FollowUp, Forward
from ..persian import WorkingCalendar, format_jalali_date, letter_number, normalize_text, to_ascii_digits
from ..store import Store
from . import numbers
from .accounts import require, user_at, working_calendar
from .secretariat_agencies import agency_name_at, sent_to
from .secretariat_common import MSG_METHOD, READ_ROLES, _load, _need, _stamp, _subject

__all__ = ["MSG_DEADLINE", "MSG_DEADLINE_DAY_OFF", "MSG_NO_CASES", "MSG_OTHER_AGENCY", "MSG_NOT_WITH_AGENCY", "BatchLine",
           "FollowUpBatch", "check_deadline_day", "check_follow_up", "follow_up_agency", "follow_up_batch", "record_follow_up"]

MSG_DEADLINE = QT_TRANSLATE_NOOP("Errors", "مهلت پاسخ باید پس از تاریخ نامه باشد.")
# Filled with the day chosen and the first working day after it.
MSG_DEADLINE_DAY_OFF = QT_TRANSLATE_NOOP(
    "Errors", "{day} تعطیل است (جمعه یا تعطیل رسمی)؛ مهلت پاسخ باید روز کاری باشد، مانند {next}.")
MSG_NO_CASES = QT_TRANSLATE_NOOP("Errors", "دست‌کم یک پرونده را برگزینید.")
MSG_OTHER_AGENCY = QT_TRANSLATE_NOOP("Errors", "پرونده {case} نزد این دستگاه نیست.")
MSG_NOT_WITH_AGENCY = QT_TRANSLATE_NOOP(
    "Errors", "پرونده {case} دیگر در انتظار پاسخ دستگاه نیست؛ فهرست را دوباره بخوانید. چیزی ثبت نشد.")


@dataclass(frozen=True)
class BatchLine:
    """One case of a follow-up letter: the case, and the forwarding letter it follows."""

    case_id: str
    registration_no: str
    tracking_code: str
    applicant_name: str
    subject: str
    forward_letter_no: str
    forward_letter_date: date
    #: the deadline the forwarding letter gave (lateness is counted from it)
    deadline: date


@dataclass(frozen=True)
class FollowUpBatch:
    """A follow-up of one agency's cases: the letter (or call) and its cases in registration order."""

    agency_id: str
    agency_name: str
    method: str
    letter_no: str
    day: date
    note: str
    new_deadline: date | None
    #: who followed up (the letter's signer)
    user_name: str
    lines: list[BatchLine]
    #: the signer's roles as stored ("expert manager": `secretariat_docs.signer_title` names the highest)
    user_roles: str = ""


def record_follow_up(store: Store, s: Session, actor: Actor, c: Case, *, method: str, note: str,
                     letter_no: str, new_deadline: date | None, day: date, at: str) -> tuple[str, str | None]:
    """One `case.followed_up` event on a case the agency holds, in the transaction `s`, citing the
    case's open forward; the letter number it was recorded with and that forward."""
    _need(c, "forwarded")
    fw_id = s.scalar(select(Forward.id).where(Forward.case_id == c.id, Forward.status == "open")
                     .order_by(Forward.letter_date.desc(), Forward.id.desc()).limit(1))
    if method == "letter" and not letter_no:
        letter_no = numbers.allocate_number(store, s, "letter", day)
    payload: dict[str, object] = {
        "method": method, "note": note, "letter_no": letter_no,
        "new_deadline": new_deadline.isoformat() if new_deadline else None, "forward_id": fw_id,
        "day": day.isoformat(), "at": at}
    agency = s.get(Agency, c.agency_id) if c.agency_id else None
    if agency is not None:  # the name its letter is addressed to (`secretariat_agencies.sent_to`)
        payload["agency_name"] = agency.name
    store.record(s, actor, "case.followed_up", c.id, payload, subject=_subject(c))
    return letter_no, fw_id


def check_follow_up(actor: Actor, method: str, new_deadline: date | None, on: date | None) -> tuple[date, str]:
    """The follow-up's roles, method and new deadline checked; its day and instant."""
    require(actor, "expert", "manager")
    if method not in FOLLOW_UP_METHODS:
        raise ValidationError(MSG_METHOD, "method")
    day, at = _stamp(on)
    if new_deadline is not None and new_deadline <= day:
        raise ValidationError(MSG_DEADLINE, "new_deadline")
    return day, at


def check_deadline_day(calendar: WorkingCalendar, deadline: date | None, field: str) -> None:
    """A deadline chosen by hand is a working day: an agency answers on no Friday and no holiday, so
    one on a day off gives it a day less than it reads, and the letter names a day no office opens."""
    if deadline is not None and not calendar.is_working_day(deadline):
        raise ValidationError(MSG_DEADLINE_DAY_OFF, field, {
            "day": to_ascii_digits(format_jalali_date(deadline)),
            "next": to_ascii_digits(format_jalali_date(calendar.next_working_day(deadline)))})


def follow_up_agency(store: Store, actor: Actor, agency_id: str, case_ids: Sequence[str], *, method: str,
                     note: str = "", new_deadline: date | None = None, on: date | None = None) -> FollowUpBatch:
    """Follow up several cases one agency holds at once: by one phone call, or by one letter
    (one number) that lists them. All of them or none: a case no longer waiting on the agency
    (answered, closed, forwarded elsewhere since the list was read) is named and nothing is written."""
    day, at = check_follow_up(actor, method, new_deadline, on)
    check_deadline_day(working_calendar(store), new_deadline, "new_deadline")
    ids = list(dict.fromkeys(case_ids))  # a case chosen twice is followed up once
    if not ids:
        raise ValidationError(MSG_NO_CASES, "case_ids")
    note = normalize_text(note or "")
    letter_no, followed = "", []
    with store.transaction() as s:
        cases = sorted((_load(s, cid) for cid in ids), key=lambda c: (c.registration_no or "", c.id))
        for c in cases:
            if c.status != "forwarded":
                raise ValidationError(MSG_NOT_WITH_AGENCY, "case_ids", {"case": _subject(c)})
            if c.agency_id != agency_id:
                raise ValidationError(MSG_OTHER_AGENCY, "case_ids", {"case": _subject(c)})
        for c in cases:
            letter_no, fw_id = record_follow_up(store, s, actor, c, method=method, note=note, letter_no=letter_no,
                                                new_deadline=new_deadline, day=day, at=at)
            followed.append((c.id, fw_id))
    return _batch(store, agency_id, method, letter_no, day, note, new_deadline, actor.user_id, followed)


def follow_up_batch(store: Store, actor: Actor, letter_no: str) -> FollowUpBatch | None:
    """The follow-up letter numbered `letter_no` with every case it was written for (one, or an
    agency's batch); None when no follow-up letter has that number."""
    require(actor, *READ_ROLES)
    letter_no = letter_number(letter_no)  # as stored: «۱۲۳ / ۴۵» is «123/45»
    if not letter_no:
        return None
    with store.read() as s:
        rows = s.execute(select(FollowUp).where(FollowUp.method == "letter", FollowUp.letter_no == letter_no)
                         .order_by(FollowUp.day, FollowUp.id)).scalars().all()
        if not rows:
            return None
        first = rows[0]
        agency_id = s.scalar(select(Forward.agency_id).where(Forward.id == first.forward_id)) or ""
        followed = [(r.case_id, r.forward_id) for r in rows]
        event = s.get(Event, first.id)
        # the name the letter was addressed to, a rename since notwithstanding (`sent_to`)
        name = (sent_to(s, event) or (agency_name_at(s, agency_id, event.hlc) if agency_id else None)) \
            if event is not None else None
    return _batch(store, agency_id, "letter", letter_no, first.day, first.note, first.new_deadline,
                  first.user_id, followed, name, at_hlc=event.hlc if event is not None else None)


def _batch(store: Store, agency_id: str, method: str, letter_no: str, day: date, note: str,
           new_deadline: date | None, user_id: str, followed: Sequence[tuple[str, str | None]],
           agency_name: str | None = None, at_hlc: int | None = None) -> FollowUpBatch:
    """The batch's paper: each case (`followed`: case and the forward followed up) with the
    forwarding letter it follows, signed by the user as they were at the letter's stamp `at_hlc`
    (`user_at`: renamed or given another role since, it prints as it was sent)."""
    with store.read() as s:
        lines: list[BatchLine] = []
        for cid, fw_id in followed:
            c = s.get(Case, cid)
            fw = s.get(Forward, fw_id) if fw_id else None
            if c is None:
                continue
            lines.append(BatchLine(
                c.id, c.registration_no or "", c.tracking_code, c.applicant_name, c.subject,
                fw.letter_no if fw else "", fw.letter_date if fw else day,
                fw.original_deadline if fw else (c.deadline or day)))
        lines.sort(key=lambda line: (line.registration_no, line.case_id))
        agency_name = agency_name or s.scalar(select(Agency.name).where(Agency.id == agency_id)) or ""
        user = user_at(s, user_id, at_hlc)
    return FollowUpBatch(agency_id, agency_name, method, letter_no, day, note, new_deadline,
                         user[0] if user else "", lines, user[1] if user else "")
