"""The return desk: a copy scanned back — its loan closed, or received from transit, or found after
it was lost — and where it goes next; a loan closed as lost with its member; a copy sent off."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import InvariantError, ValidationError
from ..eventlog import Actor
from ..models import office_today
from ..models.library import Copy, Loan, Member
from ..persian import normalize_text
from ..store import Store
from .accounts import require
from .circulation_holds import _route, _transit_hold
from .circulation_views import (
    MSG_COPY_NOT_LOST,
    MSG_NO_OPEN_LOAN,
    MSG_ON_LOAN,
    CopyWasLost,
    LoanView,
    ReturnResult,
    _hold_view,
    _loan_view,
    _title_of,
    open_loan,
)
from .library_common import LIBRARIAN, MSG_CENTRE, centre_exists, copy_not_found, find_copy
from .library_rules import refuse_closed


def checkin(store: Store, actor: Actor, barcode: str, *, today: date | None = None) -> ReturnResult:
    """A copy scanned at the return desk: close its loan (or receive it from transit) and say what next."""
    require(actor, *LIBRARIAN)
    today = today or office_today()
    with store.transaction() as s:
        copy = find_copy(s, barcode)
        if copy is None:
            raise copy_not_found(s, barcode)
        # a copy lent at two centres while they were apart (a conflict a person decides): the loan
        # made here is the one its return closes, else the latest
        loan = s.scalar(select(Loan).where(Loan.copy_id == copy.id, Loan.returned_at.is_(None))
                        .order_by((Loan.centre == actor.office_code).desc(), Loan.out_hlc.desc()).limit(1))
        if loan is None:
            if copy.status == "lost":  # found: back into circulation only when the librarian says so
                raise CopyWasLost(copy.barcode)
            here = actor.office_code
            sent_for = _transit_hold(s, copy.id)
            # arrived from elsewhere; or sent from its home for a hold that was cancelled on its way,
            # and scanned at home (it never left, or came back): received here
            if copy.location != here or (copy.status == "in_transit" and sent_for is None
                                         and copy.location == copy.home_centre):
                store.record(s, actor, "copy.received", copy.id, {"centre": actor.office_code,
                                                                  "knew_withdrawn": copy.withdrawn},
                             subject=copy.barcode)
                action, to, hold = _route(store, s, actor, copy, today)
                return ReturnResult(None, action, to, hold, ["received"], barcode=copy.barcode,
                                    title=_title_of(s, copy.title_id))
            if sent_for is not None and sent_for.pickup_centre == here:  # a copy on its way passed (by a
                action, to, hold = _route(store, s, actor, copy, today)  # cancel) to a hold here: set aside
                return ReturnResult(None, action, to, hold, barcode=copy.barcode, title=_title_of(s, copy.title_id))
            if sent_for is not None:  # scanned again before it left: where it goes is already recorded
                return ReturnResult(None, "send_to_hold", sent_for.pickup_centre, _hold_view(s, sent_for),
                                    barcode=copy.barcode, title=_title_of(s, copy.title_id))
            raise InvariantError(MSG_NO_OPEN_LOAN, "barcode")
        view = _loan_view(s, loan, today, copy)
        store.record(s, actor, "loan.returned", loan.id, {"centre": actor.office_code, "copy_id": copy.id,
                                                          "returned_on": today.isoformat()},
                     subject=copy.barcode)
        action, to, hold = _route(store, s, actor, copy, today)
        name = s.execute(select(Member.first_name, Member.last_name).where(Member.id == loan.member_id)).first()
        # one copy lent at two centres while apart: the other loan stays open until a person decides
        other = s.execute(select(Member.first_name, Member.last_name, Loan.centre).join(
            Member, Member.id == Loan.member_id).where(Loan.copy_id == copy.id, Loan.returned_at.is_(None))
            .order_by(Loan.out_hlc.desc()).limit(1)).first()
        return ReturnResult(view, action, to, hold, barcode=copy.barcode, title=view.title,
                            member=f"{name[0]} {name[1]}" if name else "",
                            still_lent_to=f"{other[0]} {other[1]}" if other else "",
                            still_lent_at=other[2] if other else "")


def found_copy(store: Store, actor: Actor, barcode: str, *, today: date | None = None) -> ReturnResult:
    """«پیدا شد»: a copy recorded lost turned up here; it is received here (`copy.received`, newer than
    the loss) and goes where a returned copy goes — a waiting hold, its home centre or the shelf."""
    require(actor, *LIBRARIAN)
    today = today or office_today()
    with store.transaction() as s:
        copy = find_copy(s, barcode)
        if copy is None:
            raise copy_not_found(s, barcode)
        if copy.status != "lost":
            raise InvariantError(MSG_COPY_NOT_LOST, "barcode")
        store.record(s, actor, "copy.received", copy.id, {"centre": actor.office_code, "found": True},
                     subject=copy.barcode)
        action, to, hold = _route(store, s, actor, copy, today)
        return ReturnResult(None, action, to, hold, ["found"], barcode=copy.barcode,
                            title=_title_of(s, copy.title_id))


def record_loan_lost(store: Store, s: Session, actor: Actor, loan: Loan, barcode: str, note: str,
                     today: date) -> None:
    """One `loan.lost`: the loan is closed as lost with its member and the copy counts as lost."""
    store.record(s, actor, "loan.lost", loan.id, {"copy_id": loan.copy_id, "day": today.isoformat(),
                                                  "centre": actor.office_code, "note": normalize_text(note or "")},
                 subject=barcode)


def mark_loan_lost(store: Store, actor: Actor, loan_id: str, *, note: str = "",
                   today: date | None = None) -> LoanView:
    """«گم‌شده نزد عضو»: the member lost the book. The loan is closed (off the overdue list and its
    notices; it no longer blocks the member) and the copy stays lost until it is found."""
    require(actor, *LIBRARIAN)
    today = today or office_today()
    with store.transaction() as s:
        loan = open_loan(s, loan_id)
        copy = s.get(Copy, loan.copy_id)
        record_loan_lost(store, s, actor, loan, copy.barcode if copy else "", note, today)
        return _loan_view(s, loan, today, copy)


# --- transit ----------------------------------------------------------------------------------


def send_copy(store: Store, actor: Actor, barcode: str, to_centre: str) -> None:
    """The copy leaves this centre for another (its home, or a hold's pick-up centre)."""
    require(actor, *LIBRARIAN)
    with store.transaction() as s:
        copy = find_copy(s, barcode)
        if copy is None:
            raise copy_not_found(s, barcode)
        if not centre_exists(s, to_centre):
            raise ValidationError(MSG_CENTRE, "centre")
        refuse_closed(s, to_centre, "centre")
        store.record(s, actor, "copy.sent", copy.id, {"from": actor.office_code, "to": to_centre},
                     subject=copy.barcode)


def receive_copy(store: Store, actor: Actor, barcode: str, *, today: date | None = None) -> ReturnResult:
    """A copy in transit scanned at arrival: it is here now; a waiting hold here sets it aside."""
    require(actor, *LIBRARIAN)
    today = today or office_today()
    with store.transaction() as s:
        copy = find_copy(s, barcode)
        if copy is None:
            raise copy_not_found(s, barcode)
        if copy.status == "on_loan":
            raise InvariantError(MSG_ON_LOAN, "barcode")
        store.record(s, actor, "copy.received", copy.id, {"centre": actor.office_code,
                                                          "knew_withdrawn": copy.withdrawn}, subject=copy.barcode)
        action, to, hold = _route(store, s, actor, copy, today)
        return ReturnResult(None, action, to, hold, ["received"], barcode=copy.barcode,
                            title=_title_of(s, copy.title_id))
