"""Work a user recorded at a desk that did not know yet that their role was taken (or they were let go).

Desks work apart: an admin at desk A takes a clerk's expert role, and desk B, offline, lets him
accept and reject cases for two more days. The work is committed and stays (events are never
dropped); after the sync a `user.acted_after_role_taken` conflict puts it before an admin in the
inbox: who, which role was taken, by whom and when, and the steps recorded after it.

The conflict is one per change that took the right away (its id from that event alone, its summary
from the user's own events), so every desk raises the same row whichever arrived first:
- the change folded (`user.updated`) looks for the user's steps after it already on this desk;
- a step that arrives (or is recorded) after the change looks back at the user's changes (`_after_fold`).
Whether a step was allowed is read from the events table, not from the fold's rows (a re-fold
meets the events in another order than a pull): a change that gave the role back before the step,
arriving late, withdraws a conflict still open.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, delete, select
from sqlalchemy.orm import Session

from ..fold import FoldEvent, after_fold, raise_conflict
from ..ids import hlc_pack
from ..models import Conflict, Event, User, table_of
from ..sqlite_statement import SqliteStatement
from .kept_admin import Release, held_changes

KIND = "user.acted_after_role_taken"

#: A user's account as folded: (active, roles).
_ACCOUNT = SqliteStatement(select(table_of(User).c.active, table_of(User).c.roles)
                           .where(table_of(User).c.id == bindparam("id")))

#: Whether the user's account was ever changed (one indexed read: per pulled page, the ORM's
#: query was a tenth of taking the page in).
_CHANGED = SqliteStatement(select(table_of(Event).c.id).where(
    table_of(Event).c.aggregate_id == bindparam("id"), table_of(Event).c.type == "user.updated").limit(1))
#: The roles a step needs, by its event kind (the services' `require`): a step of a kind not here
#: needs no particular role, and only counts while the user is inactive (any step then).
ROLES_FOR: dict[str, frozenset[str]] = {
    "case.received": frozenset({"clerk"}),
    "case.reviewed": frozenset({"expert"}),
    "case.registered": frozenset({"clerk", "expert"}),
    "case.referred": frozenset({"expert", "manager", "admin"}),
    "case.forwarded": frozenset({"manager"}),
    "case.answered": frozenset({"clerk", "expert", "manager"}),
    "case.closed": frozenset({"expert", "manager"}),
    "case.reopened": frozenset({"expert", "manager"}),
    "case.followed_up": frozenset({"expert", "manager"}),
    "case.notified": frozenset({"clerk", "expert"}),
    "case.visited": frozenset({"clerk", "expert"}),
    "case.corrected": frozenset({"clerk", "expert", "manager"}),
    "case.visit_removed": frozenset({"clerk", "expert", "manager"}),
    "case.review_undone": frozenset({"expert", "manager"}),
    "case.applicant_changed": frozenset({"clerk", "expert", "manager"}),
    "case.answer_moved": frozenset({"clerk", "expert", "manager"}),
    "loan.checked_out": frozenset({"librarian", "admin"}),
    "loan.returned": frozenset({"librarian", "admin"}),
    "loan.renewed": frozenset({"librarian", "admin"}),
    "loan.return_undone": frozenset({"librarian", "admin"}),
    "loan.renewal_undone": frozenset({"librarian", "admin"}),
    "member.registered": frozenset({"librarian", "admin"}),
    "hold.placed": frozenset({"librarian", "admin"}),
}
#: How long after a change the steps are looked for (desks work apart for days, not months): a
#: bounded read of the events after it, the same on every desk.
WINDOW_MS = 90 * 24 * 3600 * 1000
#: Steps shown with such a conflict, at most.
SHOWN = 40


@dataclass(frozen=True)
class _State:
    """The user's account after one of their events: from `hlc` on, these roles, active or not."""

    hlc: int
    event_id: str
    office_code: str
    roles: frozenset[str]
    active: bool
    #: a held change come in force (`kept_admin.Release`): the desk that made an admin active again,
    #: which knew at once (the kept user's session there went on: not late work)
    knew: str = ""


def _held(s: Session) -> dict[str, Release | None]:
    """The changes held back for want of another admin (`kept_admin`) → the HLC from which they are
    in force (None: not yet): until then their user stayed an active admin, so what they did
    meanwhile was theirs to do; after it, what they did at a desk that did not know is late work."""
    return held_changes(s)


def _timeline(s: Session, user_id: str, held: dict[str, Release | None] | None = None) -> list[_State]:
    """The user's account after each of their events, in fold order (read from the events); a change
    in `held` is in force only from its HLC there (a state of its own then, named by the change)."""
    events = list(s.execute(
        select(Event.id, Event.type, Event.hlc, Event.office_code, Event.payload)
        .where(Event.aggregate_id == user_id, Event.type.in_(("user.created", "user.updated")))
        .order_by(Event.hlc, Event.id)))
    held = {event_id: at for event_id, at in (held or {}).items() if any(e[0] == event_id for e in events)}
    if not held:  # (nearly always: one pass)
        return _states(events)
    # the moments the account may change: each of its events, and each held change coming in force
    moments: list[tuple[int, int, str, str]] = [(hlc, 0, event_id, event_id) for event_id, _k, hlc, _o, _p in events]
    since = {event_id: at.hlc for event_id, at in held.items() if at is not None}
    moments += [(at, 1, event_id, event_id) for event_id, at in since.items()]
    offices = {event_id: office for event_id, _k, _h, office, _p in events}
    states: list[_State] = []
    for hlc, release, _tie, named in sorted(moments):
        # the user's events up to this moment, less the held changes not yet in force at it
        upto = [e for e in events if e[2] < hlc or (e[2] == hlc and (release or e[0] <= named))]
        in_force = [e for e in upto if e[0] not in held or _in_force(since.get(e[0]), hlc, release)]
        if release or named not in held or not states:
            last = _states(in_force)[-1]
            came = held.get(named) if release else None
            states.append(_State(hlc, named, offices[named], last.roles, last.active,
                                 came.device_id if came is not None else ""))
    return states


def _in_force(since: int | None, hlc: int, release: int) -> bool:
    return since is not None and (since < hlc or (since == hlc and bool(release)))


def _states(events: list[Any]) -> list[_State]:
    states: list[_State] = []
    roles: frozenset[str] = frozenset()
    active = True
    for event_id, kind, hlc, office, p in events:
        if kind == "user.created":
            roles, active = frozenset(p.get("roles", ())), True
        else:
            if "roles_given" in p or "roles_taken" in p:
                roles = (roles | set(p.get("roles_given", ()))) - set(p.get("roles_taken", ()))
            elif "roles" in p:
                roles = frozenset(p["roles"])
            if "active" in p:
                active = bool(p["active"])
        states.append(_State(hlc, event_id, office, roles, active))
    return states


def _allowed(state: _State, kind: str) -> bool:
    needs = ROLES_FOR.get(kind)
    return state.active and (needs is None or bool(state.roles & needs))


def _taking(states: list[_State], kind: str, hlc: int, device: str = "") -> tuple[_State, _State | None] | None:
    """The change in force at `hlc` that took away what a step of `kind` (recorded at `device`)
    needs, and the account just before it; or None when the step was allowed there (or never was:
    nothing was taken), or was recorded at the desk that knew of the change at once (`_State.knew`)."""
    at = None
    for i, state in enumerate(states):
        if state.hlc >= hlc:
            break
        at = i
    if at is None or _allowed(states[at], kind):
        return None
    for i in range(at, 0, -1):
        if _allowed(states[i - 1], kind):
            return None if device and states[i].knew == device else (states[i], states[i - 1])
    return None


def _takes_away(states: list[_State]) -> bool:
    """Whether any change of the account took something away (a role, or the account itself):
    without one no step can come after a right was taken (a pull of thousands of a user's steps
    then asks nothing of each)."""
    return any((before.active and not after.active) or not before.roles <= after.roles
               for before, after in itertools.pairwise(states))


def _summary(change: _State, before: _State | None) -> dict[str, Any]:
    if before is not None and before.active and not change.active:
        return {"deactivated": True}
    return {"roles_taken": sorted((before.roles if before else frozenset()) - change.roles)}


def late_steps(s: Session, user_id: str, change_id: str, limit: int | None = SHOWN,
               states: list[_State] | None = None) -> list[Event]:
    """The user's steps that the change `change_id` had taken the right to, recorded after it at a
    desk that did not know (oldest first; at most `limit`). `states`: the user's `_timeline`."""
    states = _timeline(s, user_id, _held(s)) if states is None else states
    at = next((i for i, x in enumerate(states) if x.event_id == change_id), None)
    if not at:
        return []
    change, before = states[at], states[at - 1]
    query = select(Event).where(
        Event.user_id == user_id, Event.hlc > change.hlc, Event.hlc <= change.hlc + hlc_pack(WINDOW_MS, 0),
        Event.aggregate_type != "user")
    if change.active or not before.active:  # roles taken: only the steps that need one of them
        taken = before.roles - change.roles
        kinds = sorted(kind for kind, needs in ROLES_FOR.items() if needs & taken)
        if not kinds:
            return []
        query = query.where(Event.type.in_(kinds))
    found: list[Event] = []
    for ev in s.scalars(query.order_by(Event.hlc, Event.id)):
        taking = _taking(states, ev.type, ev.hlc, ev.device_id)
        if taking is not None and taking[0].event_id == change_id:
            found.append(ev)
            if limit is not None and len(found) >= limit:
                break
    return found


def _raise(s: Session, user_id: str, change: _State, before: _State | None) -> None:
    raise_conflict(s, KIND, "user", user_id, change.office_code, [change.event_id], change.hlc,
                   _summary(change, before))


def recheck(s: Session, user_id: str) -> None:
    """Raise the conflict of each change of the user with steps recorded after it that it took the
    right to, and withdraw the open ones that no longer hold (a change giving the right back, late)."""
    s.flush()
    states = _timeline(s, user_id, _held(s))
    holding: set[str] = set()
    for i in range(1, len(states)):
        change, before = states[i], states[i - 1]
        if not (before.active and not change.active) and before.roles <= change.roles:
            continue  # took nothing away
        if late_steps(s, user_id, change.event_id, limit=1, states=states):
            _raise(s, user_id, change, before)
            holding.add(change.event_id)
    for c in list(s.scalars(select(Conflict).where(Conflict.kind == KIND, Conflict.aggregate_id == user_id,
                                                   Conflict.status == "open"))):
        if not set(c.facts.get("involved", [])) & holding:
            s.execute(delete(Conflict).where(Conflict.id == c.id))
            s.expunge(c)


def check_change(s: Session, e: FoldEvent) -> None:
    """After a `user.updated` that may take a right away or give one back: look again."""
    p = e.payload
    if "roles" in p or "roles_given" in p or "roles_taken" in p or "active" in p:
        recheck(s, e.aggregate_id)


@after_fold
def _after_fold(s: Session, events: Iterable[FoldEvent], local: bool) -> None:
    """Steps that came in (or were recorded) after a change to their user that took the right to
    them away: the change's conflict (one read of the user's own events for each user with steps).
    A step recorded here is stamped past every change the store holds: the account as folded is the
    one in force, and a step it allows needs no more reading (a clerk's every step)."""
    steps: dict[str, list[FoldEvent]] = {}
    for e in events:
        if e.aggregate_type != "user" and e.user_id:
            if local:
                user = _ACCOUNT.first(s, id=e.user_id)  # (one indexed read: the ORM's cost a step's third)
                needs = ROLES_FOR.get(e.type)
                if user is None or (user[0] and (needs is None or set(str(user[1]).split()) & needs)):
                    continue
            steps.setdefault(e.user_id, []).append(e)
    if not steps:
        return
    s.flush()
    changed = [user_id for user_id in sorted(steps) if _CHANGED.first(s, id=user_id) is not None]
    for user_id in changed:
        states = _timeline(s, user_id)
        if not _takes_away(states) or not any(_taking(states, e.type, e.hlc) for e in steps[user_id]):
            continue  # (the common case: one read of the user's few events)
        states = _timeline(s, user_id, _held(s))
        raised: set[str] = set()
        for e in steps[user_id]:
            taken = _taking(states, e.type, e.hlc, e.device_id)
            if taken is not None and taken[0].event_id not in raised:
                raised.add(taken[0].event_id)
                _raise(s, user_id, *taken)


__all__ = ["KIND", "ROLES_FOR", "late_steps", "recheck"]
