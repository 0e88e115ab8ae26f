"""The server restored from a backup older than what desks already sent and pulled (it lost the
last hour): every desk's events reach it again exactly once, and every desk gets the events the
server holds at places it had already pulled past (SQLite: the server's file is the backup)."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from kanoon_desk import state_keys
from kanoon_desk.server.server_models import ServerEvent
from kanoon_desk.services import ops
from kanoon_desk.store import Store
from kanoon_desk.sync import client, state
from kanoon_desk.sync.report import SERVER_BEHIND

from .helpers import LiveServer, enrol
from .test_restore import event_ids, holidays
from .test_sync_basic import assert_matches_server


def _server_restored(server: LiveServer, backup: Path, desks: list[Store]) -> LiveServer:
    """The server stopped, its database replaced by the backup, started again (a new port)."""
    server.stop()
    db = Path(server.db_url)
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.copy(backup, db)
    restarted = LiveServer(str(db), attachments_dir=db.parent / "attachments")
    for desk in desks:
        with desk.transaction() as s:
            desk.set_state(s, state_keys.K_SERVER, restarted.url)
    return restarted


def test_a_server_restored_from_an_older_backup_loses_nothing_for_its_desks(tmp_path: Path) -> None:
    server = LiveServer(str(tmp_path / "server.sqlite3"), attachments_dir=tmp_path / "attachments")
    try:
        a = enrol(server, tmp_path / "a.sqlite3", "13")
        b = enrol(server, tmp_path / "b.sqlite3", "13")
        holidays(a, 0, 5)
        assert client.sync_once(a).ok and client.sync_once(b).ok
        src, dst = sqlite3.connect(server.db_url), sqlite3.connect(tmp_path / "server-backup.sqlite3")
        src.backup(dst)  # the server's nightly backup
        dst.close()
        src.close()
        holidays(a, 100, 5)  # the last hour: sent by A, pulled by B; B sends its own
        assert client.sync_once(a).ok
        holidays(b, 200, 3)
        assert client.sync_once(b).ok
        server = _server_restored(server, tmp_path / "server-backup.sqlite3", [a, b])
        holidays(b, 300, 2)  # B comes back first, with new work
        first = client.sync_once(b)
        assert first.ok, first.summary_line()
        assert server_behind_said(first)
        # A has nothing new: what the server lost of it goes again all the same, and it gets B's
        # events, which the server now holds at places A had already pulled past
        again = client.sync_once(a)
        assert again.ok and again.pushed == 5 and again.pulled == 5, again.summary_line()
        assert server_behind_said(again)
        holidays(a, 400, 2)
        assert client.sync_once(a).ok
        last = client.sync_once(b)
        assert last.ok, last.summary_line()
        assert event_ids(a) == event_ids(b) and len(event_ids(a)) == 17  # nothing lost
        with server.db.read() as s:  # nothing twice
            assert s.scalar(select(func.count()).select_from(ServerEvent)) == 17
        for desk in (a, b):
            assert state.pending_count(desk) == 0 and ops.check(desk.path) == []
            assert_matches_server(server, desk)
            quiet = client.sync_once(desk)  # and the rounds after are quiet again
            assert quiet.ok and not quiet.warnings and quiet.pulled == quiet.pushed == 0, quiet.summary_line()
        a.close()
        b.close()
    finally:
        server.stop()


def server_behind_said(report: client.SyncReport) -> bool:
    return any(w.template == SERVER_BEHIND for w in report.warnings)


class _OlderServer(httpx.BaseTransport):
    """A server from before the cursor's check: it refuses a hello naming a cursor (422)."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.refused = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        if request.url.path == "/v1/hello" and b'"cursor"' in body:
            self.refused += 1
            return httpx.Response(422, json={"detail": [{"type": "extra_forbidden", "loc": ["body", "cursor"]}]})
        return self.inner.handle_request(httpx.Request(request.method, request.url, headers=request.headers,
                                                       content=body))

    def close(self) -> None:
        self.inner.close()


def test_a_server_from_before_the_cursor_check_is_still_synced_with(tmp_path: Path) -> None:
    server = LiveServer(str(tmp_path / "server.sqlite3"), attachments_dir=tmp_path / "attachments")
    try:
        a = enrol(server, tmp_path / "a.sqlite3", "13")
        holidays(a, 0, 3)
        older = _OlderServer()
        report = client.sync_once(a, transport=older)
        assert report.ok and report.pushed == 3 and older.refused == 1, report.summary_line()
        older.close()
        a.close()
    finally:
        server.stop()


def _backup(server: LiveServer, to: Path) -> None:
    src, dst = sqlite3.connect(server.db_url), sqlite3.connect(to)
    src.backup(dst)
    dst.close()
    src.close()


def test_a_device_revoked_after_the_servers_backup_stays_revoked_when_it_is_restored(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> None:
    """A laptop stolen after the server's nightly backup was revoked (`server revoke`); the
    server's database was then restored from that backup, and the laptop synced again: the
    database had it allowed, and the operator had to remember to revoke it once more. The
    revocation is now kept beside the attachments folder; the restored server revokes it again as
    it starts and says so in its log. So is one revoked with no `--attachments` given (the server
    adds the database's revoked devices to the list when it starts)."""
    from kanoon_desk.server import cli as server_cli
    from kanoon_desk.server.auth import revoke
    server = LiveServer(str(tmp_path / "server.sqlite3"), attachments_dir=tmp_path / "attachments")
    try:
        stolen = enrol(server, tmp_path / "stolen.sqlite3", "13")
        other = enrol(server, tmp_path / "other.sqlite3", "13")
        kept = enrol(server, tmp_path / "kept.sqlite3", "13")
        assert client.sync_once(stolen).ok and client.sync_once(other).ok
        _backup(server, tmp_path / "server-backup.sqlite3")
        assert server_cli.main(["revoke", "--db", server.db_url, "--device", stolen.identity.device_id,
                                "--attachments", str(tmp_path / "attachments")]) == 0
        assert "device revoked" in capsys.readouterr().out
        assert revoke(server.db, other.identity.device_id)  # (in the database only)
        server.stop()
        server = LiveServer(server.db_url, attachments_dir=tmp_path / "attachments")  # a restart
        with caplog.at_level("INFO", logger="kanoon.server"):
            server = _server_restored(server, tmp_path / "server-backup.sqlite3", [stolen, other, kept])
        for desk in (stolen, other):
            refused = client.sync_once(desk)
            assert not refused.ok and refused.failure == "AuthRefused", refused.summary_line()
        assert client.sync_once(kept).ok  # the others go on
        said = [r for r in caplog.records if r.getMessage() == "server.revocations_restored"]
        assert len(said) == 1 and said[0].levelname == "WARNING"
        assert sorted(said[0].fields["devices"]) == sorted([stolen.identity.device_id,  # type: ignore[attr-defined]
                                                            other.identity.device_id])
        for desk in (stolen, other, kept):
            desk.close()
    finally:
        server.stop()


async def _pull_status(app_client: httpx.AsyncClient, device_id: str, secret: str) -> int:
    r = await app_client.post("/v1/pull", json={"cursor": 0, "limit": 1},
                              headers={"Authorization": f"Bearer {device_id}:{secret}"})
    return r.status_code


def _serving(app: FastAPI, during: Callable[[httpx.AsyncClient], Awaitable[None]]) -> None:
    """`during` run against the app served with its lifespan (its start and its stop)."""
    async def go() -> None:
        async with app.router.lifespan_context(app), httpx.AsyncClient(
                transport=httpx.ASGITransport(app=app), base_url="http://server") as c:
            await during(c)

    asyncio.run(go())


def _put_back(backup: Path, db: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.copy(backup, db)


def test_a_revocation_made_while_the_server_runs_survives_a_restore_whatever_folder_it_was_told(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """`server revoke` not told the server's attachments folder (or told another: a PostgreSQL
    server's default folder is relative to where it was started) while the server ran, then the
    database restored from a backup before the server restarted: the stolen laptop was let in
    again. The running server writes the database's revocations into its own list (every half
    minute, and as it stops: a restore needs it stopped)."""
    from kanoon_desk.server import cli as server_cli
    from kanoon_desk.server.app import create_app
    from kanoon_desk.server.auth import enrol as server_enrol
    from kanoon_desk.server.auth import new_enrolment_code

    db, folder = tmp_path / "server.sqlite3", tmp_path / "srv" / "attachments"
    app = create_app(str(db), attachments_dir=folder, sms_every=None)
    stolen = server_enrol(app.state.db, new_enrolment_code(app.state.db, "13"))
    kept = server_enrol(app.state.db, new_enrolment_code(app.state.db, "13"))
    backup = tmp_path / "backup.sqlite3"

    async def revoked_while_running(running: httpx.AsyncClient) -> None:
        src, dst = sqlite3.connect(db), sqlite3.connect(backup)
        src.backup(dst)
        dst.close()
        src.close()
        assert server_cli.main(["revoke", "--db", str(db), "--device", stolen.device_id,
                                "--attachments", str(tmp_path / "elsewhere")]) == 0
        assert await _pull_status(running, stolen.device_id, stolen.secret) == 403

    _serving(app, revoked_while_running)
    app.state.db.close()
    _put_back(backup, db)  # the server stopped, its database restored from the backup
    with caplog.at_level("INFO", logger="kanoon.server"):
        app = create_app(str(db), attachments_dir=folder, sms_every=None)

    async def after_the_restore(restarted: httpx.AsyncClient) -> None:
        assert await _pull_status(restarted, stolen.device_id, stolen.secret) == 403
        assert await _pull_status(restarted, kept.device_id, kept.secret) == 200

    try:
        _serving(app, after_the_restore)
    finally:
        app.state.db.close()
    said = [r for r in caplog.records if r.getMessage() == "server.revocations_restored"]
    assert len(said) == 1 and said[0].fields["devices"] == [stolen.device_id]  # type: ignore[attr-defined]


def test_a_revocation_made_while_the_server_was_stopped_beside_its_default_folder_survives_a_restore(
        tmp_path: Path) -> None:
    """The server runs with `--attachments DIR`; it was stopped, a device revoked with no
    `--attachments` (kept beside the default folder, beside the SQLite file) and the database
    restored: the server, as it starts, reads that list too."""
    from kanoon_desk.server import cli as server_cli
    from kanoon_desk.server.app import create_app
    from kanoon_desk.server.auth import enrol as server_enrol
    from kanoon_desk.server.auth import new_enrolment_code

    db, folder = tmp_path / "server.sqlite3", tmp_path / "srv" / "attachments"
    app = create_app(str(db), attachments_dir=folder, sms_every=None)
    stolen = server_enrol(app.state.db, new_enrolment_code(app.state.db, "13"))
    app.state.db.close()
    backup = tmp_path / "backup.sqlite3"
    shutil.copy(db, backup)
    assert server_cli.main(["revoke", "--db", str(db), "--device", stolen.device_id]) == 0
    _put_back(backup, db)
    app = create_app(str(db), attachments_dir=folder, sms_every=None)

    async def after_the_restore(restarted: httpx.AsyncClient) -> None:
        assert await _pull_status(restarted, stolen.device_id, stolen.secret) == 403

    try:
        _serving(app, after_the_restore)
    finally:
        app.state.db.close()


def test_a_server_stopped_leaves_its_sqlite_file_whole_for_a_backup_to_take_its_place(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A server on SQLite stopped (Ctrl-C, `systemctl stop`) left `server.sqlite3-wal` beside its
    file, holding the newest writes: the file copied alone lacked them, and a backup copied in
    its place had that log replayed onto it at the next start. Stopped, the server folds the log
    into the file and removes it, and says it stopped."""
    from kanoon_desk.server.app import create_app
    from kanoon_desk.server.auth import enrol as server_enrol
    from kanoon_desk.server.auth import new_enrolment_code

    db = tmp_path / "server.sqlite3"
    app = create_app(str(db), attachments_dir=tmp_path / "attachments", sms_every=None)
    desk = server_enrol(app.state.db, new_enrolment_code(app.state.db, "13"))

    async def work(running: httpx.AsyncClient) -> None:
        assert await _pull_status(running, desk.device_id, desk.secret) == 200
        assert Path(f"{db}-wal").exists()  # (the writes of a running server)

    with caplog.at_level("INFO", logger="kanoon.server"):
        _serving(app, work)
    assert not Path(f"{db}-wal").exists() and not Path(f"{db}-shm").exists()
    copy = tmp_path / "copy.sqlite3"
    shutil.copy(db, copy)  # the file alone holds the device enrolled
    with sqlite3.connect(copy) as c:
        assert c.execute("SELECT count(*) FROM devices WHERE id = ?", (desk.device_id,)).fetchone() == (1,)
    assert any(r.getMessage() == "server.stop" for r in caplog.records)
