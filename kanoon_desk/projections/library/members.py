"""Fold of member events: registration (with its twin conflicts), field changes, merges, renumbering,
and the removal of a member's personal details (`member.erased`)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from sqlalchemy import bindparam, delete, func, or_, select, update
from sqlalchemy.orm import Session

from ...eventlog import (
    FoldEvent,
    SqliteStatement,
    batch_projector,
    column_setter,
    insert_values,
    insert_values_many,
    projector,
    refresh_held,
    resetter,
    row_buffer,
)
from ...models import Event, table_of
from ...models.library import Loan, Member
from ...persian import search_key
from .closed_centre import check_member
from .common import _d, _raise_twins
from .erased import check_erased
from .notices import forget_member_notices

MEMBER_FIELDS = ("national_id", "first_name", "last_name", "category", "birth_date", "phone",
                 "guardian_name", "guardian_phone", "home_centre", "expires_on", "photo", "guardian_national_id")
#: The fields that say who a member is: a `member.erased` empties them, and no later change
#: (one made at a desk that had not heard of the removal) writes them again.
PERSONAL_FIELDS = ("national_id", "first_name", "last_name", "birth_date", "phone", "guardian_name",
                   "guardian_phone", "photo", "guardian_national_id")
#: The name an erased member's record reads under (with its membership number).
ERASED_NAME = "عضو حذف‌شده"


def _new_member(e: FoldEvent) -> dict[str, Any]:
    """The row a `member.registered` event makes."""
    p = e.payload
    row: dict[str, Any] = dict(id=e.aggregate_id, member_no=p["member_no"], national_id="", first_name="",
                               last_name="", category="child", phone="", guardian_name="", guardian_phone="",
                               guardian_national_id="",
                               home_centre=p.get("home_centre", e.office_code), expires_on=date(2100, 1, 1),
                               photo="", registered_at=e.recorded_at)
    for key in MEMBER_FIELDS:
        if key in p:
            value = p[key]
            row[key] = _d(value) if key in ("birth_date", "expires_on") else value
    row["name_key"] = search_key(f"{row['first_name']} {row['last_name']}")
    return row


def _member_twins(s: Session, events: list[FoldEvent]) -> None:
    _raise_twins(s, "member.number_twice", "member", _MEMBERS.c.member_no, "member_no",
                 [(e, e.payload["member_no"]) for e in events])
    _raise_twins(s, "member.registered_twice", "member", _MEMBERS.c.national_id, "national_id",
                 [(e, str(e.payload.get("national_id") or "")) for e in events])


@projector("member.registered", "member")
def _member_registered(s: Session, e: FoldEvent) -> None:
    insert_values(s, Member, _new_member(e))
    _member_twins(s, [e])
    check_member(s, e.aggregate_id)  # registered at a centre whose close was not yet known


@batch_projector("member.registered")
def _members_registered(s: Session, events: list[FoldEvent]) -> None:
    """A run of registrations (an imported member list) as one executemany."""
    insert_values_many(s, Member, [_new_member(e) for e in events])
    _member_twins(s, events)
    for e in events:
        check_member(s, e.aggregate_id)


_MEMBERS = table_of(Member)
_MEMBER_EXPIRES = SqliteStatement(select(_MEMBERS.c.expires_on).where(_MEMBERS.c.id == bindparam("member_id")),
                                  typed=True)
_MEMBER_NAME = SqliteStatement(select(_MEMBERS.c.first_name, _MEMBERS.c.last_name, _MEMBERS.c.erased_on)
                               .where(_MEMBERS.c.id == bindparam("member_id")))


@projector("member.field_set", "member")
def _member_field_set(s: Session, e: FoldEvent) -> None:
    """Field by field; fold order is (hlc, id), so the newest stamp wins per field. One read of the
    name (for its search key) and one UPDATE of the fields the event sets."""
    s.flush()
    name = _MEMBER_NAME.first(s, member_id=e.aggregate_id)
    if name is None:
        return
    values: dict[str, Any] = {}
    erased = name[2] is not None
    for key in MEMBER_FIELDS:
        if erased and (key in PERSONAL_FIELDS or key == "expires_on"):
            continue  # a change made where the removal was not yet known: the details stay removed
        if key in e.payload:
            value = e.payload[key]
            values[key] = _d(value) if key in ("birth_date", "expires_on") else value
    renewed_from = e.payload.get("renewed_from")
    if "expires_on" in values and isinstance(renewed_from, str):
        # a renewal made where another end was not yet known (a renewal at another centre, apart)
        # does not take that one back: the later end stands, whichever was stamped last
        now = _MEMBER_EXPIRES.first(s, member_id=e.aggregate_id)
        if now is not None and now[0] is not None and now[0] != _d(renewed_from) and now[0] > values["expires_on"]:
            del values["expires_on"]
    if not values:
        return
    first, last = values.get("first_name", name[0]), values.get("last_name", name[1])
    values["name_key"] = "" if erased else search_key(f"{first} {last}")
    column_setter(_MEMBERS, "member_id", tuple(sorted(values))).run(
        s, member_id=e.aggregate_id, **{"v_" + k: v for k, v in values.items()})
    refresh_held(s, Member, e.aggregate_id, values)
    if "home_centre" in values:
        check_member(s, e.aggregate_id)  # moved to (or away from) a closed centre


@projector("member.erased", "member")
def _member_erased(s: Session, e: FoldEvent) -> None:
    """The membership ended and the personal details removed, at the guardian's request: the record
    stays, read as «عضو حذف‌شده» with its number (its loans still count in the reports, under the
    category it had), found by its number only. The membership ends the day before the removal, so
    the card no longer lends; later corrections do not write the details back (`_member_field_set`)."""
    s.flush()
    now = _MEMBER_EXPIRES.first(s, member_id=e.aggregate_id)
    if now is None:
        return
    day = _d(str(e.payload["erased_on"]))
    assert day is not None
    values: dict[str, Any] = {key: "" for key in PERSONAL_FIELDS}
    values.update(first_name=ERASED_NAME, birth_date=None, name_key="", erased_on=day,
                  expires_on=min(now[0], day - timedelta(days=1)) if now[0] is not None else day - timedelta(days=1))
    category = e.payload.get("category")
    if isinstance(category, str) and category:
        values["category"] = category  # as counted on the day (the birth date that moved it is gone)
    _set_member(s, e.aggregate_id, values)
    forget_member_notices(s, e.aggregate_id)  # its SMS: not sent now, and no name nor number kept
    check_erased(s, "member", e.aggregate_id)  # a loan or hold made apart, still open: a conflict


@projector("member.merged", "member")
def _member_merged(s: Session, e: FoldEvent) -> None:
    """A person kept another record of the same child (`member.registered_twice`): this one
    points to it and is no longer found at the desk.

    Two desks can decide one such conflict opposite ways before either syncs (each member merged
    into the other): the merges would make a loop, and the child would be found nowhere. Of a
    loop, the newest merge by (hlc, id) is void: the member it would merge stays as it is, on
    every desk whatever order the merges arrive in (the two decisions are one more conflict for a
    person, `conflict.resolved_twice`)."""
    into = e.payload["into"]
    loop = _merge_loop(s, e.aggregate_id, into)
    if loop:
        newest, newest_stamp = max(((m, _merge_stamp(s, m, target)) for m, target in loop), key=lambda x: x[1])
        if (e.hlc, e.id) > newest_stamp:
            return  # this merge would close the loop, and is its newest: void
        _set_member(s, newest, {"merged_into": None})  # the loop's newest merge is void
        check_member(s, newest)
    _set_member(s, e.aggregate_id, {"merged_into": into})
    check_member(s, e.aggregate_id)  # (one at a closed centre merged into another: nothing to see to)
    _move_later_loans(s, e.aggregate_id)


_MERGED_INTO = SqliteStatement(select(_MEMBERS.c.merged_into).where(_MEMBERS.c.id == bindparam("member_id")),
                               typed=True)


def loan_member(s: Session, member_id: str, out_hlc: int, loan_id: str = "") -> str:
    """Whose a loan made at `out_hlc` to `member_id` is: a member merged into another while the
    loan was out lends to the member kept, as the merge moved the loans open then
    (`loan.member_moved`). By the merge's stamp: a loan made after it (a desk that had not heard
    lent to the record merged away, by its old card), or made before it and not closed before it
    (lent at a desk the merging desk had not heard from: the merge would have moved it);
    followed through a merge of the member kept. A loan closed before the merge stays the merged
    record's history. (Members are written by plain statements: no flush needed to read them,
    and a re-fold's checkouts are not flushed one by one.)"""
    at = member_id
    for _hop in range(_MERGE_HOPS):
        row = _MERGED_INTO.first(s, member_id=at)
        if row is None or not row[0]:
            return at
        stamp = _merge_stamp(s, at, row[0])[0]
        if stamp >= out_hlc and (not loan_id or _closed_before(s, loan_id, stamp)):
            return at
        at = row[0]
    return at


#: The events that close a loan (its return, its loss, its void as a mistake or a conflict).
LOAN_CLOSES = ("loan.returned", "loan.lost", "loan.voided")

_CLOSED_BEFORE = SqliteStatement(select(Event.id).where(
    Event.aggregate_id == bindparam("loan_id"), or_(*(Event.type == kind for kind in LOAN_CLOSES)),
    Event.hlc < bindparam("stamp")).limit(1), typed=True)


def _closed_before(s: Session, loan_id: str, stamp: int) -> bool:
    """Whether the loan was closed before `stamp`, by the events held (a close that arrives later
    moves the loan back, `loan_member_after_close`)."""
    return _CLOSED_BEFORE.first(s, loan_id=loan_id, stamp=stamp) is not None


_CHECKOUT = SqliteStatement(select(Event.payload, Event.hlc).where(
    Event.aggregate_id == bindparam("loan_id"), Event.type == "loan.checked_out").limit(1), typed=True)
_MOVED = SqliteStatement(select(Event.id).where(
    Event.aggregate_id == bindparam("loan_id"), Event.type == "loan.member_moved").limit(1), typed=True)


def loan_member_after_close(s: Session, loan_id: str) -> str | None:
    """Whose a loan is once its close is known (`loan_member`), or None where that cannot have
    changed: its member was never merged, a person's desk moved it (`loan.member_moved`: the
    merge found it open), or its checkout is not held."""
    row = _CHECKOUT.first(s, loan_id=loan_id)
    if row is None:
        return None
    payload = row[0] if isinstance(row[0], dict) else json.loads(row[0])
    member_id = str(payload["member_id"])
    merged = _MERGED_INTO.first(s, member_id=member_id)
    if merged is None or not merged[0] or _MOVED.first(s, loan_id=loan_id) is not None:
        return None  # (lent to a member never merged: theirs, as lent — nothing to write)
    return loan_member(s, member_id, int(row[1]), loan_id)


def _move_later_loans(s: Session, member_id: str) -> None:
    """The loans out to a member at or after their merge (made at a desk that had not heard, or
    the merging desk had not heard of) are the member kept's (`loan_member`), whichever arrived
    first."""
    held = row_buffer(s, Loan, _loan_finished)  # a full re-fold's loans not yet written
    if held is not None:
        for row in held.rows.values():
            if row["member_id"] == member_id:
                row["member_id"] = loan_member(s, member_id, int(row["out_hlc"]), row["id"])
    s.flush()
    for loan_id, out_hlc in s.execute(select(Loan.id, Loan.out_hlc).where(Loan.member_id == member_id)
                                      .order_by(Loan.id)).all():
        kept = loan_member(s, member_id, int(out_hlc), loan_id)
        if kept != member_id:
            s.execute(update(Loan).where(Loan.id == loan_id).values(member_id=kept)
                      .execution_options(synchronize_session=False))
            refresh_held(s, Loan, loan_id, {"member_id": kept})


def _loan_finished(row: dict[str, Any]) -> bool:
    return row["returned_at"] is not None


#: Longer chains of merges are not followed for a loop (a merge is refused on a merged member,
#: so only decisions made on desks apart make chains at all).
_MERGE_HOPS = 16


def _merge_loop(s: Session, member_id: str, into: str) -> list[tuple[str, str]]:
    """The merges (member, into) from `into` on that lead back to `member_id`, or [] if none do."""
    s.flush()
    loop: list[tuple[str, str]] = []
    at = into
    for _hop in range(_MERGE_HOPS):
        target = s.scalar(select(Member.merged_into).where(Member.id == at))
        if not target:
            return []
        loop.append((at, target))
        if target == member_id:
            return loop
        at = target
    return []


def _merge_stamp(s: Session, member_id: str, into: str) -> tuple[int, str]:
    """(hlc, id) of the first merge of `member_id` into `into` (when that merge began)."""
    row = s.execute(select(Event.hlc, Event.id).where(
        Event.aggregate_id == member_id, Event.type == "member.merged",
        func.json_extract(Event.payload, "$.into") == into).order_by(Event.hlc, Event.id).limit(1)).first()
    return (int(row[0]), str(row[1])) if row is not None else (0, "")


@projector("member.renumbered", "member")
def _member_renumbered(s: Session, e: FoldEvent) -> None:
    """A new member number for one of two members that shared one (`member.number_twice`)."""
    _set_member(s, e.aggregate_id, {"member_no": e.payload["member_no"]})


def _set_member(s: Session, member_id: str, values: dict[str, Any]) -> None:
    s.flush()
    column_setter(_MEMBERS, "member_id", tuple(sorted(values))).run(
        s, member_id=member_id, **{"v_" + k: v for k, v in values.items()})
    refresh_held(s, Member, member_id, values)


@resetter("member")
def _member_reset(s: Session, member_id: str) -> None:
    s.execute(delete(Member).where(Member.id == member_id))
