"""Undoing a librarian's mistake at the lending desk, on the record: a return scanned by mistake
(the book is still with the child) and a renewal made by mistake. Each is one event naming the
step it undoes, who undid it, when and why; the fold puts the loan back as it stood before."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import QT_TRANSLATE_NOOP, InvariantError, NotFound, ValidationError
from ..eventlog import Actor
from ..models import Event, office_today
from ..models.library import Copy, Hold, Loan
from ..persian import normalize_text
from ..projections.library.copy_state import VOIDED_HLC
from ..store import Store
from .accounts import require
from .circulation_views import MSG_LOAN_NOT_FOUND, OPEN_HOLD, LoanView, _loan_view, open_loan
from .library_common import LIBRARIAN

MSG_UNDO_REASON = QT_TRANSLATE_NOOP("Errors", "بنویسید چرا این کار اشتباه بود؛ با نام شما ثبت می‌ماند.")
MSG_NOT_RETURNED = QT_TRANSLATE_NOOP("Errors", "این امانت با «بازگشت» بسته نشده است؛ لغو بازگشت برای آن نیست.")
MSG_RETURN_NOT_TODAY = QT_TRANSLATE_NOOP(
    "Errors", "تنها بازگشتی که امروز ثبت شده است لغو می‌شود؛ اگر کتاب هنوز نزد عضو است، دوباره امانت دهید.")
MSG_RETURN_LENT_AGAIN = QT_TRANSLATE_NOOP(
    "Errors", "این نسخه پس از این بازگشت دوباره امانت داده شده است؛ بازگشت لغو نمی‌شود.")
MSG_RETURN_MOVED = QT_TRANSLATE_NOOP(
    "Errors", "این نسخه پس از این بازگشت برای رزرو کنار گذاشته یا به مرکز دیگری فرستاده شده است؛ "
              "بازگشت دیگر لغو نمی‌شود.")
MSG_NOT_RENEWED = QT_TRANSLATE_NOOP("Errors", "این امانت تمدید نشده است.")
MSG_RENEWAL_NOT_TODAY = QT_TRANSLATE_NOOP(
    "Errors", "تنها تمدیدی که امروز ثبت شده است لغو می‌شود؛ آخرین تمدید این امانت پیش‌تر بوده است.")


def _reason(reason: str) -> str:
    why = normalize_text(reason or "").strip()
    if not why:
        raise ValidationError(MSG_UNDO_REASON, "reason")
    return why[:300]


def _event_day(e: Event) -> date:
    day = e.payload.get("day") or e.payload.get("returned_on")
    return date.fromisoformat(day) if day else e.recorded_at.date()


def undo_return(store: Store, actor: Actor, loan_id: str, *, reason: str, today: date | None = None) -> LoanView:
    """«لغو بازگشت اشتباه»: a book scanned back by mistake (read from the wrong pile, or a child's
    book only shown at the desk) is still with the child. The loan is open again with the due date
    it had, the return's days late gone with it (`loan.return_undone`, naming the return, with who,
    when and why). Only a return made today, whose copy has not since been lent again, set aside
    for a hold or sent to another centre: a copy that moved on is a real return."""
    require(actor, *LIBRARIAN)
    why = _reason(reason)
    today = today or office_today()
    with store.transaction() as s:
        loan = s.get(Loan, loan_id)
        if loan is None:
            raise NotFound(MSG_LOAN_NOT_FOUND)
        if loan.returned_at is None or loan.returned_hlc in (None, VOIDED_HLC) or loan.lost_hlc is not None:
            raise InvariantError(MSG_NOT_RETURNED)
        ret = s.scalar(select(Event).where(Event.aggregate_id == loan.id, Event.type == "loan.returned",
                                           Event.hlc == loan.returned_hlc).limit(1))
        if ret is None:
            raise InvariantError(MSG_NOT_RETURNED)
        if (loan.returned_on or _event_day(ret)) != today:
            raise InvariantError(MSG_RETURN_NOT_TODAY)
        returned_hlc = loan.returned_hlc
        assert returned_hlc is not None
        if s.scalar(select(Loan.id).where(Loan.copy_id == loan.copy_id, Loan.id != loan.id,
                                          Loan.out_hlc > returned_hlc).limit(1)) is not None:
            raise InvariantError(MSG_RETURN_LENT_AGAIN)
        if _moved_since(s, loan.copy_id, returned_hlc):
            raise InvariantError(MSG_RETURN_MOVED)
        copy = s.get(Copy, loan.copy_id)
        store.record(s, actor, "loan.return_undone", loan.id,
                     {"return_id": ret.id, "return_hlc": returned_hlc, "returned_on": ret.payload.get("returned_on"),
                      "centre": ret.payload.get("centre", ret.office_code), "day": today.isoformat(),
                      "reason": why},
                     subject=copy.barcode if copy is not None else loan.id)
        s.flush()
        s.refresh(loan)
        return _loan_view(s, loan, today, copy)


def _moved_since(s: Session, copy_id: str, since_hlc: int) -> bool:
    """The copy was set aside for a hold, sent for one, sent or received somewhere after `since_hlc`."""
    if s.scalar(select(Hold.id).where(Hold.copy_id == copy_id, Hold.status.in_(OPEN_HOLD)).limit(1)) is not None:
        return True
    return s.scalar(select(Event.id).where(Event.aggregate_id == copy_id, Event.hlc > since_hlc,
                                           Event.type.in_(("copy.sent", "copy.received"))).limit(1)) is not None


def _renewals(s: Session, loan_id: str) -> tuple[Event | None, date]:
    """The loan's last renewal still in force, and the due date it replaced (the one before it)."""
    events = list(s.scalars(select(Event).where(
        Event.aggregate_id == loan_id,
        Event.type.in_(("loan.checked_out", "loan.renewed", "loan.renewal_undone"))).order_by(Event.hlc, Event.id)))
    dues: list[tuple[Event | None, date]] = []
    for e in events:
        if e.type == "loan.checked_out":
            dues = [(None, date.fromisoformat(e.payload["due_on"]))]
        elif e.type == "loan.renewed":
            dues.append((e, date.fromisoformat(e.payload["due_on"])))
        elif len(dues) > 1:
            dues.pop()
    if len(dues) < 2:
        return None, dues[-1][1] if dues else date.min
    return dues[-1][0], dues[-2][1]


def undo_renewal(store: Store, actor: Actor, loan_id: str, *, reason: str, today: date | None = None) -> LoanView:
    """«لغو تمدید اشتباه»: the last renewal of an open loan, made today by mistake (the wrong book of
    the list, or a member who did not ask), is undone: the due date goes back to the one it had and
    the renewal no longer counts toward the rule's limit (`loan.renewal_undone`, naming the renewal
    and the due date restored, with who, when and why)."""
    require(actor, *LIBRARIAN)
    why = _reason(reason)
    today = today or office_today()
    with store.transaction() as s:
        loan = open_loan(s, loan_id)
        last, before = _renewals(s, loan.id)
        if last is None or not loan.renewals:
            raise InvariantError(MSG_NOT_RENEWED)
        if _event_day(last) != today:
            raise InvariantError(MSG_RENEWAL_NOT_TODAY)
        copy = s.get(Copy, loan.copy_id)
        store.record(s, actor, "loan.renewal_undone", loan.id,
                     {"renewal_id": last.id, "due_on": before.isoformat(), "undone_due_on": loan.due_on.isoformat(),
                      "day": today.isoformat(), "reason": why},
                     subject=copy.barcode if copy is not None else loan.id)
        s.flush()
        s.refresh(loan)
        return _loan_view(s, loan, today, copy)


def renewal_before(store: Store, actor: Actor, loan_id: str) -> date | None:
    """The due date an undo of the loan's last renewal gives back (None: no renewal in force); the
    desk names it in its question."""
    require(actor, *LIBRARIAN)
    with store.read() as s:
        last, before = _renewals(s, loan_id)
        return before if last is not None else None
