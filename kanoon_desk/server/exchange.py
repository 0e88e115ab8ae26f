"""Push and pull on the server: store each event once, in commit order, within the device's scope.

FastAPI-free, so the benchmarks and tests can call it directly; `app.py` maps it to HTTP.

This module holds the entry points (`push`, `pull`, `snapshot`, `hello`, `own_events`), the
server's clock (`now_ms`, `hlc_limit`) and what a push writes besides the events (the running
digest totals, the file references). The rest lives in the modules beside it: `exchange_checks`
(why an event is refused, payload checks, schema upgrades), `exchange_notices` (SMS notices and
the files an event names) and `exchange_pages` (pages of events as JSON, office summaries). The
names callers use from those are re-exported here (`__all__`).
"""

from __future__ import annotations

import json
from typing import Any, Literal

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from ..digest import EventDigest, canonical_hash
from ..ids import COUNTER_MASK, MAX_DRIFT_MS, HybridClock, hlc_millis, hlc_pack
from ..sqlite_bulk import JsonText
from ..sync.protocol import (
    PROTOCOL_VERSION,
    EventOut,
    HelloRequest,
    HelloResponse,
    OwnEventsResponse,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    PushResult,
    SnapshotResponse,
    StoredRun,
    scope_of,
)
from . import bulk
from .clock import now_ms as clock_now_ms
from .db import ServerDb, dbapi_cursor, per_dialect
from .exchange_checks import (
    REPEATED,
    UPGRADERS,
    Refusal,
    _payload_problem,
    _reject_reason,
    _seq_used,
    _upgrade,
)
from .exchange_notices import (
    asks_for_sms,
    erased_photo_files,
    erased_photos,
    file_visible,
    forget_erased_members,
    forget_erased_photos,
    names_a_file,
    refs_to_keep,
    sms_notice,
    withdraw_ready_notices,
    withdraw_stale_notices,
)
from .exchange_pages import _OUT_FIELDS, Page, _page_rows, office_summary, office_summary_from_events, visible
from .server_models import (
    CASE,
    QUARANTINE_SCOPE,
    AttachmentRef,
    Device,
    DigestTotal,
    ServerEvent,
    SmsOutbox,
    utcnow,
)

__all__ = ["UPGRADERS", "Page", "asks_for_sms", "erased_photo_files", "erased_photos", "file_visible", "hello", "hlc_limit", "now_ms", "office_summary",
           "office_summary_from_events", "own_events", "pull", "push", "snapshot", "visible"]


def now_ms() -> int:
    """The server's time (ms): its wall clock, never going back while it runs (`clock.ServerTime`)."""
    return clock_now_ms()


def hlc_limit(now: int) -> int:
    """The newest stamp the server takes at wall time `now` (ms): `MAX_DRIFT_MS` ahead of it. A
    stamp further ahead is a desk's clock that is wrong, and following it would drag every clock
    that saw it along (one stamp near 2**63 made other offices' desks overflow)."""
    return hlc_pack(now + MAX_DRIFT_MS, COUNTER_MASK)


#: How far the newest events stored may be ahead of the server's clock when it starts before the
#: clock is called wrong (a stored stamp is at most MAX_DRIFT_MS ahead of the clock that took it).
CLOCK_BEHIND_MS = 2 * MAX_DRIFT_MS


def clock_behind(db: ServerDb, now: int, recent: int = 1000) -> int:
    """By how many ms the server's clock at `now` is behind the newest events it stored (0: it
    is not, beyond CLOCK_BEHIND_MS). The server never stored a stamp more than MAX_DRIFT_MS past
    its own clock, so events stamped well past `now` mean the clock went back since (a reboot
    with a flat clock battery, a wrong time zone set by hand): a server started so would refuse
    every desk's new work as "your clock is ahead". Read from the last `recent` events stored
    (by `server_seq`), the quarantined ones left out."""
    last = (select(ServerEvent.hlc).where(ServerEvent.scope != QUARANTINE_SCOPE)
            .order_by(ServerEvent.server_seq.desc()).limit(recent).subquery())
    with db.read() as s:
        newest = s.scalar(select(func.max(last.c.hlc)))
    if newest is None:
        return 0
    ahead = hlc_millis(int(newest)) - now
    return ahead if ahead > CLOCK_BEHIND_MS else 0


def push(db: ServerDb, session: Session, device: Device, req: PushRequest, clock: HybridClock) -> PushResponse:
    """Store a batch; `device` must be locked in `session` (same-device pushes queue)."""
    last = device.last_client_seq
    now = now_ms()
    limit = hlc_limit(now)
    if req.first_client_seq > last + 1:
        return PushResponse(batch_id=req.batch_id, results=[], last_client_seq=last, resend_from=last + 1,
                            server_hlc=clock.merge(req.hlc), server_time_ms=now)
    # an id with a NUL is rejected below; PostgreSQL cannot even read it back from the JSON list
    known = _known(db, session, [e.id for e in req.events if "\x00" not in e.id])
    results: list[PushResult] = []
    rows: list[dict[str, Any]] = []
    fresh_index: list[int] = []
    seen: set[str] = set()
    received = utcnow()
    top_hlc = req.hlc
    for i, ev in enumerate(req.events):
        client_seq = req.first_client_seq + i
        if ev.id in known:
            results.append(_result(ev.id, "duplicate", None, known[ev.id]))
            continue
        if ev.id in seen:
            results.append(_refused(ev.id, REPEATED))
            continue
        seen.add(ev.id)
        if client_seq <= last:
            results.append(_refused(ev.id, _seq_used(client_seq)))
            continue
        refusal = _reject_reason(ev, device, limit, now)
        if refusal is not None:
            results.append(_refused(ev.id, refusal))
            continue
        payload, version = _upgrade(ev)
        # encoded once, canonically: the same text is the row's payload and the digest's line
        refusal, text = _payload_problem(ev, payload)
        if refusal is not None:
            results.append(_refused(ev.id, refusal))
            continue
        tracking = payload.get("tracking_code") if ev.aggregate_type == CASE else None
        rows.append({
            "id": ev.id, "type": ev.type, "aggregate_type": ev.aggregate_type, "aggregate_id": ev.aggregate_id,
            "payload": JsonText(text), "hlc": ev.hlc, "device_id": ev.device_id,
            "office_code": ev.office_code, "user_id": ev.user_id, "recorded_at": ev.recorded_at,
            "schema_version": version, "client_seq": client_seq,
            "scope": scope_of(ev.aggregate_type, ev.office_code, payload),
            "tracking_code": tracking if isinstance(tracking, str) else None, "received_at": received,
            "_payload": payload, "_index": i,
        })
        fresh_index.append(i)
        if not req.compact:
            results.append(_result(ev.id, "stored", None))
        top_hlc = max(top_hlc, ev.hlc)
    runs: list[StoredRun] = []
    if rows:
        first = db.take_seqs(session, len(rows))
        for k, row in enumerate(rows):
            row["server_seq"] = first + k
            if not req.compact:
                results[fresh_index[k]].server_seq = first + k
            elif runs and runs[-1].index + runs[-1].count == fresh_index[k]:
                runs[-1].count += 1
            else:
                runs.append(StoredRun.model_construct(index=fresh_index[k], count=1, server_seq=first + k))
        bulk.insert_events(session, rows)
        _add_to_totals(session, rows)
        sms = [sms_notice(r["id"], r["_payload"], received) for r in rows if asks_for_sms(r["type"], r["_payload"])]
        forget_erased_members(session, rows, sms)  # (a notice for a child erased: withdrawn, emptied)
        if sms:
            session.execute(insert(SmsOutbox), sms)
        withdraw_ready_notices(session, rows)
        withdraw_stale_notices(session, rows, [n for n in sms if n["hold_id"]])
        forget_erased_photos(session, rows)  # (an erased child's photo: seen by no office)
        refs = refs_to_keep(session, {(sha, r["scope"]) for r in rows if (sha := names_a_file(r["_payload"])) is not None})
        if refs:
            with dbapi_cursor(session, _REF_SQL) as (cur, sql):
                cur.executemany(sql, sorted(refs))
    device.last_client_seq = max(last, req.first_client_seq + len(req.events) - 1)
    device.last_seen_at = received
    upgraded = [_stored_event(r) for r in rows if r["schema_version"] != req.events[r["_index"]].schema_version]
    # the request's own stamp is followed only as far as `limit` (`HybridClock.merge` refuses more)
    return PushResponse(batch_id=req.batch_id, results=results, stored=runs, last_client_seq=device.last_client_seq,
                        server_hlc=clock.merge(top_hlc), server_time_ms=now_ms(), upgraded=upgraded)


def _stored_event(row: dict[str, Any]) -> EventOut:
    """An event as the push stored it (for `PushResponse.upgraded`)."""
    return EventOut.model_construct(**{k: row[k] for k in _OUT_FIELDS if k != "payload"}, payload=row["_payload"])


def _result(event_id: str, status: Literal["stored", "duplicate", "rejected"], reason: str | None,
            server_seq: int | None = None, reason_fa: str | None = None) -> PushResult:
    """A batch's answer for one event, built without validation (every value is the server's own)."""
    return PushResult.model_construct(id=event_id, status=status, reason=reason, server_seq=server_seq,
                                      reason_fa=reason_fa)


def _refused(event_id: str, refusal: Refusal) -> PushResult:
    return _result(event_id, "rejected", refusal.reason, None, refusal.reason_fa)


_EVENTS = ServerEvent.__tablename__
#: The ids go in as one JSON array, which the database reads itself.
_KNOWN_SQL = per_dialect(f"SELECT id, server_seq FROM {_EVENTS} WHERE id IN ({{json_values}})")
_json_list = json.JSONEncoder(separators=(",", ":")).encode


def _known(db: ServerDb, session: Session, ids: list[str]) -> dict[str, int]:
    """Which of `ids` the server holds already, with their sequence numbers. The ids go in as one
    JSON array, which the database reads itself: an IN list of a thousand values cost SQLAlchemy
    more to expand than the query cost, and psycopg's adapter for a list of strings cost more than
    the query too. (A comma-separated text was as fast but split an id holding a comma.) It runs
    on the session's DBAPI connection: through SQLAlchemy's execution it took twice as long on
    PostgreSQL (a push asks it once per batch)."""
    if not ids:
        return {}
    with dbapi_cursor(session, _KNOWN_SQL) as (cur, sql):
        cur.execute(sql, (_json_list(ids),))
        return {r[0]: r[1] for r in cur.fetchall()}


def _add_to_totals(session: Session, rows: list[dict[str, Any]]) -> None:
    """Move the running digests by the events just stored (in the push's transaction, which holds
    the sequence counter's lock: pushes move them one at a time)."""
    moved: dict[tuple[str, str], EventDigest] = {}
    for r in rows:  # the payload is canonical JSON text already (`push`)
        d = moved.get((r["scope"], r["aggregate_type"]))
        if d is None:
            d = moved[(r["scope"], r["aggregate_type"])] = EventDigest()
        d.add_hash(canonical_hash(r["id"], r["type"], r["payload"], r["hlc"]))
    with dbapi_cursor(session, _TOTALS_SQL) as (cur, sql):
        cur.execute(sql, (_json_list(sorted({scope for scope, _ in moved})),))
        for scope, aggregate_type, events, digest in cur.fetchall():
            d = moved.get((scope, aggregate_type))
            if d is not None:
                d.merge(EventDigest.from_hex(events, digest))
    with dbapi_cursor(session, _TOTALS_SET_SQL) as (cur, sql):
        cur.executemany(sql, [(scope, aggregate_type, d.count, d.hexdigest())
                              for (scope, aggregate_type), d in sorted(moved.items())])


_REF_SQL = per_dialect(f"INSERT INTO {AttachmentRef.__tablename__} (sha256, scope) VALUES (?, ?) "
                       "ON CONFLICT (sha256, scope) DO NOTHING")
_TOTALS = DigestTotal.__tablename__
_TOTALS_SQL = per_dialect(f"SELECT scope, aggregate_type, events, digest FROM {_TOTALS} "
                          "WHERE scope IN ({json_values})")
_TOTALS_SET_SQL = per_dialect(
    f"INSERT INTO {_TOTALS} (scope, aggregate_type, events, digest) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (scope, aggregate_type) DO UPDATE SET events = excluded.events, digest = excluded.digest")


def pull(db: ServerDb, session: Session, device: Device, req: PullRequest, clock: HybridClock) -> Page:
    """A page of what the device's office sees after `cursor`, other devices' events only."""
    high = db.high_water(session)
    rows = _page_rows(db, session, ServerEvent.server_seq > req.cursor, ServerEvent.server_seq <= high,
                      visible(device.office_code), ServerEvent.device_id != device.id, limit=req.limit,
                      protocol=req.protocol_version)
    has_more = len(rows) == req.limit
    next_cursor = rows[-1][0] if has_more else max(high, req.cursor)
    summary = office_summary(db, session, device.office_code, next_cursor) if req.summary and not has_more else None
    top = max([req.hlc] + [r[1] for r in rows])
    return Page(PullResponse(cursor=req.cursor, events=[], next_cursor=next_cursor, has_more=has_more,
                             summary=summary, server_hlc=clock.merge(top), server_time_ms=now_ms()),
                [r[2] for r in rows])


def snapshot(db: ServerDb, session: Session, device: Device, cursor: int, upto: int, limit: int,
             clock: HybridClock, protocol: int = PROTOCOL_VERSION) -> Page:
    """A page of everything the office sees up to `upto` (0: now), own device's events included."""
    if upto <= 0:
        upto = db.high_water(session)
    rows = _page_rows(db, session, ServerEvent.server_seq > cursor, ServerEvent.server_seq <= upto,
                      visible(device.office_code), limit=limit, protocol=protocol)
    has_more = len(rows) == limit
    next_cursor = rows[-1][0] if has_more else upto
    top = max([0] + [r[1] for r in rows])
    return Page(SnapshotResponse(cursor=cursor, upto=upto, events=[], next_cursor=next_cursor, has_more=has_more,
                                 server_hlc=clock.merge(top), server_time_ms=now_ms()),
                [r[2] for r in rows])


def hello(db: ServerDb, session: Session, device: Device, req: HelloRequest, clock: HybridClock) -> HelloResponse:
    """A desk's first word in a round (`device` locked in `session` when `req` renames the store):
    the name of its store checked, and kept when the desk renames it (`HelloRequest`), and where
    its pulls go on from when it says its cursor (`pull_from`)."""
    followed = device.store_id
    if not (followed is None or followed == req.store_id
            or (req.next_store_id is not None and followed == req.next_store_id)):
        from .auth import store_copied

        raise store_copied()
    if req.next_store_id is not None and followed != req.next_store_id:
        device.store_id = req.next_store_id
    return HelloResponse(device_id=device.id, office_code=device.office_code, device_no=device.device_no,
                         last_client_seq=device.last_client_seq, server_hlc=clock.merge(0), server_time_ms=now_ms(),
                         pull_from=None if req.cursor is None else pull_from(db, session, req))


def pull_from(db: ServerDb, session: Session, req: HelloRequest) -> int:
    """Where a desk's pulls go on from: its cursor, unless this server no longer holds what the
    desk saw up to it — restored from a backup older than the desk's last round, the server gave
    the places past the backup to other events since (re-sent or new), which a pull from the
    cursor would skip. Then: the highest place of an event the desk holds (`req.seen`) that this
    server holds at the same place, and never past the server's own last place."""
    cursor = min(req.cursor or 0, db.high_water(session))
    seen = {s.server_seq: s.id for s in req.seen or [] if s.server_seq <= cursor}
    if not seen:
        return cursor
    held = dict(session.execute(select(ServerEvent.server_seq, ServerEvent.id)
                                .where(ServerEvent.server_seq.in_(list(seen)))).all())
    top = max(seen)
    if held.get(top) == seen[top]:
        return cursor
    return max((seq for seq, event_id in seen.items() if held.get(seq) == event_id), default=0)


def own_events(db: ServerDb, session: Session, device: Device, after: int, cursor: int, limit: int,
               clock: HybridClock, protocol: int = PROTOCOL_VERSION) -> Page:
    """A page of the device's own events with a client sequence number past `after`, in server
    order after `cursor` (a pull leaves them out: the desk has them, unless it lost them to a
    restore). No index serves it: it reads the events after `cursor` (the desk's last
    acknowledged one), rarely, for a desk that is recovering."""
    high = db.high_water(session)
    rows = _page_rows(db, session, ServerEvent.server_seq > cursor, ServerEvent.server_seq <= high,
                      ServerEvent.device_id == device.id, ServerEvent.client_seq > after,
                      ServerEvent.scope != QUARANTINE_SCOPE, limit=limit, protocol=protocol)
    has_more = len(rows) == limit
    next_cursor = rows[-1][0] if has_more else max(high, cursor)
    return Page(OwnEventsResponse(after=after, cursor=cursor, events=[], next_cursor=next_cursor,
                                  has_more=has_more, last_client_seq=device.last_client_seq,
                                  server_hlc=clock.merge(0), server_time_ms=now_ms()),
                [r[2] for r in rows])
