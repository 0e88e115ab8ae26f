"""The server's bulk insert of pushed events stores what the ORM would have stored."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import insert, select, text

from kanoon_desk.digest import canonical_json
from kanoon_desk.ids import new_id
from kanoon_desk.server import bulk
from kanoon_desk.server.db import ServerDb
from kanoon_desk.server.server_models import ServerEvent
from kanoon_desk.sqlite_bulk import JsonText
from kanoon_desk.sync import pull
from kanoon_desk.sync.protocol import EventOut

DEVICE, USER = new_id(), new_id()


def _row(seq: int, **over: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": new_id(), "server_seq": seq, "type": "case.received", "aggregate_type": "case",
        "aggregate_id": new_id(), "payload": {"subject": "قطعی برق «محله» \u200c", "n": [1, 2.5, None], "ok": True},
        "hlc": 2**62 + 7, "device_id": DEVICE, "office_code": "1301", "user_id": USER,
        # an instant given in Tehran time must be stored as the same instant in UTC
        "recorded_at": datetime(2026, 3, 20, 23, 59, 59, 5, tzinfo=timezone(timedelta(hours=3, minutes=30))),
        "schema_version": 1, "client_seq": seq, "scope": "1301", "tracking_code": None,
        "received_at": datetime(2026, 3, 21, 0, 0, tzinfo=UTC),
    }
    row.update(over)
    return row


def _read(db: ServerDb, seqs: list[int]) -> list[dict[str, Any]]:
    with db.read() as s:
        found = s.scalars(select(ServerEvent).where(ServerEvent.server_seq.in_(seqs))
                          .order_by(ServerEvent.server_seq)).all()
        return [{c: getattr(ev, c) for c in bulk.COLUMNS if c not in ("id", "server_seq", "client_seq",
                                                                        "aggregate_id")} for ev in found]


def _check_same_as_orm(db: ServerDb) -> None:
    by_orm = [_row(1), _row(2, tracking_code="K-1405-000123", recorded_at=datetime(2026, 1, 1, tzinfo=UTC))]
    by_bulk = [_row(3), _row(4, tracking_code="K-1405-000123", recorded_at=datetime(2026, 1, 1, tzinfo=UTC))]
    with db.transaction() as s:
        s.execute(insert(ServerEvent), by_orm)
        bulk.insert_events(s, by_bulk)
    # a payload handed over as JSON text already (the server's push: encoded once, canonically)
    encoded = [_row(5, payload=JsonText(canonical_json(_row(0)["payload"])))]
    with db.transaction() as s:
        bulk.insert_events(s, encoded)
    # COPY's text format escapes: backslash, tab, newline and carriage return, in a column and in JSON
    odd = {"user_id": "u\\1\t2\n3\r4\\N", "payload": {"text": "خط\nدوم\t«\\»\\N", "k\\": "\r"}}
    with db.transaction() as s:
        s.execute(insert(ServerEvent), [_row(6, **odd)])
        bulk.insert_events(s, [_row(7, **odd), _row(8, **{**odd, "payload": JsonText(canonical_json(odd["payload"]))})])
    orm, ours = _read(db, [1, 2]), _read(db, [3, 4])
    assert ours == orm
    assert _read(db, [5]) == orm[:1]
    strange = _read(db, [6, 7, 8])
    assert strange[0] == strange[1] == strange[2] and strange[1]["user_id"] == odd["user_id"]
    assert strange[1]["payload"] == odd["payload"]
    assert ours[0]["recorded_at"] == datetime(2026, 3, 20, 20, 29, 59, 5, tzinfo=UTC)
    assert ours[0]["payload"]["subject"] == "قطعی برق «محله» \u200c"



def test_bulk_rows_read_back_like_orm_rows(db: ServerDb) -> None:
    _check_same_as_orm(db)
    if not db.is_postgres:
        with db.read() as s:  # the stored text too, so SQL comparisons and ordering agree
            stored = s.execute(text("SELECT recorded_at, received_at FROM events ORDER BY server_seq")).all()
        assert stored[0] == stored[2] and stored[1] == stored[3]


def test_bulk_insert_is_part_of_the_transaction(tmp_path: Any) -> None:
    db = ServerDb(str(tmp_path / "server.sqlite3"))
    try:
        try:
            with db.transaction() as s:
                bulk.insert_events(s, [_row(1)])
                raise RuntimeError("crash before commit")
        except RuntimeError:
            pass
        with db.read() as s:
            assert s.scalar(select(ServerEvent.id)) is None
    finally:
        db.close()


def _check_pages_carry_the_stored_events(db: ServerDb) -> None:
    from kanoon_desk.ids import HybridClock
    from kanoon_desk.server import exchange
    from kanoon_desk.server.server_models import Device
    from kanoon_desk.sync.protocol import PullRequest

    rows = [_row(1), _row(2, tracking_code="K-1", payload={}), _row(3, hlc=2**63 - 1, scope="*")]
    with db.transaction() as s:
        assert db.take_seqs(s, len(rows)) == 1
        bulk.insert_events(s, rows)
        s.add(Device(id="reader", office_code="1301", device_no=9, secret_hash="x"))
    with db.read() as s:
        reader = s.get(Device, "reader")
        page = exchange.pull(db, s, reader, PullRequest(cursor=0, limit=2), HybridClock()).model()
        rest = exchange.pull(db, s, reader, PullRequest(cursor=page.next_cursor, limit=2), HybridClock()).model()
        snap = exchange.snapshot(db, s, reader, 0, 0, 10, HybridClock()).model()
        stored = {ev.id: {c: getattr(ev, c) for c in bulk.COLUMNS} for ev in s.scalars(select(ServerEvent))}
    assert page.has_more and not rest.has_more and [e.server_seq for e in page.events + rest.events] == [1, 2, 3]
    assert [e.id for e in snap.events] == [r["id"] for r in rows]
    for ev in page.events + rest.events + snap.events:
        want = stored[ev.id]
        assert ev.model_dump() == {name: want[name] for name in ev.model_dump()}


def test_pages_carry_the_stored_events(db: ServerDb) -> None:
    _check_pages_carry_the_stored_events(db)


def test_pulled_event_becomes_the_same_record_field_by_field() -> None:
    ev = EventOut.model_validate({k: v for k, v in _row(7).items() if k not in ("client_seq", "scope", "tracking_code",
                                                                                "received_at")})
    record = pull._event_row(ev)
    assert {name: getattr(record, name) for name in ev.model_dump()} == ev.model_dump()
    assert record.client_seq is None
