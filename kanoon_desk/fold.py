"""The fold: events as projectors see them, the registries of projectors and resetters, and running them.

Projectors are registered per event type by the `kanoon_desk.projections` package; each aggregate
type registers a reset that deletes its projection rows, so one aggregate can be re-folded when a
late event arrives. `kanoon_desk.eventlog` appends events and calls `apply`/`apply_all`; the
re-folds are in `kanoon_desk.refold`.
"""

from __future__ import annotations

import importlib
import json
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from .models import Conflict, DeskState, Event, table_of


@dataclass(slots=True)
class EventRecord:
    """An event as the fold sees it: the row's values, without an ORM object.

    `record` and `ingest` insert events with plain statements and fold these; building an ORM
    `Event` costs more than the INSERT. Events read back from the table are `Event` objects; the
    projectors take either (`FoldEvent`)."""

    id: str
    type: str
    aggregate_type: str
    aggregate_id: str
    payload: dict[str, Any]
    hlc: int
    device_id: str
    office_code: str
    user_id: str
    recorded_at: datetime
    schema_version: int = 1
    client_seq: int | None = None
    server_seq: int | None = None


_EVENT_TABLE = table_of(Event)
_EVENT_COLUMNS = tuple(c.key for c in _EVENT_TABLE.columns)
if tuple(f.name for f in fields(EventRecord)) != _EVENT_COLUMNS:  # re-fold reads build records by position
    raise RuntimeError(f"EventRecord's fields must be the events table's columns, in order: {_EVENT_COLUMNS}")


FoldEvent = Event | EventRecord
Projector = Callable[[Session, FoldEvent], None]
Resetter = Callable[[Session, str], None]

BatchProjector = Callable[[Session, list[FoldEvent]], None]

_PROJECTORS: dict[str, Projector] = {}
_BATCH_PROJECTORS: dict[str, BatchProjector] = {}
_RESETTERS: dict[str, Resetter] = {}
_EVENT_AGGREGATE: dict[str, str] = {}
_loaded = False


def projector(event_type: str, aggregate_type: str) -> Callable[[Projector], Projector]:
    """Register the fold step for one event type (one per type)."""

    def register(fn: Projector) -> Projector:
        if event_type in _PROJECTORS:
            raise RuntimeError(f"two projectors for {event_type}")
        _PROJECTORS[event_type] = fn
        _EVENT_AGGREGATE[event_type] = aggregate_type
        return fn

    return register


def batch_projector(event_type: str) -> Callable[[BatchProjector], BatchProjector]:
    """Register the set form of a type's fold step: given a run of consecutive events of that
    type (in fold order), it must leave exactly what the projector applied to each in turn would
    (tests compare the two). Used while the session holds no objects (a pull's fold, a re-fold);
    otherwise the projector runs per event, as it keeps held objects in step."""

    def register(fn: BatchProjector) -> BatchProjector:
        if event_type not in _PROJECTORS:
            raise RuntimeError(f"batch projector for {event_type} before its projector")
        _BATCH_PROJECTORS[event_type] = fn
        return fn

    return register


def resetter(aggregate_type: str) -> Callable[[Resetter], Resetter]:
    """Register how to delete one aggregate's projection rows before it is re-folded."""

    def register(fn: Resetter) -> Resetter:
        _RESETTERS[aggregate_type] = fn
        return fn

    return register


#: Steps run after events are folded (`run_after_fold`): a check across aggregates (a user's step
#: against a change of their account) that a late arrival of either side must meet.
AfterFold = Callable[[Session, list[FoldEvent], bool], None]
_AFTER_FOLD: list[AfterFold] = []


def after_fold(fn: AfterFold) -> AfterFold:
    """Register a step run with the events just recorded here (`local`: each stamped past every
    event the store holds) or taken in, once they are folded (not in a full re-fold: there the
    projectors read the whole events table)."""
    _AFTER_FOLD.append(fn)
    return fn


def run_after_fold(session: Session, events: list[FoldEvent], *, local: bool = False) -> None:
    for fn in _AFTER_FOLD:
        fn(session, events, local)


def load_projections() -> None:
    global _loaded
    if not _loaded:
        importlib.import_module("kanoon_desk.projections")
        _loaded = True


def known_event_types() -> dict[str, str]:
    """Event type → aggregate type, for validation of incoming events."""
    load_projections()
    return dict(_EVENT_AGGREGATE)


#: `session.info` key: the kinds of events `apply` met and left unfolded in this session.
UNKNOWN_KINDS_KEY = "kanoon_desk.unknown_kinds"


def apply(session: Session, event: FoldEvent) -> None:
    """Fold one event. An event of a kind this version has no projector for (recorded by a newer
    version: pulled from a desk updated before this one) is held unfolded: it stays in the events
    table, its kind is noted in `session.info` (`note_unknown_kinds` keeps it in the store), and
    `eventlog.fold_held_kinds` folds it once the program is updated to a version that knows it.
    A local event of an unknown kind is refused before it gets here (`eventlog.record`)."""
    load_projections()
    fn = _PROJECTORS.get(event.type)
    if fn is None:
        session.info.setdefault(UNKNOWN_KINDS_KEY, set()).add(event.type)
        return
    fn(session, event)


#: desk_state key: the kinds of events the store holds unfolded (JSON list, sorted), for
#: `eventlog.fold_held_kinds` to fold once the program knows them.
K_UNKNOWN_KINDS = "fold.unknown_kinds"


def held_kinds(session: Session) -> set[str]:
    """The kinds of events the store holds unfolded (`K_UNKNOWN_KINDS`)."""
    row = session.get(DeskState, K_UNKNOWN_KINDS)
    return set(json.loads(row.value)) if row is not None and row.value else set()


def keep_held_kinds(session: Session, kinds: set[str]) -> None:
    """Write `kinds` as the store's kinds held unfolded (in the caller's transaction)."""
    row = session.get(DeskState, K_UNKNOWN_KINDS)
    value = json.dumps(sorted(kinds), ensure_ascii=False) if kinds else ""
    if row is None:
        if value:
            session.add(DeskState(key=K_UNKNOWN_KINDS, value=value))
    elif row.value != value:
        row.value = value


def note_unknown_kinds(session: Session) -> None:
    """Keep in the store the kinds `apply` left unfolded in this session (with those noted before)."""
    kinds: set[str] | None = session.info.pop(UNKNOWN_KINDS_KEY, None)
    if kinds:
        held = held_kinds(session)
        if not kinds <= held:
            keep_held_kinds(session, held | kinds)


def apply_all(session: Session, events: Iterable[FoldEvent]) -> None:
    """`apply` each event in the order given; a run of consecutive events of one type that has a
    batch projector goes to it in one call (one statement for the run instead of one per event)."""
    load_projections()
    run: list[FoldEvent] = []
    for ev in events:
        if run and ev.type != run[0].type:
            _apply_run(session, run)
            run = []
        if ev.type in _BATCH_PROJECTORS:
            run.append(ev)
        else:
            apply(session, ev)
    if run:
        _apply_run(session, run)


def _apply_run(session: Session, run: list[FoldEvent]) -> None:
    session.flush()
    if len(run) > 1 and not session.identity_map:
        _BATCH_PROJECTORS[run[0].type](session, run)
    else:
        for ev in run:
            apply(session, ev)


@contextmanager
def deferring(session: Session) -> Iterator[None]:
    """Within this block `defer` queues derived recomputations instead of running them; they run
    once each (per key, in first-queued order) when the block ends.

    For folds of many events at once (a pulled page, a full re-fold): a copy's status is a function
    of its loans, holds and own facts, so recomputing it after each of its events or once after
    all of them leaves the same rows, and no projector reads it meanwhile."""
    if session.info.get(_DEFERRED_KEY) is not None:  # nested: the outer block runs them
        yield
        return
    queued: dict[Any, Callable[[], None]] = {}
    session.info[_DEFERRED_KEY] = queued
    try:
        yield
        while queued:  # a recomputation may queue another
            key = next(iter(queued))
            queued.pop(key)()
    finally:
        session.info.pop(_DEFERRED_KEY, None)


def defer(session: Session, key: Any, work: Callable[[], None]) -> bool:
    """Queue `work` under `key` if a `deferring` block is open (True), else do nothing (False)."""
    queued = session.info.get(_DEFERRED_KEY)
    if queued is None:
        return False
    queued.setdefault(key, work)
    return True


class _Each:
    """Items queued under one kind, for one call of their set form when the block ends."""

    def __init__(self, work: Callable[[list[Any]], None]) -> None:
        self.work = work
        self.items: dict[Any, None] = {}  # first-queued order, each once

    def __call__(self) -> None:
        self.work(list(self.items))


def defer_each(session: Session, kind: str, item: Any, work: Callable[[list[Any]], None]) -> bool:
    """`defer` for work with a set form: every item queued under `kind` goes to one call of `work`
    (each once, in first-queued order) when the block ends. False, and nothing queued, outside a
    `deferring` block."""
    queued = session.info.get(_DEFERRED_KEY)
    if queued is None:
        return False
    entry = queued.get(("each", kind))
    if entry is None:
        entry = queued[("each", kind)] = _Each(work)
    entry.items[item] = None
    return True


_DEFERRED_KEY = "kanoon_desk.deferred"


def raise_conflict(session: Session, kind: str, aggregate_type: str, aggregate_id: str,
                   office_code: str, involved: list[str], hlc: int, summary: dict[str, Any]) -> Conflict:
    """Record a broken invariant once: the id is derived from the kind and the sorted ids involved,
    so every desk meeting the same facts, in any order, raises the same single conflict."""
    key = kind + ":" + ",".join(sorted(involved))
    cid = str(uuid.uuid5(uuid.NAMESPACE_URL, "kanoon-desk:conflict:" + key))
    existing = session.get(Conflict, cid)
    if existing is not None:
        return existing
    conflict = Conflict(id=cid, kind=kind, aggregate_type=aggregate_type, aggregate_id=aggregate_id,
                        office_code=office_code, facts=conflict_facts(sorted(involved), summary),
                        raised_hlc=hlc, status="open")
    session.add(conflict)
    session.flush()
    return conflict


def conflict_facts(involved: list[str], summary: dict[str, Any]) -> dict[str, Any]:
    """A conflict's `facts`, keys in sorted order at every level: the row a resolution's
    description makes (its JSON came back through the server with sorted keys) must be the row the
    fold raises, to the key order its digest reads."""
    sorted_keys: dict[str, Any] = json.loads(json.dumps({"involved": involved, "summary": summary},
                                                        sort_keys=True, ensure_ascii=False))
    return sorted_keys


#: One of the two facts of a twin conflict: (hlc, event id, aggregate id, office code).
TwinFact = tuple[int, str, str, str]


def raise_twin_conflict(session: Session, kind: str, aggregate_type: str, involved: list[str],
                        summary: dict[str, Any], this: TwinFact, other: TwinFact | None) -> Conflict:
    """`raise_conflict` for a value two facts share (a number, a barcode), raised as at the later
    of the two by (HLC, id): whichever was folded second on this desk, the conflict reads the
    same (aggregate, office, instant) on every desk and after a re-fold."""
    hlc, _event_id, aggregate_id, office_code = max(this, other) if other is not None else this
    return raise_conflict(session, kind, aggregate_type, aggregate_id, office_code, involved, hlc, summary)
