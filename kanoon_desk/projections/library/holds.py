"""Fold of hold events: a title's queue of holds, the copy set aside or sent for one, its end."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ...eventlog import FoldEvent, projector, resetter
from ...models.library import Hold
from .common import _d
from .copy_state import recompute_copy


@projector("hold.placed", "hold")
def _hold_placed(s: Session, e: FoldEvent) -> None:
    p = e.payload
    s.add(Hold(id=e.aggregate_id, title_id=p["title_id"], member_id=p["member_id"],
               pickup_centre=p.get("pickup_centre", e.office_code), placed_at=e.recorded_at,
               placed_hlc=e.hlc, status="waiting"))
    s.flush()


def _hold_status(s: Session, e: FoldEvent, status: str) -> None:
    hold = s.get(Hold, e.aggregate_id)
    if hold is None:
        return
    old_copy = hold.copy_id
    hold.status = status
    if status == "ready":
        hold.copy_id = e.payload["copy_id"]
        hold.ready_until = _d(e.payload.get("until"))
        hold.notified = bool(e.payload.get("notified", False))
    elif status == "in_transit":
        hold.copy_id = e.payload["copy_id"]
        hold.sent_at = e.recorded_at
        hold.sent_from = e.payload.get("from", e.office_code)
        hold.sent_hlc = e.hlc
    elif status == "waiting":  # back in the queue: no copy, nothing set aside or on its way
        hold.copy_id = None
        hold.ready_until = None
        hold.notified = False
        hold.sent_at = None
        hold.sent_from = None
        hold.sent_hlc = None
    s.flush()
    for cid in {old_copy, hold.copy_id} - {None}:
        recompute_copy(s, cid)  # type: ignore[arg-type]


@projector("hold.ready", "hold")
def _hold_ready(s: Session, e: FoldEvent) -> None:
    _hold_status(s, e, "ready")


@projector("hold.in_transit", "hold")
def _hold_in_transit(s: Session, e: FoldEvent) -> None:
    """A copy was sent from another centre's shelf (or return desk) to the hold's pick-up centre:
    it is the hold's, and on its way, until it is received there (`hold.ready`)."""
    _hold_status(s, e, "in_transit")


@projector("hold.requeued", "hold")
def _hold_requeued(s: Session, e: FoldEvent) -> None:
    """The copy set aside (or sent) for the hold was lent to someone else by an override: the hold
    waits again at its place in the queue (by when it was placed), for the next copy back."""
    _hold_status(s, e, "waiting")


@projector("hold.collected", "hold")
def _hold_collected(s: Session, e: FoldEvent) -> None:
    _hold_status(s, e, "collected")


@projector("hold.expired", "hold")
def _hold_expired(s: Session, e: FoldEvent) -> None:
    _hold_status(s, e, "expired")


@projector("hold.cancelled", "hold")
def _hold_cancelled(s: Session, e: FoldEvent) -> None:
    _hold_status(s, e, "cancelled")


@resetter("hold")
def _hold_reset(s: Session, hold_id: str) -> None:
    copy_id = s.scalar(select(Hold.copy_id).where(Hold.id == hold_id))
    s.execute(delete(Hold).where(Hold.id == hold_id))
    if copy_id:
        recompute_copy(s, copy_id)
