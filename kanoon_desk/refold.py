"""Re-folds from the events table: one aggregate (a late arrival) or all of them (`check`, a first sync)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import bindparam, delete, select, text, tuple_
from sqlalchemy.orm import Session

from .fold import (
    _EVENT_AGGREGATE,
    _EVENT_TABLE,
    _RESETTERS,
    UNKNOWN_KINDS_KEY,
    EventRecord,
    apply,
    apply_all,
    deferring,
    keep_held_kinds,
    load_projections,
)
from .models import Base, projection_tables
from .projection_rows import insert_values_many, release_kept
from .sqlite_statement import SqliteStatement


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


def refold_aggregate(session: Session, aggregate_type: str, aggregate_id: str) -> None:
    load_projections()
    reset = _RESETTERS.get(aggregate_type)
    if reset is None:
        if aggregate_type not in _EVENT_AGGREGATE.values():  # a newer version's: its events are held unfolded
            return
        raise KeyError(f"no resetter for aggregate type {aggregate_type!r}")
    reset(session, aggregate_id)
    session.flush()
    for ev in _records(session, _AGGREGATE_EVENTS, a=aggregate_id):
        apply(session, ev)


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
        # every event was met: the kinds held unfolded are exactly those `apply` left
        keep_held_kinds(session, session.info.pop(UNKNOWN_KINDS_KEY, set()))
    finally:
        session.info.pop(_BUFFERS_KEY, None)


#: Raw SQL run before a full re-fold to empty tables that are not ORM models (FTS indexes).
_EXTRA_RESET_SQL: list[str] = []


def register_reset_sql(sql: str) -> None:
    if sql not in _EXTRA_RESET_SQL:
        _EXTRA_RESET_SQL.append(sql)
