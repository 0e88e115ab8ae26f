"""Push and pull on the server: store each event once, in commit order, within the device's scope.

FastAPI-free, so the benchmarks and tests can call it directly; `app.py` maps it to HTTP.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ..digest import digests_by_aggregate
from ..ids import HybridClock
from ..sync.protocol import (
    MIN_SCHEMA_VERSION,
    SCHEMA_VERSION,
    SHARED_SCOPE,
    AggregateSummary,
    EventIn,
    EventOut,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    PushResult,
    SnapshotResponse,
    scope_of,
)
from .db import ServerDb
from .server_models import Device, ServerEvent, SmsOutbox, utcnow

TYPE_RE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
AGGREGATE_RE = re.compile(r"^[a-z][a-z0-9_]*$")
#: Events that ask the server to send an SMS (the lending desk's notices use "notice.queued").
SMS_EVENTS = frozenset({"notice.sms_queued", "notice.queued"})

#: (event type, schema version) → function giving the payload in the next version. The server
#: upgrades older formats it still accepts on receipt, so pulls hand out one format only.
Upgrader = Callable[[dict[str, Any]], dict[str, Any]]
UPGRADERS: dict[tuple[str, int], Upgrader] = {}


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def _reject_reason(ev: EventIn, device: Device) -> str | None:
    if ev.device_id != device.id:
        return "event of another device"
    if ev.office_code != device.office_code:
        return f"office {ev.office_code} is outside this device's scope ({device.office_code})"
    if ev.schema_version > SCHEMA_VERSION:
        return f"schema version {ev.schema_version} is newer than the server's ({SCHEMA_VERSION})"
    if ev.schema_version < MIN_SCHEMA_VERSION:
        return f"schema version {ev.schema_version} is no longer accepted (minimum {MIN_SCHEMA_VERSION})"
    if not TYPE_RE.match(ev.type) or not AGGREGATE_RE.match(ev.aggregate_type):
        return "malformed event type or aggregate type"
    if len(ev.id) != 36:
        return "event id is not a UUID"
    return None


def _upgrade(ev: EventIn) -> tuple[dict[str, Any], int]:
    payload, version = ev.payload, ev.schema_version
    while version < SCHEMA_VERSION:
        step = UPGRADERS.get((ev.type, version))
        if step is not None:
            payload = step(payload)
        version += 1
    return payload, version


def push(db: ServerDb, session: Session, device: Device, req: PushRequest, clock: HybridClock) -> PushResponse:
    """Store a batch; `device` must be locked in `session` (same-device pushes queue)."""
    last = device.last_client_seq
    if req.first_client_seq > last + 1:
        return PushResponse(batch_id=req.batch_id, results=[], last_client_seq=last, resend_from=last + 1,
                            server_hlc=clock.merge(req.hlc), server_time_ms=now_ms())
    ids = [e.id for e in req.events]
    known: dict[str, int] = {}
    if ids:
        known = {r[0]: r[1] for r in session.execute(
            select(ServerEvent.id, ServerEvent.server_seq).where(ServerEvent.id.in_(ids)))}
    results: list[PushResult] = []
    rows: list[dict[str, Any]] = []
    fresh_index: list[int] = []
    seen: set[str] = set()
    received = utcnow()
    top_hlc = req.hlc
    for i, ev in enumerate(req.events):
        client_seq = req.first_client_seq + i
        if ev.id in known:
            results.append(PushResult(id=ev.id, status="duplicate", server_seq=known[ev.id]))
            continue
        if ev.id in seen:
            results.append(PushResult(id=ev.id, status="rejected", reason="event repeated in one batch"))
            continue
        seen.add(ev.id)
        if client_seq <= last:
            results.append(PushResult(id=ev.id, status="rejected", reason=(
                f"client sequence number {client_seq} was already used by another event of this device "
                "(restored from an old backup?); the desk must enrol again")))
            continue
        reason = _reject_reason(ev, device)
        if reason is not None:
            results.append(PushResult(id=ev.id, status="rejected", reason=reason))
            continue
        payload, version = _upgrade(ev)
        tracking = payload.get("tracking_code") if ev.aggregate_type == "case" else None
        rows.append({
            "id": ev.id, "type": ev.type, "aggregate_type": ev.aggregate_type,
            "aggregate_id": ev.aggregate_id, "payload": payload, "hlc": ev.hlc, "device_id": ev.device_id,
            "office_code": ev.office_code, "user_id": ev.user_id, "recorded_at": ev.recorded_at,
            "schema_version": version, "client_seq": client_seq,
            "scope": scope_of(ev.aggregate_type, ev.office_code),
            "tracking_code": tracking if isinstance(tracking, str) else None, "received_at": received,
        })
        fresh_index.append(len(results))
        results.append(PushResult(id=ev.id, status="stored"))
        top_hlc = max(top_hlc, ev.hlc)
    if rows:
        first = db.take_seqs(session, len(rows))
        for k, row in enumerate(rows):
            row["server_seq"] = first + k
            results[fresh_index[k]].server_seq = first + k
        session.execute(insert(ServerEvent), rows)
        sms = [{"event_id": r["id"], "mobile": str(r["payload"].get("mobile") or r["payload"].get("phone") or "")[:20],
                "text": str(r["payload"].get("text", "")), "status": "pending", "attempts": 0,
                "last_error": "", "queued_at": received} for r in rows if r["type"] in SMS_EVENTS]
        if sms:
            session.execute(insert(SmsOutbox), sms)
    device.last_client_seq = max(last, req.first_client_seq + len(req.events) - 1)
    device.last_seen_at = received
    return PushResponse(batch_id=req.batch_id, results=results, last_client_seq=device.last_client_seq,
                        server_hlc=clock.merge(top_hlc), server_time_ms=now_ms())


_COLUMNS = (ServerEvent.id, ServerEvent.type, ServerEvent.aggregate_type, ServerEvent.aggregate_id,
            ServerEvent.payload, ServerEvent.hlc, ServerEvent.device_id, ServerEvent.office_code,
            ServerEvent.user_id, ServerEvent.recorded_at, ServerEvent.schema_version, ServerEvent.server_seq)


def _out(row: Any) -> EventOut:
    return EventOut.model_construct(
        id=row[0], type=row[1], aggregate_type=row[2], aggregate_id=row[3], payload=row[4], hlc=row[5],
        device_id=row[6], office_code=row[7], user_id=row[8], recorded_at=row[9], schema_version=row[10],
        server_seq=row[11])


def visible(office_code: str) -> Any:
    return ServerEvent.scope.in_([office_code, SHARED_SCOPE])


def office_summary(db: ServerDb, session: Session, office_code: str, upto: int | None = None
                   ) -> dict[str, AggregateSummary]:
    """Counts and digest per aggregate type of what `office_code` sees (up to `upto`)."""
    order = ServerEvent.id.collate("C") if db.is_postgres else ServerEvent.id
    q = select(ServerEvent.aggregate_type, ServerEvent.id, ServerEvent.type, ServerEvent.payload,
               ServerEvent.hlc).where(visible(office_code)).order_by(order)
    if upto is not None:
        q = q.where(ServerEvent.server_seq <= upto)
    rows = session.execute(q.execution_options(yield_per=5000))
    summary = digests_by_aggregate((r[0], r[1], r[2], r[3], r[4]) for r in rows)
    return {t: AggregateSummary(events=v["events"], digest=v["digest"]) for t, v in summary.items()}


def pull(db: ServerDb, session: Session, device: Device, req: PullRequest, clock: HybridClock) -> PullResponse:
    """A page of what the device's office sees after `cursor`, other devices' events only."""
    high = db.high_water(session)
    rows = session.execute(
        select(*_COLUMNS).where(ServerEvent.server_seq > req.cursor, ServerEvent.server_seq <= high,
                                visible(device.office_code), ServerEvent.device_id != device.id)
        .order_by(ServerEvent.server_seq).limit(req.limit)).all()
    has_more = len(rows) == req.limit
    next_cursor = rows[-1][11] if has_more else max(high, req.cursor)
    summary = office_summary(db, session, device.office_code, next_cursor) if req.summary and not has_more else None
    top = max([req.hlc] + [r[5] for r in rows])
    return PullResponse(cursor=req.cursor, events=[_out(r) for r in rows], next_cursor=next_cursor,
                        has_more=has_more, summary=summary, server_hlc=clock.merge(top),
                        server_time_ms=now_ms())


def snapshot(db: ServerDb, session: Session, device: Device, cursor: int, upto: int, limit: int,
             clock: HybridClock) -> SnapshotResponse:
    """A page of everything the office sees up to `upto` (0: now), own device's events included."""
    if upto <= 0:
        upto = db.high_water(session)
    rows = session.execute(
        select(*_COLUMNS).where(ServerEvent.server_seq > cursor, ServerEvent.server_seq <= upto,
                                visible(device.office_code))
        .order_by(ServerEvent.server_seq).limit(limit)).all()
    has_more = len(rows) == limit
    next_cursor = rows[-1][11] if has_more else upto
    top = max([0] + [r[5] for r in rows])
    return SnapshotResponse(cursor=cursor, upto=upto, events=[_out(r) for r in rows], next_cursor=next_cursor,
                            has_more=has_more, server_hlc=clock.merge(top), server_time_ms=now_ms())
