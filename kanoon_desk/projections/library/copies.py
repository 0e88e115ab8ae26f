"""Fold of copy events: new copies (with barcode twins), shelf facts, withdrawal, loss, transit, relabelling."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, delete, func, select
from sqlalchemy.orm import Session

from ...eventlog import (
    FoldEvent,
    batch_projector,
    column_setter,
    insert_values,
    insert_values_many,
    projector,
    raise_conflict,
    raise_twin_conflict,
    refresh_held,
    resetter,
)
from ...models import Conflict, Event, table_of
from ...models.library import Copy, Loan
from ...sqlite_statement import SqliteStatement
from .common import TWIN_CHUNK, _raise_twins
from .copy_state import recompute_copy

_COPIES = table_of(Copy)
_EVENTS = table_of(Event)


def _new_copy(e: FoldEvent) -> dict[str, Any]:
    """The row a `copy.added` event makes (its status is then recomputed: its loans may be in)."""
    p = e.payload
    return dict(id=e.aggregate_id, barcode=p["barcode"], title_id=p["title_id"], home_centre=p["home_centre"],
                shelf=p.get("shelf", ""), loanable=bool(p.get("loanable", True)), added_at=e.recorded_at,
                withdrawn=False, status="on_shelf", location=p["home_centre"])


def _added_only(s: Session, copy_id: str) -> bool:
    """Whether a copy holds its barcode from when it was added (not relabelled to it since)."""
    barcode = s.execute(select(_COPIES.c.barcode).where(_COPIES.c.id == copy_id)).scalar()
    last = _LAST_BARCODE_EVENT.first(s, copy_id=copy_id, value=barcode)
    return last is None or last.type == "copy.added"


@projector("copy.added", "copy")
def _copy_added(s: Session, e: FoldEvent) -> None:
    insert_values(s, Copy, _new_copy(e))
    _raise_twins(s, "copy.barcode_twice", "copy", _COPIES.c.barcode, "barcode", [(e, e.payload["barcode"])],
                 made_by=_added_only)
    _raise_barcode_twins(s, e, e.payload["barcode"])
    recompute_copy(s, e.aggregate_id)


@batch_projector("copy.added")
def _copies_added(s: Session, events: list[FoldEvent]) -> None:
    """A run of new copies (an imported shelf list) as one executemany, then each one's status."""
    insert_values_many(s, Copy, [_new_copy(e) for e in events])
    _raise_twins(s, "copy.barcode_twice", "copy", _COPIES.c.barcode, "barcode",
                 [(e, e.payload["barcode"]) for e in events], made_by=_added_only)
    values = sorted({e.payload["barcode"] for e in events if e.payload["barcode"]})
    shared: set[str] = set()
    for i in range(0, len(values), TWIN_CHUNK):  # (one statement per chunk, not one per copy)
        shared.update(s.execute(select(_COPIES.c.barcode).where(_COPIES.c.barcode.in_(values[i:i + TWIN_CHUNK]))
                                .group_by(_COPIES.c.barcode).having(func.count() > 1)).scalars())
    for e in events:
        if e.payload["barcode"] in shared:
            _raise_barcode_twins(s, e, e.payload["barcode"])
    for e in events:
        recompute_copy(s, e.aggregate_id)


@projector("copy.field_set", "copy")
def _copy_field_set(s: Session, e: FoldEvent) -> None:
    copy = s.get(Copy, e.aggregate_id)
    if copy is None:
        return
    for key in ("shelf", "loanable", "home_centre", "title_id"):
        if key in e.payload:
            setattr(copy, key, e.payload[key])
    recompute_copy(s, copy.id)


_LAST_OF_COPY = SqliteStatement(
    select(_EVENTS.c.id, _EVENTS.c.office_code, func.json_extract(_EVENTS.c.payload, "$.moved").label("moved"),
           func.json_extract(_EVENTS.c.payload, "$.centre").label("centre")).where(
        _EVENTS.c.aggregate_id == bindparam("copy_id"), _EVENTS.c.type == bindparam("kind"),
        _EVENTS.c.hlc <= bindparam("hlc"))
    .order_by(_EVENTS.c.hlc.desc(), _EVENTS.c.id.desc()).limit(1), typed=True)


def _retired_while_received(s: Session, copy: Any, withdrawal: tuple[str, str], receipt: tuple[str, str],
                            hlc: int) -> None:
    """A copy withdrawn at one centre while another, apart, received it from its way (neither desk
    knew of the other's fact): the book is where it arrived, in circulation (set aside for a hold
    there, as that desk did); the withdrawal is not in force until a person says so
    (`copy.retired_while_received`, raised at the later of the two; the same on every desk in any
    arrival order: the copy's events fold in stamp order)."""
    later_office = receipt[1] if hlc == (copy.received_hlc or 0) else withdrawal[1]
    raise_conflict(s, "copy.retired_while_received", "copy", copy.id, later_office, [withdrawal[0], receipt[0]], hlc,
                   {"copy_id": copy.id, "centres": sorted({withdrawal[1], receipt[1]})})


#: A copy lost or withdrawn at one centre while another desk, apart, gave it to another centre for
#: good (packed where it stood: `copy.received`, `moved`, `library_common.pack_to_move`).
RETIRED_WHILE_MOVED = "copy.retired_while_moved"


def _retired_while_moved(s: Session, copy: Any, retire: FoldEvent | Any, retired: str, receipt: Any,
                         hlc: int) -> None:
    """A copy written off (lost, withdrawn) at one centre while another desk, not knowing, gave it
    to another centre for good: packing it is no arrival, so the loss or withdrawal stands (the copy
    is on its way to nobody), and the librarian is told (`RETIRED_WHILE_MOVED`, raised at the later
    of the two, the same on every desk in any arrival order: the copy's events fold in stamp
    order); taking it back (`copy.reinstated`) puts the copy on its way to its new centre."""
    later_office = receipt.office_code if hlc == receipt.hlc else retire.office_code
    raise_conflict(s, RETIRED_WHILE_MOVED, "copy", copy.id, later_office, [retire.id, receipt.id], hlc,
                   {"copy_id": copy.id, "retired": retired, "centre": str(receipt.centre or ""),
                    "centres": sorted({retire.office_code, receipt.office_code})})


def _last_receipt(s: Session, copy: Any) -> Any:
    """The copy's receipt in force (`received_hlc`): its event id, office, whether it was a packing
    for a move (`moved`) and where."""
    s.flush()
    rows = _LAST_OF_COPY.rows(s, copy_id=copy.id, kind="copy.received", hlc=copy.received_hlc)
    if not rows:
        return None
    row = rows[0]
    return _Receipt(row.id, row.office_code, int(copy.received_hlc or 0), bool(row.moved), row.centre)


@dataclass(frozen=True)
class _Receipt:
    id: str
    office_code: str
    hlc: int
    moved: bool
    centre: str | None


@projector("copy.withdrawn", "copy")
def _copy_withdrawn(s: Session, e: FoldEvent) -> None:
    """Out of circulation — unless the copy had arrived somewhere the withdrawing desk had not
    heard of (`seen_received`: the arrival it knew; older desks do not say): see
    `_retired_while_received`."""
    copy = s.get(Copy, e.aggregate_id)
    if copy is not None:
        seen = e.payload.get("seen_received")
        if isinstance(seen, int) and (copy.received_hlc or 0) > seen:
            receipt = _last_receipt(s, copy)
            if receipt is not None and receipt.moved:  # only packed to move: the withdrawal stands
                _retired_while_moved(s, copy, e, "withdrawn", receipt, e.hlc)
            elif receipt is not None:
                _retired_while_received(s, copy, (e.id, e.office_code), (receipt.id, receipt.office_code), e.hlc)
                return
        copy.withdrawn = True
        recompute_copy(s, copy.id)


@projector("copy.marked_lost", "copy")
def _copy_lost(s: Session, e: FoldEvent) -> None:
    """The copy is lost — unless it had arrived somewhere the desk that said so had not heard of
    (`seen_received`: the arrival it knew; older desks do not say): one centre wrote off the copy
    on its way while the other received it, apart. The copy is where it arrived, as when the
    arrival came after the loss: whichever was stamped first, the same on every desk."""
    copy = s.get(Copy, e.aggregate_id)
    if copy is not None:
        seen = e.payload.get("seen_received")
        if isinstance(seen, int) and (copy.received_hlc or 0) > seen:
            receipt = _last_receipt(s, copy)
            if receipt is None or not receipt.moved:
                return
            _retired_while_moved(s, copy, e, "lost", receipt, e.hlc)  # only packed to move: the loss stands
        copy.lost_hlc = e.hlc
        recompute_copy(s, copy.id)


@projector("copy.reinstated", "copy")
def _copy_reinstated(s: Session, e: FoldEvent) -> None:
    """A withdrawal or a loss recorded on the copy itself is taken back (found on a shelf at a
    stock-take, or a person's decision on `copy.retired_on_loan`): later ones count again."""
    copy = s.get(Copy, e.aggregate_id)
    if copy is not None:
        copy.withdrawn = False
        copy.lost_hlc = None
        recompute_copy(s, copy.id)
        _back_from_write_off(s, copy, e)


@projector("copy.sent", "copy")
def _copy_sent(s: Session, e: FoldEvent) -> None:
    copy = s.get(Copy, e.aggregate_id)
    if copy is not None:
        copy.sent_hlc = e.hlc
        recompute_copy(s, copy.id)


@projector("copy.received", "copy")
def _copy_received(s: Session, e: FoldEvent) -> None:
    copy = s.get(Copy, e.aggregate_id)
    if (copy is not None and e.payload.get("moved") is True and not e.payload.get("knew_withdrawn")
            and "conflict_id" not in e.payload):  # (a person's decision on it knew the write-off)
        retired = _written_off(s, copy, e.hlc)
        if retired is not None:  # packed to move by a desk that had not heard of it: no arrival
            receipt = _Receipt(e.id, e.office_code, e.hlc, True, e.payload.get("centre", e.office_code))
            _retired_while_moved(s, copy, retired[0], retired[1], receipt, e.hlc)
            return
    if copy is not None:
        copy.received_hlc = e.hlc
        copy.received_centre = e.payload.get("centre", e.office_code)
        if copy.withdrawn and e.payload.get("knew_withdrawn") is False:  # (older desks do not say)
            # received where the withdrawal in force was not known: the book is here, in circulation
            s.flush()
            withdrawal = _LAST_OF_COPY.rows(s, copy_id=copy.id, kind="copy.withdrawn", hlc=e.hlc)
            if withdrawal:
                copy.withdrawn = False
                _retired_while_received(s, copy, (withdrawal[0].id, withdrawal[0].office_code),
                                        (e.id, e.office_code), e.hlc)
        recompute_copy(s, copy.id)
        if e.payload.get("moved") is not True:
            _back_from_write_off(s, copy, e)


_OPEN_RETIRED_WHILE_MOVED = SqliteStatement(select(Conflict.id).where(
    Conflict.aggregate_id == bindparam("copy_id"), Conflict.kind == RETIRED_WHILE_MOVED, Conflict.status == "open"))


def _back_from_write_off(s: Session, copy: Any, e: FoldEvent) -> None:
    """A copy back in circulation (a withdrawn one reinstated, a lost one received: found on a shelf
    at a stock-take, or any desk's fact) while `RETIRED_WHILE_MOVED` asks whether its write-off
    should stand: the write-off is over, the question with it, and the open conflict is dropped
    (the copy's events fold in stamp order: the same on every desk in any arrival order). A
    person's decision on it (the events that carry its `conflict_id`) is left to close it."""
    if "conflict_id" in e.payload or _written_off(s, copy, e.hlc) is not None:
        return
    for (conflict_id,) in _OPEN_RETIRED_WHILE_MOVED.rows(s, copy_id=copy.id):
        s.execute(delete(Conflict).where(Conflict.id == conflict_id))


def _written_off(s: Session, copy: Any, hlc: int) -> tuple[Any, str] | None:
    """The withdrawal or loss of a copy in force, (its event, "withdrawn" or "lost"), or None: a
    loss counts while nothing later (an arrival, a return, a loan) showed the copy again."""
    s.flush()
    if copy.withdrawn:
        rows = _LAST_OF_COPY.rows(s, copy_id=copy.id, kind="copy.withdrawn", hlc=hlc)
        return (rows[0], "withdrawn") if rows else None
    if copy.lost_hlc is None or copy.lost_hlc <= (copy.received_hlc or 0):
        return None
    seen = s.execute(select(func.max(func.max(Loan.out_hlc, func.coalesce(Loan.returned_hlc, 0))))
                     .where(Loan.copy_id == copy.id)).scalar()
    if seen is not None and seen > copy.lost_hlc:
        return None
    rows = _LAST_OF_COPY.rows(s, copy_id=copy.id, kind="copy.marked_lost", hlc=copy.lost_hlc)
    return (rows[0], "lost") if rows else None



@projector("copy.relabelled", "copy")
def _copy_relabelled(s: Session, e: FoldEvent) -> None:
    """A new barcode for a copy: a label stuck or typed wrong corrected (`library.relabel_copy`),
    or one of two copies that shared one (`copy.barcode_twice`). Another copy that holds the new
    barcode (given at another desk apart, or relabelled there to it) is a `copy.barcode_twice`
    too: see `_raise_barcode_twins`."""
    s.flush()
    values = {"barcode": e.payload["barcode"]}
    was = s.execute(select(_COPIES.c.barcode).where(_COPIES.c.id == e.aggregate_id)).scalar()
    column_setter(_COPIES, "copy_id", ("barcode",)).run(s, copy_id=e.aggregate_id, v_barcode=values["barcode"])
    refresh_held(s, Copy, e.aggregate_id, values)
    if was and was != values["barcode"]:
        _drop_barcode_twins(s, e.aggregate_id, was)
    _raise_barcode_twins(s, e, values["barcode"])


_OPEN_BARCODE_TWICE = SqliteStatement(select(Conflict.id, Conflict.facts).where(
    Conflict.kind == "copy.barcode_twice", Conflict.status == "open"))


def _drop_barcode_twins(s: Session, copy_id: str, barcode: str) -> None:
    """A copy relabelled away from `barcode`: an open `copy.barcode_twice` about it and that
    barcode holds no longer (the two copies do not share it now), and is dropped — as a desk that
    folded the relabelling before the other copy took the barcode never raised it; a person's
    decision stays. (Without this the desk that met the two in the other order kept a conflict the
    other desk did not have.)"""
    mine = {copy_id, *s.execute(select(_EVENTS.c.id).where(
        _EVENTS.c.aggregate_id == copy_id,
        (_EVENTS.c.type == "copy.added") | (_EVENTS.c.type == "copy.relabelled"))).scalars()}
    for conflict_id, facts in _OPEN_BARCODE_TWICE.rows(s):
        if isinstance(facts, str):
            facts = json.loads(facts)
        if (facts.get("summary") or {}).get("barcode") == barcode and mine & set(facts.get("involved") or []):
            s.execute(delete(Conflict).where(Conflict.id == conflict_id))


#: the event that gave a copy the barcode it holds: its newest `copy.added` or `copy.relabelled`
#: giving that barcode (not merely its newest: a pulled page's events are all in the log before
#: they are folded, a later relabelling among them)
_LAST_BARCODE_EVENT = SqliteStatement(
    select(_EVENTS.c.id, _EVENTS.c.hlc, _EVENTS.c.office_code, _EVENTS.c.type).where(
        _EVENTS.c.aggregate_id == bindparam("copy_id"),
        (_EVENTS.c.type == "copy.added") | (_EVENTS.c.type == "copy.relabelled"),
        func.json_extract(_EVENTS.c.payload, "$.barcode") == bindparam("value"))
    .order_by(_EVENTS.c.hlc.desc(), _EVENTS.c.id.desc()).limit(1), typed=True)
_HOLDERS = SqliteStatement(select(_COPIES.c.id).where(_COPIES.c.barcode == bindparam("value")))


def _raise_barcode_twins(s: Session, e: FoldEvent, barcode: str) -> None:
    """After a copy took `barcode` by `e` (a relabelling, or a new copy): one `copy.barcode_twice`
    for each other copy that holds it and got it by a relabelling on either side. The conflict
    names the two events that gave the barcode (the relabelling shows which barcode the copy had
    and took), so it has the same id, and is raised at the later of the two, in any arrival order;
    two copies added with one barcode keep naming the two copies (`_raise_twins`)."""
    if not barcode:
        return
    for (other,) in _HOLDERS.rows(s, value=barcode):
        if other == e.aggregate_id:
            continue
        theirs = _LAST_BARCODE_EVENT.first(s, copy_id=other, value=barcode)
        if theirs is None or (e.type == "copy.added" and theirs.type == "copy.added"):
            continue  # (two added copies: `_raise_twins`)
        raise_twin_conflict(s, "copy.barcode_twice", "copy", [theirs.id, e.id], {"barcode": barcode},
                            (e.hlc, e.id, e.aggregate_id, e.office_code),
                            (theirs.hlc, theirs.id, other, theirs.office_code))


@resetter("copy")
def _copy_reset(s: Session, copy_id: str) -> None:
    s.execute(delete(Copy).where(Copy.id == copy_id))
