"""Fold of loan events: checkout, return, renewal, void, loss with the member, moving to another member,
a return or a renewal undone as a mistake."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

from sqlalchemy import bindparam, delete, select
from sqlalchemy.orm import Session

from ...eventlog import (
    FoldEvent,
    SqliteStatement,
    column_setter,
    conflict_facts,
    insert_values,
    projector,
    raise_conflict,
    refresh_held,
    resetter,
    row_buffer,
)
from ...models import Event, table_of
from ...models.library import Loan
from .closed_centre import check_loan
from .copy_state import VOIDED_HLC, recompute_copy
from .erased import check_erased
from .members import loan_member, loan_member_after_close


def _loan_finished(row: dict[str, Any]) -> bool:
    return row["returned_at"] is not None


def _held_loans(s: Session) -> dict[str, dict[str, Any]] | None:
    """Loans a full re-fold holds back (`eventlog.RowBuffer`): a checkout and its return, a few
    days of events apart, become one complete row, written with the others in one executemany."""
    buffer = row_buffer(s, Loan, _loan_finished)
    return None if buffer is None else buffer.rows


@projector("loan.checked_out", "loan")
def _loan_out(s: Session, e: FoldEvent) -> None:
    p = e.payload
    values = dict(
        id=e.aggregate_id, copy_id=p["copy_id"], member_id=loan_member(s, p["member_id"], e.hlc, e.aggregate_id), title_id=p.get("title_id", ""),
        centre=p.get("centre", e.office_code), out_at=e.recorded_at, out_hlc=e.hlc,
        out_on=date.fromisoformat(p.get("out_on") or e.recorded_at.date().isoformat()),
        due_on=date.fromisoformat(p["due_on"]), renewals=0, overridden=" ".join(p.get("overridden", [])))
    held = _held_loans(s)
    if held is not None and e.aggregate_id not in held:
        held[e.aggregate_id] = {**values, "returned_at": None, "returned_hlc": None, "returned_on": None,
                                "returned_centre": None, "lost_hlc": None}
    else:  # (a second checkout of one loan id fails here, held or not: the id is the key)
        insert_values(s, Loan, values)
    recompute_copy(s, p["copy_id"])
    check_erased(s, "loan", e.aggregate_id)  # lent where the member's erasure was not yet known
    check_loan(s, e.aggregate_id)  # or at a centre whose close was not yet known


_LOANS = table_of(Loan)


_SET_RETURNED = column_setter(_LOANS, "loan_id", ("returned_at", "returned_hlc", "returned_on", "returned_centre"))
_SET_RENEWED = column_setter(_LOANS, "loan_id", ("renewals", "due_on"))


_LOAN_STATE = SqliteStatement(select(_LOANS.c.id, _LOANS.c.copy_id, _LOANS.c.returned_at, _LOANS.c.returned_centre,
                                     _LOANS.c.renewals, _LOANS.c.returned_hlc).where(_LOANS.c.id == bindparam("loan_id")), typed=True)


def _loan_state(s: Session, loan_id: str) -> tuple[Any, dict[str, Any] | None]:
    """The loan's id, copy, return and renewals, and its row if a re-fold holds it back (then it
    is changed there, not in the table)."""
    held = _held_loans(s)
    row = None if held is None else held.get(loan_id)
    if row is not None:
        return SimpleNamespace(**row), row
    s.flush()
    return _LOAN_STATE.first(s, loan_id=loan_id), None


@projector("loan.returned", "loan")
def _loan_returned(s: Session, e: FoldEvent) -> None:
    loan, held = _loan_state(s, e.aggregate_id)
    if loan is None:
        return
    if loan.returned_at is not None:
        summary = {"loan_id": loan.id, "first_centre": loan.returned_centre,
                   "second_centre": e.payload.get("centre", e.office_code)}
        c = raise_conflict(s, "loan.return_on_closed", "loan", loan.id, e.office_code, [loan.id, e.id], e.hlc,
                           summary)
        # Which return closed the loan depends on the returns held when this one was folded; a late,
        # earlier return re-folds the loan and comes here again: describe the conflict as it is now,
        # so every arrival order ends with the description a full re-fold gives.
        if c.facts.get("summary") != summary:
            c.facts = conflict_facts(list(c.facts.get("involved", [])), summary)
        return
    values = {"returned_at": e.recorded_at, "returned_hlc": e.hlc,
              "returned_on": date.fromisoformat(e.payload.get("returned_on") or e.recorded_at.date().isoformat()),
              "returned_centre": e.payload.get("centre", e.office_code)}
    _write_loan(s, loan.id, held, _SET_RETURNED, values, closed=True)
    recompute_copy(s, loan.copy_id)
    check_erased(s, "loan", loan.id)  # (a conflict about it open while it was: dropped)
    check_loan(s, loan.id)


@projector("loan.renewed", "loan")
def _loan_renewed(s: Session, e: FoldEvent) -> None:
    loan, held = _loan_state(s, e.aggregate_id)
    if loan is None or loan.returned_at is not None:
        return
    values = {"renewals": loan.renewals + 1, "due_on": date.fromisoformat(e.payload["due_on"])}
    _write_loan(s, loan.id, held, _SET_RENEWED, values)


@projector("loan.voided", "loan")
def _loan_voided(s: Session, e: FoldEvent) -> None:
    """A loan a person found wrong (one copy lent at two centres, `copy.double_loan`, or a checkout
    made by mistake, reason "mistake"): closed without a return (`VOIDED_HLC`), so the copy's state
    comes from its other loans. A loan already returned stays as it was: the book is where its
    return was scanned. A checkout voided as a mistake at a desk that had not heard of that return
    is a conflict (`loan.voided_after_return`): the return stands, a person is told."""
    loan, held = _loan_state(s, e.aggregate_id)
    if loan is None:
        return
    if loan.returned_at is not None:
        if e.payload.get("reason") == "mistake" and loan.returned_hlc not in (None, VOIDED_HLC):
            returned = s.scalar(select(Event.id).where(Event.aggregate_id == loan.id, Event.type == "loan.returned",
                                                       Event.hlc == loan.returned_hlc).limit(1))
            raise_conflict(s, "loan.voided_after_return", "loan", loan.id, e.office_code,
                           [returned or loan.id, e.id], e.hlc, {"loan_id": loan.id})
        return
    values = {"returned_at": e.recorded_at, "returned_hlc": VOIDED_HLC,
              "returned_on": date.fromisoformat(e.payload.get("day") or e.recorded_at.date().isoformat()),
              "returned_centre": None}
    _write_loan(s, loan.id, held, _SET_RETURNED, values, closed=True)
    recompute_copy(s, loan.copy_id)
    check_erased(s, "loan", loan.id)  # (a conflict about it open while it was: dropped)
    check_loan(s, loan.id)


@projector("loan.return_undone", "loan")
def _loan_return_undone(s: Session, e: FoldEvent) -> None:
    """A return scanned by mistake taken back (`circulation_undo.undo_return`): the loan is open
    again with its due date, the copy with its member. Only the return it names is undone: a loan
    closed since by another step (voided, lost, returned again elsewhere) stays as it is."""
    loan, held = _loan_state(s, e.aggregate_id)
    if loan is None or loan.returned_at is None:
        return
    if loan.returned_hlc != e.payload.get("return_hlc"):
        return
    values = {"returned_at": None, "returned_hlc": None, "returned_on": None, "returned_centre": None}
    _write_loan(s, loan.id, held, _SET_RETURNED, values)
    recompute_copy(s, loan.copy_id)
    check_erased(s, "loan", loan.id)
    check_loan(s, loan.id)


@projector("loan.renewal_undone", "loan")
def _loan_renewal_undone(s: Session, e: FoldEvent) -> None:
    """A renewal made by mistake taken back (`circulation_undo.undo_renewal`): the due date it
    replaced is the loan's again, and the renewal no longer counts. A loan closed meanwhile stays."""
    loan, held = _loan_state(s, e.aggregate_id)
    if loan is None or loan.returned_at is not None or not loan.renewals:
        return
    values = {"renewals": loan.renewals - 1, "due_on": date.fromisoformat(e.payload["due_on"])}
    _write_loan(s, loan.id, held, _SET_RENEWED, values)


_SET_LOST = column_setter(_LOANS, "loan_id", ("returned_at", "returned_hlc", "returned_on", "returned_centre",
                                               "lost_hlc"))


@projector("loan.lost", "loan")
def _loan_lost(s: Session, e: FoldEvent) -> None:
    """The book was lost with the member: the loan is closed (off the overdue list, no more
    notices, no longer blocking the member) but never returned — the copy stays where it was and
    counts as lost from this stamp until it is received somewhere (found). A loan already closed
    (returned before the loss was recorded elsewhere) stays as it was."""
    loan, held = _loan_state(s, e.aggregate_id)
    if loan is None or loan.returned_at is not None:
        return
    values = {"returned_at": e.recorded_at, "returned_hlc": e.hlc,
              "returned_on": date.fromisoformat(e.payload.get("day") or e.recorded_at.date().isoformat()),
              "returned_centre": None, "lost_hlc": e.hlc}
    _write_loan(s, loan.id, held, _SET_LOST, values, closed=True)
    recompute_copy(s, loan.copy_id)
    check_erased(s, "loan", loan.id)  # (a conflict about it open while it was: dropped)
    check_loan(s, loan.id)


@projector("loan.member_moved", "loan")
def _loan_member_moved(s: Session, e: FoldEvent) -> None:
    """The loan now counts for another member (its member's record was merged into that one)."""
    loan, held = _loan_state(s, e.aggregate_id)
    if loan is None:
        return
    values = {"member_id": e.payload["member_id"]}
    _write_loan(s, loan.id, held, _SET_MEMBER, values)
    check_erased(s, "loan", loan.id)
    check_loan(s, loan.id)
    check_erased(s, "member", str(e.payload.get("from_member_id") or ""))


_SET_MEMBER = column_setter(_LOANS, "loan_id", ("member_id",))


def _member_once_closed(s: Session, loan_id: str) -> None:
    """A loan lent before its member's merge, folded as the member kept's while its close was not
    yet held, is the merged record's again once a close from before the merge arrives
    (`loan_member`): as a desk that held both when the merge came would have it."""
    member = loan_member_after_close(s, loan_id)
    if member is not None:
        _SET_MEMBER.run(s, loan_id=loan_id, v_member_id=member)
        refresh_held(s, Loan, loan_id, {"member_id": member})


def _write_loan(s: Session, loan_id: str, held: dict[str, Any] | None, setter: SqliteStatement, values: dict[str, Any],
                *, closed: bool = False) -> None:
    """`values` written to the loan: to its row held back by a re-fold (`held`), or by `setter` to
    its table row and any held copy of it; a loan `closed` by this step looks again at its member
    (`_member_once_closed`)."""
    if held is not None:
        held.update(values)
        return
    setter.run(s, loan_id=loan_id, **{"v_" + k: v for k, v in values.items()})
    refresh_held(s, Loan, loan_id, values)
    if closed:
        _member_once_closed(s, loan_id)


@resetter("loan")
def _loan_reset(s: Session, loan_id: str) -> None:
    copy_id = s.scalar(select(Loan.copy_id).where(Loan.id == loan_id))
    s.execute(delete(Loan).where(Loan.id == loan_id))
    if copy_id:
        recompute_copy(s, copy_id)
