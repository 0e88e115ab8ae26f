"""The server's SMS drain: notices go out oldest first, failures are retried, the database stays
writable while the gateway is called, and a notice claimed by a drain that died is sent again."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from types import SimpleNamespace

from sqlalchemy import insert, select

from kanoon_desk.ids import new_id
from kanoon_desk.server import sms
from kanoon_desk.server.db import ServerDb
from kanoon_desk.server.server_models import SmsOutbox, utcnow


def _queue(db: ServerDb, n: int, **over: object) -> list[str]:
    start = utcnow() - timedelta(hours=1)
    rows = [{"event_id": new_id(), "mobile": f"0912000000{i}", "text": f"پیام {i}", "status": "pending",
             "attempts": 0, "last_error": "", "queued_at": start + timedelta(seconds=i), **over} for i in range(n)]
    with db.transaction() as s:
        s.execute(insert(SmsOutbox), rows)
    return [str(r["event_id"]) for r in rows]


def _rows(db: ServerDb) -> dict[str, SimpleNamespace]:
    with db.read() as s:
        return {r.event_id: SimpleNamespace(**{c: getattr(r, c) for c in SmsOutbox.__table__.columns.keys()})
                for r in s.scalars(select(SmsOutbox))}


def _write_from_elsewhere(db: ServerDb, event_id: str) -> None:
    """A write another request could make now, refused at once if a lock is held."""
    if db.is_postgres:
        with db.transaction() as s:
            s.execute(select(SmsOutbox).where(SmsOutbox.event_id == event_id).with_for_update(nowait=True)).all()
        return
    conn = sqlite3.connect(db.url.removeprefix("sqlite:///"), timeout=0.2)
    try:
        conn.execute("BEGIN IMMEDIATE")  # the writer lock every push takes
        conn.execute("ROLLBACK")
    finally:
        conn.close()


class Recording:
    def __init__(self, db: ServerDb, fail: int = 0) -> None:
        self.db, self.fail, self.sent, self.writable = db, fail, [], []  # type: ignore[var-annotated]

    def send(self, mobile: str, text: str) -> None:
        with self.db.read() as s:
            event_id = s.scalar(select(SmsOutbox.event_id).where(SmsOutbox.mobile == mobile))
        try:
            _write_from_elsewhere(self.db, str(event_id))
            self.writable.append(True)
        except Exception:
            self.writable.append(False)
        if self.fail:
            self.fail -= 1
            raise RuntimeError("provider unreachable")
        self.sent.append((mobile, text))


def test_notices_go_out_oldest_first_with_the_database_writable_meanwhile(db: ServerDb) -> None:
    ids = _queue(db, 3)
    gateway = Recording(db)
    assert sms.drain(db, gateway) == 3
    assert [m for m, _ in gateway.sent] == ["09120000000", "09120000001", "09120000002"]
    assert gateway.writable == [True, True, True]  # no lock held while the provider is called
    rows = _rows(db)
    assert all(rows[i].status == "sent" and rows[i].sent_at is not None and rows[i].attempts == 1 for i in ids)
    assert sms.drain(db, gateway) == 0 and len(gateway.sent) == 3  # nothing twice


def test_a_failed_notice_is_retried_then_given_up(db: ServerDb) -> None:
    (only,) = _queue(db, 1)
    gateway = Recording(db, fail=sms.MAX_ATTEMPTS)
    assert sms.drain(db, gateway) == 0
    row = _rows(db)[only]
    assert (row.status, row.attempts, row.last_error) == ("pending", 1, "provider unreachable")
    for _ in range(sms.MAX_ATTEMPTS - 1):
        sms.drain(db, gateway)
    row = _rows(db)[only]
    assert (row.status, row.attempts) == ("failed", sms.MAX_ATTEMPTS) and gateway.sent == []
    assert sms.drain(db, Recording(db)) == 0  # failed notices are not sent again


def test_a_claim_left_by_a_dead_drain_expires_and_a_live_one_is_left_alone(db: ServerDb) -> None:
    now = utcnow()
    (dead,) = _queue(db, 1, status="sending", attempts=1, claimed_at=now - sms.CLAIM_EXPIRES - timedelta(minutes=1))
    (live,) = _queue(db, 1, status="sending", attempts=1, claimed_at=now - timedelta(seconds=30), mobile="09359999999")
    gateway = Recording(db)
    assert sms.drain(db, gateway) == 1
    assert [m for m, _ in gateway.sent] == ["09120000000"]
    rows = _rows(db)
    assert (rows[dead].status, rows[dead].attempts, rows[dead].claimed_at) == ("sent", 2, None)
    assert rows[live].status == "sending"  # another drain is sending it right now
