"""Public status look-up, attachments, SMS and a fuzz of every endpoint (no 5xx, ever)."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kanoon_desk.ids import new_id
from kanoon_desk.persian import damm_check_digit
from kanoon_desk.server.sms import LogGateway
from kanoon_desk.server.status import RateLimiter
from kanoon_desk.sync import client

from .helpers import LiveServer, enrol


def creds(store: client.Store) -> dict[str, str]:
    return {"Authorization": f"Bearer {store.identity.device_id}:{store.get_state(client.K_SECRET)}"}


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


JSON = st.recursive(st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
                    max_leaves=12)
FIELDS = ["device_id", "batch_id", "first_client_seq", "events", "protocol_version", "schema_version", "hlc",
          "cursor", "limit", "summary", "code", "id", "type", "payload"]


def test_fuzz_no_endpoint_answers_5xx(tmp_path: Path) -> None:
    server = LiveServer(str(tmp_path / "srv.sqlite3"), attachments_dir=tmp_path / "att")
    try:
        a = enrol(server, tmp_path / "a.sqlite3", "13")
        h = creds(a)
        http = httpx.Client(base_url=server.url)
        event_like = st.fixed_dictionaries({k: JSON for k in ("id", "type", "aggregate_type", "aggregate_id",
                                                               "hlc", "device_id", "office_code")},
                                           optional={"payload": JSON, "recorded_at": JSON})
        bodies = st.one_of(JSON, st.dictionaries(st.sampled_from(FIELDS), JSON, max_size=6),
                           st.fixed_dictionaries({"device_id": st.just(a.identity.device_id),
                                                  "batch_id": st.text(min_size=1, max_size=5),
                                                  "first_client_seq": st.integers(-5, 5),
                                                  "events": st.lists(event_like, max_size=3)}))

        @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
        @given(method_path=st.sampled_from([("POST", "/v1/push"), ("POST", "/v1/pull"), ("POST", "/v1/enroll"),
                                            ("GET", "/v1/pull"), ("GET", "/v1/snapshot"), ("GET", "/v1/health"),
                                            ("GET", "/v1/status/{x}"), ("PUT", "/v1/attachments/{x}"),
                                            ("GET", "/v1/attachments/{x}/status")]),
               body=bodies, auth=st.booleans(), x=st.text(max_size=70).filter(lambda t: "/" not in t and "?" not in t
                                                                               and "#" not in t),
               params=st.dictionaries(st.sampled_from(["cursor", "limit", "upto", "summary"]),
                                      st.text(max_size=8), max_size=3),
               protocol=st.sampled_from([None, "0", "1", "x", "99"]))
        def fuzz(method_path: tuple[str, str], body: Any, auth: bool, x: str, params: dict[str, str],
                 protocol: str | None) -> None:
            method, path = method_path
            headers = dict(h) if auth else {}
            if protocol is not None:
                headers["X-Kanoon-Protocol"] = protocol
            url = path.replace("{x}", quote(x, safe="") or "_")
            if method == "PUT":
                r = http.put(url, content=str(body).encode(), headers=headers)
            elif method == "GET":
                r = http.get(url, params=params, headers=headers)
            else:
                r = http.post(url, json=body, headers=headers)
            assert r.status_code < 500, (method, url, body, r.status_code, r.text[:300])

        try:
            fuzz()
        finally:
            http.close()
    finally:
        server.stop()
