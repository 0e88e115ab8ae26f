"""Push and pull on the server: store each event once, in commit order, within the device's scope.

FastAPI-free, so the benchmarks and tests can call it directly; `app.py` maps it to HTTP.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from functools import lru_cache
from typing import Any, Literal, NamedTuple

from sqlalchemy import String, Text, cast, exists, func, insert, literal_column, select, type_coerce, update
from sqlalchemy.orm import Session, aliased

from ..digest import EventDigest, canonical_hash, digests_by_aggregate
from ..ids import COUNTER_MASK, MAX_DRIFT_MS, HybridClock, hlc_millis, hlc_pack, is_centre_of
from ..persian import to_persian_digits
from ..sqlite_bulk import JsonText
from ..sync.protocol import (
    MAX_PAYLOAD_BYTES,
    MIN_SCHEMA_VERSION,
    SCHEMA_VERSION,
    SHARED_SCOPE,
    AggregateSummary,
    EventIn,
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
from .db import SEQ_COUNTER, ServerDb, dbapi_cursor, per_dialect
from .server_models import (
    CASE,
    QUARANTINE_SCOPE,
    AttachmentRef,
    Device,
    DigestTotal,
    ServerCounter,
    ServerEvent,
    SmsOutbox,
    utcnow,
)

TYPE_RE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
AGGREGATE_RE = re.compile(r"^[a-z][a-z0-9_]*$")
#: Events that ask the server to send an SMS (the lending desk's notices use "notice.queued").
SMS_EVENTS = frozenset({"notice.sms_queued", "notice.queued"})
#: The shared aggregate of office records: a device writes only its own office's and its centres'.
OFFICE = "office"
#: The secretariat's notice to an applicant: an SMS when its `method` is "sms" (`sms_notice`).
CASE_NOTIFIED = "case.notified"
#: The longest mobile number the SMS outbox keeps.
MOBILE_MAX = 20


_SHA_RE = re.compile(r"^[0-9a-f]{64}$")


def names_a_file(payload: dict[str, Any]) -> str | None:
    """The file an event's payload names (`sha256`: a scanned letter, a member's photo), or None."""
    sha = payload.get("sha256")
    return sha if isinstance(sha, str) and _SHA_RE.match(sha) else None


def file_visible(session: Session, sha256: str, office_code: str) -> bool:
    """Whether an event that office `office_code` sees names the file."""
    return session.scalar(select(AttachmentRef.sha256).where(
        AttachmentRef.sha256 == sha256, AttachmentRef.scope.in_([office_code, SHARED_SCOPE])).limit(1)) is not None


def asks_for_sms(event_type: str, payload: dict[str, Any]) -> bool:
    """Whether an event asks the server to send an SMS: a lending notice, or a secretariat desk's
    notice to an applicant sent by SMS (`case.notified` with `"method": "sms"`)."""
    return event_type in SMS_EVENTS or (event_type == CASE_NOTIFIED and payload.get("method") == "sms")


def sms_notice(event_id: str, payload: dict[str, Any], queued_at: Any) -> dict[str, Any]:
    """The SMS outbox row for an event that `asks_for_sms`: the number (`mobile`; the lending
    desk's notices say `phone`) and the text. One with no number or no text is kept as failed,
    with the reason, rather than offered to the gateway."""
    mobile = str(payload.get("mobile") or payload.get("phone") or "").strip()[:MOBILE_MAX]
    text = str(payload.get("text") or "")
    problem = "no mobile number in the notice" if not mobile else "no text in the notice" if not text.strip() else ""
    hold = payload.get("hold_id")
    return {"event_id": event_id, "mobile": mobile, "text": text, "status": "failed" if problem else "pending",
            "attempts": 0, "last_error": problem, "queued_at": queued_at,
            "hold_id": hold if isinstance(hold, str) and 0 < len(hold) <= 36 else None}


#: A hold that is no longer ready to collect: its «ready» notice, not sent yet, is withdrawn.
HOLD_NOT_READY = frozenset({"hold.collected", "hold.requeued", "hold.cancelled", "hold.expired"})
WITHDRAWN_REASON = "withdrawn: the hold was no longer ready to collect (collected, requeued, cancelled or expired)"


def withdraw_ready_notices(session: Session, rows: list[dict[str, Any]]) -> None:
    """A hold stored now (`rows`, with their server_seq) that stopped being ready withdraws the
    «ready» notices of that hold stored before it and not sent yet: a desk that worked offline
    pushes the notice and the hold's end together, and the member would be told of a book no
    longer waiting. (A notice being sent at this moment is left to the gateway.)"""
    for r in rows:
        if r["type"] not in HOLD_NOT_READY:
            continue
        earlier = exists().where(ServerEvent.id == SmsOutbox.event_id, ServerEvent.server_seq < r["server_seq"])
        session.execute(update(SmsOutbox).where(SmsOutbox.hold_id == r["aggregate_id"], SmsOutbox.status == "pending",
                                                earlier)
                        .values(status="withdrawn", last_error=WITHDRAWN_REASON))

#: (event type, schema version) → function giving the payload in the next version. The server
#: upgrades older formats it still accepts on receipt, so pulls hand out one format only.
Upgrader = Callable[[dict[str, Any]], dict[str, Any]]
UPGRADERS: dict[tuple[str, int], Upgrader] = {}


def now_ms() -> int:
    return time.time_ns() // 1_000_000


@lru_cache(maxsize=1024)
def _well_formed(event_type: str, aggregate_type: str) -> bool:
    return bool(TYPE_RE.match(event_type) and AGGREGATE_RE.match(aggregate_type))


#: Canonical JSON (`digest.canonical_json`) that refuses NaN and ±Infinity (ValueError): Python
#: writes them as JavaScript does, but no JSON parser reads them (SQLite's refused every page
#: that held one, so one such event stopped the pulls of every office that saw it; PostgreSQL's
#: jsonb refuses them). A JSON number too large for a double arrives as infinity.
_STRICT_JSON = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode
#: The longest tracking code the events table indexes.
TRACKING_CODE_MAX: int = ServerEvent.__table__.c.tracking_code.type.length  # type: ignore[attr-defined]


class Refusal(NamedTuple):
    """Why an event is refused: in English (the log, the protocol's `reason`) and in Persian (the
    clerk's, `reason_fa`)."""

    reason: str
    reason_fa: str


def _fa(n: int | str) -> str:
    return to_persian_digits(n)


def _how_far(ms: int) -> tuple[str, str]:
    """A span in the largest unit that reads well, in English and in Persian."""
    minutes = round(ms / 60_000)
    if minutes >= 2 * 24 * 60:
        return f"{round(minutes / (24 * 60))} days", f"{_fa(round(minutes / (24 * 60)))} روز"
    if minutes >= 120:
        return f"{round(minutes / 60)} hours", f"{_fa(round(minutes / 60))} ساعت"
    return f"{max(minutes, 1)} minutes", f"{_fa(max(minutes, 1))} دقیقه"


def hlc_limit(now: int) -> int:
    """The newest stamp the server takes at wall time `now` (ms): `MAX_DRIFT_MS` ahead of it. A
    stamp further ahead is a desk's clock that is wrong, and following it would drag every clock
    that saw it along (one stamp near 2**63 made other offices' desks overflow)."""
    return hlc_pack(now + MAX_DRIFT_MS, COUNTER_MASK)


def _ahead(ev: EventIn, now: int) -> Refusal:
    en, fa = _how_far(hlc_millis(ev.hlc) - now)
    return Refusal(
        f"the event's clock stamp is {en} ahead of the server's clock (more than "
        f"{MAX_DRIFT_MS // 60_000} minutes): the clock of the computer that recorded it is wrong",
        f"ساعت رایانه‌ای که این رویداد را ثبت کرد {fa} از ساعت کارگزار جلوتر بود؛ تاریخ و ساعت آن رایانه "
        "را درست کنید و کار را دوباره ثبت کنید.")


REPEATED = Refusal("event repeated in one batch", "این رویداد در یک بسته دو بار آمده بود.")


def _seq_used(client_seq: int) -> Refusal:
    return Refusal(
        f"client sequence number {client_seq} was already used by another event of this device "
        "(restored from an old backup, or the store copied to a second computer?)",
        f"شماره ترتیب {_fa(client_seq)} را رویداد دیگری از همین دستگاه گرفته است (پایگاه داده از پشتیبانی کهنه "
        "برگردانده یا به رایانه دیگری رونوشت شده است)؛ همگام‌سازی بعدی آن را دوباره شماره می‌زند.")


def _holds_nul(value: Any) -> bool:
    """Whether a NUL character is in any key or text of a JSON value (PostgreSQL's text and jsonb
    cannot hold one)."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any("\x00" in k or _holds_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_holds_nul(v) for v in value)
    return False


def _payload_problem(ev: EventIn, payload: dict[str, Any]) -> tuple[Refusal | None, str]:
    """(why the payload is refused, or None; its canonical JSON text)."""
    try:
        text = _STRICT_JSON(payload)
    except ValueError:  # NaN or ±Infinity (a number too large for a double arrives as infinity)
        return Refusal("the payload holds a number JSON cannot carry (NaN, Infinity or too large)",
                       "عددی در داده این رویداد هست که نمی‌توان نگهش داشت (بی‌نهایت یا بسیار بزرگ)."), ""
    if "\\u0000" in text and _holds_nul(payload):  # the text has the escape for a NUL, or a backslash and "u0000"
        return Refusal("the payload holds a NUL character", "نویسه تهی (NUL) در داده این رویداد هست."), text
    if len(text) * 4 > MAX_PAYLOAD_BYTES and len(text.encode()) > MAX_PAYLOAD_BYTES:  # (a character: 1 to 4 bytes)
        return Refusal(f"the payload is larger than {MAX_PAYLOAD_BYTES} bytes",
                       f"داده این رویداد از {_fa(MAX_PAYLOAD_BYTES // 1024)} کیلوبایت بزرگ‌تر است."), text
    if ev.aggregate_type == CASE:
        tracking = payload.get("tracking_code")
        if isinstance(tracking, str) and len(tracking) > TRACKING_CODE_MAX:
            return Refusal(f"the tracking code is longer than {TRACKING_CODE_MAX} characters",
                           f"کد رهگیری این رویداد از {_fa(TRACKING_CODE_MAX)} نویسه بلندتر است."), text
    return None, text


def _for_a_centre(ev: EventIn, device: Device) -> bool:
    """An event of the shared lending registry written for one of the office's own centres (its
    code and two digits, 1301 under 13: `is_centre_of`): a provincial desk that keeps its
    centres' libraries (the demo's is one). Anything an office keeps to itself must carry the
    desk's own office: it is scoped to the office it names, which this desk's office would not see."""
    return (is_centre_of(ev.office_code, device.office_code)
            and scope_of(ev.aggregate_type, ev.office_code, ev.payload) == SHARED_SCOPE)


def _reject_reason(ev: EventIn, device: Device, limit: int, now: int) -> Refusal | None:
    """Why the server refuses one event of the device's push, or None. `limit` is the newest clock
    stamp it takes (`hlc_limit` of the wall time `now`)."""
    if ev.device_id != device.id:
        return Refusal("event of another device", "این رویداد از دستگاه دیگری است.")
    if ev.office_code != device.office_code and not _for_a_centre(ev, device):
        return Refusal(f"office {ev.office_code} is outside this device's scope ({device.office_code})",
                       f"دفتر {_fa_code(ev.office_code)} بیرون از حوزه این میز (دفتر {_fa_code(device.office_code)}) است.")
    if ev.aggregate_type == OFFICE and not (ev.aggregate_id == device.office_code
                                            or is_centre_of(ev.aggregate_id, device.office_code)):
        return Refusal(
            f"the record of office {ev.aggregate_id} is outside this device's scope: a desk of office "
            f"{device.office_code} writes only its own office's and its centres' ({device.office_code}NN)",
            f"مشخصات دفتر یا مرکز {_fa_code(ev.aggregate_id)} را تنها میز همان دفتر ثبت می‌کند؛ این میز "
            f"(دفتر {_fa_code(device.office_code)}) تنها دفتر خود و مرکزهای آن را ثبت می‌کند.")
    if ev.hlc > limit:
        return _ahead(ev, now)
    if ev.schema_version > SCHEMA_VERSION:
        return Refusal(f"schema version {ev.schema_version} is newer than the server's ({SCHEMA_VERSION})",
                       "قالب این رویداد از کارگزار تازه‌تر است؛ کارگزار باید به‌روز شود.")
    if ev.schema_version < MIN_SCHEMA_VERSION:
        return Refusal(f"schema version {ev.schema_version} is no longer accepted (minimum {MIN_SCHEMA_VERSION})",
                       "قالب این رویداد دیگر پذیرفته نمی‌شود؛ برنامه این میز را به‌روز کنید.")
    if not _well_formed(ev.type, ev.aggregate_type):
        return Refusal("malformed event type or aggregate type", "نوع این رویداد نادرست است.")
    if len(ev.id) != 36:
        return Refusal("event id is not a UUID", "شناسه این رویداد نادرست است.")
    if "\x00" in ev.id or "\x00" in ev.aggregate_id or "\x00" in ev.user_id:
        return Refusal("a NUL character in the event's id, aggregate id or user id",
                       "نویسه تهی (NUL) در شناسه‌های این رویداد هست.")
    if ev.recorded_at.utcoffset():  # stored in UTC: that instant must be in the calendar
        try:
            ev.recorded_at.astimezone(UTC)
        except OverflowError:
            return Refusal("recorded_at is outside the calendar once converted to UTC",
                           "زمان ثبت این رویداد بیرون از تقویم است.")
    return None


def _fa_code(code: str) -> str:
    """An office code as the clerk reads it (Persian digits; at most 16 characters)."""
    return _fa(code[:16])


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
        if sms:
            session.execute(insert(SmsOutbox), sms)
        withdraw_ready_notices(session, rows)
        refs = {(sha, r["scope"]) for r in rows if (sha := names_a_file(r["_payload"])) is not None}
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


#: Each EventOut field and the column it is read from, in the protocol's order.
_OUT_FIELDS = ("id", "type", "aggregate_type", "aggregate_id", "payload", "hlc", "device_id", "office_code",
               "user_id", "recorded_at", "schema_version", "server_seq")


def _event_json(is_postgres: bool) -> Any:
    """An SQL expression giving each row as `p.EventOut` JSON text, built by the database itself.

    A page is up to 5,000 events: reading them into Python (JSON parsed, instants parsed), making
    models and encoding them again was most of a pull's time on the server. Instants are stored as
    naive UTC; they go out as ISO 8601 with an explicit +00:00. Keys are constants of this module.
    """
    parts: list[Any] = []
    for name in _OUT_FIELDS:
        column: Any = ServerEvent.__table__.c[name]
        if name == "recorded_at":
            if is_postgres:
                column = func.to_char(column, literal_column("'YYYY-MM-DD\"T\"HH24:MI:SS.US\"+00:00\"'"))
            else:
                column = type_coerce(func.replace(column, literal_column("' '"), literal_column("'T'")),
                                     String).concat(literal_column("'+00:00'"))
        elif name == "payload" and not is_postgres:
            column = func.json(column)  # stored as JSON text: embedded as JSON, not as a string
        parts += [literal_column(f"'{name}'"), column]
    if is_postgres:
        return cast(func.json_build_object(*parts), Text)
    return func.json_object(*parts)


@dataclass
class Page:
    """A pull or snapshot answer: its fields as a model with no events, and the events as JSON."""

    head: PullResponse | SnapshotResponse | OwnEventsResponse
    events: list[str]

    def json(self) -> bytes:
        head = self.head.model_dump_json(exclude={"events"})
        return f'{head[:-1]},"events":[{",".join(self.events)}]}}'.encode()

    def model(self) -> PullResponse | SnapshotResponse | OwnEventsResponse:
        return type(self.head).model_validate_json(self.json())


def _page_rows(db: ServerDb, session: Session, *where: Any, limit: int) -> list[Any]:
    return list(session.execute(
        select(ServerEvent.server_seq, ServerEvent.hlc, _event_json(db.is_postgres)).where(*where)
        .order_by(ServerEvent.server_seq).limit(limit)))


def visible(office_code: str) -> Any:
    return ServerEvent.scope.in_([office_code, SHARED_SCOPE])


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


def office_summary(db: ServerDb, session: Session, office_code: str, upto: int | None = None
                   ) -> dict[str, AggregateSummary] | None:
    """Counts and digest per aggregate type of what `office_code` sees, from the running totals.

    With `upto`: None unless the totals read are exactly those of the events up to `upto` (on
    PostgreSQL a push may commit between a page and this read; the round then skips its check).
    The totals and the counter come from one statement, so they are of one moment."""
    counter = aliased(ServerCounter)
    q = (select(counter.value, DigestTotal.aggregate_type, DigestTotal.events, DigestTotal.digest)
         .select_from(counter)
         .outerjoin(DigestTotal, DigestTotal.scope.in_([office_code, SHARED_SCOPE]))
         .where(counter.name == SEQ_COUNTER))
    found = session.execute(q).all()
    if upto is not None and (not found or int(found[0][0]) != upto):
        return None
    per_type: dict[str, EventDigest] = {}
    for _value, aggregate_type, events, digest in found:
        if aggregate_type is not None and events:
            per_type.setdefault(aggregate_type, EventDigest()).merge(EventDigest.from_hex(events, digest))
    return {t: AggregateSummary(events=d.count, digest=d.hexdigest()) for t, d in sorted(per_type.items())}


def office_summary_from_events(db: ServerDb, session: Session, office_code: str) -> dict[str, AggregateSummary]:
    """The same as `office_summary`, computed from every event the office sees (for `check`-like
    audits and tests: slow on a big server)."""
    q = select(ServerEvent.aggregate_type, ServerEvent.id, ServerEvent.type,
               type_coerce(ServerEvent.payload, String), ServerEvent.hlc).where(visible(office_code))
    summary = digests_by_aggregate((r[0], r[1], r[2], r[3], r[4])
                                   for r in session.execute(q.execution_options(yield_per=5000)))
    return {t: AggregateSummary(events=v["events"], digest=v["digest"]) for t, v in summary.items()}


def pull(db: ServerDb, session: Session, device: Device, req: PullRequest, clock: HybridClock) -> Page:
    """A page of what the device's office sees after `cursor`, other devices' events only."""
    high = db.high_water(session)
    rows = _page_rows(db, session, ServerEvent.server_seq > req.cursor, ServerEvent.server_seq <= high,
                      visible(device.office_code), ServerEvent.device_id != device.id, limit=req.limit)
    has_more = len(rows) == req.limit
    next_cursor = rows[-1][0] if has_more else max(high, req.cursor)
    summary = office_summary(db, session, device.office_code, next_cursor) if req.summary and not has_more else None
    top = max([req.hlc] + [r[1] for r in rows])
    return Page(PullResponse(cursor=req.cursor, events=[], next_cursor=next_cursor, has_more=has_more,
                             summary=summary, server_hlc=clock.merge(top), server_time_ms=now_ms()),
                [r[2] for r in rows])


def snapshot(db: ServerDb, session: Session, device: Device, cursor: int, upto: int, limit: int,
             clock: HybridClock) -> Page:
    """A page of everything the office sees up to `upto` (0: now), own device's events included."""
    if upto <= 0:
        upto = db.high_water(session)
    rows = _page_rows(db, session, ServerEvent.server_seq > cursor, ServerEvent.server_seq <= upto,
                      visible(device.office_code), limit=limit)
    has_more = len(rows) == limit
    next_cursor = rows[-1][0] if has_more else upto
    top = max([0] + [r[1] for r in rows])
    return Page(SnapshotResponse(cursor=cursor, upto=upto, events=[], next_cursor=next_cursor, has_more=has_more,
                                 server_hlc=clock.merge(top), server_time_ms=now_ms()),
                [r[2] for r in rows])


def hello(session: Session, device: Device, req: HelloRequest, clock: HybridClock) -> HelloResponse:
    """A desk's first word in a round (`device` locked in `session` when `req` renames the store):
    the name of its store checked, and kept when the desk renames it (`HelloRequest`)."""
    followed = device.store_id
    if not (followed is None or followed == req.store_id
            or (req.next_store_id is not None and followed == req.next_store_id)):
        from .auth import store_copied

        raise store_copied()
    if req.next_store_id is not None and followed != req.next_store_id:
        device.store_id = req.next_store_id
    return HelloResponse(device_id=device.id, office_code=device.office_code, device_no=device.device_no,
                         last_client_seq=device.last_client_seq, server_hlc=clock.merge(0), server_time_ms=now_ms())


def own_events(db: ServerDb, session: Session, device: Device, after: int, cursor: int, limit: int,
               clock: HybridClock) -> Page:
    """A page of the device's own events with a client sequence number past `after`, in server
    order after `cursor` (a pull leaves them out: the desk has them, unless it lost them to a
    restore). No index serves it: it reads the events after `cursor` (the desk's last
    acknowledged one), rarely, for a desk that is recovering."""
    high = db.high_water(session)
    rows = _page_rows(db, session, ServerEvent.server_seq > cursor, ServerEvent.server_seq <= high,
                      ServerEvent.device_id == device.id, ServerEvent.client_seq > after,
                      ServerEvent.scope != QUARANTINE_SCOPE, limit=limit)
    has_more = len(rows) == limit
    next_cursor = rows[-1][0] if has_more else max(high, cursor)
    return Page(OwnEventsResponse(after=after, cursor=cursor, events=[], next_cursor=next_cursor,
                                  has_more=has_more, last_client_seq=device.last_client_seq,
                                  server_hlc=clock.merge(0), server_time_ms=now_ms()),
                [r[2] for r in rows])
