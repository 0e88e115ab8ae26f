"""Bad input is refused with a reason and never answered 500, on SQLite and on PostgreSQL.

A bad event in a good batch is a per-event "rejected" result (the device's queue moves on); a
malformed request is a 4xx. Nothing a push stores can stop another office's pulls.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from kanoon_desk.ids import new_id
from kanoon_desk.server import exchange
from kanoon_desk.server.auth import enrol as server_enrol
from kanoon_desk.server.db import SEQ_COUNTER, ServerDb, alembic_config, make_engine
from kanoon_desk.server.exchange import office_summary, office_summary_from_events
from kanoon_desk.server.server_models import QUARANTINE_SCOPE, DigestTotal, ServerCounter, ServerEvent, utcnow
from kanoon_desk.sync import client, enrolment

from .helpers import LiveServer, enrol


class Device:
    """A device enrolled on the server with no desk store: it pushes raw request bodies."""

    def __init__(self, server: LiveServer, office: str) -> None:
        got = server_enrol(server.db, server.code(office))
        self.server, self.id, self.office = server, got.device_id, got.office_code
        self.headers = {"Authorization": f"Bearer {got.device_id}:{got.secret}", "Content-Type": "application/json"}
        self.next_seq = 1

    def event(self, **over: Any) -> dict[str, Any]:
        ev = {"id": new_id(), "type": "agency.set", "aggregate_type": "agency", "aggregate_id": new_id(),
              "payload": {"name": "دستگاه آزمون"}, "hlc": 1000 + self.next_seq, "device_id": self.id,
              "office_code": self.office, "user_id": new_id(), "recorded_at": datetime.now(UTC).isoformat()}
        ev.update(over)
        return ev

    def push(self, events: list[dict[str, Any]], *, raw: dict[str, str] | None = None) -> httpx.Response:
        """Push `events` as the next batch. Python's encoder writes NaN and Infinity as JavaScript
        does (no JSON parser of ours writes them); `raw` puts text in place of a string value."""
        text = json.dumps({"device_id": self.id, "batch_id": new_id(), "first_client_seq": self.next_seq,
                           "events": events, "compact": True}, ensure_ascii=False)
        for placeholder, value in (raw or {}).items():
            text = text.replace(json.dumps(placeholder), value)
        r = httpx.post(self.server.url + "/v1/push", content=text.encode(), headers=self.headers)
        if r.status_code == 200:
            self.next_seq += len(events)
        return r


def rejected(r: httpx.Response) -> dict[str, str]:
    assert r.status_code == 200, r.text
    return {res["id"]: res["reason"] for res in r.json()["results"] if res["status"] == "rejected"}


def stored_count(r: httpx.Response) -> int:
    return sum(run["count"] for run in r.json()["stored"])


def test_unreadable_numbers_are_refused_per_event_and_every_office_still_pulls(server: LiveServer,
                                                                              tmp_path: Path) -> None:
    dev = Device(server, "13")
    good = [dev.event(), dev.event()]
    bad = [dev.event(payload={"v": float("nan")}), dev.event(payload={"v": [1, float("inf")]}),
           dev.event(payload={"v": {"w": float("-inf")}}), dev.event(payload={"v": "BIG"})]
    r = dev.push([good[0], *bad, good[1]], raw={"BIG": "1e400"})
    refused = rejected(r)
    assert set(refused) == {ev["id"] for ev in bad}
    assert all("number" in reason for reason in refused.values()), refused
    assert stored_count(r) == 2 and r.json()["last_client_seq"] == 6
    assert stored_count(dev.push([dev.event()])) == 1  # the device's queue moved on
    # another office's desk (a first sync, then a pull) and the pushing office's own desk see the good ones
    other = enrol(server, tmp_path / "b.sqlite3", "21")
    same = enrol(server, tmp_path / "c.sqlite3", "13")
    for desk in (other, same):
        report = client.sync_once(desk)
        assert report.ok and not report.mismatches, report.summary_line()
    pulled = httpx.post(server.url + "/v1/pull", json={"cursor": 0}, headers=dev.headers)
    assert pulled.status_code == 200  # its own events are skipped, but the page is built
    snap = httpx.get(server.url + "/v1/snapshot", headers=dev.headers)
    assert snap.status_code == 200 and len(snap.json()["events"]) == 3


def test_nul_characters_are_refused_wherever_they_are(server: LiveServer) -> None:
    dev = Device(server, "13")
    assert stored_count(dev.push([dev.event()])) == 1  # the ids of a batch are looked up among those held
    bad = [dev.event(payload={"name": "a\x00b"}), dev.event(payload={"k\x00": 1}),
           dev.event(payload={"deep": [{"x": ["\x00"]}]}), dev.event(id=new_id()[:35] + "\x00"),
           dev.event(aggregate_id="agg\x00"), dev.event(user_id="u\x00")]
    fine = dev.event(payload={"name": "a\\u0000b"})  # a backslash and text, not a NUL
    r = dev.push([*bad, fine])
    refused = rejected(r)
    assert len(refused) == len(bad) and fine["id"] not in refused
    assert all("NUL" in reason for reason in refused.values()), refused
    assert stored_count(r) == 1
    got = httpx.get(server.url + "/v1/snapshot", headers=dev.headers).json()["events"]
    assert [e["payload"] for e in got][1:] == [{"name": "a\\u0000b"}]


@pytest.mark.parametrize("field", ["label", "device_id"])
def test_enrolment_with_a_nul_is_refused(server: LiveServer, field: str) -> None:
    body: dict[str, Any] = {"code": server.code("13")}
    if field == "label":
        body["label"] = "میز\x00"
    else:
        body.update(device_id=new_id()[:35] + "\x00", office_code="13", device_no=1)
    r = httpx.post(server.url + "/v1/enroll", json=body)
    assert r.status_code == 422 and "NUL" in r.json()["reason"], r.text
    assert httpx.post(server.url + "/v1/enroll", json={"code": body["code"]}).status_code == 200  # unspent


def test_a_tracking_code_longer_than_the_column_is_refused(server: LiveServer) -> None:
    dev = Device(server, "13")
    long_code = dev.event(type="case.received", aggregate_type="case", payload={"tracking_code": "7" * 33})
    longest = dev.event(type="case.received", aggregate_type="case", payload={"tracking_code": "7" * 32})
    not_text = dev.event(type="case.received", aggregate_type="case", payload={"tracking_code": 7})
    refused = rejected(r := dev.push([long_code, longest, not_text]))
    assert list(refused) == [long_code["id"]] and "tracking" in refused[long_code["id"]]
    assert stored_count(r) == 2


@pytest.mark.parametrize("instant", ["0001-01-01T00:00+14:00", "9999-12-31T23:59-12:00",
                                     "0001-01-01T00:00:00.5+00:01"])
def test_an_instant_outside_the_calendar_in_utc_is_refused(server: LiveServer, instant: str) -> None:
    dev = Device(server, "13")
    edge = dev.event(recorded_at="0001-01-01T00:00:00+00:00")
    odd = dev.event(recorded_at=instant)
    refused = rejected(r := dev.push([odd, edge]))
    assert list(refused) == [odd["id"]] and "recorded_at" in refused[odd["id"]]
    assert stored_count(r) == 1
    got = httpx.get(server.url + "/v1/snapshot", headers=dev.headers)
    assert got.status_code == 200 and got.json()["events"][0]["recorded_at"].startswith("0001-01-01T00:00:00")


TOO_BIG = str(2**63)


@pytest.mark.parametrize(("method", "path", "params", "body"), [
    ("POST", "/v1/pull", None, {"cursor": 2**63}),
    ("POST", "/v1/pull", None, {"cursor": 2**64 + 5, "limit": 10}),
    ("POST", "/v1/pull", None, {"cursor": 0, "hlc": 2**63}),
    ("GET", "/v1/pull", {"cursor": TOO_BIG}, None),
    ("GET", "/v1/snapshot", {"cursor": TOO_BIG}, None),
    ("GET", "/v1/snapshot", {"upto": TOO_BIG}, None),
    ("GET", "/v1/snapshot", {"limit": TOO_BIG}, None),
    ("GET", "/v1/pull", {"limit": TOO_BIG}, None),
])
def test_positions_past_the_databases_integers_are_refused(server: LiveServer, method: str, path: str,
                                                          params: dict[str, str] | None,
                                                          body: dict[str, int] | None) -> None:
    dev = Device(server, "13")
    r = httpx.request(method, server.url + path, params=params, json=body, headers=dev.headers)
    assert r.status_code == 422, r.text
    assert r.json()["error"] == "invalid_request" and r.json()["reason"]


def test_a_push_numbered_past_the_databases_integers_is_refused(server: LiveServer) -> None:
    dev = Device(server, "13")
    dev.next_seq = 2**63
    assert dev.push([dev.event()]).status_code == 422


def test_a_database_data_error_is_a_4xx_with_a_reason(server: LiveServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """The last resort: a value the database refuses, whatever check missed it, is the request's fault."""
    from sqlalchemy.exc import DataError

    dev = Device(server, "13")

    def refuses(*_a: Any, **_k: Any) -> None:
        raise DataError("SELECT 1", {}, ValueError("value out of range for type bigint"))

    monkeypatch.setattr(exchange, "pull", refuses)
    r = httpx.post(server.url + "/v1/pull", json={"cursor": 0}, headers=dev.headers)
    assert r.status_code == 422 and r.json()["error"] == "invalid_value"
    assert "out of range" in r.json()["reason"] and r.json()["reason_fa"]


def _row(seq: int, payload: str, scope: str = "*") -> dict[str, Any]:
    """An events row as an older server wrote it: a shared agency, or a holiday of office 13."""
    aggregate_type = "agency" if scope == "*" else "holiday"
    return {"id": new_id(), "server_seq": seq, "type": f"{aggregate_type}.set", "aggregate_type": aggregate_type,
            "aggregate_id": new_id() if scope == "*" else f"2026-01-0{seq}", "payload": payload, "hlc": 1000 + seq,
            "device_id": "d", "office_code": "13", "user_id": "u",
            "recorded_at": utcnow().replace(tzinfo=None).isoformat(" "), "schema_version": 1, "client_seq": seq,
            "scope": scope, "tracking_code": None, "received_at": utcnow().replace(tzinfo=None).isoformat(" ")}


def test_events_an_older_server_stored_unreadable_are_set_aside(tmp_path: Path) -> None:
    """A server that took NaN before the push refused it: its pulls work again after the upgrade,
    and the totals a round compares with are those of what the offices can read."""
    from alembic import command

    from kanoon_desk.digest import EventDigest

    path = tmp_path / "old.sqlite3"
    engine = make_engine(str(path))
    command.upgrade(alembic_config(engine), "s0004")
    engine.dispose()
    rows = [_row(1, '{"name":"یک"}'), _row(2, '{"name":NaN}'), _row(3, '{"title":[Infinity]}', "13"),
            _row(4, '{"title":"چهار"}', "13")]
    totals: dict[tuple[str, str], EventDigest] = {}
    for r in rows:  # as the old push moved them: the unreadable ones counted too
        totals.setdefault((r["scope"], r["aggregate_type"]), EventDigest()).add(r["id"], r["type"], r["payload"],
                                                                                 r["hlc"])
    conn = sqlite3.connect(path)
    cols = list(rows[0])
    conn.executemany(f"INSERT INTO events ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
                     [tuple(r[c] for c in cols) for r in rows])
    conn.executemany("INSERT INTO digest_totals VALUES (?, ?, ?, ?)",
                     [(k[0], k[1], d.count, d.hexdigest()) for k, d in totals.items()])
    conn.execute("INSERT INTO counters VALUES (?, ?)", (SEQ_COUNTER, 4))
    conn.commit()
    conn.close()
    db = ServerDb(str(path))  # upgrades to the head
    try:
        with db.read() as s:
            for office in ("13", "21"):
                assert office_summary(db, s, office) == office_summary_from_events(db, s, office)
            seen = office_summary(db, s, "13")
            assert seen is not None and {t: v.events for t, v in seen.items()} == {"agency": 1, "holiday": 1}
            kept = {(t.scope, t.aggregate_type): t.events for t in s.scalars(select(DigestTotal))}
            assert kept == {("*", "agency"): 1, ("13", "holiday"): 1}
            assert s.scalar(select(ServerCounter.value)) == 4
            held = {e.server_seq: e.scope for e in s.scalars(select(ServerEvent))}
            assert held[1] == "*" and held[4] == "13" and held[2] == held[3] == QUARANTINE_SCOPE
    finally:
        db.close()
    server = LiveServer(str(path), attachments_dir=tmp_path / "att")
    try:
        desk, first = enrolment.enroll(tmp_path / "d.sqlite3", server.url, server.code("13"))
        assert first is not None and first.ok and first.snapshot == 2, first and first.summary_line()
        again = client.sync_once(desk)
        assert again.ok and not again.mismatches, again.summary_line()
        desk.close()
    finally:
        server.stop()


def test_an_uncaught_error_is_a_500_with_a_reason_and_one_json_log_line(
        server: LiveServer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """A bug (no check and no mapping caught it) is answered 500 with the error body every refusal
    has, and its traceback is one line of the structured log, not lines of text."""
    import logging

    from kanoon_desk.server.logs import JsonFormatter

    dev = Device(server, "13")

    def broken(*_a: Any, **_k: Any) -> None:
        raise RuntimeError("a bug in the pull")

    monkeypatch.setattr(exchange, "pull", broken)
    with caplog.at_level(logging.INFO):
        r = httpx.post(server.url + "/v1/pull", json={"cursor": 0}, headers=dev.headers)
    assert r.status_code == 500
    assert r.json()["error"] == "internal" and r.json()["reason"] and r.json()["reason_fa"]
    failed = [rec for rec in caplog.records if rec.getMessage() == "request.failed"]
    assert len(failed) == 1
    line = JsonFormatter().format(failed[0])
    assert "\n" not in line
    logged = json.loads(line)
    assert logged["level"] == "error" and logged["path"] == "/v1/pull" and "a bug in the pull" in logged["error"]
    assert "Traceback" in logged["exc"] and "RuntimeError: a bug in the pull" in logged["exc"]
    assert not [rec for rec in caplog.records if rec.name.startswith("uvicorn") and rec.levelno >= logging.ERROR]
    access = [rec for rec in caplog.records if rec.getMessage() == "request" and rec.fields["status"] == 500]  # type: ignore[attr-defined]
    assert len(access) == 1  # and the request line says 500
