"""Public status look-up, attachments and SMS (the fuzz of every endpoint: test_schema_fuzz.py)."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from kanoon_desk import state_keys
from kanoon_desk.ids import new_id
from kanoon_desk.persian import damm_check_digit
from kanoon_desk.server.sms import LogGateway
from kanoon_desk.server.status import RateLimiter
from kanoon_desk.sync import client

from .helpers import LiveServer, enrol


def creds(store: client.Store) -> dict[str, str]:
    return {"Authorization": f"Bearer {store.identity.device_id}:{store.get_state(state_keys.K_SECRET)}"}


def raw_event(store: client.Store, etype: str, aggregate: str, agg_id: str, payload: dict[str, Any],
              hlc: int) -> dict[str, Any]:
    return {"id": new_id(), "type": etype, "aggregate_type": aggregate, "aggregate_id": agg_id, "payload": payload,
            "hlc": hlc, "device_id": store.identity.device_id, "office_code": store.identity.office_code,
            "user_id": "u", "recorded_at": datetime.now(UTC).isoformat()}


def push_raw(server: LiveServer, store: client.Store, first: int, events: list[dict[str, Any]]) -> httpx.Response:
    body = {"device_id": store.identity.device_id, "batch_id": new_id(), "first_client_seq": first,
            "events": events}
    return httpx.post(server.url + "/v1/push", json=body, headers=creds(store))


@pytest.fixture
def extras(tmp_path: Path) -> Iterator[tuple[LiveServer, LogGateway]]:
    gateway = LogGateway()
    server = LiveServer(str(tmp_path / "srv.sqlite3"), sms_gateway=gateway, attachments_dir=tmp_path / "att",
                        status_limiter=RateLimiter(capacity=4, per_minute=1))
    yield server, gateway
    server.stop()


def test_status_look_up_answers_only_the_public_status(extras: tuple[LiveServer, LogGateway], tmp_path: Path) -> None:
    server, _ = extras
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    body = "001" + "123456789"
    code = body + damm_check_digit(body)
    case_id = new_id()
    r = push_raw(server, a, 1, [raw_event(a, "case.received", "case", case_id,
                                          {"tracking_code": code, "citizen_name": "سارا"}, 10)])
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "stored"
    got = httpx.get(f"{server.url}/v1/status/{code}")
    assert got.status_code == 200
    assert got.json()["status"] == "received" and "سارا" not in got.text
    push_raw(server, a, 2, [raw_event(a, "case.closed", "case", case_id, {}, 20)])
    assert httpx.get(f"{server.url}/v1/status/{code}").json()["status"] == "closed"
    wrong = body + str((int(damm_check_digit(body)) + 1) % 10)
    assert httpx.get(f"{server.url}/v1/status/{wrong}").status_code == 400
    other = "002" + "123456789"
    assert httpx.get(f"{server.url}/v1/status/{other + damm_check_digit(other)}").status_code == 404
    assert httpx.get(f"{server.url}/v1/status/{code}").status_code == 429  # the fifth look-up from this address


def test_attachments_are_resumable_verified_and_limited(extras: tuple[LiveServer, LogGateway], tmp_path: Path) -> None:
    server, _ = extras
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    data = bytes(range(256)) * 400
    sha = hashlib.sha256(data).hexdigest()
    url = f"{server.url}/v1/attachments/{sha}"
    h = creds(a)
    half = len(data) // 2
    r = httpx.put(url, content=data[:half], headers={**h, "Content-Range": f"bytes 0-{half - 1}/{len(data)}"})
    assert r.status_code == 200 and r.json() == {"sha256": sha, "received": half, "complete": False, "size": None}
    # a chunk at the wrong offset is told where to resume
    r = httpx.put(url, content=data[:10], headers={**h, "Content-Range": f"bytes 0-9/{len(data)}"})
    assert r.status_code == 409 and r.json()["received"] == half
    assert httpx.get(url + "/status", headers=h).json()["received"] == half
    r = httpx.put(url, content=data[half:], headers={
        **h, "Content-Range": f"bytes {half}-{len(data) - 1}/{len(data)}"})
    assert r.status_code == 200 and r.json()["complete"] is True
    assert httpx.get(url, headers=h).status_code == 404  # no event of the office names it yet
    named = raw_event(a, "case.attached", "case", new_id(), {"sha256": sha, "filename": "scan.pdf"}, 5)
    assert push_raw(server, a, 1, [named]).status_code == 200
    assert httpx.get(url, headers=h).content == data
    bad = "0" * 64
    r = httpx.put(f"{server.url}/v1/attachments/{bad}", content=b"not it", headers=h)
    assert r.status_code == 422
    assert httpx.get(f"{server.url}/v1/attachments/{bad}", headers=h).status_code == 404
    too_big = 21 * 1024 * 1024
    r = httpx.put(f"{server.url}/v1/attachments/{'1' * 64}", content=b"x",
                  headers={**h, "Content-Range": f"bytes 0-0/{too_big}"})
    assert r.status_code == 413
    assert httpx.put(f"{server.url}/v1/attachments/NOTASHA", content=b"x", headers=h).status_code == 400


def test_queued_sms_is_sent_by_the_gateway(extras: tuple[LiveServer, LogGateway], tmp_path: Path) -> None:
    server, gateway = extras
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    ev = raw_event(a, "notice.sms_queued", "case", new_id(), {"mobile": "09121234567", "text": "پاسخ آماده است"}, 5)
    lending = raw_event(a, "notice.queued", "notice", new_id(), {"phone": "09351112233", "text": "کتاب آماده است"}, 6)
    assert push_raw(server, a, 1, [ev, lending]).status_code == 200
    deadline = time.monotonic() + 5
    while len(gateway.sent) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert sorted(gateway.sent) == [("09121234567", "پاسخ آماده است"), ("09351112233", "کتاب آماده است")]
