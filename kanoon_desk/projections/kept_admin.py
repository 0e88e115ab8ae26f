"""The admin kept when two desks apart took the office's last two admins away: said in the conflict inbox.

Each desk keeps its own last active admin, but desk 1 may deactivate «admin2» while desk 2, apart,
deactivates «admin». After the sync the change that left the office with no active admin (the later
by (HLC, id)) is held back (`services.accounts.stand_in_admin`): its user stays an admin. The users
page says so; an `admin.kept` conflict puts the two changes before an admin in the inbox, so that
whoever opens it knows why that account is still an admin and what to do.

The conflicts are a function of the office's account events in (HLC, id) order, read from the
events table each time an account's roles or state change, so every desk (and a re-fold) raises
the same ones whatever arrived first; one no longer borne out by the events (a change that made
another user an admin before it, arriving late) is withdrawn while it is open.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..fold import FoldEvent, raise_conflict
from ..models import Conflict, Event

KIND = "admin.kept"


@dataclass(frozen=True)
class AdminLoss:
    """A change that took an active admin away (deactivated, or the role taken), in (HLC, id) order."""

    event_id: str
    user_id: str
    hlc: int
    office: str
    #: whether another active admin was left after it
    others_left: bool


@dataclass(frozen=True)
class Release:
    """When a held change came in force: the change that made an admin active again, its HLC and
    the desk it was made at. That desk knew at once; the kept user's session there went on (to
    record the conflict's resolution, say), and what they did in it is not late work."""

    hlc: int
    device_id: str


def _admin_changes(s: Session) -> Iterator[tuple[str, str, int, str, str, bool, bool]]:
    """The office's account events in (HLC, id) order: (event id, user id, HLC, office, desk, whether
    the user stopped being an active admin with it, whether any user is one after it)."""
    admin: dict[str, bool] = {}  # user id -> an active admin after the events so far
    active: dict[str, bool] = {}
    holds: dict[str, bool] = {}
    for event_id, user_id, kind, hlc, office, device, p in s.execute(
            select(Event.id, Event.aggregate_id, Event.type, Event.hlc, Event.office_code, Event.device_id,
                   Event.payload)
            .where(Event.aggregate_type == "user", Event.type.in_(("user.created", "user.updated")))
            .order_by(Event.hlc, Event.id)):
        if kind == "user.created":
            active[user_id], holds[user_id] = True, "admin" in p.get("roles", ())
        else:
            if "active" in p:
                active[user_id] = bool(p["active"])
            if "roles_given" in p or "roles_taken" in p:
                holds[user_id] = (holds.get(user_id, False) or "admin" in p.get("roles_given", ())) \
                    and "admin" not in p.get("roles_taken", ())
            elif "roles" in p:
                holds[user_id] = "admin" in p["roles"]
        was, now = admin.get(user_id, False), active.get(user_id, False) and holds.get(user_id, False)
        admin[user_id] = now
        yield event_id, user_id, hlc, office, device, was and not now, any(admin.values())


def admin_losses(s: Session) -> Iterator[AdminLoss]:
    """The office's account changes that took an active admin away, read from the events in (HLC,
    id) order: what every desk holding the same events sees the same, whatever arrived first."""
    for event_id, user_id, hlc, office, _device, lost, any_admin in _admin_changes(s):
        if lost:
            yield AdminLoss(event_id, user_id, hlc, office, any_admin)


def _crossings(s: Session) -> list[tuple[str, str, int, str, str]]:
    """Each moment the office's active admins fell to none, in (HLC, id) order: the change that did
    it (its id, HLC, office and user: the one kept) and the change before it that took the other
    admin away (its id)."""
    last_loss: str | None = None
    found: list[tuple[str, str, int, str, str]] = []
    for loss in admin_losses(s):
        if not loss.others_left and last_loss is not None:
            found.append((loss.event_id, last_loss, loss.hlc, loss.office, loss.user_id))
        last_loss = loss.event_id
    return found


def held_changes(s: Session) -> dict[str, Release | None]:
    """The changes held back when they left the office with no active admin (their user kept) →
    when they came in force (`Release`): with the change that made an admin active again (another
    user made one, or the kept one confirmed), or None while the office has none. The kept user was
    an admin until then, not for good: what they did after it at a desk that did not know is late."""
    held = {event_id for event_id, *_ in _crossings(s)}
    if not held:
        return {}
    found: dict[str, Release | None] = {}
    waiting: list[str] = []
    for event_id, _user_id, hlc, _office, device, _lost, any_admin in _admin_changes(s):
        if event_id in held:
            waiting.append(event_id)
            found[event_id] = None
        elif any_admin and waiting:
            found.update(dict.fromkeys(waiting, Release(hlc, device)))
            waiting = []
    return found


def recheck(s: Session) -> None:
    from . import late_work

    s.flush()
    raised: set[str] = set()
    kept: set[str] = set()
    for held, other, hlc, office, user_id in _crossings(s):
        raised.add(raise_conflict(s, KIND, "user", user_id, office, [other, held], hlc, {"kept": held}).id)
        kept.add(user_id)
    for c in list(s.scalars(select(Conflict).where(Conflict.kind == KIND, Conflict.status == "open"))):
        if c.id not in raised:
            kept.add(c.aggregate_id)
            s.execute(delete(Conflict).where(Conflict.id == c.id))
            s.expunge(c)
    # an admin active again (or no longer) moves when a kept user's held change came in force: what
    # they recorded after it at a desk that did not know is looked at again
    for user_id in sorted(kept):
        late_work.recheck(s, user_id)


def check_change(s: Session, e: FoldEvent) -> None:
    """After an account event that may make or unmake an admin."""
    p = e.payload
    if e.type == "user.created" and "admin" not in p.get("roles", ()):
        return
    if e.type == "user.updated" and not ("roles" in p or "roles_given" in p or "roles_taken" in p or "active" in p):
        return
    recheck(s)
