"""A loan or a hold still open for a member whose details were removed (`member.erased`).

One desk ends a membership at the guardian's request (refused there while a book is out or a hold
is open), while another desk, not knowing, lends the child a book or places a hold for them. When
the two meet, the book is out with a child whose details are gone, or a hold waits for a member who
is no one the desk can tell: neither is dropped silently. Each open loan or hold of an erased member
is a conflict (`LOAN_AFTER_ERASURE`, `HOLD_AFTER_ERASURE`) for a person to decide; the erasure
stands.

A function of state, kept up to date like a copy's: after any event that may change it (the
erasure, a loan's or a hold's events) the member is looked at again — at once, or once at the end of
a pulled page or a re-fold (`eventlog.deferring`) — so every arrival order raises the same
conflicts, as at the later of the two facts, and a conflict still open is dropped when a late fact
shows it no longer holds (the book came back, the hold ended).
"""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import String, bindparam, delete, func, select
from sqlalchemy.orm import Session

from ...eventlog import SqliteStatement, defer_each, json_list, raise_conflict
from ...models import Conflict, Event
from ...models.library import Hold, Loan, Member

LOAN_AFTER_ERASURE = "loan.after_erasure"
HOLD_AFTER_ERASURE = "hold.after_erasure"
KINDS = (LOAN_AFTER_ERASURE, HOLD_AFTER_ERASURE)
#: A hold not yet ended (as `services.circulation_views.OPEN_HOLD`).
_OPEN_HOLD = ("waiting", "in_transit", "ready")


def check_erased(s: Session, kind: str, item_id: str) -> None:
    """Look again at the member of a `kind` ("member", "loan", "hold") row: now, or once when the
    fold of many events ends."""
    if not item_id:
        return
    if not defer_each(s, "erased_member", (kind, item_id), functools.partial(_check, s)):
        _check(s, [(kind, item_id)])


def _check(s: Session, items: list[tuple[str, str]]) -> None:
    s.flush()
    ids: dict[str, set[str]] = {"member": set(), "loan": set(), "hold": set()}
    for kind, item_id in items:
        ids[kind].add(item_id)
    members: set[str] = set()
    if len(items) <= _FEW:  # a checkout, a return: its member, by the primary keys (prebuilt
        # reads: through the ORM the two SELECTs cost a checkout about 1 ms, nearly its own time)
        for statement, kind in ((_ERASED_MEMBERS, "member"), (_ERASED_OF_LOANS, "loan"), (_ERASED_OF_HOLDS, "hold")):
            if ids[kind]:
                members.update(row[0] for row in statement.rows(s, ids=json_list(sorted(ids[kind]))))
    else:  # a pulled page, a re-fold: the few erased members, and which of them the events touched
        erased = set(s.scalars(select(Member.id).where(Member.erased_on.is_not(None))))
        members.update(erased & ids["member"])
        ordered = sorted(erased)
        for model, key in ((Loan, "loan"), (Hold, "hold")):
            for i in range(0, len(ordered), 400):
                members.update(member_id for row_id, member_id in s.execute(
                    select(model.id, model.member_id).where(model.member_id.in_(ordered[i:i + 400])))
                    if row_id in ids[key])
    for member_id in sorted(members):
        _sync_member(s, member_id)


#: Up to this many rows looked at, each by its primary key; more, from the erased members' side.
_FEW = 50
_IDS = select(func.json_each(bindparam("ids", type_=String)).table_valued("value").c.value)
#: of the members (ids), those erased; of the loans', of the holds' members, those erased
_ERASED_MEMBERS = SqliteStatement(select(Member.id).where(Member.id.in_(_IDS), Member.erased_on.is_not(None)))
_ERASED_OF_LOANS = SqliteStatement(select(Loan.member_id).join(Member, Member.id == Loan.member_id).where(
    Loan.id.in_(_IDS), Member.erased_on.is_not(None)))
_ERASED_OF_HOLDS = SqliteStatement(select(Hold.member_id).join(Member, Member.id == Hold.member_id).where(
    Hold.id.in_(_IDS), Member.erased_on.is_not(None)))


def _sync_member(s: Session, member_id: str) -> None:
    """One conflict per open loan and per open hold of an erased member, and the open ones that no
    longer hold dropped."""
    erasure = s.execute(select(Event.id, Event.hlc, Event.office_code).where(
        Event.aggregate_id == member_id, Event.type == "member.erased").order_by(Event.hlc, Event.id).limit(1)).first()
    keep: set[str] = set()
    if erasure is not None:
        made: list[tuple[str, str, int, str, dict[str, Any]]] = []
        for loan_id, hlc, centre, copy_id, title_id in s.execute(
                select(Loan.id, Loan.out_hlc, Loan.centre, Loan.copy_id, Loan.title_id)
                .where(Loan.member_id == member_id, Loan.returned_at.is_(None)).order_by(Loan.out_hlc, Loan.id)):
            made.append((LOAN_AFTER_ERASURE, loan_id, hlc, centre, {
                "member_id": member_id, "loan_id": loan_id, "copy_id": copy_id, "title_id": title_id,
                "centre": centre}))
        for hold_id, hlc, centre, title_id in s.execute(
                select(Hold.id, Hold.placed_hlc, Hold.pickup_centre, Hold.title_id)
                .where(Hold.member_id == member_id, Hold.status.in_(_OPEN_HOLD)).order_by(Hold.placed_hlc, Hold.id)):
            made.append((HOLD_AFTER_ERASURE, hold_id, hlc, centre, {
                "member_id": member_id, "hold_id": hold_id, "title_id": title_id, "pickup_centre": centre}))
        for kind, row_id, hlc, centre, summary in made:
            later = max((int(erasure.hlc), str(erasure.office_code)), (int(hlc), str(centre)))
            c = raise_conflict(s, kind, "member", member_id, later[1], [erasure.id, row_id], later[0], summary)
            keep.add(c.id)
    for cid in s.scalars(select(Conflict.id).where(Conflict.aggregate_id == member_id, Conflict.kind.in_(KINDS),
                                                   Conflict.status == "open")):
        if cid not in keep:
            s.execute(delete(Conflict).where(Conflict.id == cid))
