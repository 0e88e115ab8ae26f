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

from sqlalchemy import String, bindparam, delete, func, select
from sqlalchemy.orm import Session

from ...eventlog import SqliteStatement, defer_each, json_list, raise_conflict
from ...models import Conflict, Event, Office
from ...models.library import Loan

LOAN_AT_CLOSED_CENTRE = "loan.at_closed_centre"

_IDS = select(func.json_each(bindparam("ids", type_=String)).table_valued("value").c.value)
#: of the loans (ids), those lent at a closed centre
_AT_CLOSED = SqliteStatement(select(Loan.id).join(Office, Office.code == Loan.centre).where(
    Loan.id.in_(_IDS), Office.closed_on.is_not(None)))


def check_loan(s: Session, loan_id: str) -> None:
    """Look again at a loan: a conflict if it is open at a closed centre (dropped once it is not)."""
    if loan_id and not defer_each(s, "closed_centre_loan", loan_id, functools.partial(_check_loans, s)):
        _check_loans(s, [loan_id])


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
