"""A loan open at a cultural centre another desk closed (`centre.closed`).

The admin closes a centre at one desk, refused there while a loan is open at it; a desk of that
centre, apart and not knowing, lends a book (before or after the close's stamp). When the two meet
the loan stands (the book is out with the child) and the close stands: the loan is a conflict
(`LOAN_AT_CLOSED_CENTRE`) for a person to see to, since the book must come back to another centre.

A function of state, as `erased` is: after the close or any of a loan's events the loan is looked
at again (at once, or once at the end of a pulled page or a re-fold), so every arrival order raises
the same conflicts, and one still open is dropped when a late fact shows the loan closed.
"""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import String, bindparam, delete, func, select
from sqlalchemy.orm import Session

from ...eventlog import SqliteStatement, defer_each, json_list, raise_conflict
from ...models import Conflict, Event, Office
from ...models.library import Hold, Loan, Member

LOAN_AT_CLOSED_CENTRE = "loan.at_closed_centre"
#: A hold to be picked up at a centre another desk closed, placed (or still open) where the close
#: was not known: nobody will set a book aside there; a person cancels it and tells the family.
HOLD_AT_CLOSED_CENTRE = "hold.at_closed_centre"
#: A member whose centre is one another desk closed, registered (or moved there) where the close was
#: not known: the close moved the centre's members it knew to the centre it went into; this one stays
#: at the closed centre until a person moves them.
MEMBER_AT_CLOSED_CENTRE = "member.at_closed_centre"
#: the statuses of a hold still to be served
_OPEN_HOLD = ("waiting", "ready", "in_transit")

_IDS = select(func.json_each(bindparam("ids", type_=String)).table_valued("value").c.value)
#: of the loans (ids), those lent at a closed centre
_AT_CLOSED = SqliteStatement(select(Loan.id).join(Office, Office.code == Loan.centre).where(
    Loan.id.in_(_IDS), Office.closed_on.is_not(None)))


def check_loan(s: Session, loan_id: str) -> None:
    """Look again at a loan: a conflict if it is open at a closed centre (dropped once it is not)."""
    if loan_id and not defer_each(s, "closed_centre_loan", loan_id, functools.partial(_check_loans, s)):
        _check_loans(s, [loan_id])


def check_hold(s: Session, hold_id: str) -> None:
    """Look again at a hold: a conflict while it is open for pick-up at a closed centre."""
    if hold_id and not defer_each(s, "closed_centre_hold", hold_id, functools.partial(_check_holds, s)):
        _check_holds(s, [hold_id])


def _closed_centres(s: Session) -> set[str]:
    return set(s.scalars(select(Office.code).where(Office.closed_on.is_not(None))))


def _drop_open(s: Session, kind: str, ids: list[str]) -> None:
    """Drop the open conflicts of `kind` about `ids` (none of them is at a closed centre)."""
    for i in range(0, len(ids), 500):
        s.execute(delete(Conflict).where(Conflict.kind == kind, Conflict.status == "open",
                                         Conflict.aggregate_id.in_(ids[i:i + 500])))


def _at_closed(s: Session, kind: str, id_column: Any, centre_column: Any, row_ids: list[str]) -> list[str]:
    """Of these holds or members, those of a closed centre (`centre_column` one of them), in id
    order, to be looked at one by one; the others' open conflicts of `kind` are dropped at once."""
    s.flush()
    closed = sorted(_closed_centres(s))
    ids = sorted(row_ids)
    there: set[str] = set()
    for i in range(0, len(ids), 500):
        if closed:
            there.update(s.scalars(select(id_column).where(id_column.in_(ids[i:i + 500]),
                                                          centre_column.in_(closed))))
    _drop_open(s, kind, [x for x in ids if x not in there])
    return sorted(there)


def _check_holds(s: Session, hold_ids: list[str]) -> None:
    """(Only holds picked up at a closed centre are looked at one by one: a re-fold's thousands of
    holds at open centres cost one statement or two.)"""
    for hold_id in _at_closed(s, HOLD_AT_CLOSED_CENTRE, Hold.id, Hold.pickup_centre, hold_ids):
        _sync_hold(s, hold_id)


def check_member(s: Session, member_id: str) -> None:
    """Look again at a member: a conflict while their centre is a closed one."""
    if member_id and not defer_each(s, "closed_centre_member", member_id, functools.partial(_check_members, s)):
        _check_members(s, [member_id])


def _check_members(s: Session, member_ids: list[str]) -> None:
    """(As `_check_holds`: only members of a closed centre one by one.)"""
    for member_id in _at_closed(s, MEMBER_AT_CLOSED_CENTRE, Member.id, Member.home_centre, member_ids):
        _sync_member(s, member_id)


def _sync_member(s: Session, member_id: str) -> None:
    member = s.get(Member, member_id)
    if member is None:
        return
    keep = ""
    closing = _closing(s, member.home_centre) if member.merged_into is None else None
    if closing is not None:
        office = s.get(Office, member.home_centre)
        keep = raise_conflict(s, MEMBER_AT_CLOSED_CENTRE, "member", member_id, member.home_centre,
                              [str(closing.id), member_id],
                              max(int(closing.hlc), _first_hlc(s, member_id)),
                              {"centre": member.home_centre, "member_id": member_id,
                               "into": (office.closed_into or "") if office is not None else ""}).id
    s.execute(delete(Conflict).where(Conflict.aggregate_id == member_id, Conflict.kind == MEMBER_AT_CLOSED_CENTRE,
                                     Conflict.status == "open", Conflict.id != keep))


def _first_hlc(s: Session, aggregate_id: str) -> int:
    return int(s.scalar(select(func.min(Event.hlc)).where(Event.aggregate_id == aggregate_id)) or 0)


def _closing(s: Session, centre: str) -> Any:
    return s.execute(select(Event.id, Event.hlc).where(
        Event.aggregate_id == centre, Event.type == "centre.closed").order_by(Event.hlc, Event.id).limit(1)).first()


def _sync_hold(s: Session, hold_id: str) -> None:
    hold = s.get(Hold, hold_id)
    if hold is None:
        return
    keep = ""
    if hold.status in _OPEN_HOLD:
        closing = _closing(s, hold.pickup_centre)
        if closing is not None:
            keep = raise_conflict(s, HOLD_AT_CLOSED_CENTRE, "hold", hold_id, hold.pickup_centre,
                                  [str(closing.id), hold_id], max(int(closing.hlc), int(hold.placed_hlc)),
                                  {"centre": hold.pickup_centre, "hold_id": hold_id, "member_id": hold.member_id,
                                   "title_id": hold.title_id}).id
    s.execute(delete(Conflict).where(Conflict.aggregate_id == hold_id, Conflict.kind == HOLD_AT_CLOSED_CENTRE,
                                     Conflict.status == "open", Conflict.id != keep))


def check_centre(s: Session, centre: str) -> None:
    """Look again at every loan of a centre just closed."""
    if not defer_each(s, "closed_centre", centre, functools.partial(_check_centres, s)):
        _check_centres(s, [centre])


def _check_loans(s: Session, loan_ids: list[str]) -> None:
    s.flush()
    for (loan_id,) in _AT_CLOSED.rows(s, ids=json_list(sorted(loan_ids))):
        _sync(s, loan_id)


def _check_centres(s: Session, centres: list[str]) -> None:
    s.flush()
    for (loan_id,) in s.execute(select(Loan.id).where(Loan.centre.in_(centres))):
        _sync(s, loan_id)
    for (hold_id,) in s.execute(select(Hold.id).where(Hold.pickup_centre.in_(centres),
                                                      Hold.status.in_(_OPEN_HOLD)).order_by(Hold.id)):
        _sync_hold(s, hold_id)
    for (member_id,) in s.execute(select(Member.id).where(Member.home_centre.in_(centres),
                                                          Member.merged_into.is_(None)).order_by(Member.id)):
        _sync_member(s, member_id)


def _sync(s: Session, loan_id: str) -> None:
    loan = s.get(Loan, loan_id)
    if loan is None:
        return
    closing = s.execute(select(Event.id, Event.hlc).where(
        Event.aggregate_id == loan.centre, Event.type == "centre.closed").order_by(Event.hlc, Event.id).limit(1)).first()
    keep = ""
    if closing is not None and loan.returned_at is None and loan.lost_hlc is None:
        keep = raise_conflict(s, LOAN_AT_CLOSED_CENTRE, "loan", loan_id, loan.centre, [str(closing.id), loan_id],
                              max(int(closing.hlc), int(loan.out_hlc)),
                              {"centre": loan.centre, "loan_id": loan_id, "copy_id": loan.copy_id,
                               "member_id": loan.member_id}).id
    s.execute(delete(Conflict).where(Conflict.aggregate_id == loan_id, Conflict.kind == LOAN_AT_CLOSED_CENTRE,
                                     Conflict.status == "open", Conflict.id != keep))
