"""Desks that work apart and then meet, as the lending-across-desks tests set them up: what one
round of sync does between two desks (`exchange`, `missing`, `pulled`), two desks
copied from one library desk (`two_desks_of_13`), centre 13 closed at one of them while the other
did something there (`close_13_apart`), what a desk's open conflicts are (`kinds_are`), and what a third desk ends as when it takes the events of
both one at a time, in several orders of arrival (`in_any_order`)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select

from kanoon_desk import eventlog
from kanoon_desk.digest import canonical_json
from kanoon_desk.eventlog import Actor
from kanoon_desk.models import Event
from kanoon_desk.services import conflicts, ops
from kanoon_desk.services import library_rules as rules
from kanoon_desk.store import Store
from tests.library_helpers import TODAY, Lib, make_library

T = TypeVar("T")


_COLUMNS = ("id", "type", "aggregate_type", "aggregate_id", "payload", "hlc", "device_id", "office_code",
            "user_id", "recorded_at", "schema_version")


def pulled(e: Event) -> Event:
    """An event as another desk pulls it: no outbox number, its payload as the server stores it
    (canonical JSON: keys sorted)."""
    values = {k: getattr(e, k) for k in _COLUMNS}
    values["payload"] = json.loads(canonical_json(e.payload))
    return Event(**values, client_seq=None)


def missing(src: Store, dst: Store) -> list[Event]:
    """The events `src` holds and `dst` does not, as pulled copies, in fold order."""
    with dst.read() as s:
        have = set(s.scalars(select(Event.id)))
    with src.read() as s:
        return [pulled(e) for e in s.scalars(select(Event).where(Event.id.not_in(have))
                                             .order_by(Event.hlc, Event.id))]


def exchange(a: Store, b: Store) -> None:
    """What one round of sync does between two desks."""
    theirs, ours = missing(b, a), missing(a, b)
    with a.transaction() as s:
        eventlog.ingest(s, theirs)
    with b.transaction() as s:
        eventlog.ingest(s, ours)


def digests(store: Store) -> dict[str, str]:
    with store.read() as s:
        return eventlog.projection_digests(s)


def two_desks_of_13(tmp_path: Path, prepare: Callable[[Lib], object] | None = None) -> tuple[Lib, Store, Store]:
    """The library desk (centre 13, with centre 14 of another office), and two desks copied from
    it: 13's first and a second desk of 13; `prepare` runs on the library desk before the copies."""
    L = make_library(tmp_path)
    if prepare is not None:
        prepare(L)
    L.store.backup_to(tmp_path / "a.sqlite3")
    L.store.backup_to(tmp_path / "b.sqlite3")
    a, b = Store(tmp_path / "a.sqlite3"), Store(tmp_path / "b.sqlite3")
    b.set_identity("13", 2)
    return L, a, b


def close_13_apart(L: Lib, a: Store, there: Callable[[], T], *, close_first: bool) -> T:
    """Desk `a` closes centre 13 into 14 and `there` (another desk's work at 13, not knowing) runs,
    in the order given (by the stamps); returns what `there` returned."""
    if close_first:
        rules.close_centre(a, L.admin, "13", into="14", on=TODAY)
        return there()
    done = there()
    rules.close_centre(a, L.admin, "13", into="14", on=TODAY)
    return done


def kinds_are(actor: Actor, *kinds: str) -> Callable[[Store], None]:
    """A `see` for `in_any_order`: the desk's open conflicts are of these kinds, in this order."""
    def see(desk: Store) -> None:
        assert [c.kind for c in conflicts.list_conflicts(desk, actor)] == list(kinds)
    return see


def in_any_order(base: Store, new: list[Event], tmp_path: Path, see: Callable[[Store], object] | None = None, *,
                 orders: Sequence[list[Event]] = (), want: dict[str, str] | None = None) -> dict[str, str]:
    """A desk as `base` takes `new` one event at a time, in fold order and reversed (and in each of
    `orders`): each time `see(desk)` holds, its projections pass `ops.check`, and it ends as every
    other order does (and as `want`, when given). Returns the projections' digests."""
    seen: list[dict[str, str]] = []
    for i, order in enumerate((new, list(reversed(new)), *orders)):
        path = tmp_path / f"order-{i}.sqlite3"
        base.backup_to(path)
        desk = Store(path)
        try:
            for ev in order:
                with desk.transaction() as s:
                    eventlog.ingest(s, [pulled(ev)])
            if see is not None:
                see(desk)
            seen.append(digests(desk))
        finally:
            desk.close()
        assert ops.check(path) == [], f"order {i}"
        assert seen[i] == (want or seen[0]), f"order {i}"
    return seen[0]
