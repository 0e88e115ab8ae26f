"""The single path that appends an event and folds it into the projections, in one transaction.

Services call `record`; sync calls `ingest`; `check` calls `refold_digest`. Nothing else writes
projection tables. Projectors are registered per event type by the `kanoon_desk.projections`
package; each aggregate type registers a reset that deletes its projection rows, so one aggregate
can be re-folded when a late event arrives.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import json
import operator
import sqlite3
import uuid
from collections import namedtuple
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    String,
    bindparam,
    delete,
    exists,
    func,
    insert,
    inspect,
    select,
    text,
    tuple_,
    update,
)
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from .ids import new_id
from .models import AuditEntry, Base, Conflict, Counter, Event, projection_tables, table_of, utcnow
from .sqlite_bulk import SqliteInsert, converter_for, reader_for

if TYPE_CHECKING:
    from .store import Store



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


FoldEvent = Event | EventRecord
Projector = Callable[[Session, FoldEvent], None]
Resetter = Callable[[Session, str], None]

BatchProjector = Callable[[Session, list[FoldEvent]], None]

_PROJECTORS: dict[str, Projector] = {}
_BATCH_PROJECTORS: dict[str, BatchProjector] = {}
_RESETTERS: dict[str, Resetter] = {}
_EVENT_AGGREGATE: dict[str, str] = {}
_loaded = False

GENESIS_HASH = "0" * 64
SYSTEM_USER_ID = "00000000-0000-0000-0000-000000000000"


@dataclass(frozen=True)
class Actor:
    """Who acts: the logged-in user (roles checked by services), at which office."""

    user_id: str
    username: str
    full_name: str
    office_code: str
    roles: frozenset[str] = field(default_factory=frozenset)

    def has(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))


def system_actor(office_code: str) -> Actor:
    """The actor of set-up, demo data and sync bookkeeping."""
    return Actor(SYSTEM_USER_ID, "system", "سیستم", office_code, frozenset({"admin"}))


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


def load_projections() -> None:
    global _loaded
    if not _loaded:
        importlib.import_module("kanoon_desk.projections")
        _loaded = True


def known_event_types() -> dict[str, str]:
    """Event type → aggregate type, for validation of incoming events."""
    load_projections()
    return dict(_EVENT_AGGREGATE)


def apply(session: Session, event: FoldEvent) -> None:
    load_projections()
    fn = _PROJECTORS.get(event.type)
    if fn is None:
        raise KeyError(f"no projector for event type {event.type!r}")
    fn(session, event)


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


_INSERTS: dict[tuple[str, tuple[str, ...]], SqliteInsert] = {}
_DEFAULTS: dict[str, dict[str, Callable[[], Any]]] = {}


def insert_row(session: Session, obj: Base) -> None:
    """Insert a new projection row, built as an ORM object, as one plain INSERT on the session's
    connection (columns left unset get their defaults); the object is not added to the session.

    For the projectors of the busiest events (a checkout, an intake): the ORM's unit of work costs
    several times the INSERT itself. A later `session.get` loads the row like any other."""
    table = table_of(type(obj))
    state = inspect(obj).dict
    insert_values(session, type(obj), {c.key: state[c.key] for c in table.columns if c.key in state})


def insert_values(session: Session, model: type[Base], values: dict[str, Any]) -> None:
    """`insert_row` from the column values themselves (no object to build at all)."""
    insert_values_many(session, model, [values])


def insert_values_many(session: Session, model: type[Base], rows: Iterable[dict[str, Any]]) -> None:
    """`insert_values` for many rows: one executemany per set of columns given, in the order given
    (a batch projector's run of new rows)."""
    table = table_of(model)
    defaults = _DEFAULTS.get(table.name)
    if defaults is None:
        defaults = _DEFAULTS[table.name] = _python_defaults(table)
    runs: list[tuple[tuple[str, ...], list[dict[str, Any]]]] = []  # rows of one shape, in order
    for values in rows:
        row = {**{k: make() for k, make in defaults.items() if k not in values}, **values}
        columns = tuple(row)
        if runs and runs[-1][0] == columns:
            runs[-1][1].append(row)
        else:
            runs.append((columns, [row]))
    raw = _dbapi(session)
    for columns, group in runs:
        key = (table.name, columns)
        stmt = _INSERTS.get(key)
        if stmt is None:
            stmt = _INSERTS[key] = SqliteInsert(table, columns)
        stmt.many(raw, group)


class RowBuffer:
    """New rows of one projection table that a full re-fold holds back, to write many at once.

    A loan is inserted at its checkout and updated at its return, a few days of events later. In a
    re-fold both steps land in the held row, and the row is written once, complete, in one
    executemany with the others: `refold_all` writes the finished rows after each chunk, and every
    row left before the derived recomputations (which read the table) run. Projectors that read
    the table look in `rows` first, and change a held row there."""

    def __init__(self, model: type[Base], finished: Callable[[dict[str, Any]], bool]) -> None:
        self.model = model
        self.finished = finished
        self.rows: dict[Any, dict[str, Any]] = {}  # key → the row's column values, in arrival order

    def write(self, session: Session, *, everything: bool = False) -> None:
        if everything:
            done = list(self.rows.values())
            self.rows.clear()
        else:
            keys = [k for k, row in self.rows.items() if self.finished(row)]
            done = [self.rows.pop(k) for k in keys]
        insert_values_many(session, self.model, done)


def row_buffer(session: Session, model: type[Base],
               finished: Callable[[dict[str, Any]], bool]) -> RowBuffer | None:
    """The re-fold's buffer of `model` rows (made on first use), or None outside a full re-fold:
    then projectors write their rows at once, as they always do."""
    buffers: dict[type[Base], RowBuffer] | None = session.info.get(_BUFFERS_KEY)
    if buffers is None:
        return None
    buffer = buffers.get(model)
    if buffer is None:
        buffer = buffers[model] = RowBuffer(model, finished)
    return buffer


def _write_buffers(session: Session, *, everything: bool) -> None:
    for buffer in session.info.get(_BUFFERS_KEY, {}).values():
        buffer.write(session, everything=everything)


_BUFFERS_KEY = "kanoon_desk.row_buffers"


def _python_defaults(table: Any) -> dict[str, Callable[[], Any]]:
    """The column defaults SQLAlchemy applies in Python (`default=`), as makers of a value."""
    out: dict[str, Callable[[], Any]] = {}
    for column in table.columns:
        d = column.default
        if d is None or not (d.is_scalar or d.is_callable):
            continue
        out[column.key] = functools.partial(d.arg, None) if d.is_callable else functools.partial(_constant, d.arg)
    return out


def _constant(value: Any) -> Any:
    return value


def refresh_held(session: Session, model: type[Base], key: Any, values: dict[str, Any]) -> None:
    """After a plain UPDATE of one row: an object of it the session holds takes the new values as
    loaded (not dirty), so a service reading it later in the transaction sees what the fold wrote."""
    if not session.identity_map:  # a pull's fold holds no objects at all
        return
    held = session.identity_map.get(identity_key(model, key if isinstance(key, tuple) else (key,)))
    if held is not None:
        for name, value in values.items():
            set_committed_value(held, name, value)


def kept(session: Session) -> dict[tuple[Any, Any], Any]:
    """What this transaction keeps across events (the case fold keeps each case's row): a fold of
    many events touches one aggregate many times, and finds it here instead of reading it again.
    Empty again in a new transaction or after `release_kept`."""
    held: tuple[Any, dict[tuple[Any, Any], Any]] | None = session.info.get(_KEPT_KEY)
    transaction = session.get_transaction()
    if held is None or held[0] is not transaction:
        held = (transaction, {})
        session.info[_KEPT_KEY] = held
    return held[1]


def release_kept(session: Session) -> None:
    """Let go of what `kept` holds (a long re-fold does this between its pages)."""
    session.info.pop(_KEPT_KEY, None)


_KEPT_KEY = "kanoon_desk.kept"


def _dbapi(session: Session | sqlite3.Connection) -> Any:
    """The session's own DBAPI connection (statements on it are part of the session's transaction).

    Kept in `session.info` with the transaction it belongs to: the fold asks for it several times
    per event, and `session.connection()` costs more than a prebuilt statement's execute. A DBAPI
    connection given instead (`Store.reading`) is used as it is."""
    if isinstance(session, sqlite3.Connection):
        return session
    transaction = session.get_transaction()
    cached = session.info.get(_DBAPI_KEY)
    if transaction is not None and cached is not None and cached[0] is transaction:
        return cached[1]
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    session.info[_DBAPI_KEY] = (session.get_transaction(), raw)
    return raw


_DBAPI_KEY = "kanoon_desk.dbapi"


class SqliteStatement:
    """A Core statement compiled once for SQLite and run on the session's own DBAPI connection.

    For the fold's hottest reads and writes (a copy's recompute runs for every lending event):
    SQLAlchemy's per-execute work was ten times SQLite's. Parameters are written as the ORM writes
    values of their column's type (a date as ISO text, a boolean as 0/1). Results come back as SQLite gives
    them (booleans 0/1, dates as text), or with `typed=True` as named rows whose values are
    converted by their column's type (dates, UTC instants, booleans, JSON), as the ORM would read
    them. The statement is still written against the models, so a renamed column fails here, at
    import. Desk stores only (the fold runs on SQLite).
    """

    def __init__(self, stmt: Any, *, typed: bool = False, row: Callable[..., Any] | None = None) -> None:
        compiled = stmt.compile(dialect=sqlite_dialect())
        self.sql = str(compiled)
        if "POSTCOMPILE" in self.sql:  # IN lists are expanded per execution by SQLAlchemy only
            raise ValueError(f"write the IN list as ORs (or bind each value) for a prebuilt statement: {self.sql}")
        self.names = tuple(compiled.positiontup or ())
        # a parameter is written as the ORM writes a value of its type (a date as ISO text…);
        # text given for it is taken as already written
        self._writers = {name: w for name in self.names
                         if (w := converter_for(compiled.binds[name].type, name)) is not None}
        self.defaults = {k: self._write(k, v) for k, v in compiled.params.items() if v is not None}
        # typed rows: the row maker (given, taking the columns in order, or a named tuple) and the
        # (position, reader) of each column that needs converting
        self._shape: tuple[Callable[..., Any], tuple[tuple[int, Callable[[Any], Any]], ...]] | None = None
        if typed:
            columns = list(stmt.selected_columns)
            readers = tuple((i, r) for i, c in enumerate(columns) if (r := reader_for(c.type, c.key)) is not None)
            self._shape = (row or namedtuple("Row", [c.key for c in columns]), readers)
        self._plan = tuple((name, self._writers.get(name)) for name in self.names)

    def _write(self, name: str, value: Any) -> Any:
        writer = self._writers.get(name)
        return value if writer is None or value is None or isinstance(value, str) else writer(value)

    def _params(self, params: dict[str, Any]) -> list[Any]:
        out: list[Any] = []
        for name, writer in self._plan:
            if name in params:
                value = params[name]
                if writer is not None and value is not None and not isinstance(value, str):
                    value = writer(value)
            else:
                value = self.defaults[name]  # a parameter neither given nor bound: KeyError
            out.append(value)
        return out

    def _typed(self, found: list[Any]) -> list[Any]:
        if self._shape is None:
            return found
        make, readers = self._shape
        out = []
        for row in found:
            values = list(row)
            for i, read in readers:
                if values[i] is not None:
                    values[i] = read(values[i])
            out.append(make(*values))
        return out

    def rows(self, session: Session | sqlite3.Connection, **params: Any) -> list[Any]:
        """Every row (read to the end, so no statement is left in progress)."""
        found: list[Any] = _dbapi(session).execute(self.sql, self._params(params)).fetchall()
        return self._typed(found)

    def run(self, session: Session | sqlite3.Connection, **params: Any) -> None:
        """Execute a write once."""
        _dbapi(session).execute(self.sql, self._params(params))

    def many(self, session: Session | sqlite3.Connection, rows: list[dict[str, Any]]) -> None:
        """One executemany over `rows` (for writes)."""
        _dbapi(session).executemany(self.sql, [self._params(row) for row in rows])

    def first(self, session: Session | sqlite3.Connection, **params: Any) -> Any:
        """The first row, or None."""
        found = self.rows(session, **params)
        return found[0] if found else None


@functools.lru_cache(maxsize=256)
def column_setter(table: Any, key: str, columns: tuple[str, ...]) -> SqliteStatement:
    """UPDATE table SET each column = :v_<column> WHERE id = :<key>, built once per set of columns
    (values are written as their columns' types: instants, dates)."""
    return SqliteStatement(update(table).where(table.c.id == bindparam(key))
                           .values(**{c: bindparam("v_" + c) for c in columns}))


# --- the audit chain -------------------------------------------------------------------------


def _audit_hash(prev: str, at: datetime | str, user_id: str, username: str, action: str, subject: str,
                event_id: str | None, detail: str) -> str:
    """The entry's hash; `at` may be given as its `isoformat()` already (a batch shares one)."""
    body = _AUDIT_JSON([prev, at if isinstance(at, str) else at.isoformat(), user_id, username, action,
                        subject, event_id or "", detail])
    return hashlib.sha256(body.encode()).hexdigest()


_AUDIT_JSON: Callable[[Any], str] = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


_AUDIT = table_of(AuditEntry)
#: Audit rows go in as plain DBAPI executemany (sqlite_bulk): one per recorded event, a thousand
#: per pulled page.
_INSERT_AUDIT = SqliteInsert(_AUDIT, [c.name for c in _AUDIT.columns if c.name != "seq"])


_LAST_AUDIT_HASH = SqliteStatement(select(_AUDIT.c.hash).order_by(_AUDIT.c.seq.desc()).limit(1))


def _last_audit_hash(session: Session) -> str:
    row = _LAST_AUDIT_HASH.first(session)
    return str(row[0]) if row else GENESIS_HASH


def audit(session: Session, *, user_id: str, username: str, action: str, subject: str = "",
          event_id: str | None = None, detail: str = "", at: datetime | None = None) -> None:
    """Append one entry to the tamper-evident audit chain (plain statements on the session's
    connection: this runs for every event a desk records)."""
    at = at or utcnow()
    at = at.replace(microsecond=(at.microsecond // 1000) * 1000)  # what the DB keeps round-trips
    prev = _last_audit_hash(session)
    _INSERT_AUDIT.many(_dbapi(session), [dict(
        at=at, user_id=user_id, username=username, action=action, subject=subject, event_id=event_id,
        detail=detail, prev_hash=prev, hash=_audit_hash(prev, at, user_id, username, action, subject, event_id,
                                                        detail))])


def audit_many(session: Session, entries: list[dict[str, Any]], at: datetime | None = None) -> None:
    """Append several entries to the chain at once (same fields as `audit`), in the given order."""
    if not entries:
        return
    at = at or utcnow()
    at = at.replace(microsecond=(at.microsecond // 1000) * 1000)
    session.flush()
    prev = _last_audit_hash(session)
    at_text = at.isoformat()
    rows = []
    for e in entries:
        row = dict(at=at, user_id=e["user_id"], username=e["username"], action=e["action"],
                   subject=e.get("subject", ""), event_id=e.get("event_id"), detail=e.get("detail", ""),
                   prev_hash=prev)
        row["hash"] = prev = _audit_hash(prev, at_text, row["user_id"], row["username"], row["action"],
                                         row["subject"], row["event_id"], row["detail"])
        rows.append(row)
    _INSERT_AUDIT.many(_dbapi(session), rows)


def verify_audit_chain(session: Session) -> list[str]:
    """Problems found in the chain (empty when intact), in Persian for the operator."""
    problems: list[str] = []
    prev = GENESIS_HASH
    rows = session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars()
    for e in rows:
        if e.prev_hash != prev:
            problems.append(f"زنجیره ممیزی در ردیف {e.seq} گسسته است (پیوند به ردیف پیشین نمی‌خورد).")
        expected = _audit_hash(e.prev_hash, e.at, e.user_id, e.username, e.action, e.subject, e.event_id, e.detail)
        if e.hash != expected:
            problems.append(f"ردیف {e.seq} زنجیره ممیزی دست‌کاری شده است (چکیده نمی‌خورد).")
        prev = e.hash
        session.expunge(e)
    return problems


# --- counters --------------------------------------------------------------------------------


_COUNTERS = table_of(Counter)
_BUMP = SqliteStatement(update(_COUNTERS).where(_COUNTERS.c.series == bindparam("s"), _COUNTERS.c.year == bindparam("y"))
                        .values(value=_COUNTERS.c.value + 1).returning(_COUNTERS.c.value))
_NEW_COUNTER = insert(_COUNTERS)


def bump_counter(session: Session, series: str, year: int = 0) -> int:
    """Next value of a per-desk counter, in the caller's transaction (so no number is lost or reused).

    One UPDATE … RETURNING on the session's connection; the first use of a series inserts it."""
    row = _BUMP.first(session, s=series, y=year)
    if row is None:
        session.connection().execute(_NEW_COUNTER, {"series": series, "year": year, "value": 1})
        return 1
    return int(row[0])


def counter_at_least(session: Session, series: str, value: int, year: int = 0) -> bool:
    """The desk's counter `series` (of `year`) moved up to `value`, never down, so the next number
    `bump_counter` gives is past it. True when it moved."""
    session.flush()
    row = session.get(Counter, (series, year))
    if row is None:
        session.add(Counter(series=series, year=year, value=value))
        return True
    if row.value < value:
        row.value = value
        return True
    return False


# --- appending -------------------------------------------------------------------------------


def record(store: Store, session: Session, actor: Actor, event_type: str, aggregate_id: str,
           payload: dict[str, Any], *, subject: str = "") -> EventRecord:
    """Append a local event, fold it, and chain an audit entry — all in the caller's transaction."""
    load_projections()
    aggregate_type = _EVENT_AGGREGATE.get(event_type)
    if aggregate_type is None:
        raise KeyError(f"unknown event type {event_type!r}")
    identity = store.identity
    now = utcnow()
    event = EventRecord(
        id=new_id(), type=event_type, aggregate_type=aggregate_type, aggregate_id=aggregate_id,
        payload=payload, hlc=store.clock.now(), device_id=identity.device_id,
        office_code=actor.office_code or identity.office_code, user_id=actor.user_id,
        recorded_at=now.replace(microsecond=(now.microsecond // 1000) * 1000),
        client_seq=bump_counter(session, "client_seq"), schema_version=1,
    )
    # The row goes in as one plain INSERT and the projector folds the record: the ORM's unit of work
    # per event was a third of a checkout's time.
    insert_events(session, [event])
    apply(session, event)
    audit(session, user_id=actor.user_id, username=actor.username, action=event_type,
          subject=subject or aggregate_id, event_id=event.id, at=event.recorded_at)
    return event


_EVENT_TABLE = table_of(Event)
_EVENT_COLUMNS = tuple(c.key for c in _EVENT_TABLE.columns)
if tuple(f.name for f in fields(EventRecord)) != _EVENT_COLUMNS:  # re-fold reads build records by position
    raise RuntimeError(f"EventRecord's fields must be the events table's columns, in order: {_EVENT_COLUMNS}")
_INSERT_EVENT = SqliteInsert(_EVENT_TABLE, _EVENT_COLUMNS)
_EVENT_VALUES = operator.attrgetter(*_EVENT_COLUMNS)
_SCHEMA_VERSION = _EVENT_COLUMNS.index("schema_version")


def insert_events(session: Session, events: Iterable[FoldEvent]) -> None:
    """Insert events as they are, unfolded (a first sync's snapshot is folded once, at the end)."""
    rows = [_EVENT_VALUES(ev) for ev in events]  # tuples in column order: no mapping per row
    if any(row[_SCHEMA_VERSION] is None for row in rows):  # objects not flushed have none yet
        rows = [row if row[_SCHEMA_VERSION] is not None else (*row[:_SCHEMA_VERSION], 1, *row[_SCHEMA_VERSION + 1:])
                for row in rows]
    raw = _dbapi(session)
    for i in range(0, len(rows), _INSERT_CHUNK):
        _INSERT_EVENT.many_tuples(raw, rows[i:i + _INSERT_CHUNK])


def _records(session: Session, query: SqliteStatement, **params: Any) -> list[EventRecord]:
    """Events read back for a re-fold, as records (no ORM objects to build and track), with a
    typed statement on the DBAPI connection: SQLAlchemy's per-row processing (JSON, instants) was
    half of a first sync's re-fold."""
    session.flush()
    return query.rows(session, **params)


#: The reads of a re-fold: one aggregate's events, and every event after a (hlc, id) in pages.
_AGGREGATE_EVENTS = SqliteStatement(select(*_EVENT_TABLE.c).where(_EVENT_TABLE.c.aggregate_id == bindparam("a"))
                                    .order_by(_EVENT_TABLE.c.hlc, _EVENT_TABLE.c.id), typed=True, row=EventRecord)
_EVENTS_FIRST = SqliteStatement(select(*_EVENT_TABLE.c).order_by(_EVENT_TABLE.c.hlc, _EVENT_TABLE.c.id)
                                .limit(bindparam("n")), typed=True, row=EventRecord)
#: A row-value comparison: SQLite seeks the (hlc, id) index to it. The same condition spelled
#: `hlc > :hlc OR (hlc = :hlc AND id > :id)` scanned the index from its start for every page
#: (at 100k events in, 45 ms a page of 5,000 instead of 27 ms).
_EVENTS_AFTER = SqliteStatement(
    select(*_EVENT_TABLE.c).where(tuple_(_EVENT_TABLE.c.hlc, _EVENT_TABLE.c.id)
                                  > tuple_(bindparam("hlc"), bindparam("id")))
    .order_by(_EVENT_TABLE.c.hlc, _EVENT_TABLE.c.id).limit(bindparam("n")), typed=True, row=EventRecord)


def ingest(session: Session, events: Iterable[FoldEvent], *, username: str = "sync",
           audited: bool = True) -> list[FoldEvent]:
    """Fold events that came from elsewhere; skip ones already held. Returns the new ones.

    An event older (by (hlc, id)) than one already applied to its aggregate re-folds that
    aggregate from its events, so arrival order never changes the result.

    The bookkeeping is per batch, not per event: one query finds the events already held, one
    finds the aggregates that already hold a newer event (they are re-folded once, at the end),
    and the batch is one audit entry (`audit_received`; `audited=False` leaves it to the caller,
    as a pull does for its whole page). Only the projectors run per event, in (hlc, id) order.
    """
    load_projections()
    batch: dict[str, FoldEvent] = {}
    for ev in events:
        batch.setdefault(ev.id, ev)
    if not batch:
        return []
    held = held_ids(session, list(batch))
    fresh = [ev for ev in batch.values() if ev.id not in held]
    if not fresh:
        return []
    fresh.sort(key=lambda e: (e.hlc, e.id))
    stale = _aggregates_holding_newer(session, fresh)
    # plain INSERTs, many rows per statement; the objects stay out of the session (as in `record`)
    insert_events(session, fresh)
    refold = {(ev.aggregate_type, ev.aggregate_id) for ev in fresh if ev.aggregate_id in stale}
    with deferring(session):
        apply_all(session, [ev for ev in fresh if ev.aggregate_id not in stale] if refold else fresh)
        for aggregate_type, aggregate_id in sorted(refold):
            refold_aggregate(session, aggregate_type, aggregate_id)
    if audited:
        audit_received(session, fresh, username=username)
    return fresh


def audit_received(session: Session, fresh: list[FoldEvent], *, username: str = "sync", detail: str = "") -> None:
    """One audit entry for events that came from elsewhere (a pulled page, like a snapshot): how
    many, of which types, from which offices. Each event keeps its own author, device and office;
    the chain records that this store took them in, and when."""
    if not fresh:
        return
    types: dict[str, int] = {}
    for ev in fresh:
        types[ev.type] = types.get(ev.type, 0) + 1
    offices = sorted({ev.office_code for ev in fresh})
    text = (f"{len(fresh)} events from {', '.join(offices)}: "
            + ", ".join(f"{t} ×{n}" for t, n in sorted(types.items())))
    audit(session, user_id=SYSTEM_USER_ID, username=username, action="sync.received",
          subject=fresh[0].id if len(fresh) == 1 else "", event_id=fresh[0].id if len(fresh) == 1 else None,
          detail=f"{detail}; {text}" if detail else text)


#: Events per executemany of the INSERT.
_INSERT_CHUNK = 1000


def held_ids(session: Session, ids: list[str]) -> set[str]:
    """Which of `ids` the store already holds (one statement however many)."""
    if not ids:
        return set()
    session.flush()
    return {row[0] for row in _HELD.rows(session, ids=json_list(ids))}


def _aggregates_holding_newer(session: Session, fresh: list[FoldEvent]) -> set[str]:
    """Aggregate ids for which an event already held sorts after the batch's first one of it.

    `fresh` is sorted by (hlc, id) and not inserted yet (its own events are folded in order), so
    only a late arrival triggers a re-fold. One statement for the whole batch: the (aggregate, hlc,
    id) of each aggregate's first event go in as one JSON array.
    """
    first: dict[str, list[Any]] = {}
    for ev in fresh:
        first.setdefault(ev.aggregate_id, [ev.aggregate_id, ev.hlc, ev.id])
    return {row[0] for row in _NEWER.rows(session, firsts=json_list(list(first.values())))}


json_list: Callable[[Any], str] = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
#: Lists given to one statement as a JSON array read by `json_each` (no IN list to build and bind
#: per value: SQLAlchemy's expansion of a thousand-value IN cost more than the query).
_IDS = func.json_each(bindparam("ids", type_=String)).table_valued("value")
_HELD = SqliteStatement(select(_EVENT_TABLE.c.id).where(_EVENT_TABLE.c.id.in_(select(_IDS.c.value))))
_FIRSTS = func.json_each(bindparam("firsts", type_=String)).table_valued("value")
_FIRST_AGG, _FIRST_HLC, _FIRST_ID = (func.json_extract(_FIRSTS.c.value, f"$[{k}]") for k in range(3))
_NEWER = SqliteStatement(select(_FIRST_AGG).select_from(_FIRSTS).where(exists().where(
    _EVENT_TABLE.c.aggregate_id == _FIRST_AGG, _EVENT_TABLE.c.hlc >= _FIRST_HLC,
    (_EVENT_TABLE.c.hlc > _FIRST_HLC) | (_EVENT_TABLE.c.id > _FIRST_ID))))


def refold_aggregate(session: Session, aggregate_type: str, aggregate_id: str) -> None:
    load_projections()
    reset = _RESETTERS.get(aggregate_type)
    if reset is None:
        raise KeyError(f"no resetter for aggregate type {aggregate_type!r}")
    reset(session, aggregate_id)
    session.flush()
    for ev in _records(session, _AGGREGATE_EVENTS, a=aggregate_id):
        apply(session, ev)


# --- re-fold for `check` ---------------------------------------------------------------------


def projection_digests(session: Session) -> dict[str, str]:
    """SHA-256 over every projection table's rows, ordered by primary key."""
    digests: dict[str, str] = {}
    for name in projection_tables():
        table = Base.metadata.tables[name]
        h = hashlib.sha256()
        order = list(table.primary_key.columns)
        for row in session.execute(select(table).order_by(*order)):
            h.update(repr(tuple(row)).encode())
        digests[name] = h.hexdigest()
    return digests


def refold_all(session: Session, batch: int = 5000, records: Sequence[EventRecord] | None = None) -> None:
    """Delete every projection row and fold all events again in (hlc, id) order.

    `records`, when given, are every event of the store already in memory, in (hlc, id) order
    (a first sync keeps the snapshot's as it stores them): they are folded instead of being read
    back, which was a fifth of a 200k first sync's re-fold (the read and its JSON parse)."""
    load_projections()
    release_kept(session)  # what the transaction kept is about to be deleted
    for name in reversed(projection_tables()):
        session.execute(delete(Base.metadata.tables[name]))
    for extra in _EXTRA_RESET_SQL:
        session.execute(text(extra))
    last: tuple[int, str] | None = None
    # derived state (a copy's status) is recomputed once, after the last chunk: a copy lent
    # through the years was otherwise recomputed in every chunk that held one of its loans
    session.info[_BUFFERS_KEY] = {}  # rows held back to be written many at once (`RowBuffer`)
    try:
        with deferring(session):
            start = 0
            while True:
                if records is not None:
                    chunk = list(records[start:start + batch])
                    start += batch
                elif last is None:
                    chunk = _records(session, _EVENTS_FIRST, n=batch)
                else:
                    chunk = _records(session, _EVENTS_AFTER, hlc=last[0], id=last[1], n=batch)
                if not chunk:
                    break
                apply_all(session, chunk)
                _write_buffers(session, everything=False)
                session.flush()
                last = (chunk[-1].hlc, chunk[-1].id)
                release_kept(session)
                session.expunge_all()
            _write_buffers(session, everything=True)  # before the recomputations read the tables
            session.info.pop(_BUFFERS_KEY)
    finally:
        session.info.pop(_BUFFERS_KEY, None)


#: Raw SQL run before a full re-fold to empty tables that are not ORM models (FTS indexes).
_EXTRA_RESET_SQL: list[str] = []


def register_reset_sql(sql: str) -> None:
    if sql not in _EXTRA_RESET_SQL:
        _EXTRA_RESET_SQL.append(sql)
