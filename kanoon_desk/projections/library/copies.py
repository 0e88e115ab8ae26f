"""Fold of copy events: new copies (with barcode twins), shelf facts, withdrawal, loss, transit, relabelling."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete
from sqlalchemy.orm import Session

from ...eventlog import (
    FoldEvent,
    batch_projector,
    column_setter,
    insert_values,
    insert_values_many,
    projector,
    refresh_held,
    resetter,
)
from ...models import table_of
from ...models.library import Copy
from .common import _raise_twins
from .copy_state import recompute_copy

_COPIES = table_of(Copy)


def _new_copy(e: FoldEvent) -> dict[str, Any]:
    """The row a `copy.added` event makes (its status is then recomputed: its loans may be in)."""
    p = e.payload
    return dict(id=e.aggregate_id, barcode=p["barcode"], title_id=p["title_id"], home_centre=p["home_centre"],
                shelf=p.get("shelf", ""), loanable=bool(p.get("loanable", True)), added_at=e.recorded_at,
                withdrawn=False, status="on_shelf", location=p["home_centre"])


@projector("copy.added", "copy")
def _copy_added(s: Session, e: FoldEvent) -> None:
    insert_values(s, Copy, _new_copy(e))
    _raise_twins(s, "copy.barcode_twice", "copy", _COPIES.c.barcode, "barcode", [(e, e.payload["barcode"])])
    recompute_copy(s, e.aggregate_id)


@batch_projector("copy.added")
def _copies_added(s: Session, events: list[FoldEvent]) -> None:
    """A run of new copies (an imported shelf list) as one executemany, then each one's status."""
    insert_values_many(s, Copy, [_new_copy(e) for e in events])
    _raise_twins(s, "copy.barcode_twice", "copy", _COPIES.c.barcode, "barcode",
                 [(e, e.payload["barcode"]) for e in events])
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


@projector("copy.withdrawn", "copy")
def _copy_withdrawn(s: Session, e: FoldEvent) -> None:
    copy = s.get(Copy, e.aggregate_id)
    if copy is not None:
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
            return
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


@projector("copy.sent", "copy")
def _copy_sent(s: Session, e: FoldEvent) -> None:
    copy = s.get(Copy, e.aggregate_id)
    if copy is not None:
        copy.sent_hlc = e.hlc
        recompute_copy(s, copy.id)


@projector("copy.received", "copy")
def _copy_received(s: Session, e: FoldEvent) -> None:
    copy = s.get(Copy, e.aggregate_id)
    if copy is not None:
        copy.received_hlc = e.hlc
        copy.received_centre = e.payload.get("centre", e.office_code)
        recompute_copy(s, copy.id)


@projector("copy.relabelled", "copy")
def _copy_relabelled(s: Session, e: FoldEvent) -> None:
    """A new barcode for one of two copies that shared one (`copy.barcode_twice`)."""
    s.flush()
    values = {"barcode": e.payload["barcode"]}
    column_setter(_COPIES, "copy_id", ("barcode",)).run(s, copy_id=e.aggregate_id, v_barcode=values["barcode"])
    refresh_held(s, Copy, e.aggregate_id, values)


@resetter("copy")
def _copy_reset(s: Session, copy_id: str) -> None:
    s.execute(delete(Copy).where(Copy.id == copy_id))
