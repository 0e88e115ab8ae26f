"""Holds: a title reserved in the order placed, the copy set aside here or sent to the pick-up
centre (and so where a copy that came back goes next), the member told, holds that expire."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import InvariantError, NotFound, ValidationError
from ..eventlog import Actor
from ..ids import new_id
from ..models import Office, office_today
from ..models.library import Copy, Hold, Member, Title
from ..store import Store
from .accounts import calendar_in, require, working_calendar
from .circulation_views import (
    MSG_HOLD_CLOSED,
    MSG_HOLD_DUPLICATE,
    MSG_HOLD_NO_COPY,
    MSG_HOLD_NOT_FOUND,
    MSG_HOLD_ON_SHELF,
    OPEN_HOLD,
    CirculationRefused,
    HoldView,
    ReturnResult,
    _hold_view,
)
from .library_common import (
    LIBRARIAN,
    MSG_CENTRE,
    MSG_MEMBER_NOT_FOUND,
    MSG_TITLE_NOT_FOUND,
    centre_exists,
    find_member,
    office_actor,
)
from .library_members import member_category
from .library_rules import get_rule, refuse_closed

#: A waiting hold whose member still has their details: one placed for a member erased at another
#: desk (`hold.after_erasure`, a conflict until a person cancels it) is nobody's to set a copy aside for.
LIVE_HOLDER = ~select(Member.id).where(Member.id == Hold.member_id, Member.erased_on.is_not(None)).exists()


def _next_hold(s: Session, title_id: str) -> Hold | None:
    return s.scalar(select(Hold).where(Hold.title_id == title_id, Hold.status == "waiting", LIVE_HOLDER)
                    .order_by(Hold.placed_hlc, Hold.id).limit(1))


def _transit_hold(s: Session, copy_id: str) -> Hold | None:
    """The hold a copy was sent to its pick-up centre for, while it is on its way."""
    return s.scalar(select(Hold).where(Hold.copy_id == copy_id, Hold.status == "in_transit")
                    .order_by(Hold.placed_hlc, Hold.id).limit(1))


def _set_aside(store: Store, s: Session, actor: Actor, hold: Hold, copy: Copy, today: date) -> HoldView:
    """The copy waits on this centre's hold shelf for the hold's member, who is told."""
    member = s.get(Member, hold.member_id)
    rule = get_rule(s, member_category(member, today) if member else "child")
    until = working_calendar(store).add_working_days(today, rule.hold_days)
    store.record(s, actor, "hold.ready", hold.id, {"copy_id": copy.id, "until": until.isoformat(),
                                                   "notified": True})
    _notify_hold(store, s, actor, hold, member, until, today)
    return _hold_view(s, hold)


def record_sent_for_hold(store: Store, s: Session, actor: Actor, hold: Hold, copy: Copy, *,
                         from_centre: str = "") -> HoldView:
    """The copy goes to the hold's pick-up centre, the hold's own on the way: it is not lent here,
    and the hold is out of the queue (the next copy serves the next hold). `from_centre`: where it
    left from, when that is not this desk's centre (a copy already on its way passed to the next hold)."""
    store.record(s, actor, "hold.in_transit", hold.id, {"copy_id": copy.id,
                                                        "from": from_centre or actor.office_code},
                 subject=copy.barcode)
    return _hold_view(s, hold)


def _route(store: Store, s: Session, actor: Actor, copy: Copy, today: date,
           here: str = "") -> tuple[str, str, HoldView | None]:
    """Where a copy that just came back (here) goes next: the hold it was sent for, if it was; else
    a waiting hold first, in the order placed — set aside here, or sent to the pick-up centre.
    `here`: the centre the copy is at, when that is not this desk's (a hold cancelled elsewhere)."""
    here = here or actor.office_code
    if copy.withdrawn:  # out of circulation (withdrawn while it was on loan): it stays off the shelf
        return "withdrawn", here, None
    sent_for = _transit_hold(s, copy.id)
    if sent_for is not None:
        if sent_for.pickup_centre == here:
            return "hold_here", here, _set_aside(store, s, actor, sent_for, copy, today)
        return "send_to_hold", sent_for.pickup_centre, _hold_view(s, sent_for)  # still on its way
    hold = _next_hold(s, copy.title_id)
    if hold is not None and copy.loanable:
        if hold.pickup_centre == here:
            return "hold_here", here, _set_aside(store, s, actor, hold, copy, today)
        return "send_to_hold", hold.pickup_centre, record_sent_for_hold(store, s, actor, hold, copy,
                                                                        from_centre=here)
    if copy.home_centre != here:
        return "send_home", copy.home_centre, None
    return "reshelve", here, None


def release_copy(store: Store, s: Session, actor: Actor, status: str, copy_id: str | None, pickup: str,
                 sent_from: str, today: date) -> ReturnResult | None:
    """The copy a hold claimed, after the hold ended without it (cancelled, or its member borrowed
    another copy): `status`, `copy_id`, `pickup` and `sent_from` are the hold's as they were.

    A copy set aside (ready) at the pick-up centre goes where a copy back there goes — the next
    waiting hold (set aside there, or sent to its pick-up centre), its home or the shelf. A copy on
    its way (in transit) serves the next waiting hold instead, in the order placed (it stays on its
    way, now that hold's: the scan at arrival sets it aside or sends it on); with no hold waiting it
    goes home from where it arrives. None when the hold claimed no copy (or the copy is lost)."""
    if status not in ("ready", "in_transit") or not copy_id:
        return None
    copy = s.get(Copy, copy_id)
    if copy is None or copy.status == "lost":
        return None
    title = s.scalar(select(Title.title).where(Title.id == copy.title_id)) or ""
    if status == "ready":
        action, to, nxt = _route(store, s, actor, copy, today, here=pickup)
        return ReturnResult(None, action, to, nxt, barcode=copy.barcode, title=title, at=pickup)
    if copy.withdrawn:
        return ReturnResult(None, "withdrawn", pickup, None, ["in_transit"], barcode=copy.barcode, title=title,
                            at=pickup)
    hold = _next_hold(s, copy.title_id) if copy.loanable else None
    if hold is not None:
        view = record_sent_for_hold(store, s, actor, hold, copy, from_centre=sent_from or copy.location)
        return ReturnResult(None, "send_to_hold", hold.pickup_centre, view, ["in_transit"], barcode=copy.barcode,
                            title=title, at=pickup)
    action = "reshelve" if copy.home_centre == pickup else "send_home"  # as the scan at arrival says
    return ReturnResult(None, action, copy.home_centre, None, ["in_transit"], barcode=copy.barcode, title=title,
                            at=pickup)


def _notify_hold(store: Store, s: Session, actor: Actor, hold: Hold, member: Member | None, until: date,
                 today: date) -> None:
    """The member (or the guardian) gets an SMS, queued until the server can send it."""
    from ..persian import format_jalali_date, script_digits

    phone = (member.guardian_phone or member.phone) if member else ""
    if not phone or member is None:
        return
    title = s.scalar(select(Title.title).where(Title.id == hold.title_id)) or ""
    centre = s.get(Office, hold.pickup_centre)
    where = f"کتابخانه {script_digits(centre.name)}" if centre is not None else "کتابخانه کانون"
    text = (f"کتاب «{title}» که برای {member.first_name} {member.last_name} رزرو شده بود آماده است؛ "
            f"تا {format_jalali_date(until)} آن را از {where} بگیرید.")
    store.record(s, office_actor(store, actor), "notice.queued", new_id(), {
        "loan_id": "", "member_id": member.id, "phone": phone, "text": text, "queued_on": today.isoformat(),
        "centre": actor.office_code, "hold_id": hold.id},  # (withdrawn unsent if the hold ends first)
                 subject=member.member_no)


# --- holds ------------------------------------------------------------------------------------


def place_hold(store: Store, actor: Actor, member_code: str, title_id: str, *, pickup_centre: str = "",
               today: date | None = None) -> HoldView:
    """Reserve a title that is out here (or on a shelf at another centre); served in the order placed."""
    require(actor, *LIBRARIAN)
    today = today or office_today()
    pickup = pickup_centre or actor.office_code
    with store.transaction() as s:
        m = find_member(s, member_code) or s.get(Member, member_code)
        if m is None:
            raise NotFound(MSG_MEMBER_NOT_FOUND, "member")
        if s.get(Title, title_id) is None:
            raise NotFound(MSG_TITLE_NOT_FOUND)
        if not centre_exists(s, pickup):
            raise ValidationError(MSG_CENTRE, "pickup_centre")
        refuse_closed(s, pickup, "pickup_centre")
        if not s.scalar(select(Copy.id).where(  # a copy that may serve it one day: lendable, not written off
                Copy.title_id == title_id, Copy.loanable.is_(True), Copy.status.not_in(("lost", "withdrawn")))
                .limit(1)):
            raise InvariantError(MSG_HOLD_NO_COPY, "title")
        if m.erased_on is not None:
            raise CirculationRefused(["erased"])
        if m.expires_on < today:
            raise CirculationRefused(["expired"])
        if s.scalar(select(Hold.id).where(Hold.member_id == m.id, Hold.title_id == title_id,
                                          Hold.status.in_(OPEN_HOLD)).limit(1)):
            raise InvariantError(MSG_HOLD_DUPLICATE)
        if s.scalar(select(Copy.id).where(Copy.title_id == title_id, Copy.status == "on_shelf",
                                          Copy.home_centre == pickup, Copy.loanable.is_(True)).limit(1)):
            raise InvariantError(MSG_HOLD_ON_SHELF)
        hold_id = new_id()
        store.record(s, actor, "hold.placed", hold_id, {"title_id": title_id, "member_id": m.id,
                                                        "pickup_centre": pickup}, subject=m.member_no)
        hold = s.get(Hold, hold_id)
        assert hold is not None
        return _hold_view(s, hold)


def cancel_hold(store: Store, actor: Actor, hold_id: str, *, today: date | None = None) -> ReturnResult | None:
    """Cancel a hold. Its copy, if one was set aside or on its way for it, goes to the next waiting
    hold, home or the shelf (`release_copy`): the result says what to do with it (None: no copy)."""
    require(actor, *LIBRARIAN)
    today = today or office_today()
    with store.transaction() as s:
        hold = s.get(Hold, hold_id)
        if hold is None:
            raise NotFound(MSG_HOLD_NOT_FOUND)
        if hold.status not in OPEN_HOLD:
            raise InvariantError(MSG_HOLD_CLOSED)
        was = (hold.status, hold.copy_id, hold.pickup_centre, hold.sent_from or "")
        # what this desk saw of it: a desk that served it meanwhile, unknown here, is a conflict
        store.record(s, actor, "hold.cancelled", hold_id, {"was": {"status": hold.status,
                                                                   "copy_id": hold.copy_id or ""}})
        return release_copy(store, s, actor, *was, today)


def expire_holds(store: Store, actor: Actor, *, today: date | None = None) -> list[ReturnResult]:
    """Uncollected holds past their date expire; each freed copy goes to the next hold or the shelf."""
    require(actor, *LIBRARIAN)
    today = today or office_today()
    results: list[ReturnResult] = []
    with store.transaction() as s:
        # a pick-up window's last day the centre turned out to be closed on (a holiday entered after
        # the member was told) runs to the next open day
        last_open = calendar_in(s).last_working_day_before(today)
        stale = list(s.scalars(select(Hold).where(Hold.status == "ready", Hold.ready_until <= last_open,
                                                  Hold.pickup_centre == actor.office_code)))
        for hold in stale:
            copy_id = hold.copy_id
            store.record(s, actor, "hold.expired", hold.id, {})
            copy = s.get(Copy, copy_id) if copy_id else None
            if copy is not None:
                action, to, nxt = _route(store, s, actor, copy, today)
                title = s.scalar(select(Title.title).where(Title.id == copy.title_id)) or ""
                results.append(ReturnResult(None, action, to, nxt, barcode=copy.barcode, title=title))
    return results


def holds_of_title(store: Store, title_id: str) -> list[HoldView]:
    with store.read() as s:
        rows = s.scalars(select(Hold).where(Hold.title_id == title_id, Hold.status.in_(OPEN_HOLD))
                         .order_by(Hold.placed_hlc, Hold.id))
        return [_hold_view(s, h) for h in rows]


def ready_holds(store: Store, centre: str) -> list[HoldView]:
    """The hold shelf of a centre: copies set aside for members to collect, by their last day and,
    on one day, in the order placed (the same on every desk, whatever order their rows came in)."""
    with store.read() as s:
        rows = s.scalars(select(Hold).where(Hold.pickup_centre == centre, Hold.status == "ready")
                         .order_by(Hold.ready_until, Hold.placed_hlc, Hold.id))
        return [_hold_view(s, h) for h in rows]
