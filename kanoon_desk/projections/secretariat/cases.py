"""Fold of case events: a case's course from intake to close and reopening, and conflicts resolved.

Every step reads and writes the case's row through `case_row`; the side tables (referrals,
forwards, follow-ups, notices, visits, attachments) change with plain statements."""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, delete, select, text, update
from sqlalchemy.orm import Session

from ...eventlog import (
    FoldEvent,
    SqliteStatement,
    insert_row,
    insert_values,
    kept,
    projector,
    raise_conflict,
    raise_twin_conflict,
    refresh_held,
    resetter,
)
from ...models import Event, table_of
from ...models.secretariat import Attachment, Case, CaseKey, FollowUp, Forward, Notice, Referral, Visit
from ...persian import letter_number, search_key
from .case_row import _CASES, CaseRow, _at, _day, _row, _save, _write_fts, fts_key
from .letters import check_letter
from .parties import survivor

#: events that change a case's course; after a close they are a conflict, not a change
_ACTIONS = frozenset({"case.reviewed", "case.registered", "case.referred", "case.forwarded",
                      "case.followed_up", "case.answered", "case.closed", "case.review_undone"})
_CLOSED = frozenset({"closed", "rejected"})


def cc_item_id(referral_id: str, user_id: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"kanoon-desk:cc:{referral_id}:{user_id}"))


@projector("case.received", "case")
def _received(s: Session, e: FoldEvent) -> None:
    p = e.payload
    if _row(s, e.aggregate_id) is not None:
        return
    in_person = p["channel"] == "in_person"
    c = Case(id=e.aggregate_id, fts_key=fts_key(e.aggregate_id, _day(p, "received_date")), tracking_code=p["tracking_code"],
             registration_no=None, registration_date=None, status="received",
             applicant_id=p["applicant_id"], applicant_name=p["applicant_name"],
             national_id=p["national_id"], subject=p["subject"], text=p.get("text", ""),
             category=p.get("category", ""), channel=p["channel"],
             received_date=_day(p, "received_date"), office_code=e.office_code, created_by=e.user_id,
             clock="office", agency_days=0, reopen_count=0, visits=1 if in_person else 0, follow_ups=0,
             updated_hlc=e.hlc)
    # every intake folds this: plain INSERTs, not the ORM's unit of work (see eventlog.insert_row)
    insert_row(s, c)
    insert_values(s, CaseKey, {"case_id": c.id, "subject_key": search_key(c.subject)})
    if in_person:
        insert_row(s, Visit(id=e.id, case_id=c.id, purpose="submit", day=_day(p, "received_date")))
    _write_fts(s, c, new=True)  # (its next event reads the row as stored, defaults included)


def _case(s: Session, e: FoldEvent) -> CaseRow | None:
    """The case an event acts on; None (and a conflict) when it acts on a closed case."""
    c = _row(s, e.aggregate_id)
    if c is None:
        return None
    if e.type in _ACTIONS and c.status in _CLOSED:
        raise_conflict(s, "case.acted_after_close", "case", c.id, e.office_code,
                       [c.closed_event_id or "", e.id], e.hlc,
                       {"tracking_code": c.tracking_code, "event": e.type})
        return None
    if e.type in ("case.referred", "case.forwarded") and c.status == "received":
        _review_undone_late(s, e, c)  # (only apart: an accepted case's review undone at a desk
    c.updated_hlc = e.hlc             # whose manager had not acted, and acted on at one that had)
    return c


def _changed(s: Session, model: type[Any], statement: SqliteStatement, values: dict[str, Any],
             **params: Any) -> int:
    """Run an UPDATE … RETURNING id; objects of those rows the session holds take `values`.
    Returns how many rows changed.

    No flush first: the fold writes these side tables only with plain statements, so the ORM has
    nothing pending for them."""
    n = 0
    for (row_id,) in statement.rows(s, **params):
        refresh_held(s, model, row_id, values)
        n += 1
    return n


_REFERRALS = table_of(Referral)
_FINISH_ITEMS = SqliteStatement(
    update(_REFERRALS).where(_REFERRALS.c.case_id == bindparam("case_id"), _REFERRALS.c.kind == "action",
                             _REFERRALS.c.status == "open")
    .values(status="acted", closed_at=bindparam("at")).returning(_REFERRALS.c.id))


def _finish_items(s: Session, case_id: str, at: datetime) -> None:
    """Whatever was waiting in someone's cartable for this case has now been acted on.

    One UPDATE … RETURNING on the DBAPI connection (the ORM's UPDATE evaluated its criteria
    against every object in the session); the items the session holds take the new values."""
    _changed(s, Referral, _FINISH_ITEMS, {"status": "acted", "closed_at": at}, case_id=case_id, at=at)


_FORWARDS = table_of(Forward)
_NOTICES = table_of(Notice)
#: The side tables' bulk changes of a case's course as plain UPDATE … RETURNING statements (the
#: ORM's UPDATE evaluated its criteria against every object the session held); the rows the
#: session holds take the new values (`_changed`).
_OPEN_FORWARDS = (_FORWARDS.c.case_id == bindparam("case_id")) & (_FORWARDS.c.status == "open")
_CLOSE_FORWARDS = SqliteStatement(update(_FORWARDS).where(_OPEN_FORWARDS).values(status="closed")
                                  .returning(_FORWARDS.c.id))
_ANSWER_FORWARDS = SqliteStatement(update(_FORWARDS).where(_OPEN_FORWARDS)
                                   .values(status="answered", answered_on=bindparam("day")).returning(_FORWARDS.c.id))
_NEW_DEADLINE = SqliteStatement(update(_FORWARDS).where(_FORWARDS.c.id == bindparam("forward_id"))
                                .values(deadline=bindparam("deadline")).returning(_FORWARDS.c.id))
_NOTICES_DONE = SqliteStatement(update(_NOTICES).where(_NOTICES.c.case_id == bindparam("case_id"),
                                                       _NOTICES.c.status == "pending")
                                .values(status="done").returning(_NOTICES.c.id))
_RECALL = SqliteStatement(update(_REFERRALS).where(_REFERRALS.c.referral_id == bindparam("referral_id"))
                          .values(status="recalled", closed_at=bindparam("at")).returning(_REFERRALS.c.id))


#: A recalled referral's sender got the case by a referral of their own, which the sending acted
#: on (closed at the moment it was sent): back in their cartable, open again
_REOPEN_SENDERS = SqliteStatement(
    update(_REFERRALS).where(_REFERRALS.c.case_id == bindparam("case_id"), _REFERRALS.c.kind == "action",
                             _REFERRALS.c.to_user_id == bindparam("user_id"), _REFERRALS.c.status == "acted",
                             _REFERRALS.c.closed_at == bindparam("sent_at"))
    .values(status="open", closed_at=bindparam("open_closed_at")).returning(_REFERRALS.c.id))
_MARK_READ = SqliteStatement(update(_REFERRALS).where(_REFERRALS.c.id == bindparam("item_id"))
                             .values(read=True).returning(_REFERRALS.c.id))
#: A CC (رونوشت) is for information: it leaves the open cartable once its receiver has read it
#: ("seen"), or when the case is closed ("closed"); acting on the case leaves it alone.
_OPEN_CC = (_REFERRALS.c.kind == "cc") & (_REFERRALS.c.status == "open")
_CC_SEEN = SqliteStatement(update(_REFERRALS).where(_REFERRALS.c.id == bindparam("item_id"), _OPEN_CC)
                           .values(status="seen", closed_at=bindparam("at")).returning(_REFERRALS.c.id))
_CC_CLOSED = SqliteStatement(update(_REFERRALS).where(_REFERRALS.c.case_id == bindparam("case_id"), _OPEN_CC)
                             .values(status="closed", closed_at=bindparam("at")).returning(_REFERRALS.c.id))
_OPEN_FORWARD = SqliteStatement(select(_FORWARDS.c.id).where(_OPEN_FORWARDS).order_by(_FORWARDS.c.id).limit(1))
#: The agency the case's open letter went to (the newest letter's): who answered it.
_SENT_TO = SqliteStatement(select(_FORWARDS.c.agency_id).where(_OPEN_FORWARDS)
                           .order_by(_FORWARDS.c.letter_date.desc(), _FORWARDS.c.id.desc()).limit(1))


def _back_to_letter_agency(s: Session, c: CaseRow) -> None:
    """A case leaving the agency (answered, or closed while it waited) names again the agency its
    letter went to, not the one that absorbed it by a merge since (`parties`): its letters, the
    case view and the lists keep the agency it was answered or closed with, on every desk in any
    order of arrival (a merge folded after the answer does not move it either)."""
    if c.agency_id is not None:
        sent = _SENT_TO.first(s, case_id=c.id)
        if sent is not None:
            c.agency_id = sent[0]


def _end_agency_clock(c: CaseRow, day: date) -> None:
    if c.clock == "agency" and c.agency_since is not None:
        c.agency_days += max(0, (day - c.agency_since).days)
    c.clock, c.agency_since = "office", None


def _close(s: Session, e: FoldEvent, c: CaseRow, outcome: str, day: date) -> None:
    _end_agency_clock(c, day)
    _back_to_letter_agency(s, c)
    c.status = "rejected" if outcome == "rejected" else "closed"
    c.outcome, c.closed_on, c.closed_event_id = outcome, day, e.id
    c.holder_user_id, c.holder_since = None, None
    _finish_items(s, c.id, _at(e))
    _changed(s, Referral, _CC_CLOSED, {"status": "closed", "closed_at": _at(e)}, case_id=c.id, at=_at(e))
    _changed(s, Forward, _CLOSE_FORWARDS, {"status": "closed"}, case_id=c.id)


@projector("case.reviewed", "case")
def _reviewed(s: Session, e: FoldEvent) -> None:
    c = _case(s, e)
    if c is None:
        return
    p, day = e.payload, _day(e.payload)
    c.reviewed_by = e.user_id
    if p["decision"] == "accept":  # (accepted again after an undo: registered under the number it kept)
        c.status, c.accepted_on = "registered" if c.registration_no else "accepted", day
    else:
        c.rejected_on, c.reject_reason, c.reject_note = day, p.get("reason", ""), p.get("note", "")
        _close(s, e, c, "rejected", day)
        c.notice = "due"
        insert_row(s, Notice(id=e.id, case_id=c.id, kind="rejection", method="letter",
                             text=p.get("notice", ""), status="pending", day=day))
    _save(s, c)


#: An accepted case's review undone (`secretariat_undo.undo_accept`) at a desk that had not heard
#: the manager had acted on it, or acted on at a desk that had not heard of the undo: the
#: manager's step stands (the case is theirs), a person is told.
REVIEW_UNDONE_LATE = "case.review_undone_late"
_ACTED_ITEM = SqliteStatement(select(_REFERRALS.c.id).where(
    _REFERRALS.c.case_id == bindparam("case_id"), _REFERRALS.c.kind == "action",
    _REFERRALS.c.status == "acted").limit(1))
_ANY_FORWARD = SqliteStatement(select(_FORWARDS.c.id).where(_FORWARDS.c.case_id == bindparam("case_id")).limit(1))
_RECALL_OPEN = SqliteStatement(update(_REFERRALS).where(
    _REFERRALS.c.case_id == bindparam("case_id"), _REFERRALS.c.kind == "action", _REFERRALS.c.status == "open")
    .values(status="recalled", closed_at=bindparam("at")).returning(_REFERRALS.c.id))


_EV = table_of(Event)
#: The last event of a type on the case before an event (by (hlc, id)): its id and stamp.
_LAST_STAMP = SqliteStatement(select(_EV.c.id, _EV.c.hlc).where(
    _EV.c.aggregate_id == bindparam("case_id"), _EV.c.type == bindparam("type"),
    (_EV.c.hlc < bindparam("hlc")) | ((_EV.c.hlc == bindparam("hlc")) & (_EV.c.id < bindparam("id"))))
    .order_by(_EV.c.hlc.desc(), _EV.c.id.desc()).limit(1))


def _review_undone_late(s: Session, e: FoldEvent, c: CaseRow) -> None:
    """The conflict of an undone acceptance and a manager's step made apart, raised at the later of
    the two (by HLC), naming both. A referral or forward met on a case back in review counts only
    after an undo with no acceptance since among the events held (a case folded with its review
    still to come is merely incomplete)."""
    if e.type == "case.review_undone":
        other = (_LAST_STAMP.first(s, case_id=c.id, type="case.forwarded", hlc=e.hlc, id=e.id)
                 or _LAST_STAMP.first(s, case_id=c.id, type="case.referred", hlc=e.hlc, id=e.id))
    else:
        other = _LAST_STAMP.first(s, case_id=c.id, type="case.review_undone", hlc=e.hlc, id=e.id)
        again = _LAST_STAMP.first(s, case_id=c.id, type="case.reviewed", hlc=e.hlc, id=e.id)
        if other is None or (again is not None and again[1] > other[1]):
            return
    if other is None:
        return
    raise_conflict(s, REVIEW_UNDONE_LATE, "case", c.id, e.office_code, [other[0], e.id], e.hlc,
                   {"tracking_code": c.tracking_code})


@projector("case.review_undone", "case")
def _review_undone(s: Session, e: FoldEvent) -> None:
    """A request accepted by mistake back in the review queue: an item waiting for it in a
    cartable is taken back; the registration number it was given stays the case's."""
    c = _case(s, e)
    if c is None:
        return
    if c.status not in ("accepted", "registered", "referred") or _ACTED_ITEM.first(s, case_id=c.id) is not None \
            or _ANY_FORWARD.first(s, case_id=c.id) is not None:
        if c.status != "received":  # (undone twice apart: the first one did it)
            _review_undone_late(s, e, c)
        _save(s, c)
        return
    at = _at(e)
    _changed(s, Referral, _RECALL_OPEN, {"status": "recalled", "closed_at": at}, case_id=c.id, at=at)
    c.status, c.accepted_on, c.reviewed_by = "received", None, None
    c.holder_user_id, c.holder_since = None, None
    _save(s, c)


#: Another case holding a registration number, and the event that gave it that number.
_SAME_NUMBER = SqliteStatement(select(_CASES.c.id, _CASES.c.tracking_code).where(
    _CASES.c.registration_no == bindparam("number"), _CASES.c.id != bindparam("case_id")).limit(1))
_EVENTS = table_of(Event)
_REGISTERED_BY = SqliteStatement(select(_EVENTS.c.id, _EVENTS.c.hlc, _EVENTS.c.office_code).where(
    _EVENTS.c.aggregate_id == bindparam("case_id"), _EVENTS.c.type == "case.registered")
    .order_by(_EVENTS.c.hlc.desc(), _EVENTS.c.id.desc()).limit(1))


@projector("case.registered", "case")
def _registered(s: Session, e: FoldEvent) -> None:
    c = _case(s, e)
    if c is None:
        return
    number = e.payload["registration_no"]
    c.registration_no, c.registration_date = number, _day(e.payload)
    # Two desks with one device number (a desk that worked alone and joined, a copy restored
    # from a backup) give the same numbers: both cases keep theirs, and one conflict is raised,
    # the same on every desk whatever the arrival order.
    # It reads the same on every desk: raised at the later of the two registrations (by HLC).
    twin = _SAME_NUMBER.first(s, number=number, case_id=c.id)
    if twin is not None:
        by = _REGISTERED_BY.first(s, case_id=twin[0])
        raise_twin_conflict(s, "case.number_twice", "case", [by[0] if by else twin[0], e.id],
                            {"registration_no": number, "tracking_codes": sorted([c.tracking_code, twin[1]])},
                            (e.hlc, e.id, c.id, e.office_code), (by[1], by[0], twin[0], by[2]) if by else None)
    if c.status in ("received", "accepted"):
        c.status = "registered"
    _save(s, c)
    _write_fts(s, c, new=False)


@projector("case.referred", "case")
def _referred(s: Session, e: FoldEvent) -> None:
    c = _case(s, e)
    if c is None:
        return
    p, at = e.payload, _at(e)
    _finish_items(s, c.id, at)
    cc = list(p.get("cc", []))
    # a case handed over from one cartable to another keeps its sender (`hand_over`)
    insert_row(s, Referral(id=e.id, referral_id=e.id, case_id=c.id, from_user_id=p.get("from_user_id", e.user_id),
                           to_user_id=p["to_user_id"], kind="action", instruction=p.get("instruction", ""),
                           cc=cc, sent_at=at, read=False, status="open"))
    for uid in cc:
        insert_row(s, Referral(id=cc_item_id(e.id, uid), referral_id=e.id, case_id=c.id, from_user_id=e.user_id,
                               to_user_id=uid, kind="cc", instruction=p.get("instruction", ""), cc=cc,
                               sent_at=at, read=False, status="open"))
    c.status, c.holder_user_id, c.holder_since = "referred", p["to_user_id"], at
    _save(s, c)


@projector("case.referral_recalled", "case")
def _recalled(s: Session, e: FoldEvent) -> None:
    c = _row(s, e.aggregate_id)
    item = s.get(Referral, e.payload["referral_id"])
    if c is None or item is None or item.status != "open":
        return  # already acted on elsewhere: the action stands, the recall is moot
    at = _at(e)
    c.updated_hlc = e.hlc
    _changed(s, Referral, _RECALL, {"status": "recalled", "closed_at": at}, referral_id=item.referral_id, at=at)
    if c.holder_user_id == item.to_user_id and c.status == "referred":
        c.holder_user_id, c.holder_since = item.from_user_id, at
        # back where the referral found it: an answered case stays answered (the recall names it),
        # one referred to the sender is in their cartable again
        c.status = e.payload.get("back_to") or ("registered" if c.registration_no else "accepted")
        if c.status == "referred" and not _changed(s, Referral, _REOPEN_SENDERS, {"status": "open", "closed_at": None},
                                                   case_id=c.id, user_id=item.from_user_id, sent_at=item.sent_at,
                                                   open_closed_at=None):
            c.status = "registered" if c.registration_no else "accepted"  # (no item of theirs to reopen)
    _save(s, c)


@projector("case.referral_read", "case")
def _read(s: Session, e: FoldEvent) -> None:
    for (row_id,) in _MARK_READ.rows(s, item_id=e.payload["item_id"]):
        refresh_held(s, Referral, row_id, {"read": True})
    at = _at(e)
    _changed(s, Referral, _CC_SEEN, {"status": "seen", "closed_at": at}, item_id=e.payload["item_id"], at=at)


@projector("case.forwarded", "case")
def _forwarded(s: Session, e: FoldEvent) -> None:
    p = e.payload
    c = _case(s, e)
    fw = Forward(id=e.id, case_id=e.aggregate_id, agency_id=p["agency_id"],
                 letter_no=letter_number(p["letter_no"]),  # (typed «۱۲۳ / ۴۵» by an older release: «123/45»)
                 letter_date=_day(p, "letter_date"), deadline=_day(p, "deadline"),
                 original_deadline=_day(p, "deadline"), status="open",
                 sent_by=e.user_id, answered_on=None)
    if c is None:
        if _row(s, e.aggregate_id) is not None:  # closed: keep the fact, as a closed forward
            fw.status = "closed"
            insert_row(s, fw)
            check_letter(s, e, fw.letter_no)
        return
    other = _OPEN_FORWARD.first(s, case_id=c.id)
    if other is not None:
        raise_conflict(s, "case.forwarded_twice", "case", c.id, e.office_code, [other[0], e.id], e.hlc,
                       {"tracking_code": c.tracking_code})
    insert_row(s, fw)
    check_letter(s, e, fw.letter_no)
    _finish_items(s, c.id, _at(e))
    if c.clock != "agency":  # the agency's clock runs from its letter's date
        c.clock, c.agency_since = "agency", fw.letter_date
    # an agency merged into another (here before this forward, made at a desk that did not know):
    # the survivor holds the case; the forward and its letter keep the agency it was sent to
    c.status, c.agency_id, c.deadline = "forwarded", survivor(s, p["agency_id"]), fw.deadline
    c.holder_user_id, c.holder_since = None, None
    _save(s, c)


@projector("case.followed_up", "case")
def _followed_up(s: Session, e: FoldEvent) -> None:
    p = e.payload
    c = _case(s, e)
    new_deadline = date.fromisoformat(p["new_deadline"]) if p.get("new_deadline") else None
    fw_id = p.get("forward_id")
    insert_row(s, FollowUp(id=e.id, case_id=e.aggregate_id, forward_id=fw_id, method=p["method"],
                           note=p.get("note", ""), letter_no=letter_number(p.get("letter_no") or ""), new_deadline=new_deadline,
                           day=_day(p), user_id=e.user_id))
    if p["method"] == "letter":
        check_letter(s, e, p.get("letter_no") or "")
    if c is not None:
        c.follow_ups += 1
        if new_deadline is not None:
            c.deadline = new_deadline
            if fw_id:
                _changed(s, Forward, _NEW_DEADLINE, {"deadline": new_deadline}, forward_id=fw_id,
                         deadline=new_deadline)
        _save(s, c)


#: A forward taken back by a manager (`withdraw_forward`) and an agency's answer recorded at a desk
#: that had not heard: the answer stands, a person is told (`_answered`, `_forward_withdrawn`).
ANSWERED_WITHDRAWN = "case.answered_withdrawn"
_LAST_OF_TYPE = SqliteStatement(select(_EVENTS.c.id, _EVENTS.c.payload).where(
    _EVENTS.c.aggregate_id == bindparam("case_id"), _EVENTS.c.type == bindparam("type"),
    (_EVENTS.c.hlc < bindparam("hlc")) | ((_EVENTS.c.hlc == bindparam("hlc")) & (_EVENTS.c.id < bindparam("id"))))
    .order_by(_EVENTS.c.hlc.desc(), _EVENTS.c.id.desc()).limit(1))


def _answered_withdrawn(s: Session, e: FoldEvent, c: CaseRow, other_type: str) -> None:
    """The conflict of an answer and a manager's withdrawal of the forward it answers, made apart:
    raised at the later of the two (this event), naming both."""
    other = _LAST_OF_TYPE.first(s, case_id=c.id, type=other_type, hlc=e.hlc, id=e.id)
    if other is None or (other_type == "case.forward_withdrawn" and not _payload(other[1]).get("back_to")):
        return
    raise_conflict(s, ANSWERED_WITHDRAWN, "case", c.id, e.office_code, [other[0], e.id], e.hlc,
                   {"tracking_code": c.tracking_code})


@projector("case.answered", "case")
def _answered(s: Session, e: FoldEvent) -> None:
    c = _case(s, e)
    if c is None:
        return
    day = _day(e.payload)
    if c.status == "referred":  # (only apart: an answer is recorded on a forwarded case)
        _answered_withdrawn(s, e, c, "case.forward_withdrawn")
        _finish_items(s, c.id, _at(e))  # the answer stands: the manager's item of the withdrawal is done
        c.holder_user_id, c.holder_since = None, None
    _end_agency_clock(c, day)
    _back_to_letter_agency(s, c)
    _changed(s, Forward, _ANSWER_FORWARDS, {"status": "answered", "answered_on": day}, case_id=c.id, day=day)
    c.status, c.answered_on, c.response_text = "answered", day, e.payload.get("text", "")
    c.notice = "due"  # the applicant is to be told
    _save(s, c)


@projector("case.notified", "case")
def _notified(s: Session, e: FoldEvent) -> None:
    c = _row(s, e.aggregate_id)
    if c is None:
        return
    p, day = e.payload, _day(e.payload)
    c.updated_hlc = e.hlc
    c.notified_on, c.notice = day, "told"
    _changed(s, Notice, _NOTICES_DONE, {"status": "done"}, case_id=c.id)
    insert_row(s, Notice(id=e.id, case_id=c.id, kind=p.get("kind", "result"), method=p["method"],
                         text=p.get("text", ""), status="queued" if p["method"] == "sms" else "done", day=day))
    if p["method"] == "in_person" and p.get("visit", True):  # (False: that day's visit was counted)
        c.visits += 1
        insert_row(s, Visit(id=e.id, case_id=c.id, purpose="receive", day=day))
    _save(s, c)


@projector("case.closed", "case")
def _closed(s: Session, e: FoldEvent) -> None:
    c = _case(s, e)
    if c is None:
        return
    p, day = e.payload, _day(e.payload)
    c.outcome_note, c.responsible_party = p.get("note", ""), p.get("responsible_party") or None
    _close(s, e, c, p["outcome"], day)
    if p["outcome"] == "rejected":
        c.notice = "due"
        if p.get("reason"):  # a rejection with its reason (the manager's): its notice, as at review
            c.rejected_on, c.reject_reason, c.reject_note = day, p["reason"], p.get("note", "")
            insert_row(s, Notice(id=e.id, case_id=c.id, kind="rejection", method="letter",
                                 text=p.get("notice", ""), status="pending", day=day))
    elif c.notice is None:  # closed with no answer told or owed (not the agency's, unresolved…):
        c.notice = "due"  # the applicant is told how it ended
    _save(s, c)


@projector("case.reopened", "case")
def _reopened(s: Session, e: FoldEvent) -> None:
    c = _row(s, e.aggregate_id)
    if c is None or c.status not in _CLOSED:
        return
    c.updated_hlc = e.hlc
    c.status = "registered" if c.registration_no else ("accepted" if c.accepted_on else "received")
    c.outcome = c.outcome_note = c.responsible_party = None
    c.closed_on = c.closed_event_id = None
    c.rejected_on = c.reject_reason = c.reject_note = None
    c.agency_id = c.deadline = None  # no agency holds it now: the secretariat does, until it is sent on
    c.holder_user_id, c.holder_since = None, None
    c.notice = None  # a new course: nothing owed the applicant until it ends again
    c.reopen_count += 1
    _save(s, c)


@projector("case.visited", "case")
def _visited(s: Session, e: FoldEvent) -> None:
    c = _row(s, e.aggregate_id)
    if c is None:
        return
    c.updated_hlc = e.hlc
    c.visits += 1
    insert_row(s, Visit(id=e.id, case_id=c.id, purpose=e.payload.get("purpose", "other"), day=_day(e.payload)))
    _save(s, c)


_REMOVE_VISIT = SqliteStatement(delete(table_of(Visit)).where(
    table_of(Visit).c.id == bindparam("visit_id"), table_of(Visit).c.case_id == bindparam("case_id"))
    .returning(table_of(Visit).c.id))


_REOPEN_ANSWERED = SqliteStatement(
    update(_FORWARDS).where(_FORWARDS.c.case_id == bindparam("case_id"), _FORWARDS.c.status == "answered",
                            _FORWARDS.c.answered_on == bindparam("day"))
    .values(status="open", answered_on=bindparam("cleared")).returning(_FORWARDS.c.id))
_OPEN_LETTER = SqliteStatement(select(_FORWARDS.c.letter_date).where(_OPEN_FORWARDS)
                               .order_by(_FORWARDS.c.letter_date).limit(1), typed=True)


@projector("case.answer_moved", "case")
def _answer_moved(s: Session, e: FoldEvent) -> None:
    """An agency's answer recorded on the wrong case moved to the right one (`move_answer`): this
    case waits for its own answer again — the letter it answered open, the agency's clock running
    from that letter's date as before (the days the answer had counted taken off). A case that has
    moved on since (told, closed: only apart) keeps its answer; the other case has it too."""
    c = _case(s, e)
    if c is None or c.status != "answered" or c.answered_on is None:
        return
    day = c.answered_on
    _changed(s, Forward, _REOPEN_ANSWERED, {"status": "open", "answered_on": None}, case_id=c.id, day=day,
             cleared=None)
    letter = _OPEN_LETTER.first(s, case_id=c.id)
    if letter is not None:
        c.agency_days = max(0, c.agency_days - max(0, (day - letter[0]).days))
        c.clock, c.agency_since = "agency", letter[0]
    c.status, c.answered_on, c.response_text, c.notice = "forwarded", None, "", None
    _back_to_letter_agency(s, c)
    _save(s, c)


@projector("case.applicant_changed", "case")
def _applicant_changed(s: Session, e: FoldEvent) -> None:
    """The case put on another applicant (`change_applicant`): the name and national ID it is found
    by, and the applicant its notices go to. Of two made apart, the later (by HLC) stands."""
    c = _row(s, e.aggregate_id)
    if c is None:
        return
    to = e.payload["to"]
    c.applicant_id, c.applicant_name, c.national_id = to["applicant_id"], to["applicant_name"], to["national_id"]
    c.updated_hlc = e.hlc
    _save(s, c)
    _write_fts(s, c, new=False)


@projector("case.visit_removed", "case")
def _visit_removed(s: Session, e: FoldEvent) -> None:
    """A visit recorded by mistake taken off: its row goes, the case counts one visit less."""
    c = _row(s, e.aggregate_id)
    if c is None:
        return
    c.updated_hlc = e.hlc
    if _REMOVE_VISIT.rows(s, visit_id=e.payload["visit_id"], case_id=c.id):
        c.visits -= 1
    _save(s, c)


@projector("case.attached", "case")
def _attached(s: Session, e: FoldEvent) -> None:
    p = e.payload
    insert_row(s, Attachment(id=e.id, case_id=e.aggregate_id, sha256=p["sha256"], filename=p["filename"],
                             mime=p["mime"], size=int(p["size"]), kind=p.get("kind", "intake"), added_at=_at(e),
                             added_by=e.user_id))


@projector("case.attachment_removed", "case")
def _attachment_removed(s: Session, e: FoldEvent) -> None:
    """A scan taken off the case: gone from its list and its papers (the event, on the timeline,
    says who took it off and why; the bytes stay). A removal folded before its scan arrived does
    nothing now: the scan's late arrival re-folds the case, in (hlc, id) order, scan first.

    The ORM's DELETE (a rare step): an Attachment the session holds (the service read it to check
    the removal) leaves the session with its row."""
    s.execute(delete(Attachment).where(Attachment.id == e.payload["attachment_id"],
                                       Attachment.case_id == e.aggregate_id))


_VISITS = table_of(Visit)
_SUBMIT_VISIT = SqliteStatement(select(_VISITS.c.id).where(_VISITS.c.case_id == bindparam("case_id"),
                                                           _VISITS.c.purpose == "submit").limit(1))
_CORRECTED_BEFORE = SqliteStatement(select(_EVENTS.c.id, _EVENTS.c.payload).where(
    _EVENTS.c.aggregate_id == bindparam("case_id"), _EVENTS.c.type == "case.corrected",
    (_EVENTS.c.hlc < bindparam("hlc")) | ((_EVENTS.c.hlc == bindparam("hlc")) & (_EVENTS.c.id < bindparam("id"))))
    .order_by(_EVENTS.c.hlc.desc(), _EVENTS.c.id.desc()))


def _payload(raw: Any) -> dict[str, Any]:
    """An event's payload as a plain statement reads it (its JSON text), or as already decoded."""
    return json.loads(raw) if isinstance(raw, str | bytes) else dict(raw or {})


@projector("case.corrected", "case")
def _corrected(s: Session, e: FoldEvent) -> None:
    """What was typed wrong at intake put right: each field takes its value "to". A field another
    desk corrected meanwhile to something else (this one's "from" is no longer the value) is a
    conflict (`case.corrected_apart`): the later correction (by HLC) stands until a person decides."""
    c = _row(s, e.aggregate_id)
    if c is None:
        return
    changes: dict[str, dict[str, str]] = e.payload.get("changes", {})
    now = {"subject": c.subject, "text": c.text or "", "category": c.category or "", "channel": c.channel,
           "received_date": c.received_date.isoformat()}
    for name, change in sorted(changes.items()):
        if name in now and now[name] != change.get("from") and now[name] != change.get("to"):
            other = next((eid for eid, payload in _CORRECTED_BEFORE.rows(s, case_id=c.id, hlc=e.hlc, id=e.id)
                          if name in _payload(payload).get("changes", {})), None)
            if other is not None:
                raise_conflict(s, "case.corrected_apart", "case", c.id, e.office_code, [other, e.id], e.hlc,
                               {"tracking_code": c.tracking_code, "field": name})
    c.updated_hlc = e.hlc
    was_in_person = c.channel == "in_person"
    for name in ("subject", "text", "category", "channel"):
        if name in changes:
            setattr(c, name, changes[name]["to"])
    if "subject" in changes:
        s.execute(update(CaseKey).where(CaseKey.case_id == c.id).values(subject_key=search_key(c.subject)))
    if "received_date" in changes:
        c.received_date = date.fromisoformat(changes["received_date"]["to"])
        key = fts_key(c.id, c.received_date)
        if key != c.fts_key:  # newest received first: the search index's key follows the day
            s.execute(text("DELETE FROM case_fts WHERE rowid = :k"), {"k": c.fts_key})
            c.fts_key = key
    # the visit of an in-person intake counts toward the service card's goal: it follows the channel
    submit = _SUBMIT_VISIT.first(s, case_id=c.id)
    if submit is not None and (c.channel != "in_person" or "received_date" in changes):
        s.execute(delete(Visit).where(Visit.id == submit[0]))
        c.visits -= 1
        submit = None
    if submit is None and c.channel == "in_person" and (not was_in_person or "received_date" in changes):
        insert_row(s, Visit(id=e.id, case_id=c.id, purpose="submit", day=c.received_date))
        c.visits += 1
    _save(s, c)
    _write_fts(s, c, new="received_date" in changes)


# --- a person's resolution of a conflict -------------------------------------------------------


_WITHDRAW_FORWARD = SqliteStatement(
    update(_FORWARDS).where(_FORWARDS.c.id == bindparam("forward_id"), _FORWARDS.c.case_id == bindparam("case_id"),
                            _FORWARDS.c.status == "open")
    .values(status="withdrawn").returning(_FORWARDS.c.id))
_FORWARD_TERMS = SqliteStatement(select(_FORWARDS.c.agency_id, _FORWARDS.c.deadline)
                                 .where(_FORWARDS.c.id == bindparam("forward_id")), typed=True)


#: Who last referred a case to a user (for a withdrawn forward's item back in their cartable)
_LAST_SENDER = SqliteStatement(select(_REFERRALS.c.from_user_id).where(
    _REFERRALS.c.case_id == bindparam("case_id"), _REFERRALS.c.to_user_id == bindparam("user_id"),
    _REFERRALS.c.kind == "action", _REFERRALS.c.from_user_id != bindparam("user_id"))
    .order_by(_REFERRALS.c.sent_at.desc(), _REFERRALS.c.id.desc()).limit(1))


@projector("case.forward_withdrawn", "case")
def _forward_withdrawn(s: Session, e: FoldEvent) -> None:
    """A forward withdrawn: one of two made offline was wrong (`case.forwarded_twice`), or a
    manager took back a case sent to the wrong agency (`withdraw_forward`, "back_to": them). The
    case waits on the forward still open, or, if none is, is back at the office (in the cartable
    of "back_to", when named)."""
    c = _row(s, e.aggregate_id)
    if c is None:
        return
    if not _changed(s, Forward, _WITHDRAW_FORWARD, {"status": "withdrawn"}, forward_id=e.payload["forward_id"],
                    case_id=c.id) and e.payload.get("back_to") and c.status == "answered":
        _answered_withdrawn(s, e, c, "case.answered")  # answered at a desk that had not heard: it stands
    c.updated_hlc = e.hlc
    if c.status == "forwarded":
        other = _OPEN_FORWARD.first(s, case_id=c.id)
        if other is not None:
            terms = _FORWARD_TERMS.first(s, forward_id=other[0])
            c.agency_id, c.deadline = survivor(s, terms.agency_id), terms.deadline
        else:
            _end_agency_clock(c, _day(e.payload))
            c.status = "registered" if c.registration_no else "accepted"
            c.agency_id = c.deadline = None
            back_to = e.payload.get("back_to")
            if back_to:  # sent to the wrong agency: back in the cartable of the manager who took it back,
                at = _at(e)  # as sent by whoever had referred it to them (recalled, referred back as then)
                sender = _LAST_SENDER.first(s, case_id=c.id, user_id=back_to)
                insert_row(s, Referral(id=e.id, referral_id=e.id, case_id=c.id,
                                       from_user_id=sender[0] if sender is not None else e.user_id,
                                       to_user_id=back_to, kind="action", instruction=e.payload.get("reason", ""),
                                       cc=[], sent_at=at, read=True, status="open"))
                c.status, c.holder_user_id, c.holder_since = "referred", back_to, at
    _save(s, c)


@projector("case.renumbered", "case")
def _renumbered(s: Session, e: FoldEvent) -> None:
    """A new registration number for one of two cases that shared one (`case.number_twice`)."""
    c = _row(s, e.aggregate_id)
    if c is None:
        return
    c.updated_hlc = e.hlc
    c.registration_no = e.payload["registration_no"]
    _save(s, c)
    _write_fts(s, c, new=False)


@resetter("case")
def _case_reset(s: Session, case_id: str) -> None:
    kept(s).pop((CaseRow, case_id), None)
    key = s.scalar(select(Case.fts_key).where(Case.id == case_id))
    if key is not None:
        s.execute(text("DELETE FROM case_fts WHERE rowid = :k"), {"k": key})
    for model in (Referral, Forward, FollowUp, Notice, Visit, Attachment, CaseKey):
        s.execute(delete(model).where(model.case_id == case_id))
    s.execute(delete(Case).where(Case.id == case_id))
