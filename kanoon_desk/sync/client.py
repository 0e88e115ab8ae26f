"""The desk side of the protocol: enrol once, then rounds of push, pull and verify.

Everything a round learns is stored in the same local transaction as the data it concerns (an
acknowledged batch with its outbox position, a pulled page with its cursor), so a round cut at any
point — lost reply, dropped connection, kill -9 — resumes without losing or repeating anything.
"""

from __future__ import annotations

import gc
import json
import ssl
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from itertools import chain
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import certifi
import httpx
from pydantic import BaseModel, ValidationError
from sqlalchemy import (
    String,
    Table,
    bindparam,
    delete,
    func,
    literal,
    literal_column,
    select,
    type_coerce,
    update,
)

from .. import eventlog
from ..digest import EventDigest, canonical_hash, canonical_json, digest_per_type
from ..errors import QT_TRANSLATE_NOOP
from ..errors import ValidationError as FieldError
from ..ids import MAX_DRIFT_MS, new_id
from ..models import Counter, DeskState, Event, utcnow
from ..models.sync import SyncLog, SyncRejection
from ..persian import to_ascii_digits
from ..projections import conflicts as _conflict_projection  # noqa: F401 - registers conflict.resolved
from ..services.accounts import require
from ..services.numbers import numbers_issued
from ..sqlite_bulk import JsonText
from ..store import K_RESTORED_AT, Store
from . import errors as e
from . import protocol as p

K_SERVER, K_SECRET = "sync.server_url", "sync.secret"
K_ACKED, K_CURSOR = "sync.acked_seq", "sync.cursor"
K_SNAP_UPTO, K_SNAP_CURSOR = "sync.snapshot_upto", "sync.snapshot_cursor"
K_LAST_OK, K_LAST_TRY, K_SKEW = "sync.last_ok_at", "sync.last_attempt_at", "sync.skew_ms"
#: How the last round ended, kept for the status bar across a restart: why it stopped (the
#: `errors.SyncError` subclass's name, "" when it finished) and its Persian message (a template).
K_LAST_FAILURE, K_LAST_ERROR = "sync.last_failure", "sync.last_error"
#: The name of this store (`p.HelloRequest`), and its next name while a recovery is under way.
K_STORE, K_STORE_NEXT = "sync.store_id", "sync.store_next"
#: The running digests of what the server should hold, with the event row and outbox position
#: they were counted up to (see `SyncClient.local_summary`).
K_DIGESTS = "sync.digests"

M = TypeVar("M", bound=BaseModel)
INGEST_SLICE = 100
#: A first sync folds at most this many events from memory (about 1 kB each: 195 MB for the 200k
#: benchmark office); past it the kept events are dropped and the re-fold reads them back.
SNAPSHOT_KEPT_MAX = 250_000
#: What a push body's events may take: the server's cap, less room for the rest of the body.
_PUSH_BODY_ROOM = p.MAX_PUSH_BYTES - 64 * 1024
#: The clock skew kept in desk_state is refreshed when it moves by this much.
SKEW_RESOLUTION_MS = 1000
EVENTS: Table = Event.__table__  # type: ignore[assignment]


CLOCK_SKEW = QT_TRANSLATE_NOOP("Errors", "ساعت این رایانه حدود {minutes} دقیقه با کارگزار اختلاف دارد؛ ساعت را درست کنید")
ATTACHMENT_PENDING = QT_TRANSLATE_NOOP("Errors", "پیوست {sha} هنوز به کارگزار نرسیده است؛ در همگام‌سازی بعدی دوباره خواسته می‌شود")
ATTACHMENT_NOT_HERE = QT_TRANSLATE_NOOP("Errors", "پرونده پیوست {sha} که در این میز ثبت شده در این رایانه نیست و به کارگزار فرستاده نشد (شاید پوشه پیوست‌ها با پایگاه داده برگردانده نشده است)؛ اگر آن را برگردانید، در همگام‌سازی بعدی فرستاده می‌شود")
RECOVERED = QT_TRANSLATE_NOOP("Errors", "این میز از پشتیبانی کهنه‌تر از کارگزار برگردانده شده بود: {lost} رویداد خودش را که نداشت از کارگزار گرفت و {renumbered} رویداد فرستاده‌نشده را پس از آن‌ها شماره زد؛ چیزی گم یا دوبار نشد")
#: The server's reason for an event whose client sequence number another event of the device
#: holds (`server.exchange._seq_used`): refused so before desks took their own events back.
SEQ_USED_PREFIX = "client sequence number "


class SyncWarning(NamedTuple):
    """Something the clerk should know although the round went on: a template and its values."""

    template: str
    params: tuple[tuple[str, Any], ...] = ()

    def text(self) -> str:
        return self.template.format(**dict(self.params))


@dataclass
class SyncReport:
    """What one round did; `ok` False means it stopped early (nothing is lost: run it again)."""

    started_at: datetime = field(default_factory=utcnow)
    ok: bool = False
    pushed: int = 0
    duplicates: int = 0
    rejected: int = 0
    pulled: int = 0
    snapshot: int = 0
    uploaded: int = 0
    downloaded: int = 0
    resends: int = 0
    #: Own events taken back from the server (a desk restored from an old backup), and own
    #: events not yet sent that were numbered past them.
    recovered: int = 0
    renumbered: int = 0
    #: SMS notices whose outcome the server told anew (sent, or given up)
    sms_changed: int = 0
    cursor: int = 0
    mismatches: list[str] = field(default_factory=list)
    #: Persian templates (marked for translation, `{name}` placeholders) with their values.
    warnings: list[SyncWarning] = field(default_factory=list)
    error: str | None = None
    error_detail: str = ""
    #: Why it stopped, as the `errors.SyncError` subclass's name ("UpgradeRequired",
    #: "AuthRefused", "Offline", ...): the command line's exit code says it.
    failure: str = ""

    def summary_line(self) -> str:
        """One line, Persian then English, for the command line and the log."""
        if self.ok:
            fa = (f"همگام‌سازی انجام شد: {self.pushed} رویداد فرستاده، {self.pulled + self.snapshot} رویداد دریافت، "
                  f"{self.rejected} رد شده")
            en = (f"sync ok: pushed {self.pushed}, pulled {self.pulled + self.snapshot}, rejected {self.rejected}, "
                  f"cursor {self.cursor}")
        else:
            fa = f"همگام‌سازی ناتمام ماند: {self.error or ''}"
            en = f"sync failed: {self.error_detail or 'see log'}"
        if self.warnings:
            fa += " — " + "؛ ".join(w.text() for w in self.warnings)
        return f"{fa} | {en}"


class SyncClient:
    """Talks to one server for one desk store. `transport` lets tests inject faults."""

    def __init__(self, store: Store, base_url: str | None = None, transport: httpx.BaseTransport | None = None,
                 *, batch_size: int = p.DEFAULT_BATCH, page_size: int = p.DEFAULT_PAGE,
                 snapshot_page_size: int = p.MAX_PAGE, retries: int = 3, timeout: float = 30.0,
                 backoff: float = 0.2) -> None:
        self.store = store
        base_url = base_url or store.get_state(K_SERVER)
        if not base_url:
            raise e.SyncError(e.MSG_NOT_ENROLLED, "no server url in desk_state")
        self.base_url = base_url.rstrip("/")
        # the server refuses larger batches and pages: ask for at most what it allows
        self.batch_size, self.page_size = max(1, min(batch_size, p.MAX_BATCH)), max(1, min(page_size, p.MAX_PAGE))
        self.snapshot_page_size = max(1, min(snapshot_page_size, p.MAX_PAGE))
        self.retries, self.backoff = retries, backoff
        #: Ask for compact push answers (`p.PushRequest.compact`); turned off for a server that
        #: does not know them.
        self.compact = True
        #: The name of this store the server follows (`p.HEADER_STORE`), known after `hello`.
        self._store_name: str | None = None
        self.http = httpx.Client(base_url=self.base_url, transport=transport, timeout=timeout, verify=tls_context())

    def close(self) -> None:
        self.http.close()

    # -- HTTP ------------------------------------------------------------------------------------

    def _headers(self, authenticated: bool = True) -> dict[str, str]:
        h = {p.HEADER_PROTOCOL: str(p.PROTOCOL_VERSION), p.HEADER_SCHEMA: str(p.SCHEMA_VERSION)}
        if authenticated:
            secret = self.store.get_state(K_SECRET)
            if not secret:
                raise e.SyncError(e.MSG_NOT_ENROLLED, "no device secret in desk_state")
            h["Authorization"] = f"Bearer {self.store.identity.device_id}:{secret}"
            if self._store_name:
                h[p.HEADER_STORE] = self._store_name
        return h

    def call(self, method: str, path: str, model: type[M], *, json: Any = None, content: bytes | None = None,
             params: dict[str, Any] | None = None, authenticated: bool = True) -> M:
        """One request with retries on transport errors and 503; maps refusals to SyncError."""
        last: Exception | None = None
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * attempt)
            try:
                headers = self._headers(authenticated)
                if content is not None:
                    headers["Content-Type"] = "application/json"
                r = self.http.request(method, path, json=json, content=content, params=params, headers=headers)
            except httpx.TransportError as exc:
                last = exc
                continue
            if r.status_code == 503 or r.status_code >= 500:
                last = RuntimeError(f"HTTP {r.status_code}: {r.text[:200]}")
                continue
            if r.status_code == 426:
                raise e.UpgradeRequired(e.MSG_UPGRADE, _reason(r))
            if r.status_code in (401, 403):
                raise e.AuthRefused(e.MSG_AUTH, _reason(r))
            if r.status_code == 409 and _error_code(r) == "store_copied":
                raise e.StoreCopied(e.MSG_STORE_COPIED, _reason(r))
            if r.status_code >= 400:
                raise e.Refused(e.MSG_REFUSED, f"HTTP {r.status_code}: {_reason(r)}")
            try:
                return model.model_validate_json(r.content)
            except ValidationError as exc:
                last = exc
                continue
        raise e.Offline(e.MSG_OFFLINE, f"{type(last).__name__}: {last}")

    # -- bookkeeping -----------------------------------------------------------------------------

    def _int_state(self, key: str) -> int:
        return int(self.store.get_state(key) or 0)

    def _after_reply(self, report: SyncReport, server_hlc: int, server_time_ms: int) -> None:
        # The server's wall clock is the one the desk's clock trusts (`HybridClock`): a stamp past
        # it is not followed, and the desk's own stamps, run far ahead while the computer's clock
        # was wrong, go back to the wall clock once it is right again.
        self.store.clock.merge(server_hlc, server_time_ms)
        skew = self.store.clock.skew_ms(server_time_ms)
        stored = self.store.get_state(K_SKEW)
        # Written only when it moved by a second or more: a commit per reply (an fsync each) was a
        # quarter of a push's time on the desk, for a figure the status bar shows in minutes.
        if stored is None or abs(int(stored) - skew) >= SKEW_RESOLUTION_MS:
            with self.store.transaction() as s:
                self.store.set_state(s, K_SKEW, str(skew))
        if abs(skew) > MAX_DRIFT_MS:
            minutes = round(abs(skew) / 60000)
            warning = SyncWarning(CLOCK_SKEW, (("minutes", minutes),))
            if warning not in report.warnings:
                report.warnings.append(warning)

    # -- first contact: the store's name, and own events the server holds that this desk lacks ---

    def hello(self, report: SyncReport) -> None:
        """The round's first request: the server checks this store's name (a copy of the desk on
        another computer is refused, `e.StoreCopied`) and says the highest client sequence number
        it holds from this device; past this desk's own, the desk takes its own events back
        (`recover`). A server from before `hello` (404) is not asked again this round."""
        name = self.store.get_state(K_STORE)
        if not name:
            name = new_id()
            with self.store.transaction() as s:
                self.store.set_state(s, K_STORE, name)
        pending = self.store.get_state(K_STORE_NEXT)
        try:
            answer = self._hello(name, pending)
        except e.Refused as exc:
            if exc.detail.startswith("HTTP 404"):
                return
            raise
        self._store_name = pending or name
        self._after_reply(report, answer.server_hlc, answer.server_time_ms)
        self.recover(report, answer.last_client_seq, name, pending)

    def _hello(self, name: str, renamed: str | None) -> p.HelloResponse:
        req = p.HelloRequest(store_id=name, next_store_id=renamed)
        return self.call("POST", "/v1/hello", p.HelloResponse, json=req.model_dump(mode="json", exclude_none=True))

    def recover(self, report: SyncReport, last: int, name: str, pending: str | None) -> None:
        """Take back the device's own events the server holds and this desk does not (it was
        restored from a backup older than its last push), and number the desk's events not yet
        sent past the server's number, so nothing is lost and nothing is sent twice.

        The server holds events of this device up to client sequence number `last`; the desk's
        own acknowledged position is lower, or some of its events were refused because their
        number was taken (by a desk before this one recovered). The events the server holds past
        the lower of those are fetched: those the desk holds are acknowledged, the others are
        folded in like pulled ones (own events, with no outbox number). If any was missing, the
        store takes a new name on the server first (`p.HelloRequest`: a copy of the store under
        the old name is refused from then on), then one local transaction folds them, renumbers
        the outbox and the refused events past `last`, and stores the new name."""
        acked = self._int_state(K_ACKED)
        with self.store.read() as s:
            reused = dict(s.execute(select(SyncRejection.event_id, SyncRejection.client_seq).where(
                SyncRejection.reason.startswith(SEQ_USED_PREFIX, autoescape=True))).all())
        if last <= acked and not reused and pending is None:
            return
        floor = min([acked, *(seq - 1 for seq in reused.values())])
        with self.store.read() as s:
            cursor = int(s.scalar(select(func.max(Event.server_seq)).where(Event.client_seq <= floor)) or 0)
        theirs: list[p.EventOut] = []
        while True:
            page = self.call("GET", "/v1/own-events", p.OwnEventsResponse,
                             params={"after": floor, "cursor": cursor, "limit": self.snapshot_page_size})
            self._after_reply(report, page.server_hlc, page.server_time_ms)
            theirs += page.events
            last, cursor = max(last, page.last_client_seq), page.next_cursor
            if not page.has_more:
                break
        with self.store.read() as s:
            held = eventlog.held_ids(s, [ev.id for ev in theirs])
        lost = [ev for ev in theirs if ev.id not in held]
        if not lost and not reused and pending is None:
            return  # a reply lost after the server stored: the push is answered "duplicate"
        if pending is None:  # the new name first: from now on the server refuses the old one
            pending = new_id()
            with self.store.transaction() as s:
                self.store.set_state(s, K_STORE_NEXT, pending)
            self._hello(name, pending)
            self._store_name = pending
        known = {ev.id: ev.server_seq for ev in theirs if ev.id in held}
        with _collector_paused(), self.store.transaction() as s:
            fresh = eventlog.ingest(s, [_event_row(ev) for ev in lost], audited=False)
            if known:
                s.execute(update(EVENTS).where(EVENTS.c.id == bindparam("event_id"))
                          .values(server_seq=bindparam("seq")),
                          [{"event_id": k, "seq": v} for k, v in known.items()])
            outbox = [r[0] for r in s.execute(
                select(EVENTS.c.id).where(((EVENTS.c.client_seq > acked) & EVENTS.c.id.not_in(list(known)))
                                          | EVENTS.c.id.in_(list(reused))).order_by(EVENTS.c.client_seq))]
            if outbox:  # numbered past the server's, in their order (negative first: the numbers are unique)
                s.execute(update(EVENTS).where(EVENTS.c.id.in_(outbox)).values(client_seq=-EVENTS.c.client_seq))
                s.execute(update(EVENTS).where(EVENTS.c.id == bindparam("event_id"))
                          .values(client_seq=bindparam("seq")),
                          [{"event_id": event_id, "seq": last + 1 + i} for i, event_id in enumerate(outbox)])
                s.execute(delete(SyncRejection).where(SyncRejection.event_id.in_(list(reused))))
            _counter_at_least(s, "client_seq", last + len(outbox))
            ident = self.store.identity  # the numbers it issued after the backup are not issued again
            for ev in lost:
                for series, year, value in numbers_issued(ident.office_code, ident.device_no, ev.payload):
                    _counter_at_least(s, series, value, year)
            self.store.set_state(s, K_ACKED, str(max(acked, last)))
            self.store.set_state(s, K_STORE, pending)
            s.execute(delete(DeskState).where(DeskState.key == K_STORE_NEXT))
            eventlog.audit(s, user_id=eventlog.SYSTEM_USER_ID, username="sync", action="sync.recovered",
                           detail=f"{len(fresh)} own events taken back from the server (client_seq up to {last}); "
                                  f"{len(outbox)} events not yet sent numbered from {last + 1}")
        report.recovered, report.renumbered = len(fresh), len(outbox)
        if fresh or outbox:
            report.warnings.append(SyncWarning(RECOVERED, (("lost", len(fresh)), ("renumbered", len(outbox)))))

    # -- push ------------------------------------------------------------------------------------

    def push(self, report: SyncReport) -> None:
        """Send the outbox in contiguous batches until it is empty.

        One batch is in flight at a time (the server stores them in the outbox's order), but the
        desk does not wait idle: while a batch is on its way the next one is read and encoded, and
        it leaves as soon as the answer before it is in, which is booked while it travels. After
        an answer that asks to resend, or a refusal, the prepared batch is dropped unsent."""
        resends = 0
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kanoon-push") as wire:

            def launch(batch: _Batch | None) -> tuple[_Batch, Future[p.PushResponse]] | None:
                return None if batch is None else (batch, wire.submit(self._send, batch))

            flight = launch(self._batch_after(self._int_state(K_ACKED)))
            while flight is not None:
                current, sending = flight
                try:  # the next batch, read and encoded while `current` is on its way
                    upcoming = self._batch_after(current.last)
                except e.SyncError:  # an outbox hole: raised below, once this answer is booked
                    upcoming = None
                try:
                    answer = sending.result()
                except e.Refused as exc:
                    # a server from before the compact answer refuses the field (422, extra
                    # field): this client sends the batch again the old way and keeps to it
                    if not (self.compact and "422" in exc.detail and "compact" in exc.detail):
                        raise
                    self.compact = False
                    flight = launch(self._batch_after(current.first - 1))
                    continue
                self._after_reply(report, answer.server_hlc, answer.server_time_ms)
                if answer.resend_from is not None:
                    resends += 1
                    report.resends += 1
                    if resends > 3:
                        raise e.SyncError(e.MSG_REFUSED, f"server keeps asking to resend from {answer.resend_from}")
                    with self.store.transaction() as s:
                        self.store.set_state(s, K_ACKED, str(max(0, answer.resend_from - 1)))
                    flight = launch(self._batch_after(max(0, answer.resend_from - 1)))
                    continue
                flight = launch(upcoming)  # on its way while this answer is booked
                self._record_push(current.events, answer, report)
                if flight is None:  # events recorded meanwhile go in this round too
                    flight = launch(self._batch_after(self._int_state(K_ACKED)))

    def _batch_after(self, acked: int) -> _Batch | None:
        """The outbox's next batch after client_seq `acked`, encoded, or None when it is empty."""
        with self.store.read() as s:
            batch = [_Outgoing(*row) for row in _OUTBOX.rows(s, after=acked, n=self.batch_size)]
        if not batch:
            return None
        contiguous = [ev for i, ev in enumerate(batch) if ev.client_seq == acked + 1 + i]
        if not contiguous:
            raise e.SyncError(e.MSG_REFUSED, f"outbox hole after client_seq {acked}")
        size = 0
        for i, ev in enumerate(contiguous):  # cut to what the server reads (`p.MAX_PUSH_BYTES`)
            size += len(ev.wire) if ev.wire.isascii() else len(ev.wire.encode())
            if size > _PUSH_BODY_ROOM and i:
                contiguous = contiguous[:i]
                break
        # The body is built from the JSON SQLite writes for each event (the server validates it
        # against p.PushRequest): reading events as objects and encoding them again was most
        # of the desk's share of a push.
        fields: dict[str, Any] = {
            "device_id": self.store.identity.device_id, "batch_id": new_id(), "first_client_seq": acked + 1,
            "protocol_version": p.PROTOCOL_VERSION, "schema_version": p.SCHEMA_VERSION,
            "hlc": self.store.clock.last}
        if self.compact:
            fields["compact"] = True
        head = json.dumps(fields, ensure_ascii=False)
        body = f'{head[:-1]}, "events": [{",".join(ev.wire for ev in contiguous)}]}}'.encode()
        return _Batch(contiguous, body)

    def _send(self, batch: _Batch) -> p.PushResponse:
        return self.call("POST", "/v1/push", p.PushResponse, content=batch.body)

    def _record_push(self, sent: list[_Outgoing], answer: p.PushResponse, report: SyncReport) -> None:
        # Acknowledged positions as runs of the outbox with one offset (server_seq - client_seq):
        # a batch the server stored whole is one UPDATE, not a thousand.
        runs: list[dict[str, int]] = []
        rejections: list[dict[str, Any]] = []
        for ev, (status, server_seq, reason, reason_fa) in zip(sent, _answers(sent, answer), strict=True):
            if status == "rejected":
                rejections.append({"event_id": ev.id, "client_seq": ev.client_seq, "event_type": ev.type,
                                   "reason": reason or "", "reason_fa": reason_fa, "at": utcnow()})
            else:
                if server_seq is not None:
                    offset = server_seq - ev.client_seq
                    if runs and runs[-1]["offset"] == offset and runs[-1]["hi"] == ev.client_seq - 1:
                        runs[-1]["hi"] = ev.client_seq
                    else:
                        runs.append({"lo": ev.client_seq, "hi": ev.client_seq, "offset": offset})
                if status == "stored":
                    report.pushed += 1
                else:
                    report.duplicates += 1
        last = sent[-1].client_seq
        assert last is not None  # read from the outbox: every row is numbered
        with self.store.transaction() as s:
            if runs:
                _SET_SERVER_SEQ.many(s, runs)
            if answer.upgraded:  # kept as the server stored them (and as every other desk pulls them)
                _keep_upgraded(s, {ev.id for ev in sent}, answer.upgraded)
            for row in rejections:
                if s.get(SyncRejection, row["event_id"]) is None:
                    s.add(SyncRejection(**row))
                    report.rejected += 1
            acked = self._int_state(K_ACKED)
            self.store.set_state(s, K_ACKED, str(max(acked, min(last, answer.last_client_seq))))

    # -- pull ------------------------------------------------------------------------------------

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
                    eventlog.audit_received(s, fresh, detail=f"pull after {cursor} to {page.next_cursor}")
                    self.store.set_state(s, K_CURSOR, str(page.next_cursor))
            report.pulled += len(fresh)
            report.cursor = page.next_cursor
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

    # -- verify ----------------------------------------------------------------------------------

    def local_summary(self) -> dict[str, p.AggregateSummary]:
        """Counts and digest per aggregate type of what the server should hold for this office.

        Kept up to date, not recomputed: the digests are sums (`kanoon_desk.digest`), so the totals
        of the last round (in `desk_state`) plus the events since (others' events inserted after
        the row it stopped at, own events acknowledged since) are the totals now. A desk's history
        grows for years; a round's check reads only what moved."""
        acked = self._int_state(K_ACKED)
        cache = _read_digest_cache(self.store.get_state(K_DIGESTS))
        refused = select(SyncRejection.event_id)
        with self.store.read() as s:
            top = int(s.scalar(select(func.max(_ROWID)).select_from(Event)) or 0)
            if cache is None or cache.acked > acked or cache.rowid > top:
                cache = _DigestCache(0, 0, {})  # first round, or the outbox was moved back: all again
            theirs = (Event.client_seq.is_(None)) & (_ROWID > cache.rowid) & (_ROWID <= top)
            ours = (Event.client_seq > cache.acked) & (Event.client_seq <= acked)
            # payload as its JSON text: the digest parses it once (no ORM JSON processing first)
            rows = s.execute(select(Event.aggregate_type, Event.id, Event.type, type_coerce(Event.payload, String),
                                    Event.hlc).where(theirs | ours, Event.id.not_in(refused)))
            moved = digest_per_type((r[0], r[1], r[2], r[3], r[4]) for r in rows)
        totals = cache.totals
        for t, d in moved.items():
            if t in totals:
                d.merge(totals[t])
            totals[t] = d
        if moved or (cache.rowid, cache.acked) != (top, acked):
            with self.store.transaction() as s:
                self.store.set_state(s, K_DIGESTS, _digest_cache_text(top, acked, totals))
        return {t: p.AggregateSummary(events=d.count, digest=d.hexdigest()) for t, d in sorted(totals.items()) if d.count}

    def verify(self, report: SyncReport, server: dict[str, p.AggregateSummary] | None) -> None:
        if server is None:
            return
        local = self.local_summary()
        for t in sorted(set(local) | set(server)):
            mine, theirs = local.get(t), server.get(t)
            if mine != theirs:
                report.mismatches.append(
                    f"{t}: local {mine.events if mine else 0} events, server {theirs.events if theirs else 0}"
                    + (" (same count, different content)" if mine and theirs and mine.events == theirs.events
                       else ""))

    def sms_outcomes(self, report: SyncReport) -> None:
        """Ask what became of the office's SMS notices still open, and keep the answer (a server
        from before the question answers 404: nothing is learnt, the round goes on)."""
        from ..services import sms_outcomes

        ids = sms_outcomes.to_ask(self.store)
        if not ids:
            return
        try:
            answer = self.call("POST", "/v1/sms-outcomes", p.SmsOutcomesResponse,
                               json=p.SmsOutcomesRequest(event_ids=ids).model_dump(mode="json"))
        except e.Refused:
            return
        report.sms_changed = sms_outcomes.keep(self.store, (
            sms_outcomes.Outcome(o.event_id, o.status, o.attempts, o.last_error, o.sent_at) for o in answer.outcomes))

    # -- one round -------------------------------------------------------------------------------

    def sync_once(self) -> SyncReport:
        report = SyncReport()
        try:
            self.hello(report)
            self.push(report)
            summary = self.pull(report)
            from .attachments import sync_attachments

            sync_attachments(self, report)
            self.sms_outcomes(report)
            self.verify(report, summary)
            if report.mismatches:
                raise e.Mismatch(e.MSG_MISMATCH, "; ".join(report.mismatches))
            report.ok = True
        except e.SyncError as exc:
            report.ok, report.error, report.error_detail = False, exc.message, exc.detail
            report.failure = type(exc).__name__
        finally:
            _log_round(self.store, report)
        return report


@cache
def tls_context() -> ssl.SSLContext:
    """The certificate store, loaded once per process (httpx loads it for every client it makes,
    which was a tenth of a sync round's time on a desk)."""
    return ssl.create_default_context(cafile=certifi.where())


def _keep_upgraded(s: Any, sent: set[str], upgraded: list[p.EventOut]) -> None:
    """Own events the server stored in a newer schema (`p.PushResponse.upgraded`): their payload
    and schema version as stored, and their aggregates folded again, so this desk holds what the
    others pull (and its running digests count what the server's do)."""
    mine = [ev for ev in upgraded if ev.id in sent]
    if not mine:
        return
    s.execute(update(EVENTS).where(EVENTS.c.id == bindparam("event_id"))
              .values(payload=bindparam("payload"), schema_version=bindparam("version")),
              [{"event_id": ev.id, "payload": ev.payload, "version": ev.schema_version} for ev in mine])
    for aggregate_type, aggregate_id in sorted({(ev.aggregate_type, ev.aggregate_id) for ev in mine}):
        eventlog.refold_aggregate(s, aggregate_type, aggregate_id)


def _counter_at_least(s: Any, series: str, value: int, year: int = 0) -> None:
    """The desk's counter `series` (of `year`) moved up to `value` (never down): the next number
    is past it."""
    s.flush()
    row = s.get(Counter, (series, year))
    if row is None:
        s.add(Counter(series=series, year=year, value=value))
    elif row.value < value:
        row.value = value


def _error_code(r: httpx.Response) -> str:
    try:
        return str(r.json().get("error") or "")
    except (ValueError, AttributeError):
        return ""


def _reason(r: httpx.Response) -> str:
    try:
        body = r.json()
        return str(body.get("reason") or body)
    except ValueError:
        return r.text[:200]


Answer = tuple[str, int | None, str | None, str | None]


def _answers(sent: list[_Outgoing], answer: p.PushResponse) -> list[Answer]:
    """(status, server_seq, reason, Persian reason) for each event sent, in order, from a full or a
    compact answer (`p.PushRequest.compact`); an answer that leaves an event out or speaks of one
    twice is refused."""
    got: list[Answer | None] = [None] * len(sent)
    for run in answer.stored:
        if run.index + run.count > len(sent) or any(got[run.index:run.index + run.count]):
            raise e.SyncError(e.MSG_BAD_ANSWER, f"stored run {run.index}+{run.count} outside the batch or repeated")
        got[run.index:run.index + run.count] = [("stored", run.server_seq + k, None, None) for k in range(run.count)]
    if answer.results:
        index = {ev.id: i for i, ev in enumerate(sent)}
        for res in answer.results:
            i = index.get(res.id, -1)
            if i < 0 or got[i] is not None:
                raise e.SyncError(e.MSG_BAD_ANSWER, f"result for event {res.id} not sent or repeated")
            got[i] = (res.status, res.server_seq, res.reason, res.reason_fa)
    missing = [sent[i].id for i, g in enumerate(got) if g is None]
    if missing:
        raise e.SyncError(e.MSG_BAD_ANSWER, f"no result for event {missing[0]}")
    return got  # type: ignore[return-value]  # every slot filled (checked above)


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


def _bind(name: str) -> Any:
    return bindparam(name)


@dataclass(frozen=True)
class _Batch:
    """Contiguous outbox events and the push body that carries them."""

    events: list[_Outgoing]
    body: bytes

    @property
    def first(self) -> int:
        return self.events[0].client_seq

    @property
    def last(self) -> int:
        return self.events[-1].client_seq


class _Outgoing(NamedTuple):
    """An outbox event: what a push needs to send it and to book the server's answer."""

    client_seq: int
    id: str
    type: str
    wire: str  # the event as `p.EventIn` JSON


def _pair(name: str, value: Any) -> tuple[Any, Any]:
    return literal(name), value


#: The outbox after a client_seq, each event as `p.EventIn` JSON built by SQLite's json_object
#: (the payload is stored as JSON already; instants are stored as naive UTC text).
_OUTBOX = eventlog.SqliteStatement(
    select(EVENTS.c.client_seq, EVENTS.c.id, EVENTS.c.type, func.json_object(*chain.from_iterable((
        _pair("id", EVENTS.c.id), _pair("type", EVENTS.c.type),
        _pair("aggregate_type", EVENTS.c.aggregate_type), _pair("aggregate_id", EVENTS.c.aggregate_id),
        _pair("payload", func.json(EVENTS.c.payload)), _pair("hlc", EVENTS.c.hlc),
        _pair("device_id", EVENTS.c.device_id), _pair("office_code", EVENTS.c.office_code),
        _pair("user_id", EVENTS.c.user_id),
        _pair("recorded_at", type_coerce(func.replace(EVENTS.c.recorded_at, " ", "T"), String).concat("+00:00")),
        _pair("schema_version", EVENTS.c.schema_version)))))
    .where(EVENTS.c.client_seq > _bind("after")).order_by(EVENTS.c.client_seq).limit(_bind("n")))


#: The server's order of pushed events, for a run of the outbox with one offset.
_SET_SERVER_SEQ = eventlog.SqliteStatement(
    update(EVENTS).where(EVENTS.c.client_seq.between(_bind("lo"), _bind("hi")))
    .values(server_seq=EVENTS.c.client_seq + _bind("offset")))


_ROWID: Any = literal_column("events.rowid")


@dataclass
class _DigestCache:
    rowid: int
    acked: int
    totals: dict[str, EventDigest]


def _digest_cache_text(rowid: int, acked: int, totals: dict[str, EventDigest]) -> str:
    return json.dumps({"rowid": rowid, "acked": acked,
                       "types": {t: [d.count, d.hexdigest()] for t, d in sorted(totals.items())}})


def _read_digest_cache(text: str | None) -> _DigestCache | None:
    """The stored running digests, or None when there are none (or they cannot be read)."""
    if not text:
        return None
    try:
        got = json.loads(text)
        return _DigestCache(int(got["rowid"]), int(got["acked"]),
                            {t: EventDigest.from_hex(int(v[0]), str(v[1])) for t, v in got["types"].items()})
    except (ValueError, KeyError, TypeError, IndexError):
        return None


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


def _log_round(store: Store, report: SyncReport) -> None:
    now = utcnow()
    try:
        with store.transaction() as s:
            s.add(SyncLog(id=new_id(), started_at=report.started_at, finished_at=now, ok=report.ok,
                          pushed=report.pushed, pulled=report.pulled + report.snapshot, rejected=report.rejected,
                          message=report.summary_line()))
            store.set_state(s, K_LAST_TRY, now.isoformat())
            store.set_state(s, K_LAST_FAILURE, "" if report.ok else (report.failure or "SyncError"))
            store.set_state(s, K_LAST_ERROR, "" if report.ok else (report.error or ""))
            if report.ok:
                store.set_state(s, K_LAST_OK, now.isoformat())
                restored = s.get(DeskState, K_RESTORED_AT)
                if restored is not None and restored.value:  # restored from a backup: now caught up
                    restored.value = ""
    except Exception:  # the history is a courtesy; never let it hide the round's own outcome
        if report.ok:
            raise


def sync_once(store: Store, *, transport: httpx.BaseTransport | None = None, **options: Any) -> SyncReport:
    """One round for an enrolled desk store: push, pull (snapshot the first time), verify."""
    client = SyncClient(store, transport=transport, **options)
    try:
        return client.sync_once()
    finally:
        client.close()


def enroll(db_path: Path | str, server_url: str, code: str, *, transport: httpx.BaseTransport | None = None,
           label: str = "", first_sync: bool = True,
           on_store: Callable[[Store], None] | None = None) -> tuple[Store, SyncReport | None]:
    """Enrol the desk at `db_path` from a one-time code, and run its first sync.

    On a path with no store yet it creates the desk, and the first sync brings the office's data
    down as a snapshot. On an existing desk's store (one that worked on its own) it joins that
    desk (`enroll_store`): its whole history goes up, the office's comes down."""
    path = Path(db_path)
    if path.exists() and path.stat().st_size > 0:
        try:
            existing = Store(path, migrate=False)
            initialised = existing.is_initialised
            existing.close()
        except Exception as exc:  # not a desk's store: leave the file alone
            raise e.SyncError(e.MSG_STORE_EXISTS, f"{path} is not a Kanoon Desk store ({exc})") from exc
        if not initialised:
            raise e.SyncError(e.MSG_STORE_EXISTS, f"{path} exists and holds no desk")
        store = Store(path)
        try:
            return store, enroll_store(store, server_url, code, transport=transport, label=label)
        except BaseException:
            store.close()
            raise
    answer = _enrol_request(server_url, code, label, transport)
    store = Store(path)
    _take_identity(store, server_url, answer)
    if on_store is not None:
        on_store(store)
    report = sync_once(store, transport=transport) if first_sync else None
    return store, report


def enroll_store(store: Store, server_url: str, code: str, *, transport: httpx.BaseTransport | None = None,
                 label: str = "", actor: eventlog.Actor | None = None) -> SyncReport:
    """Enrol an open store with the office's server, then run its first sync.

    - A store never set up (the app's first-run dialog) becomes a new device of the code's office.
    - A desk that worked on its own joins (an admin's act: `actor`, when given, must be one). It
      keeps its device id and, if free in the office, its device number (else the server gives
      the next one, and its numbers from now on carry that). Its whole history goes up; the
      office's other desks' comes down in the snapshot, which re-folds the desk; what the two
      histories disagree on (a user name made on both sides, a number seen twice) is raised as
      conflicts, never overwritten.

    The report says whether the first sync finished; if it did not, the desk is enrolled all the
    same and the next round carries on from where it stopped."""
    joining = store.is_initialised
    if joining:
        if actor is not None:
            require(actor, "admin")
        if store.get_state(K_SECRET):
            raise e.SyncError(e.MSG_ALREADY_ENROLLED, "this desk is enrolled already")
        ident = store.identity
        desk: tuple[str, str, int] | None = (ident.device_id, ident.office_code, ident.device_no)
    else:
        with store.read() as s:
            if s.scalar(select(func.count()).select_from(Event)):
                raise e.SyncError(e.MSG_STORE_EXISTS, "this desk holds events but has no identity")
        desk = None
    answer = _enrol_request(server_url, code, label, transport, desk)
    if desk is not None and (answer.device_id, answer.office_code) != desk[:2]:
        raise e.SyncError(e.MSG_BAD_ANSWER, f"the server enrolled {answer.device_id} of {answer.office_code}")
    _take_identity(store, server_url, answer)
    return sync_once(store, transport=transport)


def replace_device(store: Store, server_url: str, code: str, *, transport: httpx.BaseTransport | None = None,
                   label: str = "", actor: eventlog.Actor | None = None) -> SyncReport:
    """Move an enrolled desk to a new device identity with a one-time code, then sync.

    For a desk whose device was revoked, whose credential was lost, or whose store the server
    follows on another computer (`e.StoreCopied`): the server gives a new device id and number in
    the code's office (the desk's own), and numbers the new device's events past the desk's
    acknowledged position. The desk keeps its whole history and its place in the office's events;
    its events not yet sent go under the new device (they never reached the server, so no other
    desk holds them as the old one's). The credential, the identity and the events move in one
    local transaction. Human numbers issued from now on carry the new device number."""
    if not store.is_initialised:
        raise e.SyncError(e.MSG_NOT_ENROLLED, "no desk identity to replace")
    if actor is not None:
        require(actor, "admin")
    old = store.identity
    acked = int(store.get_state(K_ACKED) or 0)
    answer = _enrol_request(server_url, code, label, transport, replaces=(old.device_id, acked))
    if answer.office_code != old.office_code or answer.device_id == old.device_id:
        raise e.SyncError(e.MSG_BAD_ANSWER, f"the server enrolled {answer.device_id} of {answer.office_code}")
    with store.transaction() as s:
        moved = getattr(s.execute(update(EVENTS).where(EVENTS.c.client_seq > acked,
                                                       EVENTS.c.device_id == old.device_id)
                                  .values(device_id=answer.device_id)), "rowcount", 0)
        store.set_state(s, K_SERVER, server_url.rstrip("/"))
        store.set_state(s, K_SECRET, answer.secret)
        store.set_state(s, K_STORE, new_id())
        s.execute(delete(DeskState).where(DeskState.key == K_STORE_NEXT))
        store.set_state(s, "device_id", answer.device_id)
        store.set_state(s, "device_no", str(answer.device_no))
        store.set_state(s, "office_code", answer.office_code)
        eventlog.audit(s, user_id=actor.user_id if actor else eventlog.SYSTEM_USER_ID,
                       username=actor.username if actor else "sync", action="sync.device_replaced",
                       subject=answer.device_id,
                       detail=f"device {old.device_id} ({old.device_no}) replaced by {answer.device_id} "
                              f"({answer.device_no}) of office {answer.office_code}; {moved} events not yet sent moved")
    store.set_identity(answer.office_code, answer.device_no, answer.device_id)  # (the same values: the cache)
    store.clock.merge(answer.server_hlc, answer.server_time_ms)
    return sync_once(store, transport=transport)


def check_enrolment(server_url: str, code: str) -> tuple[str, str]:
    """The server's address and the enrolment code as a person typed them, checked and cleaned
    (Persian digits folded, spaces trimmed); a `kanoon_desk.errors.ValidationError` names the field
    at fault."""
    url = to_ascii_digits(server_url or "").strip().rstrip("/")
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError):
        parsed = None
    if (parsed is None or parsed.scheme not in ("http", "https") or not parsed.host
            or any(c.isspace() for c in url)):
        raise FieldError(e.MSG_SERVER_URL, "server_url")
    code = to_ascii_digits(code or "").strip()
    if not code:
        raise FieldError(e.MSG_CODE_MISSING, "code")
    return url, code


def first_sync_done(store: Store) -> bool:
    """Whether an enrolled desk has its office's data (its snapshot finished at least once)."""
    return store.get_state(K_CURSOR) is not None


def _enrol_request(server_url: str, code: str, label: str, transport: httpx.BaseTransport | None,
                   desk: tuple[str, str, int] | None = None,
                   replaces: tuple[str, int] | None = None) -> p.EnrollResponse:
    request = p.EnrollRequest(code=code, label=label)
    if desk is not None:  # only then: a server from before joining refuses the fields (422)
        request = p.EnrollRequest(code=code, label=label, device_id=desk[0], office_code=desk[1], device_no=desk[2])
    if replaces is not None:
        request = p.EnrollRequest(code=code, label=label, replaces=replaces[0], client_seq_from=replaces[1])
    http = httpx.Client(base_url=server_url.rstrip("/"), transport=transport, timeout=30, verify=tls_context())
    try:
        try:
            r = http.post("/v1/enroll", json=request.model_dump(mode="json", exclude_none=True),
                          headers={p.HEADER_PROTOCOL: str(p.PROTOCOL_VERSION), p.HEADER_SCHEMA: str(p.SCHEMA_VERSION)})
        except httpx.TransportError as exc:
            raise e.Offline(e.MSG_NO_SERVER, str(exc)) from exc
    finally:
        http.close()
    if r.status_code == 426:
        raise e.UpgradeRequired(e.MSG_UPGRADE, _reason(r))
    if r.status_code >= 400:
        try:
            refusal = str(r.json().get("error", ""))
        except (ValueError, AttributeError):
            refusal = ""
        message = e.CODE_MESSAGES.get(refusal, e.MSG_AUTH if r.status_code in (401, 403) else e.MSG_REFUSED)
        raise e.AuthRefused(message, f"HTTP {r.status_code}: {_reason(r)}")
    try:
        return p.EnrollResponse.model_validate_json(r.content)
    except ValueError as exc:
        raise e.SyncError(e.MSG_BAD_ANSWER, str(exc)) from exc


def _take_identity(store: Store, server_url: str, answer: p.EnrollResponse) -> None:
    """The credential first, the identity last: a desk stopped in between is still "not set up"
    and can be enrolled again, never set up with an identity the server has no secret for."""
    with store.transaction() as s:
        store.set_state(s, K_SERVER, server_url.rstrip("/"))
        store.set_state(s, K_SECRET, answer.secret)
        eventlog.audit(s, user_id=eventlog.SYSTEM_USER_ID, username="sync", action="sync.enrolled",
                       subject=answer.device_id, detail=f"office {answer.office_code} device {answer.device_no}")
    store.set_identity(answer.office_code, answer.device_no, answer.device_id)  # a joining desk: maybe renumbered
    store.clock.merge(answer.server_hlc)


def pending_count(store: Store) -> int:
    """Events recorded here and not yet acknowledged by the server (for the status bar)."""
    acked = int(store.get_state(K_ACKED) or 0)
    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(Event).where(Event.client_seq > acked)) or 0)
