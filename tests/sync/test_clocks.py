"""Clock stamps far ahead: refused per event, never followed, and a desk whose clock ran ahead is
told to mend it (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import httpx
from sqlalchemy import select

from kanoon_desk.ids import MAX_STAMP, hlc_millis
from kanoon_desk.models.sync import SyncRejection
from kanoon_desk.server import exchange
from kanoon_desk.server.server_models import ServerEvent
from kanoon_desk.sync import client
from kanoon_desk.sync.report import CLOCK_SKEW

from .helpers import LiveServer, add_user, bootstrap_admin, enrol
from .test_hostile_input import Device, stored_count

YEAR_MS = 365 * 24 * 3600 * 1000


def test_a_stamp_near_the_end_of_the_integers_is_refused_and_stops_no_desk(server: LiveServer,
                                                                           tmp_path: Path) -> None:
    dev = Device(server, "13")
    far, fine = dev.event(hlc=2**63 - 2), dev.event()
    r = dev.push([far, fine])
    refused = {res["id"]: res for res in r.json()["results"] if res["status"] == "rejected"}
    assert set(refused) == {far["id"]} and stored_count(r) == 1  # the queue moved on
    assert "ahead" in refused[far["id"]]["reason"] and "ساعت" in refused[far["id"]]["reason_fa"]
    assert r.json()["server_hlc"] <= exchange.hlc_limit(exchange.now_ms())
    # a request's own stamp past the bound is answered, and not followed
    pulled = httpx.post(server.url + "/v1/pull", json={"cursor": 0, "hlc": 2**63 - 2}, headers=dev.headers)
    assert pulled.status_code == 200 and pulled.json()["server_hlc"] <= exchange.hlc_limit(exchange.now_ms())
    # another office's desk pulls what was stored and works on (it overflowed its stamps before)
    other = enrol(server, tmp_path / "b.sqlite3", "21")
    admin = bootstrap_admin(other)
    for i in range(3):
        add_user(other, admin, f"u{i}")
    report = client.sync_once(other)
    assert report.ok and report.pushed == 4 and not report.mismatches, report.summary_line()
    assert other.clock.last <= exchange.hlc_limit(exchange.now_ms()) < MAX_STAMP
    with server.db.read() as s:
        assert max(s.scalars(select(ServerEvent.hlc))) <= exchange.hlc_limit(exchange.now_ms())


def test_a_desk_whose_clock_is_a_year_ahead_is_told_to_mend_it(server: LiveServer, tmp_path: Path) -> None:
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    admin = bootstrap_admin(a)
    assert client.sync_once(a).ok
    wall = a.clock._wall
    a.clock._wall = lambda: wall() + YEAR_MS  # the computer's date is a year ahead
    add_user(a, admin, "ahead")
    report = client.sync_once(a)
    # the round goes on (nothing blocks the queue) and says the clock is off; the event is refused
    assert report.ok and report.rejected == 1 and report.pushed == 0, report.summary_line()
    assert any(w.template == CLOCK_SKEW for w in report.warnings)
    with a.read() as s:
        refusal = s.scalars(select(SyncRejection)).one()
    assert refusal.event_type == "user.created" and "ahead" in refusal.reason
    assert refusal.reason_fa and "۳۶۵ روز" in refusal.reason_fa and "ساعت" in refusal.reason_fa
    # the server did not follow the desk's stamps
    with server.db.read() as s:
        assert max(s.scalars(select(ServerEvent.hlc))) <= exchange.hlc_limit(exchange.now_ms())
    # the clerk sets the date right: what is recorded from then on is taken
    a.clock._wall = wall
    add_user(a, admin, "mended")
    report = client.sync_once(a)
    assert report.ok and report.pushed == 1 and report.rejected == 0, report.summary_line()
    assert not any(w.template == CLOCK_SKEW for w in report.warnings)
    assert hlc_millis(a.clock.last) <= exchange.now_ms() + 1000
