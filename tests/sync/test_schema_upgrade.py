"""The event schema's upgrade path (UPGRADERS, MIN_SCHEMA_VERSION) with an upgrader registered by
the test, and a device's last contact in the devices list (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from kanoon_desk.models import Event
from kanoon_desk.server import exchange_checks
from kanoon_desk.server.auth import list_devices
from kanoon_desk.services import accounts, ops
from kanoon_desk.sync import client
from kanoon_desk.sync import protocol as p

from .helpers import LiveServer, bootstrap_admin, enrol
from .test_hostile_input import Device, rejected
from .test_sync_basic import assert_matches_server


def _v2(payload: dict[str, Any]) -> dict[str, Any]:
    """Schema 2 of holiday.set (made up for the test): the title says it is official."""
    return {**payload, "title": f"{payload['title']} (رسمی)", "official": True}


def test_an_older_schema_is_upgraded_on_receipt_and_held_alike_everywhere(
        server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    b = enrol(server, tmp_path / "b.sqlite3", "13")
    admin = bootstrap_admin(a)
    monkeypatch.setattr(exchange_checks, "SCHEMA_VERSION", 2)  # the server's code writes schema 2 …
    monkeypatch.setitem(exchange_checks.UPGRADERS, ("holiday.set", 1), _v2)  # … and upgrades 1 on receipt
    accounts.set_holiday(a, admin, date(2026, 3, 26), "نوروز")  # this desk still writes schema 1
    report = client.sync_once(a)
    assert report.ok and not report.mismatches, report.summary_line()  # it holds what the server holds
    with a.read() as s:
        held = s.scalars(select(Event).where(Event.type == "holiday.set")).one()
    assert (held.schema_version, held.payload) == (2, {"title": "نوروز (رسمی)", "was": None, "official": True})
    assert accounts.list_holidays(a) == [(date(2026, 3, 26), "نوروز (رسمی)")]  # folded again
    assert_matches_server(server, a)
    assert client.sync_once(b).ok and accounts.list_holidays(b) == accounts.list_holidays(a)  # pulls hand out 2
    assert ops.stats(a.path)["aggregates"] == ops.stats(b.path)["aggregates"] and ops.check(a.path) == []
    # a schema below the server's minimum: the event refused with its reason, the request 426
    monkeypatch.setattr(exchange_checks, "MIN_SCHEMA_VERSION", 2)
    dev = Device(server, "13")
    old = dev.event(type="holiday.set", aggregate_type="holiday", aggregate_id="2026-03-22",
                    payload={"title": "عید"}, schema_version=1)
    r = dev.push([old])
    assert "no longer accepted" in rejected(r)[old["id"]] and "به‌روز" in r.json()["results"][0]["reason_fa"]
    monkeypatch.setattr(p, "MIN_SCHEMA_VERSION", 2)
    assert httpx.get(server.url + "/v1/health", headers={p.HEADER_SCHEMA: "1"}).status_code == 426


def test_a_device_that_only_pulls_is_seen(server: LiveServer, tmp_path: Path) -> None:
    a = enrol(server, tmp_path / "a.sqlite3", "13")  # its first sync pulled, it pushed nothing
    [row] = list_devices(server.db)
    assert row.id == a.identity.device_id and row.last_seen_at is not None
