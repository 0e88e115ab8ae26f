"""Pull: the office's events coming down after the cursor, or as a snapshot the first time, folded in."""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Table, bindparam, func, select, update

from .. import eventlog
from ..digest import EventDigest, canonical_hash, canonical_json
from ..models import Event
from ..sqlite_bulk import JsonText
from ..state_keys import K_ACKED, K_CURSOR, K_DIGESTS, K_SNAP_CURSOR, K_SNAP_UPTO
from . import protocol as p
from .progress import PULL, SNAPSHOT
from .report import SyncReport
from .transport import Connection
from .verify import _ROWID, _digest_cache_text

INGEST_SLICE = 100
#: A first sync folds at most this many events from memory (about 1 kB each: 195 MB for the 200k
#: benchmark office); past it the kept events are dropped and the re-fold reads them back.
SNAPSHOT_KEPT_MAX = 250_000
#: The desk's events table for Core statements.
_EVENTS: Table = Event.__table__  # type: ignore[assignment]


class PullMixin(Connection):
    """`SyncClient`'s pull step, with the first sync's snapshot."""

    def pull(self, report: SyncReport) -> dict[str, p.AggregateSummary] | None:
        """Fetch pages after the stored cursor; each page and its cursor in one local transaction."""
        if self.store.get_state(K_CURSOR) is None:
            self.snapshot(report)
        while True:
            cursor = self._int_state(K_CURSOR)
            with _collector_paused():
                page = self._pull_page(cursor)
                self._after_reply(report, page.server_hlc, page.server_time_ms)
                with self.store.transaction() as s:
                    if self._int_state(K_CURSOR) != cursor:  # another round moved on meanwhile
                        continue
                    fresh = []
                    rows = [_event_row(ev) for ev in page.events]
                    # One transaction, folded in slices: the projectors' UPDATE/DELETE statements scan the
                    # session's identity map, which grows with the slice (100 measured best on real events).
                    with eventlog.deferring(s):  # a copy's status once per page, not once per event
                        for i in range(0, len(rows), INGEST_SLICE):
                            fresh += eventlog.ingest(s, rows[i:i + INGEST_SLICE], audited=False)
                    if len(fresh) < len(rows):  # held already: pulled again after a rewind (`rewind`)
                        new_ids = {ev.id for ev in fresh}
                        placed = s.execute(update(_EVENTS).where(_EVENTS.c.id == bindparam("event_id"),
                                                                _EVENTS.c.server_seq.is_(None))
                                           .values(server_seq=bindparam("seq")),
                                           [{"event_id": ev.id, "seq": ev.server_seq} for ev in page.events
                                            if ev.id not in new_ids])
                        if getattr(placed, "rowcount", -1) != 0:  # placed again: counted again (`local_summary`)
                            self.store.set_state(s, K_DIGESTS, "")
                        # The device that recorded an event is the one the server holds it under. A desk
                        # restored and made a new device (`enrolment.replace_device`) moved its unsent
                        # events to the new device; those the old one had sent after the backup come
                        # back here (a pull leaves out only the asking device's own) under the old one.
                        s.execute(update(_EVENTS).where(_EVENTS.c.id == bindparam("event_id"),
                                                        _EVENTS.c.device_id != bindparam("device"))
                                  .values(device_id=bindparam("device")),
                                  [{"event_id": ev.id, "device": ev.device_id} for ev in page.events
                                   if ev.id not in new_ids])
                    eventlog.audit_received(s, fresh, detail=f"pull after {cursor} to {page.next_cursor}")
                    self.store.set_state(s, K_CURSOR, str(page.next_cursor))
            report.pulled += len(fresh)
            report.cursor = page.next_cursor
            if page.events:
                self.control.tell(PULL, report.pulled)
            if fresh:  # a stamp far past the server's time is not followed (`HybridClock.merge`)
                self.store.clock.merge(max(ev.hlc for ev in fresh), page.server_time_ms)
            if not page.has_more:
                return page.summary

    def _pull_page(self, cursor: int) -> p.PullResponse:
        req = p.PullRequest(cursor=cursor, limit=self.page_size, summary=True, hlc=self.store.clock.last)
        return self.call("POST", "/v1/pull", p.PullResponse, json=req.model_dump(mode="json"))

    def _snapshot_page(self, cursor: int, upto: int) -> p.SnapshotResponse:
        return self.call("GET", "/v1/snapshot", p.SnapshotResponse,
                         params={"cursor": cursor, "upto": upto, "limit": self.snapshot_page_size})

    def snapshot(self, report: SyncReport) -> None:
        """First sync: every event the office sees, inserted in bulk, then one full re-fold.

        A desk that held no events takes the round check's running digests from the pages as they
        arrive (their events are all it holds), so its first check does not read them all back."""
        with self.store.read() as s:
            empty = self._int_state(K_SNAP_CURSOR) == 0 and s.scalar(select(func.count()).select_from(Event)) == 0
        digests: dict[str, EventDigest] | None = {} if empty else None
        # an empty desk keeps the events it stores, parsed, and folds them from memory (all its
        # events are those); a resumed or oversized snapshot reads them back instead
        kept: list[eventlog.EventRecord] | None = [] if empty else None
        # the collector stays off from the first page to the fold: it would otherwise walk the kept
        # events at each pass (cycles made meanwhile are collected after)
        with _collector_paused(), ThreadPoolExecutor(max_workers=1, thread_name_prefix="kanoon-snapshot") as wire:
            coming: Future[p.SnapshotResponse] | None = wire.submit(
                self._snapshot_page, self._int_state(K_SNAP_CURSOR), self._int_state(K_SNAP_UPTO))
            while coming is not None:
                page = coming.result()
                # the next page is asked for while this one is stored: the server builds it, and
                # it travels, meanwhile (a crash drops it unstored; the stored cursor asks again)
                coming = wire.submit(self._snapshot_page, page.next_cursor, page.upto) if page.has_more else None
                self._store_snapshot_page(report, page, digests, kept)
                self.control.tell(SNAPSHOT, report.snapshot)
                if kept is not None and len(kept) > SNAPSHOT_KEPT_MAX:
                    kept = None
            if kept is not None:
                kept.sort(key=_fold_order)
            with self.store.transaction() as s:
                eventlog.refold_all(s, records=kept)
                upto = self._int_state(K_SNAP_UPTO)
                eventlog.audit(s, user_id=eventlog.SYSTEM_USER_ID, username="sync", action="sync.snapshot",
                               detail=f"{report.snapshot} events up to {upto}")
                self.store.set_state(s, K_CURSOR, str(upto))
                if digests is not None:  # in the same transaction as the events they count
                    top = int(s.scalar(select(func.max(_ROWID)).select_from(Event)) or 0)
                    self.store.set_state(s, K_DIGESTS, _digest_cache_text(top, self._int_state(K_ACKED), digests))
        report.cursor = upto

    def _store_snapshot_page(self, report: SyncReport, page: p.SnapshotResponse,
                             digests: dict[str, EventDigest] | None,
                             kept: list[eventlog.EventRecord] | None = None) -> None:
        """One snapshot page's new events inserted unfolded, with its cursor, in one transaction."""
        self._after_reply(report, page.server_hlc, page.server_time_ms)
        with self.store.transaction() as s:
            have = eventlog.held_ids(s, [ev.id for ev in page.events])
            # each payload encoded once, canonically: the row stores that text and the
            # running digest hashes it (no second encoding for either)
            new = [(ev, JsonText(canonical_json(ev.payload))) for ev in page.events if ev.id not in have]
            rows = [_event_row(ev, text) for ev, text in new]
            eventlog.insert_events(s, rows)
            if kept is not None:
                kept += [_event_row(ev) for ev, _ in new]
            if digests is not None:
                for ev, text in new:
                    d = digests.get(ev.aggregate_type)
                    if d is None:
                        d = digests[ev.aggregate_type] = EventDigest()
                    d.add_hash(canonical_hash(ev.id, ev.type, text, ev.hlc))
            self.store.set_state(s, K_SNAP_UPTO, str(page.upto))
            self.store.set_state(s, K_SNAP_CURSOR, str(page.next_cursor))
        report.snapshot += len(rows)
        if page.events:
            self.store.clock.merge(max(ev.hlc for ev in page.events), page.server_time_ms)


def _event_row(ev: p.EventOut, payload: Any = None) -> eventlog.EventRecord:
    """The event as the desk's fold takes it (positional: EventRecord's fields are the events
    table's columns, checked at import; pulled events have no client_seq). `payload`, when given,
    replaces the parsed one (a snapshot passes its canonical JSON text, stored as it is).

    The names repeated across events (type, device, office, user) are interned: a first sync
    keeps its records to fold from memory, and this is a quarter less of it (975 bytes an event
    instead of 1,314, measured on the 200k benchmark office)."""
    return eventlog.EventRecord(ev.id, sys.intern(ev.type), sys.intern(ev.aggregate_type), ev.aggregate_id,
                                ev.payload if payload is None else payload, ev.hlc, sys.intern(ev.device_id),
                                sys.intern(ev.office_code), sys.intern(ev.user_id), ev.recorded_at,
                                ev.schema_version, None, ev.server_seq)


def _fold_order(record: eventlog.EventRecord) -> tuple[int, str]:
    return record.hlc, record.id


_PAUSE_LOCK = threading.Lock()
_pauses = [0, False]  # open pauses, and whether the collector was on when the first began


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a page is parsed and folded.

    A page of 5,000 events makes a few hundred thousand objects that reference counting frees;
    meanwhile the collector's full passes walked every object of the process (the app's included),
    a third of a small first sync's time measured. Cycles made meanwhile are collected after.
    Pauses from several threads nest: the collector comes back when the last one ends."""
    with _PAUSE_LOCK:
        if _pauses[0] == 0:
            _pauses[1] = gc.isenabled()
            gc.disable()
        _pauses[0] += 1
    try:
        yield
    finally:
        with _PAUSE_LOCK:
            _pauses[0] -= 1
            if _pauses[0] == 0 and _pauses[1]:
                gc.enable()
