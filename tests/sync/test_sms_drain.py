"""The server's SMS drain: notices go out oldest first, failures are retried (by the running
server's periodic drain too), the database stays writable while the gateway is called, a notice
claimed by a drain that died is sent again, the HTTP gateway talks to a real endpoint, and the
secretariat's notices by SMS are sent like the lending desk's."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from sqlalchemy import insert, select

from kanoon_desk import state_keys
from kanoon_desk.ids import new_id
from kanoon_desk.server import create_app, sms
from kanoon_desk.server.db import ServerDb
from kanoon_desk.server.logs import JsonFormatter
from kanoon_desk.server.server_models import SmsOutbox, utcnow
from kanoon_desk.server.sms import LogGateway
from kanoon_desk.sync import client

from .helpers import LiveServer, enrol


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


def test_a_failed_notice_is_sent_again_by_the_periodic_drain_without_another_push(db: ServerDb) -> None:
    (only,) = _queue(db, 1)
    gateway = Recording(db, fail=1)
    drainer = sms.PeriodicDrain(db, gateway, every=0.05)
    drainer.start()
    try:
        deadline = time.monotonic() + 10
        while not gateway.sent and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        started = time.monotonic()
        drainer.stop()
        stopped_in = time.monotonic() - started
    assert gateway.sent == [("09120000000", "پیام 0")]
    row = _rows(db)[only]
    assert (row.status, row.attempts, row.last_error) == ("sent", 2, "provider unreachable")
    assert not drainer.running and stopped_in < 1  # stops at once between drains


def test_the_running_server_drains_on_its_own_and_stops_the_drain_when_it_stops(server_db_url: str,
                                                                                 tmp_path: Path) -> None:
    gateway = LogGateway()
    app = create_app(server_db_url, sms_gateway=gateway, attachments_dir=tmp_path / "att", sms_every=0.05)
    db: ServerDb = app.state.db

    async def serve() -> None:
        async with app.router.lifespan_context(app):
            assert app.state.sms_drain.running
            _queue(db, 2)  # e.g. left pending by a gateway that was down when they were pushed
            deadline = time.monotonic() + 10
            while len(gateway.sent) < 2 and time.monotonic() < deadline:
                await asyncio.sleep(0.02)

    try:
        asyncio.run(serve())
        assert sorted(gateway.sent) == [("09120000000", "پیام 0"), ("09120000001", "پیام 1")]
        assert not app.state.sms_drain.running
        quiet = create_app(server_db_url, attachments_dir=tmp_path / "att", sms_every=None)
        assert quiet.state.sms_drain is None  # drained only after pushes
        quiet.state.db.close()
    finally:
        db.close()


class Provider:
    """A tiny SMS provider on 127.0.0.1: records each POST, answers `status` (a list, in turn)."""

    def __init__(self, *statuses: int) -> None:
        self.received: list[tuple[str, str | None, dict[str, Any]]] = []
        self.statuses = list(statuses) or [200]
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - the http.server protocol
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                provider.received.append((self.path, self.headers.get("Authorization"), body))
                status = provider.statuses.pop(0) if len(provider.statuses) > 1 else provider.statuses[0]
                self.send_response(status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *_args: Any) -> None:
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.http.server_address[1]}/send"
        self.thread = threading.Thread(target=self.http.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.http.shutdown()
        self.http.server_close()


@pytest.fixture
def provider() -> Iterator[Provider]:
    got = Provider(503, 200)
    yield got
    got.close()


def test_the_http_gateway_posts_to_a_real_endpoint_and_a_refusal_is_retried(db: ServerDb,
                                                                          provider: Provider) -> None:
    (only,) = _queue(db, 1)
    gateway = sms.HttpGateway(provider.url, "provider-key")
    assert sms.drain(db, gateway) == 0  # the provider answered 503
    row = _rows(db)[only]
    assert (row.status, row.attempts) == ("pending", 1) and "503" in row.last_error
    assert sms.drain(db, gateway) == 1
    assert provider.received == [("/send", "Bearer provider-key", {"to": "09120000000", "text": "پیام 0"})] * 2
    assert _rows(db)[only].status == "sent"


def test_the_http_gateway_keeps_a_notice_when_the_provider_is_unreachable(db: ServerDb) -> None:
    closed = Provider()
    url = closed.url
    closed.close()
    (only,) = _queue(db, 1)
    assert sms.drain(db, sms.HttpGateway(url, "k")) == 0
    row = _rows(db)[only]
    assert (row.status, row.attempts) == ("pending", 1) and row.last_error


def _notified(store: client.Store, payload: dict[str, Any]) -> dict[str, Any]:
    return {"id": new_id(), "type": "case.notified", "aggregate_type": "case", "aggregate_id": new_id(),
            "payload": payload, "hlc": 10, "device_id": store.identity.device_id,
            "office_code": store.identity.office_code, "user_id": "u", "recorded_at": datetime.now(UTC).isoformat()}


def test_the_secretariats_sms_notices_are_sent_through_the_gateway(server_db_url: str, tmp_path: Path) -> None:
    """A `case.notified` of method "sms" carries the applicant's mobile and the text (the desk's
    side of the contract); other methods, and a notice with no number, are not offered to it."""
    provider = Provider(200)
    server = LiveServer(server_db_url, sms_gateway=sms.HttpGateway(provider.url, "k"),
                        attachments_dir=tmp_path / "att")
    try:
        desk = enrol(server, tmp_path / "a.sqlite3", "13")
        sent = _notified(desk, {"method": "sms", "mobile": "09121234567", "text": "پاسخ درخواست شما آماده است",
                                "kind": "result"})
        by_phone = _notified(desk, {"method": "phone", "mobile": "09121234568", "text": "تلفنی گفته شد"})
        no_number = _notified(desk, {"method": "sms", "text": "بی‌شماره"})
        body = {"device_id": desk.identity.device_id, "batch_id": new_id(), "first_client_seq": 1,
                "events": [sent, by_phone, no_number]}
        headers = {"Authorization": f"Bearer {desk.identity.device_id}:{desk.get_state(state_keys.K_SECRET)}"}
        assert httpx.post(server.url + "/v1/push", json=body, headers=headers).status_code == 200
        deadline = time.monotonic() + 10
        while not provider.received and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.1)
        assert [r[2] for r in provider.received] == [{"to": "09121234567", "text": "پاسخ درخواست شما آماده است"}]
        rows = _rows(server.db)
        assert set(rows) == {sent["id"], no_number["id"]}
        assert rows[sent["id"]].status == "sent"
        assert (rows[no_number["id"]].status, rows[no_number["id"]].last_error) == (
            "failed", "no mobile number in the notice")
    finally:
        server.stop()
        provider.close()


def test_the_log_only_gateway_keeps_numbers_and_texts_out_of_the_log(caplog: pytest.LogCaptureFixture) -> None:
    """With no gateway (the default) each notice is a line of the server's log: it names no
    applicant's number and none of the notice's text (a tracking code, a child's name)."""
    text = "متقاضی گرامی، درخواست شما با کد رهگیری 0013 0133 8094 0062 بررسی شد."
    with caplog.at_level("INFO", logger="kanoon.server"):
        LogGateway().send("09193038132", text)
    (record,) = [r for r in caplog.records if r.getMessage() == "sms.logged"]
    line = json.loads(JsonFormatter().format(record))
    assert "09193038132" not in json.dumps(line, ensure_ascii=False)
    assert "0013 0133" not in json.dumps(line, ensure_ascii=False)
    assert line["mobile"] == "0919•••••32" and line["chars"] == len(text)
