"""A copy's derived state (status, location, current loan) and the conflicts that follow from it.

A copy's status, location and current loan are recomputed from the rows of loans and holds that
mention it plus the copy's own facts, so any arrival order of events gives the same result. The
conflicts that follow from that state (`copy.double_loan`, `copy.retired_on_loan`) are kept up to
date by the same recompute.
"""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import String, bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from ...eventlog import SqliteStatement, defer_each, json_list, raise_conflict, refresh_held
from ...models import Conflict, Event, table_of
from ...models.library import Copy, Hold, Loan

_EVENTS = table_of(Event)


_OPEN_END = 1 << 62
#: The `returned_hlc` of a loan a person voided (`loan.voided`): closed, but never a return (it
#: moves no copy and overlaps no other loan). A real return's stamp is always positive.
VOIDED_HLC = -1


def _sync_double_loans(s: Session, copy_id: str, loans: list[Any], open_now: list[str]) -> None:
    """Raise a conflict for every two loans of the copy whose spans (by HLC) overlap, and drop open
    ones that no longer hold (a late return showed the spans apart): a function of state only.
    `loans` are the copy's loans ordered by (out_hlc, id); `open_now`, its open double-loan
    conflicts."""
    keep: set[str] = set()
    loans = [x for x in loans if x.returned_hlc != VOIDED_HLC]  # a voided loan never held the copy
    for i, a in enumerate(loans):
        a_end = a.returned_hlc if a.returned_hlc is not None else _OPEN_END
        for b in loans[i + 1:]:
            if b.out_hlc >= a_end:
                break  # ordered by checkout: every later loan starts after this one ended
            c = raise_conflict(s, "copy.double_loan", "copy", copy_id, b.centre, [a.id, b.id], b.out_hlc,
                               {"copy_id": copy_id, "loans": sorted([a.id, b.id]),
                                "centres": sorted({a.centre, b.centre})})
            keep.add(c.id)  # (one already open stays open)
    for cid in open_now:
        if cid not in keep:
            s.execute(delete(Conflict).where(Conflict.id == cid))


_COPIES = table_of(Copy)
_SET_COPY_STATE = SqliteStatement(update(_COPIES).where(_COPIES.c.id == bindparam("copy_id"))
                                  .values(status=bindparam("new_status"), location=bindparam("new_location"),
                                          current_loan_id=bindparam("new_loan")))


def recompute_copy(s: Session, copy_id: str) -> None:
    """Status, location and current loan of a copy, from its loans, holds and own facts: now, or
    once at the end of the fold when many events are folded together (`eventlog.deferring`), for
    all the copies they touched at once (`_recompute_copies`)."""
    if not defer_each(s, "copy", copy_id, functools.partial(_recompute_copies, s)):
        _recompute_copies(s, [copy_id])  # a checkout, a return: the set of one


def _copy_state(copy: Any, loans: list[Any], ready_hold: bool,
                transit_hold: bool = False, ended_sent_hlc: int = 0) -> tuple[str, str, str | None]:
    """(status, location, current loan) of a copy from its facts, its loans ordered by (out_hlc,
    id), whether a ready hold sets it aside, and whether it was sent to another centre for a hold
    (it stays where it was sent from until it is received). `ended_sent_hlc`: when it was last sent
    for a hold that ended (cancelled) on its way — later than its last arrival, checkout or return,
    it is on its way still (the scan where it arrives says where it goes next)."""
    open_loans = [x for x in loans if x.returned_hlc is None]
    last_out = loans[-1].out_hlc if loans else 0
    # a loan closed as lost with its member (`loan.lost`) is no return: the copy did not come back
    returns = [(x.returned_hlc, x.returned_centre) for x in loans
               if x.returned_hlc is not None and x.lost_hlc is None]
    lost_hlc = max([x.lost_hlc for x in loans if x.lost_hlc is not None]
                   + ([copy.lost_hlc] if copy.lost_hlc is not None else []), default=None)
    location, loc_hlc = copy.home_centre, 0
    if copy.received_hlc is not None and copy.received_hlc > loc_hlc:
        location, loc_hlc = copy.received_centre or copy.home_centre, copy.received_hlc
    if returns:
        last_return_hlc, last_return_centre = max(returns, key=lambda r: r[0])
        if last_return_hlc > loc_hlc:
            location, loc_hlc = last_return_centre or copy.home_centre, last_return_hlc
    current_loan = open_loans[-1].id if open_loans else None
    if copy.withdrawn:
        status = "withdrawn"
    elif lost_hlc is not None and lost_hlc > max(loc_hlc, last_out):
        status = "lost"
    elif open_loans:
        status = "on_loan"
    elif ready_hold:
        status = "held"
    elif transit_hold or location != copy.home_centre or ended_sent_hlc > max(loc_hlc, last_out):
        status = "in_transit"
    else:
        status = "on_shelf"
    return status, location, current_loan


_COPY_IDS = func.json_each(bindparam("ids", type_=String)).table_valued("value")
_IN_COPY_IDS = select(_COPY_IDS.c.value)
_LOANS_OF_COPIES = SqliteStatement(
    select(Loan.copy_id, Loan.id, Loan.out_hlc, Loan.returned_hlc, Loan.returned_centre, Loan.centre,
           Loan.lost_hlc)
    .where(Loan.copy_id.in_(_IN_COPY_IDS)).order_by(Loan.copy_id, Loan.out_hlc, Loan.id), typed=True)
_FACTS_OF_COPIES = SqliteStatement(select(
    _COPIES.c.id, _COPIES.c.home_centre, _COPIES.c.received_hlc, _COPIES.c.received_centre, _COPIES.c.withdrawn,
    _COPIES.c.lost_hlc, _COPIES.c.status, _COPIES.c.location, _COPIES.c.current_loan_id,
).where(_COPIES.c.id.in_(_IN_COPY_IDS)), typed=True)
#: the holds that claim a copy: set aside for one (ready), or sent to its pick-up centre (in
#: transit); and those cancelled after it was sent for them (when it was sent)
_HOLDS_OF_COPIES = SqliteStatement(select(Hold.copy_id, Hold.status, Hold.sent_hlc).where(
    Hold.copy_id.in_(_IN_COPY_IDS), (Hold.status == "ready") | (Hold.status == "in_transit")
    | ((Hold.status == "cancelled") & Hold.sent_hlc.is_not(None))), typed=True)
#: the conflicts a copy's recompute keeps up to date: raised while they hold, dropped when a late
#: fact shows they do not (only open ones: a person's decision stays)
_STATE_CONFLICTS = ("copy.double_loan", "copy.retired_on_loan")
_OPEN_STATE_CONFLICTS_OF_COPIES = SqliteStatement(select(Conflict.aggregate_id, Conflict.id, Conflict.kind).where(
    Conflict.aggregate_id.in_(_IN_COPY_IDS), (Conflict.kind == _STATE_CONFLICTS[0]) | (Conflict.kind == _STATE_CONFLICTS[1]),
    Conflict.status == "open"))
#: the events that retire a copy, newest first (which one counts: see `_sync_retired_on_loan`)
_RETIRING_EVENTS = SqliteStatement(
    select(_EVENTS.c.id, _EVENTS.c.hlc, _EVENTS.c.office_code, _EVENTS.c.type, _EVENTS.c.aggregate_id).where(
        _EVENTS.c.aggregate_id.in_(select(func.json_each(bindparam("ids", type_=String)).table_valued("value")
                                          .c.value)),
        (_EVENTS.c.type == "copy.withdrawn") | (_EVENTS.c.type == "copy.marked_lost") | (_EVENTS.c.type == "loan.lost"))
    .order_by(_EVENTS.c.hlc.desc(), _EVENTS.c.id.desc()), typed=True)


def _sync_retired_on_loan(s: Session, copy_id: str, copy: Any, loans: list[Any], status: str,
                          open_now: list[str]) -> None:
    """A copy withdrawn or lost at one centre while another lent it offline is withdrawn (or lost)
    with a loan open: one `copy.retired_on_loan` conflict per such loan, the same on every desk
    whatever the arrival order — a function of the copy's state, raised at the later of the two
    facts (the withdrawal or loss in force, the checkout) — and dropped while still open when a
    late fact (the return, a reinstatement) shows it no longer holds."""
    keep: set[str] = set()
    open_loans = [x for x in loans if x.returned_hlc is None]
    if status in ("withdrawn", "lost") and open_loans:
        wanted = ("copy.withdrawn",) if status == "withdrawn" else ("copy.marked_lost", "loan.lost")
        lost_at = copy.lost_hlc if status == "lost" else None
        loan_lost = {x.id: x.lost_hlc for x in loans if x.lost_hlc is not None}
        ids = json_list([copy_id, *loan_lost])
        retire = None
        for ev in _RETIRING_EVENTS.rows(s, ids=ids):  # newest first: the one in force
            if ev.type not in wanted:
                continue
            if status == "lost" and ev.hlc != max([h for h in (lost_at, *loan_lost.values()) if h is not None]):
                continue
            retire = ev
            break
        if retire is not None:
            for loan in open_loans:
                later = max((retire.hlc, retire.office_code), (loan.out_hlc, loan.centre))
                c = raise_conflict(s, "copy.retired_on_loan", "copy", copy_id, later[1], [retire.id, loan.id],
                                   later[0], {"copy_id": copy_id, "loan_id": loan.id, "retired": status,
                                              "centres": sorted({retire.office_code, loan.centre})})
                keep.add(c.id)
    for cid in open_now:
        if cid not in keep:
            s.execute(delete(Conflict).where(Conflict.id == cid))


def _recompute_copies(s: Session, copy_ids: list[str]) -> None:
    """Status, location and current loan of copies, from their loans, holds and own facts: one
    copy after a checkout or a return, every copy a pulled page or a re-fold touched at its end.

    Each kind of fact is read for all of them in one plain statement on the session's connection
    (after one flush, the rows are current), and the states that changed are written in one
    executemany; a Copy object the session holds is brought up to date without becoming dirty.
    Copies are taken in the order given."""
    s.flush()
    ids = json_list(copy_ids)
    loans: dict[str, list[Any]] = {}
    for loan in _LOANS_OF_COPIES.rows(s, ids=ids):
        loans.setdefault(loan.copy_id, []).append(loan)
    facts = {row.id: row for row in _FACTS_OF_COPIES.rows(s, ids=ids)}
    claimed = _HOLDS_OF_COPIES.rows(s, ids=ids)
    ready = {copy_id for copy_id, status, _sent in claimed if status == "ready"}
    transit = {copy_id for copy_id, status, _sent in claimed if status == "in_transit"}
    ended_sent: dict[str, int] = {}
    for copy_id, status, sent in claimed:
        if status == "cancelled":
            ended_sent[copy_id] = max(ended_sent.get(copy_id, 0), sent)
    open_now: dict[tuple[str, str], list[str]] = {}
    for copy_id, conflict_id, kind in _OPEN_STATE_CONFLICTS_OF_COPIES.rows(s, ids=ids):
        open_now.setdefault((copy_id, kind), []).append(conflict_id)
    changed: list[dict[str, Any]] = []
    for copy_id in copy_ids:
        of_copy = loans.get(copy_id, [])
        _sync_double_loans(s, copy_id, of_copy, open_now.get((copy_id, "copy.double_loan"), []))
        copy = facts.get(copy_id)
        if copy is None:
            continue
        state = _copy_state(copy, of_copy, copy_id in ready, copy_id in transit, ended_sent.get(copy_id, 0))
        retired_now = open_now.get((copy_id, "copy.retired_on_loan"), [])
        if retired_now or (state[0] in ("withdrawn", "lost") and state[2] is not None):
            _sync_retired_on_loan(s, copy_id, copy, of_copy, state[0], retired_now)
        if state != (copy.status, copy.location, copy.current_loan_id):
            changed.append({"copy_id": copy_id, "new_status": state[0], "new_location": state[1],
                            "new_loan": state[2]})
    _SET_COPY_STATE.many(s, changed)
    for row in changed:
        refresh_held(s, Copy, row["copy_id"], {"status": row["new_status"], "location": row["new_location"],
                                               "current_loan_id": row["new_loan"]})
