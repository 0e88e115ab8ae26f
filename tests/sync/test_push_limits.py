"""A push is read only from a device the server knows, and only up to its cap (SQLite and
PostgreSQL); a desk cuts its batches to fit, and an event too large is refused on its own."""

from __future__ import annotations

import asyncio
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from kanoon_desk.eventlog import system_actor
from kanoon_desk.server.auth import enrol as server_enrol
from kanoon_desk.sync import client, push
from kanoon_desk.sync import protocol as p

from .helpers import LiveServer, enrol
from .test_hostile_input import Device, rejected, stored_count
from .test_sync_basic import assert_matches_server

CHUNK = 1024 * 1024


def call(app: Any, headers: dict[str, str], chunks: int, *, declared: int | None = None,
         path: str = "/v1/push", answer: list[bytes] | None = None) -> tuple[int, int]:
    """POST `path` (/v1/push) straight to the ASGI app with a body of `chunks` megabytes (sent
    without a Content-Length unless `declared`): (status, megabytes the app read); the answer's
    body is added to `answer`."""
    read = 0

    async def receive() -> dict[str, Any]:
        nonlocal read
        read += 1
        return {"type": "http.request", "body": b"x" * CHUNK, "more_body": read < chunks}

    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    raw = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    if declared is not None:
        raw.append((b"content-length", str(declared).encode()))
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
             "headers": [(b"content-type", b"application/json"), *raw], "client": ("127.0.0.1", 1),
             "server": ("127.0.0.1", 80)}
    asyncio.run(app(scope, receive, send))
    if answer is not None:
        answer.extend(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return next(m["status"] for m in sent if m["type"] == "http.response.start"), read


def test_a_push_from_no_device_is_refused_before_its_body_is_read(server: LiveServer) -> None:
    status, read = call(server.app, {}, 300)  # 300 MB, no credential
    assert status == 401 and read == 0
    status, read = call(server.app, {"Authorization": "Bearer nobody:wrong"}, 300)
    assert status == 401 and read == 0


@pytest.mark.parametrize(("path", "megabytes"), [("/v1/enroll", 0), ("/v1/hello", 0), ("/v1/pull", 1),
                                                 ("/v1/sms-outcomes", 1), ("/v1/nowhere", 0)])
def test_other_bodies_are_capped_before_they_are_read_whole(server: LiveServer, path: str, megabytes: int) -> None:
    """Only /v1/push was capped: a 300 MB enrolment or hello with no credential was read whole
    (15 s, 1 GB) before its refusal."""
    answer: list[bytes] = []
    status, read = call(server.app, {}, 300, declared=300 * CHUNK, path=path, answer=answer)
    assert status == 413 and read == 0  # by its Content-Length, before a byte is read
    refusal = json.loads(b"".join(answer))
    assert refusal["error"] == "too_large" and refusal["reason"] and refusal["reason_fa"]
    status, read = call(server.app, {}, 300, path=path)  # no Content-Length: at the first chunk past the cap
    assert status == 413 and read == megabytes + 1
    # a body within its cap is read as before
    status, read = call(server.app, {}, 1, declared=CHUNK, path="/v1/pull")  # 1 MB of "x": within, not JSON
    assert status == 422 and read == 1
    body = json.dumps({"code": "AAAA-BBBB-CCCC-DDDD", "label": "ل" * 200}).encode()
    answer = httpx.post(server.url + "/v1/enroll", content=body, headers={"Content-Type": "application/json"})
    assert answer.status_code == 401 and answer.json()["error"] == "bad_code"


def test_a_push_past_the_cap_is_refused_at_the_cap(server: LiveServer, monkeypatch: pytest.MonkeyPatch) -> None:
    got = server_enrol(server.db, server.code("13"))
    creds = {"Authorization": f"Bearer {got.device_id}:{got.secret}"}
    monkeypatch.setattr(p, "MAX_PUSH_BYTES", 5 * CHUNK)
    status, read = call(server.app, creds, 300)  # sent without its length: read up to the cap only
    assert status == 413 and read == 6
    status, read = call(server.app, creds, 300, declared=300 * CHUNK)  # its length said: not read at all
    assert status == 413 and read == 0


def test_an_event_too_large_is_refused_on_its_own(server: LiveServer) -> None:
    dev = Device(server, "13")
    big, fine = dev.event(payload={"name": "ک" * p.MAX_PAYLOAD_BYTES}), dev.event()
    r = dev.push([big, fine])
    assert list(rejected(r)) == [big["id"]] and "larger" in rejected(r)[big["id"]] and stored_count(r) == 1
    assert "کیلوبایت" in r.json()["results"][0]["reason_fa"]


def test_a_desk_cuts_its_batches_to_what_the_server_reads(server: LiveServer, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    with a.transaction() as s:
        for i in range(60):  # about 10 kB each: 600 kB in one round
            a.record(s, system_actor("13"), "holiday.set", (date(2020, 1, 1) + timedelta(days=i)).isoformat(),
                     {"title": "تعطیل " * 1000})
    monkeypatch.setattr(p, "MAX_PUSH_BYTES", 200_000)
    monkeypatch.setattr(push, "_PUSH_BODY_ROOM", 150_000)
    pushes: list[int] = []
    real = client.SyncClient._send

    def counting(self: client.SyncClient, batch: Any) -> p.PushResponse:
        assert len(batch.body) <= p.MAX_PUSH_BYTES
        pushes.append(len(json.loads(batch.body)["events"]))
        return real(self, batch)

    monkeypatch.setattr(client.SyncClient, "_send", counting)
    report = client.sync_once(a)
    assert report.ok and report.pushed == 60 and len(pushes) >= 4 and sum(pushes) == 60, report.summary_line()
    assert_matches_server(server, a)
