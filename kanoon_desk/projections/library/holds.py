"""Fold of hold events: a title's queue of holds, the copy set aside or sent for one, its end."""

from __future__ import annotations

from sqlalchemy import delete, select, tuple_
from sqlalchemy.orm import Session

from ...eventlog import FoldEvent, projector, raise_conflict, resetter
from ...models import Event
from ...models.library import Hold
from .closed_centre import check_hold
from .common import _d
from .copy_state import recompute_copy
from .erased import check_erased


@projector("hold.placed", "hold")
def _hold_placed(s: Session, e: FoldEvent) -> None:
    p = e.payload
    s.add(Hold(id=e.aggregate_id, title_id=p["title_id"], member_id=p["member_id"],
               pickup_centre=p.get("pickup_centre", e.office_code), placed_at=e.recorded_at,
               placed_hlc=e.hlc, status="waiting"))
    s.flush()
    check_erased(s, "hold", e.aggregate_id)  # placed where the member's erasure was not yet known
    check_hold(s, e.aggregate_id)  # or for pick-up at a centre whose close was not yet known


#: A hold's ends: no desk acts on a hold after it, unless it had not heard of it yet.
ENDED = ("collected", "expired", "cancelled")
_END_EVENTS = tuple(f"hold.{status}" for status in ENDED)
#: The acts that serve a hold: a copy set aside for it, or sent to its pick-up centre.
_SERVE_EVENTS = ("hold.ready", "hold.in_transit")
ENDED_WHILE_SERVED = "hold.ended_while_served"
SERVED_TWICE = "hold.served_twice"


def _first_before(s: Session, hold_id: str, types: tuple[str, ...], e: FoldEvent, *, last: bool) -> str:
    """The id of the first (or `last`) event of `types` of the hold before `e` in fold order."""
    key = (Event.hlc.desc(), Event.id.desc()) if last else (Event.hlc, Event.id)
    return s.scalar(select(Event.id).where(Event.aggregate_id == hold_id, Event.type.in_(types),
                                           tuple_(Event.hlc, Event.id) < tuple_(e.hlc, e.id))
                    .order_by(*key).limit(1)) or ""


def _ended_while_served(s: Session, hold: Hold, end_id: str, serve_id: str, e: FoldEvent,
                        copy_id: str | None) -> None:
    """One desk ended a hold (cancelled, expired, collected) while another, not knowing, served it
    (set a copy aside, sent one): the end stands and a person is told — the copy on the hold shelf
    or on its way is nobody's now, and the member may have been told it waits. The same conflict on
    every desk, whichever of the two acts came first."""
    raise_conflict(s, ENDED_WHILE_SERVED, "hold", hold.id, e.office_code, [end_id, serve_id], e.hlc,
                   {"ended": hold.status if hold.status in ENDED else e.type.removeprefix("hold."),
                    "member_id": hold.member_id, "title_id": hold.title_id, "copy_id": copy_id or "",
                    "pickup_centre": hold.pickup_centre})


def _hold_status(s: Session, e: FoldEvent, status: str) -> None:
    hold = s.get(Hold, e.aggregate_id)
    if hold is None:
        return
    if hold.status in ENDED and status not in ENDED:  # only a desk that had not heard of the end
        if e.type in _SERVE_EVENTS:  # it stays ended: the later act would bring it back, silently
            _ended_while_served(s, hold, _first_before(s, hold.id, _END_EVENTS, e, last=False), e.id, e,
                                e.payload.get("copy_id"))
        return
    if status in ("ready", "in_transit") and hold.status in ("ready", "in_transit") \
            and hold.copy_id not in (None, e.payload["copy_id"]):
        # two copies for one hold: one centre set one aside while the other sent one, neither knowing
        # (one desk never does: a hold served waits again before another copy serves it). The later
        # serves it, as before; a person is told what became of the other.
        raise_conflict(s, SERVED_TWICE, "hold", hold.id, e.office_code,
                       [_first_before(s, hold.id, _SERVE_EVENTS, e, last=True), e.id], e.hlc,
                       {"member_id": hold.member_id, "title_id": hold.title_id, "pickup_centre": hold.pickup_centre,
                        "copies": sorted([hold.copy_id, e.payload["copy_id"]]), "serving": e.payload["copy_id"]})
    seen = e.payload.get("was")  # what the ending desk saw of the hold (older desks do not say)
    if (status in ENDED and isinstance(seen, dict) and hold.status in ("ready", "in_transit")
            and (seen.get("status"), seen.get("copy_id") or None) != (hold.status, hold.copy_id)):
        _ended_while_served(s, hold, e.id, _first_before(s, hold.id, _SERVE_EVENTS, e, last=True), e,
                            hold.copy_id)
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
    if status in ENDED:
        check_erased(s, "hold", hold.id)  # (a conflict about it open while it was: dropped)
        check_hold(s, hold.id)


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
