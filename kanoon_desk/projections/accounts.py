"""Fold of office, user and holiday events into their tables."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from sqlalchemy import bindparam, delete, select, tuple_
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from ..eventlog import (
    FoldEvent,
    SqliteStatement,
    batch_projector,
    projector,
    raise_conflict,
    refresh_held,
    resetter,
)
from ..models import Event, Holiday, Office, User, table_of
from . import kept_admin, late_work
from .library.closed_centre import check_centre


@projector("office.set", "office")
def _office_set(s: Session, e: FoldEvent) -> None:
    """Field-by-field upsert: a later stamp wins per field (fold order is (hlc, id))."""
    office = s.get(Office, e.aggregate_id)
    if office is None:
        office = Office(code=e.aggregate_id, name=e.payload.get("name", e.aggregate_id))
        s.add(office)
    for key in ("name", "kind", "province", "city", "address", "phone", "heading"):
        if key in e.payload:
            setattr(office, key, e.payload[key])
    s.flush()


@projector("centre.closed", "office")
def _centre_closed(s: Session, e: FoldEvent) -> None:
    """A cultural centre closed: kept (its past names it), chosen for nothing new."""
    office = s.get(Office, e.aggregate_id)
    if office is None:
        office = Office(code=e.aggregate_id, name=e.payload.get("name", e.aggregate_id), kind="centre")
        s.add(office)
    office.closed_on = date.fromisoformat(e.payload["day"])
    office.closed_into = e.payload.get("into") or None
    s.flush()
    check_centre(s, e.aggregate_id)  # a loan made there at a desk that did not know yet


@resetter("office")
def _office_reset(s: Session, code: str) -> None:
    s.execute(delete(Office).where(Office.code == code))


@projector("user.created", "user")
def _user_created(s: Session, e: FoldEvent) -> None:
    p = e.payload
    twin = s.scalar(select(User).where(User.username == p["username"], User.id != e.aggregate_id))
    if twin is not None:
        # The conflict row must not depend on which of the two arrived last (sync delivers in any
        # order, and only the late aggregate is folded): describe it by the newer creation.
        first = s.execute(select(Event.hlc, Event.office_code).where(Event.aggregate_id == twin.id)
                          .order_by(Event.hlc, Event.id).limit(1)).first()
        twin_hlc, twin_office = (first[0], first[1]) if first else (0, twin.office_code)
        if (e.hlc, e.aggregate_id) > (twin_hlc, twin.id):
            newer_id, newer_office, newer_hlc = e.aggregate_id, e.office_code, e.hlc
        else:
            newer_id, newer_office, newer_hlc = twin.id, twin_office, twin_hlc
        raise_conflict(s, "username.duplicate", "user", newer_id, newer_office,
                       [twin.id, e.aggregate_id], newer_hlc, {"username": p["username"]})
    s.add(User(id=e.aggregate_id, office_code=p["office_code"], username=p["username"],
               full_name=p["full_name"], password_hash=p["password_hash"],
               roles=" ".join(sorted(p.get("roles", []))), active=True,
               must_change_password=bool(p.get("must_change_password", False)),
               created_at=e.recorded_at))
    s.flush()
    kept_admin.check_change(s, e)


@projector("user.updated", "user")
def _user_updated(s: Session, e: FoldEvent) -> None:
    user = s.get(User, e.aggregate_id)
    if user is None:
        return
    p = e.payload
    if "full_name" in p:
        if "full_name_was" in p and p["full_name_was"] != user.full_name != p["full_name"]:
            _changed_apart(s, e, "user.renamed_apart", "full_name")
        user.full_name = p["full_name"]
    if "roles_given" in p or "roles_taken" in p:
        # the change the admin made, onto the roles as folded so far: a role given or taken at
        # another desk meanwhile stays given or taken
        roles = (user.role_set | set(p.get("roles_given", ()))) - set(p.get("roles_taken", ()))
        user.roles = " ".join(sorted(roles))
    elif "roles" in p:  # written by a version that sent the whole set only
        user.roles = " ".join(sorted(p["roles"]))
    if "active" in p:
        user.active = bool(p["active"])
    if "password_hash" in p:
        if "password_was" in p and p["password_was"] != password_mark(user.password_hash):
            _changed_apart(s, e, "user.password_apart", "password_hash")
        user.password_hash = p["password_hash"]
        user.must_change_password = bool(p.get("must_change_password", False))
    s.flush()
    late_work.check_change(s, e)
    kept_admin.check_change(s, e)


def password_mark(password_hash: str) -> str:
    """What a change of password says of the password it replaced (`password_was`): enough to tell
    whether another desk changed it meanwhile, nothing to guess it by."""
    return hashlib.sha256(password_hash.encode("utf-8")).hexdigest()[:16]


def _changed_apart(s: Session, e: FoldEvent, kind: str, key: str) -> None:
    """A change of `key` made at a desk that had not seen the change folded before it (its `…_was`
    is not what the fold holds): both stand in the history, the later by (HLC, id) is in force, and
    a conflict puts the two before an admin. Read from the user's own events: the same on every desk."""
    previous = s.execute(select(Event.id).where(
        Event.aggregate_id == e.aggregate_id, Event.type.in_(("user.created", "user.updated")),
        tuple_(Event.hlc, Event.id) < tuple_(e.hlc, e.id), Event.payload[key].isnot(None))
        .order_by(Event.hlc.desc(), Event.id.desc()).limit(1)).scalar()
    if previous is not None:
        raise_conflict(s, kind, "user", e.aggregate_id, e.office_code, [previous, e.id], e.hlc,
                       {"newer": e.id})


@projector("user.renamed", "user")
def _user_renamed(s: Session, e: FoldEvent) -> None:
    """A new user name for one of two accounts made with one name (`username.duplicate`)."""
    user = s.get(User, e.aggregate_id)
    if user is not None:
        user.username = e.payload["username"]
        s.flush()


@resetter("user")
def _user_reset(s: Session, user_id: str) -> None:
    s.execute(delete(User).where(User.id == user_id))


_HOLIDAYS = table_of(Holiday)
#: A holiday's title, inserted or replaced in one statement; and its removal. Days are bound as the
#: ISO text SQLAlchemy stores for a date (the event's aggregate id, normalised).
_HOLIDAY_UPSERT = SqliteStatement(
    sqlite_insert(_HOLIDAYS).values(day=bindparam("day"), title=bindparam("title"))
    .on_conflict_do_update(index_elements=[_HOLIDAYS.c.day], set_={"title": bindparam("title")}))
_HOLIDAY_DELETE = SqliteStatement(delete(_HOLIDAYS).where(_HOLIDAYS.c.day == bindparam("day")))


_EVENTS = table_of(Event)
_HOLIDAY_TITLE = SqliteStatement(select(_HOLIDAYS.c.title).where(_HOLIDAYS.c.day == bindparam("day")))
#: The holiday events of a day before one (fold order), the latest first.
_HOLIDAY_BEFORE = SqliteStatement(select(_EVENTS.c.id).where(
    _EVENTS.c.aggregate_id == bindparam("day"), _EVENTS.c.type == "holiday.set",
    (_EVENTS.c.hlc < bindparam("hlc")) | ((_EVENTS.c.hlc == bindparam("hlc")) & (_EVENTS.c.id < bindparam("id"))))
    .order_by(_EVENTS.c.hlc.desc(), _EVENTS.c.id.desc()).limit(1))
HOLIDAY_SET_APART = "holiday.set_apart"


def _check_apart(s: Session, e: FoldEvent) -> None:
    """A day's holiday entry made at a desk that saw it otherwise (`was`: its title there, None when
    the day was no holiday; events of an older release have none) while another desk, apart, had
    made it something else: a conflict (`holiday.set_apart`), the later entry (by HLC) standing
    until an admin decides. The same entry at both desks (one title, or both removing it) is none."""
    if "was" not in e.payload:
        return
    row = _HOLIDAY_TITLE.first(s, day=e.aggregate_id)
    now = row[0] if row is not None else None
    new = None if e.payload.get("removed") else e.payload.get("title", "")
    if now in (e.payload["was"], new):
        return
    other = _HOLIDAY_BEFORE.first(s, day=e.aggregate_id, hlc=e.hlc, id=e.id)
    if other is not None:
        raise_conflict(s, HOLIDAY_SET_APART, "holiday", e.aggregate_id, e.office_code, [other[0], e.id], e.hlc,
                       {"day": e.aggregate_id})


@projector("holiday.set", "holiday")
def _holiday_set(s: Session, e: FoldEvent) -> None:
    day = date.fromisoformat(e.aggregate_id)
    s.flush()
    _check_apart(s, e)
    if e.payload.get("removed"):
        _HOLIDAY_DELETE.run(s, day=day.isoformat())
        gone = s.identity_map.get(identity_key(Holiday, (day,)))
        if gone is not None:
            s.expunge(gone)
        return
    title = e.payload.get("title", "")
    _HOLIDAY_UPSERT.run(s, day=day.isoformat(), title=title)
    refresh_held(s, Holiday, day, {"title": title})


@batch_projector("holiday.set")
def _holiday_set_many(s: Session, events: list[FoldEvent]) -> None:
    """Consecutive holiday events: the upserts between two removals as one executemany (run in
    order, so a day set twice ends with its later title, as one by one). An entry that says what
    its desk saw (`was`) is folded alone, after those before it: it may have been made apart."""
    upserts: list[dict[str, Any]] = []
    for e in events:
        day = date.fromisoformat(e.aggregate_id).isoformat()
        if e.payload.get("removed") or "was" in e.payload:
            if upserts:
                _HOLIDAY_UPSERT.many(s, upserts)
                upserts = []
        if "was" in e.payload:
            _check_apart(s, e)
        if e.payload.get("removed"):
            _HOLIDAY_DELETE.run(s, day=day)
        else:
            upserts.append({"day": day, "title": e.payload.get("title", "")})
    if upserts:
        _HOLIDAY_UPSERT.many(s, upserts)


@resetter("holiday")
def _holiday_reset(s: Session, day: str) -> None:
    s.execute(delete(Holiday).where(Holiday.day == date.fromisoformat(day)))
