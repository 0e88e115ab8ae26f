"""The server's clock going back while it runs (an NTP step, a virtual machine put back to a
snapshot): the server goes on from its own time, takes the desks' work stamped by right clocks,
never stamps anything back in time, and says so in its log."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from kanoon_desk.ids import hlc_pack
from kanoon_desk.server.logs import JsonFormatter
from kanoon_desk.server.server_models import Device as DeviceRow
from kanoon_desk.server.server_models import ServerEvent

from .helpers import LiveServer
from .test_hostile_input import Device, rejected, stored_count

HOUR_MS = 3_600_000


def _lines(caplog: pytest.LogCaptureFixture, msg: str) -> list[dict[str, Any]]:
    lines = [json.loads(JsonFormatter().format(r)) for r in caplog.records if r.name == "kanoon.server"]
    return [line for line in lines if line["msg"] == msg]


def test_a_clock_gone_back_an_hour_refuses_no_desk_and_stamps_nothing_back(
        server: LiveServer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    dev = Device(server, "13")
    real = time.time_ns

    def stamp() -> int:  # the desk's clock is right
        return hlc_pack(real() // 1_000_000, 0)

    before = dev.push([dev.event(hlc=stamp())])
    assert stored_count(before) == 1
    answered_before = before.json()["server_time_ms"]
    with server.db.read() as s:
        seen_before = s.scalar(select(DeviceRow.last_seen_at).where(DeviceRow.id == dev.id))
        received_before = s.scalar(select(ServerEvent.received_at).order_by(ServerEvent.server_seq.desc()))
    monkeypatch.setattr(time, "time_ns", lambda: real() - HOUR_MS * 1_000_000)  # the server's clock steps back
    with caplog.at_level("INFO", logger="kanoon.server"):
        after = dev.push([dev.event(hlc=stamp()), dev.event(hlc=stamp())])
        health = httpx.get(server.url + "/v1/health").json()
    assert rejected(after) == {} and stored_count(after) == 2  # (refused as «clock ahead» before)
    body = after.json()
    assert body["server_time_ms"] >= answered_before and health["server_time_ms"] >= answered_before
    assert body["server_hlc"] >= before.json()["server_hlc"]
    with server.db.read() as s:
        rows = s.execute(select(ServerEvent.server_seq, ServerEvent.received_at).order_by(ServerEvent.server_seq)).all()
        seen_after = s.scalar(select(DeviceRow.last_seen_at).where(DeviceRow.id == dev.id))
    assert [seq for seq, _ in rows] == sorted({seq for seq, _ in rows}) and len(rows) == 3
    assert rows[-1].received_at >= received_before and seen_after is not None and seen_after >= seen_before
    went_back = _lines(caplog, "server.clock_went_back")
    assert len(went_back) == 1 and went_back[0]["behind_ms"] >= HOUR_MS - 5000
    assert went_back[0]["level"] == "warning"


def test_the_server_time_goes_on_past_a_step_back_and_follows_the_clock_again(
        caplog: pytest.LogCaptureFixture) -> None:
    from kanoon_desk.server.clock import ServerTime

    wall, mono = [1_000_000_000], [100.0]
    t = ServerTime(wall=lambda: wall[0], monotonic=lambda: mono[0])
    assert t.now_ms() == 1_000_000_000
    with caplog.at_level("INFO", logger="kanoon.server"):
        mono[0] += 10
        wall[0] += 10_000 - HOUR_MS  # ten seconds later the clock was put back an hour
        assert t.now_ms() == 1_000_010_000 and t.behind_ms == HOUR_MS
        mono[0] += 5
        wall[0] += 5_000
        assert t.now_ms() == 1_000_015_000  # carried on by the monotonic clock, logged once
        assert len(_lines(caplog, "server.clock_went_back")) == 1
        wall[0] += HOUR_MS + 1_000  # set right again (a step forward is followed at once)
        mono[0] += 1
        assert t.now_ms() == wall[0] and t.behind_ms == 0
        assert len(_lines(caplog, "server.clock_caught_up")) == 1
        # a step back within a second (NTP's own) is waited out, never answered as an earlier time
        last = t.now_ms()
        wall[0] -= 400
        assert t.now_ms() == last and not t.behind_ms
        assert len(_lines(caplog, "server.clock_went_back")) == 1


def test_a_clock_that_ran_ahead_and_was_set_right_is_followed_once_nothing_was_stamped_past_it(
        caplog: pytest.LogCaptureFixture) -> None:
    """The server's clock jumped an hour ahead (a wrong time server, the date set by hand) and the
    operator set it right: the server kept the wrong time, an hour ahead, until it was restarted
    (and gave it to every desk). It follows the clock back at once when nothing was stamped past
    it, and, when desks were served meanwhile, as soon as the clock passes the newest stamp it
    gave, not an hour later. A step back that sets nothing right (a snapshot) is not followed."""
    from kanoon_desk.server.clock import ServerTime

    start = 1_000_000_000
    # idle while ahead: the newest stamp is from before the jump
    wall, mono, stamped = [start], [100.0], [start]
    t = ServerTime(wall=lambda: wall[0], monotonic=lambda: mono[0], stamped=lambda: stamped[0])
    assert t.now_ms() == start
    with caplog.at_level("INFO", logger="kanoon.server"):
        mono[0] += 10
        wall[0] = start + 10_000 + HOUR_MS  # jumped ahead
        assert t.now_ms() == wall[0]
        assert len(_lines(caplog, "server.clock_jumped")) == 1
        mono[0] += 60
        wall[0] = start + 70_000  # set right a minute later
        assert t.now_ms() == start + 70_000 and t.behind_ms == 0
        [line] = _lines(caplog, "server.clock_set_right")
        assert line["level"] == "warning" and line["back_ms"] == HOUR_MS
        mono[0] += 1
        wall[0] += 1_000
        assert t.now_ms() == start + 71_000

    # a desk served while it was ahead: its stamp is not gone back on, then the clock is followed
    wall, mono, stamped = [start], [100.0], [start]
    t = ServerTime(wall=lambda: wall[0], monotonic=lambda: mono[0], stamped=lambda: stamped[0])
    t.now_ms()
    mono[0] += 10
    wall[0] = start + 10_000 + HOUR_MS
    stamped[0] = t.now_ms()  # a desk synced
    mono[0] += 60
    wall[0] = start + 70_000  # set right
    assert t.now_ms() == start + 70_000 + HOUR_MS and t.behind_ms > 0  # (never before the stamp it gave)
    mono[0] += HOUR_MS / 1000 - 60 + 1
    wall[0] = start + 10_000 + HOUR_MS + 1_000  # the clock passed the stamp
    assert t.now_ms() == wall[0] and t.behind_ms == 0

    # a step back with no step forward before it, long after the start: the clock went wrong, not followed
    wall, mono, stamped = [start], [100.0], [start - 3 * HOUR_MS]
    t = ServerTime(wall=lambda: wall[0], monotonic=lambda: mono[0], stamped=lambda: stamped[0])
    t.now_ms()
    mono[0] += 3600
    wall[0] = start + 3_600_000 - HOUR_MS
    assert t.now_ms() == start + 3_600_000 and t.behind_ms == HOUR_MS


def test_a_clock_ahead_when_the_server_started_is_followed_when_ntp_sets_it_right_soon_after(
        server_db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """The server's computer booted with its clock an hour ahead and NTP set it right a minute
    later. With no step forward seen, the server kept the hour-ahead time until the clock caught
    up (an hour): every desk told its clock was an hour behind, the server's stamps in the hour
    ahead. Nothing was stamped past the right time: it follows the clock back at once, and a
    desk's work stamped by a right clock is taken, answered with the right time."""
    from kanoon_desk.server import clock as server_clock

    monkeypatch.setattr(server_clock, "SERVER_TIME", server_clock.ServerTime())
    real = time.time_ns
    monkeypatch.setattr(time, "time_ns", lambda: real() + HOUR_MS * 1_000_000)  # booted an hour ahead
    live = LiveServer(server_db_url, attachments_dir=tmp_path / "attachments")
    try:
        ahead = httpx.get(live.url + "/v1/health").json()["server_time_ms"]
        assert ahead >= real() // 1_000_000 + HOUR_MS - 60_000
        with caplog.at_level("INFO", logger="kanoon.server"):
            monkeypatch.setattr(time, "time_ns", real)  # NTP sets it right
            right = httpx.get(live.url + "/v1/health").json()["server_time_ms"]
            assert abs(right - real() // 1_000_000) < 60_000
            [line] = _lines(caplog, "server.clock_set_right")
            assert line["level"] == "warning" and line["back_ms"] >= HOUR_MS - 60_000
            assert _lines(caplog, "server.clock_went_back") == []
            dev = Device(live, "13")
            pushed = dev.push([dev.event(hlc=hlc_pack(real() // 1_000_000, 0))])
            assert stored_count(pushed) == 1
            assert abs(pushed.json()["server_time_ms"] - real() // 1_000_000) < 60_000
    finally:
        live.stop()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the sleep is played on Linux's CLOCK_BOOTTIME")
def test_a_server_on_a_laptop_suspended_overnight_logs_a_sleep_not_a_clock_jump(
        server: LiveServer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """The laptop running the server slept eight hours: the monotonic clock stood still, the wall
    clock (right all along) and the boot clock ran on. The server logged `server.clock_jumped` (a
    warning: "the clock stepped forward by eight hours") and remembered the evening's time as the
    one a later step back "sets right" to. It says the computer slept, as information."""
    from kanoon_desk.server import clock as server_clock

    fresh = server_clock.ServerTime()
    fresh.awake = lambda: time.monotonic()  # (the running server's: a clock that stops in a sleep)
    monkeypatch.setattr(server_clock, "SERVER_TIME", fresh)
    evening = httpx.get(server.url + "/v1/health").json()["server_time_ms"]
    real_ns, real_clock = time.time_ns, time.clock_gettime
    night_s = 8 * 3600

    def boot_clock(which: int) -> float:
        return real_clock(which) + (night_s if which == time.CLOCK_BOOTTIME else 0)

    with caplog.at_level("INFO", logger="kanoon.server"):
        monkeypatch.setattr(time, "time_ns", lambda: real_ns() + night_s * 1_000_000_000)
        monkeypatch.setattr(time, "clock_gettime", boot_clock)
        morning = httpx.get(server.url + "/v1/health").json()["server_time_ms"]
        assert morning - evening >= night_s * 1000  # the morning's time, as the clock says
        assert _lines(caplog, "server.clock_jumped") == [] and _lines(caplog, "server.clock_went_back") == []
        [woke] = _lines(caplog, "server.resumed")
        assert woke["level"] == "info" and night_s * 1000 - 5000 <= woke["slept_ms"] <= night_s * 1000 + 5000
        httpx.get(server.url + "/v1/health")
        assert len(_lines(caplog, "server.resumed")) == 1  # (once per sleep)
