"""Copies between centres: the pull list (copies on this shelf that holds elsewhere wait for), the
send that makes a copy a hold's own on its way, and the copies on their way to this centre."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select

from ..errors import InvariantError, NotFound, ValidationError
from ..eventlog import Actor
from ..ids import hlc_millis
from ..models import Event
from ..models.library import Copy, Hold, Loan, Member, Title
from ..store import Store
from .accounts import require
from .circulation_holds import LIVE_HOLDER, record_sent_for_hold
from .circulation_views import (
    MSG_COPY_NOT_HERE,
    MSG_COPY_OTHER_TITLE,
    MSG_HOLD_HERE,
    MSG_HOLD_NOT_FOUND,
    MSG_HOLD_NOT_WAITING,
    REFUSALS,
    HoldView,
)
from .library_common import LIBRARIAN, copy_not_found, find_copy


@dataclass(frozen=True)
class PullItem:
    """One line of a centre's pull list: a waiting hold picked up elsewhere, and the copy on this
    centre's shelf to send for it."""

    hold_id: str
    title_id: str
    title: str
    member_name: str
    pickup_centre: str
    placed_at: datetime
    copy_id: str
    barcode: str
    shelf: str


@dataclass(frozen=True)
class TransitItem:
    """A copy on its way to a centre: for a hold picked up there, or back to its home."""

    copy_id: str
    barcode: str
    title: str
    from_centre: str
    since: datetime | None
    #: "hold" (a member waits for it there), "home" (it belongs there) or "moved" (given to that
    #: centre for good, `library.update_copy`, and not scanned in there yet)
    reason: str
    member_name: str = ""


def _shelf_copies(s: object, centre: str, title_ids: set[str]) -> dict[str, list[tuple[str, str, str]]]:
    """(id, barcode, shelf) of the lendable copies on this centre's shelf, by title, in shelf order."""
    from sqlalchemy.orm import Session

    assert isinstance(s, Session)
    found: dict[str, list[tuple[str, str, str]]] = {}
    ids = sorted(title_ids)
    for i in range(0, len(ids), 500):
        rows = s.execute(select(Copy.title_id, Copy.id, Copy.barcode, Copy.shelf).where(
            Copy.title_id.in_(ids[i:i + 500]), Copy.home_centre == centre, Copy.location == centre,
            Copy.status == "on_shelf", Copy.loanable.is_(True)).order_by(Copy.shelf, Copy.barcode))
        for title_id, copy_id, barcode, shelf in rows:
            found.setdefault(title_id, []).append((copy_id, barcode, shelf))
    return found


def pull_list(store: Store, actor: Actor, centre: str) -> list[PullItem]:
    """«ارسال برای رزرو»: the copies on this centre's shelf that waiting holds picked up at another
    centre want — the oldest hold first, one copy for each hold, while copies last. A librarian's
    (it names the members)."""
    require(actor, *LIBRARIAN)
    with store.read() as s:
        holds = list(s.execute(
            select(Hold.id, Hold.title_id, Hold.member_id, Hold.pickup_centre, Hold.placed_at)
            .where(Hold.status == "waiting", Hold.pickup_centre != centre, LIVE_HOLDER)
            .order_by(Hold.placed_hlc, Hold.id)))
        if not holds:
            return []
        shelf = _shelf_copies(s, centre, {h.title_id for h in holds})
        wanted = [h for h in holds if shelf.get(h.title_id)]
        titles = dict(s.execute(select(Title.id, Title.title).where(Title.id.in_({h.title_id for h in wanted}))).all())
        names = {i: f"{a} {b}" for i, a, b in s.execute(select(Member.id, Member.first_name, Member.last_name)
                                                        .where(Member.id.in_({h.member_id for h in wanted})))}
        items: list[PullItem] = []
        for h in wanted:
            free = shelf[h.title_id]
            if not free:
                continue  # the copies here went to older holds
            copy_id, barcode, mark = free.pop(0)
            items.append(PullItem(h.id, h.title_id, titles.get(h.title_id, ""), names.get(h.member_id, ""),
                                  h.pickup_centre, h.placed_at, copy_id, barcode, mark))
        return items


def send_for_hold(store: Store, actor: Actor, hold_id: str, barcode: str) -> HoldView:
    """Send a copy from this centre's shelf to a waiting hold's pick-up centre: recorded as the
    hold's copy on its way (`hold.in_transit`), so it is lent to nobody here, the hold leaves the
    queue, and the receive scan there sets it aside for the member."""
    require(actor, *LIBRARIAN)
    here = actor.office_code
    with store.transaction() as s:
        hold = s.get(Hold, hold_id)
        if hold is None:
            raise NotFound(MSG_HOLD_NOT_FOUND)
        if hold.status != "waiting":
            raise InvariantError(MSG_HOLD_NOT_WAITING)
        if hold.pickup_centre == here:
            raise InvariantError(MSG_HOLD_HERE)
        copy = find_copy(s, barcode)
        if copy is None:
            raise copy_not_found(s, barcode)
        if copy.title_id != hold.title_id:
            raise ValidationError(MSG_COPY_OTHER_TITLE, "barcode")
        if copy.status in ("lost", "withdrawn"):
            raise InvariantError(REFUSALS[copy.status], "barcode")
        if not copy.loanable:
            raise InvariantError(REFUSALS["not_loanable"], "barcode")
        if copy.status != "on_shelf" or copy.location != here:
            raise InvariantError(MSG_COPY_NOT_HERE, "barcode")
        return record_sent_for_hold(store, s, actor, hold, copy)


def in_transit_to(store: Store, centre: str) -> list[TransitItem]:
    """The copies on their way to this centre, the longest on the way first: each sent for a hold
    picked up here (from where, since when, for whom), or returned elsewhere and going home."""
    with store.read() as s:
        items: list[TransitItem] = []
        for_holds = s.execute(
            select(Copy.id, Copy.barcode, Title.title, Hold.sent_from, Hold.sent_at, Copy.location,
                   Member.first_name, Member.last_name)
            .select_from(Hold).join(Copy, Copy.id == Hold.copy_id).outerjoin(Title, Title.id == Copy.title_id)
            .outerjoin(Member, Member.id == Hold.member_id)
            .where(Hold.status == "in_transit", Hold.pickup_centre == centre))
        claimed: set[str] = set()
        for copy_id, barcode, title, sent_from, sent_at, location, first, last in for_holds:
            claimed.add(copy_id)
            items.append(TransitItem(copy_id, barcode, title or "", sent_from or location, sent_at, "hold",
                                     f"{first or ''} {last or ''}".strip()))
        claimed_anywhere = select(Hold.copy_id).where(Hold.status == "in_transit", Hold.copy_id.is_not(None))
        home = list(s.execute(
            select(Copy.id, Copy.barcode, Title.title, Copy.location, Copy.received_hlc, Copy.received_centre)
            .outerjoin(Title, Title.id == Copy.title_id)
            .where(Copy.home_centre == centre, Copy.status == "in_transit", Copy.location != centre,
                   Copy.id.not_in(claimed_anywhere))))
        returned: dict[tuple[str, str | None], int | None] = {
            (copy_id, where): hlc for copy_id, where, hlc in s.execute(
                select(Loan.copy_id, Loan.returned_centre, func.max(Loan.returned_hlc))
                .where(Loan.copy_id.in_([r.id for r in home]), Loan.returned_hlc.is_not(None))
                .group_by(Loan.copy_id, Loan.returned_centre))} if home else {}
        # given to this centre for good: packed where it stood (`copy.received` there, `moved`), not
        # returned or received anywhere since
        moved = {copy_id for copy_id, in s.execute(
            select(Event.aggregate_id).select_from(Copy).join(Event, (Event.aggregate_id == Copy.id)
                                                               & (Event.hlc == Copy.received_hlc))
            .where(Copy.id.in_([r.id for r in home]), Event.type == "copy.received",
                   func.json_extract(Event.payload, "$.moved").is_(True)))} if home else set()
        for copy_id, barcode, title, location, received_hlc, received_centre in home:
            if copy_id in claimed:
                continue
            from_return = returned.get((copy_id, location)) or 0
            from_receipt = (received_hlc or 0) if received_centre == location else 0
            left = max(from_return, from_receipt)
            since = datetime.fromtimestamp(hlc_millis(left) / 1000, UTC) if left else None
            why = "moved" if copy_id in moved and from_receipt > from_return else "home"
            items.append(TransitItem(copy_id, barcode, title or "", location, since, why))
        epoch = datetime.min.replace(tzinfo=UTC)
        items.sort(key=lambda x: (x.since or epoch, x.barcode))
        return items
