"""Push: the outbox sent to the server in contiguous batches, and each answer booked."""

from __future__ import annotations

import json
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from itertools import chain
from typing import Any, NamedTuple

from sqlalchemy import String, Table, bindparam, func, literal, select, type_coerce, update

from .. import eventlog
from ..ids import new_id
from ..models import Event, utcnow
from ..models.sync import SyncRejection
from ..state_keys import K_ACKED
from . import errors as e
from . import protocol as p
from .progress import PUSH
from .report import SyncReport
from .state import pending_count
from .transport import Connection

#: What a push body's events may take: the server's cap, less room for the rest of the body.
_PUSH_BODY_ROOM = p.MAX_PUSH_BYTES - 64 * 1024
#: The desk's events table for Core statements (the outbox's here; recovery and device replacement
#: move events with it too).
EVENTS: Table = Event.__table__  # type: ignore[assignment]


class PushMixin(Connection):
    """`SyncClient`'s push step."""

    def push(self, report: SyncReport) -> None:
        """Send the outbox in contiguous batches until it is empty.

        One batch is in flight at a time (the server stores them in the outbox's order), but the
        desk does not wait idle: while a batch is on its way the next one is read and encoded, and
        it leaves as soon as the answer before it is in, which is booked while it travels. After
        an answer that asks to resend, or a refusal, the prepared batch is dropped unsent."""
        resends = 0
        total, sent = pending_count(self.store), 0  # for «فرستادن رویدادها ۱۲۰ از ۵۰۰»
        if total:
            self.control.tell(PUSH, 0, total)
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
                sent += len(current.events)
                total = max(total, sent)  # events recorded meanwhile go too
                self.control.tell(PUSH, sent, total)
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
