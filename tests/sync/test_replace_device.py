"""A revoked desk (or one whose credential was lost) moves to a new device identity with a new code:
`kanoon-desk enroll --replace-device` keeps its history and sends its pending events under the new
device (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from kanoon_desk import state_keys
from kanoon_desk.models import Event, User
from kanoon_desk.server.auth import list_devices, revoke
from kanoon_desk.server.server_models import ServerEvent
from kanoon_desk.services import ops
from kanoon_desk.store import Store
from kanoon_desk.sync import cli, client, enrolment, state
from kanoon_desk.sync import errors as e

from .helpers import LiveServer, add_user, bootstrap_admin, enrol
from .test_restore import holidays
from .test_sync_basic import assert_matches_server


def test_a_revoked_desk_moves_to_a_new_device_and_sends_its_pending_events(
        server: LiveServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    admin = bootstrap_admin(a)
    holidays(a, 0, 3)
    assert client.sync_once(a).ok
    old = a.identity
    assert revoke(server.db, old.device_id)  # cut off (stolen, then found again)
    add_user(a, admin, "pending")
    holidays(a, 100, 2)
    refused = client.sync_once(a)
    assert not refused.ok and refused.failure == "AuthRefused" and "--replace-device" in (refused.error or "")
    a.close()
    # the plain enrol on this store says what to do instead
    assert cli.main(["enroll", "--db", str(a.path), "--server", server.url, "--code", server.code("13")]) == 1
    assert "--replace-device" in capsys.readouterr().err
    code = server.code("13")
    assert cli.main(["enroll", "--db", str(a.path), "--server", server.url, "--code", code, "--replace-device"]) == 0
    assert old.device_id in capsys.readouterr().out
    a = Store(a.path)
    new = a.identity
    assert new.device_id != old.device_id and new.office_code == "13" and new.device_no == 2
    with server.db.read() as s:  # the pending events went up, under the new device
        by_device = dict(s.execute(select(ServerEvent.device_id, func.count()).group_by(ServerEvent.device_id)).all())
    assert by_device == {old.device_id: 4, new.device_id: 3}
    with a.read() as s:  # the desk kept its history
        assert s.scalar(select(func.count()).select_from(Event)) == 7
        assert {"admin", "pending"} <= set(s.scalars(select(User.username)))
    assert state.pending_count(a) == 0 and ops.check(a.path) == []
    assert_matches_server(server, a)
    add_user(a, admin, "later")  # and it works on as the new device
    assert client.sync_once(a).pushed == 1
    devices = {d.id: d for d in list_devices(server.db)}
    assert devices[old.device_id].revoked and not devices[new.device_id].revoked
    b = enrol(server, tmp_path / "b.sqlite3", "13")
    assert ops.stats(a.path)["aggregates"] == ops.stats(b.path)["aggregates"]


def test_a_code_of_another_office_does_not_replace_a_device(server: LiveServer, tmp_path: Path) -> None:
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    code = server.code("21")
    with pytest.raises(e.AuthRefused) as refused:
        enrolment.replace_device(a, server.url, code)
    assert refused.value.message == e.MSG_CODE_OTHER_OFFICE
    assert client.sync_once(a).ok  # nothing changed


def test_a_restored_desk_made_a_new_device_keeps_the_old_device_on_the_events_it_had_sent(
        server: LiveServer, tmp_path: Path) -> None:
    """A laptop's backup held two events not yet sent; the laptop sent them before it was stolen
    and revoked. Its backup restored on a new PC and made a new device (`--replace-device`) moved
    those two to the new device: the server kept them under the laptop, the desk said the new PC
    recorded them. Now both say the laptop, and the events the new PC records are its own."""
    laptop = enrol(server, tmp_path / "laptop.sqlite3", "13")
    bootstrap_admin(laptop)
    holidays(laptop, 0, 3)
    assert client.sync_once(laptop).ok
    holidays(laptop, 10, 2)  # recorded, not sent when the backup is taken
    backup = tmp_path / "backup.sqlite3"
    laptop.backup_to(backup)
    assert client.sync_once(laptop).pushed == 2  # sent after the backup, then the laptop is stolen
    old = laptop.identity.device_id
    laptop.close()
    assert revoke(server.db, old)
    new_pc = tmp_path / "new-pc" / "desk.sqlite3"
    new_pc.parent.mkdir()
    ops.restore(new_pc, backup)
    assert cli.main(["enroll", "--db", str(new_pc), "--server", server.url, "--code", server.code("13"),
                     "--replace-device"]) == 0
    desk = Store(new_pc)
    holidays(desk, 20, 1)  # the new PC's own work
    assert client.sync_once(desk).ok
    new = desk.identity.device_id
    with server.db.read() as s:
        on_server = dict(s.execute(select(ServerEvent.id, ServerEvent.device_id)).all())
    with desk.read() as s:
        on_desk = dict(s.execute(select(Event.id, Event.device_id)).all())
    assert on_desk == on_server
    assert list(on_server.values()).count(new) == 1 and set(on_server.values()) == {old, new}
    assert_matches_server(server, desk)
    assert ops.check(desk.path) == []


class _CutAfterEnrolment(httpx.BaseTransport):
    """The link goes as soon as the desk is enrolled (and has asked what the server holds): the
    round that follows `--replace-device` fails, offline."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path not in ("/v1/enroll", "/v1/held"):
            raise httpx.ConnectError("the link went down", request=request)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def test_a_restored_desk_made_a_new_device_names_the_right_device_before_its_first_round(
        server: LiveServer, tmp_path: Path) -> None:
    """Until the first round after `--replace-device` succeeded (offline just after the
    enrolment), the desk said the new PC recorded the events the old PC had sent after the backup;
    it names the old PC for those from the start, and the new PC for the work no device sent."""
    laptop = enrol(server, tmp_path / "laptop.sqlite3", "13")
    bootstrap_admin(laptop)
    holidays(laptop, 0, 2)
    assert client.sync_once(laptop).ok
    holidays(laptop, 10, 2)  # recorded, not sent when the backup is taken
    backup = tmp_path / "backup.sqlite3"
    laptop.backup_to(backup)
    assert client.sync_once(laptop).pushed == 2  # sent after the backup, then the laptop is stolen
    old = laptop.identity.device_id
    laptop.close()
    assert revoke(server.db, old)
    new_pc = tmp_path / "new-pc" / "desk.sqlite3"
    new_pc.parent.mkdir()
    ops.restore(new_pc, backup)
    desk = Store(new_pc)
    holidays(desk, 20, 1)  # the new PC's own work, before it is made a device
    cut = _CutAfterEnrolment()
    report = enrolment.replace_device(desk, server.url, server.code("13"), transport=cut)
    cut.close()
    assert not report.ok and report.failure == "Offline", report.summary_line()
    new = desk.identity.device_id
    with server.db.read() as s:
        on_server = dict(s.execute(select(ServerEvent.id, ServerEvent.device_id)).all())
    with desk.read() as s:
        on_desk = dict(s.execute(select(Event.id, Event.device_id)).all())
    assert {i: d for i, d in on_desk.items() if i in on_server} == on_server  # (the laptop's, all of them)
    assert [d for i, d in on_desk.items() if i not in on_server] == [new]
    assert client.sync_once(desk).ok  # the link back: the new PC's work goes up under it
    with server.db.read() as s:
        on_server = dict(s.execute(select(ServerEvent.id, ServerEvent.device_id)).all())
    with desk.read() as s:
        assert dict(s.execute(select(Event.id, Event.device_id)).all()) == on_server
    assert list(on_server.values()).count(new) == 1
    assert_matches_server(server, desk)
    desk.close()


class _OlderServer(httpx.BaseTransport):
    """A server from before `POST /v1/held`: it answers 404 there."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/held":
            return httpx.Response(404, json={"error": "http_error", "reason": "Not Found", "reason_fa": ""})
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def test_an_older_server_leaves_the_first_round_to_name_the_device_and_no_office_reads_anothers(
        server: LiveServer, tmp_path: Path) -> None:
    laptop = enrol(server, tmp_path / "laptop.sqlite3", "13")
    bootstrap_admin(laptop)
    holidays(laptop, 0, 1)
    backup = tmp_path / "backup.sqlite3"
    laptop.backup_to(backup)
    assert client.sync_once(laptop).pushed == 2  # (the admin and the holiday, sent after the backup)
    old = laptop.identity.device_id
    with laptop.read() as s:
        sent = list(s.scalars(select(Event.id)))
    laptop.close()
    other = enrol(server, tmp_path / "other.sqlite3", "21")  # another office's desk asks about them
    answer = httpx.post(f"{server.url}/v1/held", json={"event_ids": list(sent)}, headers={
        "Authorization": f"Bearer {other.identity.device_id}:{other.get_state(state_keys.K_SECRET)}"})
    assert answer.status_code == 200 and answer.json() == {"held": {}}
    other.close()
    assert revoke(server.db, old)
    new_pc = tmp_path / "new-pc.sqlite3"
    ops.restore(new_pc, backup)
    desk = Store(new_pc)
    older = _OlderServer()
    report = enrolment.replace_device(desk, server.url, server.code("13"), transport=older)
    older.close()
    assert report.ok, report.summary_line()
    with server.db.read() as s:
        on_server = dict(s.execute(select(ServerEvent.id, ServerEvent.device_id)).all())
    with desk.read() as s:
        assert dict(s.execute(select(Event.id, Event.device_id)).all()) == on_server
    desk.close()
