"""The single path that appends an event and folds it into the projections, in one transaction.

Services call `record`; sync calls `ingest`; `check` re-folds everything (`refold_all`,
`projection_digests`). Nothing else writes projection tables.

This module is also the event log's one import for callers (`eventlog.record`, `eventlog.audit`,
`eventlog.Actor`…): the parts live in sibling modules and their public names are re-exported here
(`__all__`) — the fold and its registries (`fold`), prebuilt SQLite statements
(`sqlite_statement`), projection rows written without the ORM (`projection_rows`), the audit chain
(`audit_chain`), counters (`counters`) and re-folds (`refold`).
"""

from __future__ import annotations

import json
import operator
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import String, bindparam, exists, func, select
from sqlalchemy.orm import Session

from .audit_chain import GENESIS_HASH, audit, audit_many, verify_audit_chain
from .counters import bump_counter, counter_at_least
from .fold import (
    _EVENT_AGGREGATE,
    _EVENT_COLUMNS,
    _EVENT_TABLE,
    K_UNKNOWN_KINDS,
    UNKNOWN_KINDS_KEY,
    BatchProjector,
    EventRecord,
    FoldEvent,
    Projector,
    Resetter,
    TwinFact,
    apply,
    apply_all,
    batch_projector,
    conflict_facts,
    defer,
    defer_each,
    deferring,
    held_kinds,
    keep_held_kinds,
    known_event_types,
    load_projections,
    note_unknown_kinds,
    projector,
    raise_conflict,
    raise_twin_conflict,
    resetter,
    run_after_fold,
)
from .ids import new_id
from .models import utcnow
from .persian_script import SEARCH_FOLDS, letter_number, search_key
from .projection_rows import insert_row, insert_values, insert_values_many, kept, refresh_held, release_kept
from .refold import (
    RowBuffer,
    projection_digests,
    refold_aggregate,
    refold_all,
    register_reset_sql,
    row_buffer,
)
from .sqlite_bulk import SqliteInsert
from .sqlite_statement import SqliteStatement, _dbapi, column_setter, json_list

if TYPE_CHECKING:
    from .store import Store

__all__ = [
    # this module: who acts, appending and ingesting events
    "SYSTEM_USER_ID", "Actor", "system_actor", "record", "insert_events", "ingest", "audit_received",
    "held_ids", "fold_held_kinds", "refold_once", "REFOLDS", "REKEYS", "rekey", "RENUMBERS", "renumber", "K_REFOLDS_DONE",
    # fold: event records, projector registries, dispatch, deferred work, conflicts
    "EventRecord", "FoldEvent", "Projector", "Resetter", "BatchProjector", "TwinFact", "projector",
    "batch_projector", "resetter", "load_projections", "known_event_types", "apply", "apply_all",
    "deferring", "defer", "defer_each", "raise_conflict", "conflict_facts", "raise_twin_conflict",
    # sqlite_statement, projection_rows: the fold's SQL
    "SqliteStatement", "column_setter", "json_list", "insert_row", "insert_values",
    "insert_values_many", "refresh_held", "kept", "release_kept",
    # audit_chain, counters
    "GENESIS_HASH", "audit", "audit_many", "verify_audit_chain", "bump_counter", "counter_at_least",
    # refold
    "RowBuffer", "row_buffer", "refold_aggregate", "projection_digests", "refold_all", "register_reset_sql",
]

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
        payload=payload, hlc=_stamp(store, session), device_id=identity.device_id,
        office_code=actor.office_code or identity.office_code, user_id=actor.user_id,
        recorded_at=now.replace(microsecond=(now.microsecond // 1000) * 1000),
        client_seq=bump_counter(session, "client_seq"), schema_version=1,
    )
    # The row goes in as one plain INSERT and the projector folds the record: the ORM's unit of work
    # per event was a third of a checkout's time.
    insert_events(session, [event])
    apply(session, event)
    run_after_fold(session, [event], local=True)
    audit(session, user_id=actor.user_id, username=actor.username, action=event_type,
          subject=subject or aggregate_id, event_id=event.id, at=event.recorded_at)
    return event


#: The store's newest stamp (the (hlc, id) index's last entry: one step, however long the history).
_NEWEST_HLC = SqliteStatement(select(func.max(_EVENT_TABLE.c.hlc)))


def _stamp(store: Store, session: Session) -> int:
    """A stamp for a local event, past every event the store holds.

    The store's clock follows the events this process records and pulls, but not those another
    process wrote into the same file meanwhile: a `kanoon-desk sync` run beside the open app brings
    down another desk's case stamped a minute ahead (its clock is), and the expert's review of it in
    the app, stamped by the app's clock, sorted before the case itself. The app showed it reviewed;
    every re-fold (the other desks, `check`, a restore's check) folded the review first and lost it.
    The write transaction holds the store's write lock here, so no stamp can come in between."""
    newest = _NEWEST_HLC.first(session)
    if newest is not None and newest[0] is not None and int(newest[0]) > store.clock.last:
        store.clock.merge(int(newest[0]))  # (a stamp far past the trusted clock is not followed)
    return store.clock.now()


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
        run_after_fold(session, fresh)
    note_unknown_kinds(session)  # a newer version's kinds: held, folded once this desk is updated
    if audited:
        audit_received(session, fresh, username=username)
    return fresh


def fold_held_kinds(store: Store) -> list[str]:
    """Fold the events an earlier version held unfolded (`fold.apply`: kinds it did not know)
    that this version knows: each aggregate holding one is folded again from its events, as a
    late arrival is, in one transaction. Run when a store is opened after its migrations; the
    kinds still unknown stay held. Returns the kinds folded (none: one read of desk_state)."""
    if not store.get_state(K_UNKNOWN_KINDS):
        return []
    load_projections()
    with store.transaction() as s:
        held = held_kinds(s)
        now = sorted(k for k in held if k in _EVENT_AGGREGATE)
        if not now:
            return []
        aggregates = s.execute(select(_EVENT_TABLE.c.aggregate_type, _EVENT_TABLE.c.aggregate_id)
                               .where(_EVENT_TABLE.c.type.in_(now)).distinct()).all()
        with deferring(s):
            for aggregate_type, aggregate_id in sorted(aggregates):
                refold_aggregate(s, aggregate_type, aggregate_id)
        still: set[str] = s.info.pop(UNKNOWN_KINDS_KEY, set())
        keep_held_kinds(s, (held - set(now)) | still)
    return now


#: desk_state key: the re-folds of `REFOLDS` done on this store (JSON list, sorted).
K_REFOLDS_DONE = "fold.refolds_done"
#: Events an earlier release folded otherwise than this one, each by (event type, payload key): the
#: aggregates holding such an event are folded again once, when a store is opened by this version.
#: - "hand_over_sender": a case handed over from one cartable to another (`hand_over`, a
#:   `case.referred` with `handed_over_from`) keeps its sender; a desk of a release before
#:   23e44d0 (7 Dec 2026) read the admin who handed it over as its sender, and kept that once
#:   updated (its referrals were not those a re-fold makes: `check` failed, and recall and
#:   «بازگرداندن» went by the admin).
REFOLDS: dict[str, tuple[str, str]] = {"hand_over_sender": ("case.referred", "handed_over_from")}

#: Search keys an earlier release made otherwise: the stored keys (a member's `name_key`, a case's
#: `subject_key`, the words of `case_fts` and `lib_titles_fts`) brought up to date once, when a store is opened by
#: this version, each from itself (`persian.search_key` of a key is the key this release makes of
#: the text), only where the key holds a letter the change is about.
#: - "search_folds": the letters of `persian.SEARCH_FOLDS` (ة ۀ ھ أ إ آ ؤ ئ …) fold in the key
#:   since 7 Dec 2026; a store's keys made before held them as typed, and «رویا» did not find
#:   «رؤیا», «فاطمه» not «فاطمة».
REKEYS: dict[str, str] = {"search_folds": "".join(SEARCH_FOLDS)}
#: The stored search keys: (table, key column, what a row is told apart by).
_KEYED: tuple[tuple[str, str, str], ...] = (
    ("lib_members", "name_key", "id"), ("case_fts", "body", "rowid"), ("lib_titles_fts", "body", "rowid"),
    ("case_keys", "subject_key", "case_id"))


#: Letter numbers an earlier release stored as typed: brought to `persian.letter_number` once, when a
#: store is opened by this version (the fold makes them so since; `check` then finds the rows as a
#: re-fold makes them), each (table, column) read whole and only the numbers that change rewritten.
#: - "letter_numbers": a forwarding or follow-up letter's number typed «۱۲۳ / ۴۵» (spaces around
#:   the slash or dash, a dash of another kind) was stored «123 / 45», and «123/45» did not find it
#:   (since 7 Dec 2026 both are «123/45»).
RENUMBERS: dict[str, tuple[tuple[str, str], ...]] = {
    "letter_numbers": (("forwards", "letter_no"), ("follow_ups", "letter_no"))}


def renumber(session: Session, columns: tuple[tuple[str, str], ...]) -> int:
    """Each stored letter number in these (table, column) made again by `letter_number`; the rows
    rewritten."""
    raw = _dbapi(session)
    done = 0
    for table_name, column in columns:
        rows = raw.execute(f"SELECT id, {column} FROM {table_name} WHERE {column} <> ''").fetchall()
        changed = [(new, row_id) for row_id, value in rows if (new := letter_number(value)) != value]
        raw.executemany(f"UPDATE {table_name} SET {column} = ? WHERE id = ?", changed)
        done += len(changed)
    return done


def rekey(session: Session, letters: str) -> int:
    """Each stored search key holding one of `letters` made again from itself (`search_key`, the
    SQL function `fa_search_key` each connection has); the keys rewritten."""
    pattern = "*[" + letters + "]*"
    raw = _dbapi(session)
    done = 0
    for table_name, column, key in _KEYED:
        rows = raw.execute(f"SELECT {key}, {column} FROM {table_name} WHERE {column} GLOB ?", (pattern,)).fetchall()
        keyed = [(search_key(value), value, row_id) for row_id, value in rows]
        changed = [(new, row_id) for new, value, row_id in keyed if new != value]
        raw.executemany(f"UPDATE {table_name} SET {column} = ? WHERE {key} = ?", changed)
        done += len(changed)
    return done


def refold_once(store: Store) -> list[str]:
    """Fold again, once per store, the aggregates an earlier release folded otherwise (`REFOLDS`),
    in one transaction; run when a store is opened after its migrations. Returns the re-folds done
    (none: one read of desk_state)."""
    done = set(json.loads(store.get_state(K_REFOLDS_DONE) or "[]"))
    todo = sorted((set(REFOLDS) | set(REKEYS) | set(RENUMBERS)) - done)
    if not todo:
        return []
    load_projections()
    with store.transaction() as s:
        aggregates: set[tuple[str, str]] = set()
        for name in todo:
            if name in REKEYS:
                rekey(s, REKEYS[name])
                continue
            if name in RENUMBERS:
                renumber(s, RENUMBERS[name])
                continue
            kind, key = REFOLDS[name]
            aggregates.update(s.execute(select(_EVENT_TABLE.c.aggregate_type, _EVENT_TABLE.c.aggregate_id)
                                        .where(_EVENT_TABLE.c.type == kind,
                                               func.json_extract(_EVENT_TABLE.c.payload, f"$.{key}").isnot(None))
                                        .distinct()).all())
        with deferring(s):
            for aggregate_type, aggregate_id in sorted(aggregates):
                refold_aggregate(s, aggregate_type, aggregate_id)
        note_unknown_kinds(s)
        store.set_state(s, K_REFOLDS_DONE, json.dumps(sorted(done | set(todo))))
    return todo


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


#: Lists given to one statement as a JSON array read by `json_each` (no IN list to build and bind
#: per value: SQLAlchemy's expansion of a thousand-value IN cost more than the query).
_IDS = func.json_each(bindparam("ids", type_=String)).table_valued("value")
_HELD = SqliteStatement(select(_EVENT_TABLE.c.id).where(_EVENT_TABLE.c.id.in_(select(_IDS.c.value))))
_FIRSTS = func.json_each(bindparam("firsts", type_=String)).table_valued("value")
_FIRST_AGG, _FIRST_HLC, _FIRST_ID = (func.json_extract(_FIRSTS.c.value, f"$[{k}]") for k in range(3))
_NEWER = SqliteStatement(select(_FIRST_AGG).select_from(_FIRSTS).where(exists().where(
    _EVENT_TABLE.c.aggregate_id == _FIRST_AGG, _EVENT_TABLE.c.hlc >= _FIRST_HLC,
    (_EVENT_TABLE.c.hlc > _FIRST_HLC) | (_EVENT_TABLE.c.id > _FIRST_ID))))
