"""The command lines, as an operator runs them: a server process, enrol, sync, revoke, devices;
the exit codes of a round refused for an old program or a revoked credential."""

from __future__ import annotations

import functools
import http.server
import json
import logging
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import uvicorn

from kanoon_desk import state_keys
from kanoon_desk.store import Store
from kanoon_desk.sync import client

from .helpers import LiveServer, add_user, bootstrap_admin, enrol

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, timeout=timeout,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})


@contextmanager
def running_server(db: str, log: Path) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """A server started by the command line on `db` (its output in `log`), once it answers; it is
    stopped when the block ends."""
    port = free_port()
    with log.open("wb") as sink:
        proc = subprocess.Popen([sys.executable, "-m", "kanoon_desk.server.cli", "--db", db, "--port", str(port)],
                                cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT,
                                env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(url + "/v1/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError(log.read_text())
            time.sleep(0.1)
        yield proc, url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


@pytest.fixture
def server_proc(tmp_path: Path) -> Iterator[tuple[str, str]]:
    db = str(tmp_path / "srv.sqlite3")
    with running_server(db, tmp_path / "server.log") as (_proc, url):
        yield db, url


def test_enrol_and_sync_from_the_command_line(server_proc: tuple[str, str], tmp_path: Path) -> None:
    db, url = server_proc
    out = run("kanoon_desk.server.cli", "enroll", "--db", db, "--office", "13")
    assert out.returncode == 0, out.stderr
    code = out.stdout.strip().splitlines()[-1]
    assert len(code) == 19 and code.count("-") == 3
    desk = tmp_path / "desk.sqlite3"
    out = run("kanoon_desk.sync.cli", "enroll", "--db", str(desk), "--server", url, "--code", code)
    assert out.returncode == 0, out.stderr
    assert "ثبت شد" in out.stdout and "enrolled" in out.stdout
    assert "first administrator" in out.stdout  # office 13 is new on this server: nobody can log in yet
    store = Store(desk)
    admin = bootstrap_admin(store)
    add_user(store, admin, "clerk1")
    device_id = store.identity.device_id
    store.close()
    out = run("kanoon_desk.sync.cli", "sync", "--db", str(desk))
    assert out.returncode == 0, out.stderr
    assert "همگام‌سازی انجام شد" in out.stdout and "2 events sent" in out.stdout
    # the same code twice is refused
    out = run("kanoon_desk.sync.cli", "enroll", "--db", str(tmp_path / "x.sqlite3"), "--server", url, "--code", code)
    assert out.returncode != 0 and "|" in out.stderr
    # revoke: the next sync fails with a non-zero exit code and a reason
    out = run("kanoon_desk.server.cli", "revoke", "--db", db, "--device", device_id)
    assert out.returncode == 0, out.stderr
    out = run("kanoon_desk.sync.cli", "sync", "--db", str(desk))
    assert out.returncode != 0 and "لغو" in out.stderr + out.stdout or "revoked" in out.stderr
    assert run("kanoon_desk.server.cli", "revoke", "--db", db, "--device", "nope").returncode == 1


def test_sync_when_the_server_is_down(tmp_path: Path) -> None:
    desk = tmp_path / "desk.sqlite3"
    store = Store(desk)
    store.set_identity("13", 1)
    with store.transaction() as s:
        store.set_state(s, state_keys.K_SERVER, f"http://127.0.0.1:{free_port()}")
        store.set_state(s, state_keys.K_SECRET, "x")
    store.close()
    out = run("kanoon_desk.sync.cli", "sync", "--db", str(desk))
    assert out.returncode == 1
    assert "در دسترس نیست" in out.stderr and "Sync did not finish: The central server cannot be reached" in out.stderr
    assert run("kanoon_desk.sync.cli", "sync", "--db", str(tmp_path / "none.sqlite3")).returncode == 2


def test_an_old_schema_exits_like_an_old_protocol(server: LiveServer, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """HTTP 426 for the event schema this desk writes is exit code 3, as for its protocol."""
    from kanoon_desk.sync import cli, protocol

    desk = enrol(server, tmp_path / "desk.sqlite3", "13")
    desk.close()
    for name in ("SCHEMA_VERSION", "PROTOCOL_VERSION"):
        with monkeypatch.context() as mp:
            mp.setattr(protocol, name, 0)
            assert cli.main(["sync", "--db", str(tmp_path / "desk.sqlite3")]) == cli.EXIT_UPGRADE, name
        assert "به‌روز" in capsys.readouterr().err
    assert cli.main(["sync", "--db", str(tmp_path / "desk.sqlite3")]) == cli.EXIT_OK


def test_a_revoked_desk_exits_with_the_credential_code(server: LiveServer, tmp_path: Path) -> None:
    from kanoon_desk.server.auth import revoke
    from kanoon_desk.sync import cli

    desk = enrol(server, tmp_path / "desk.sqlite3", "13")
    device_id = desk.identity.device_id
    desk.close()
    assert revoke(server.db, device_id)
    assert cli.main(["sync", "--db", str(tmp_path / "desk.sqlite3")]) == cli.EXIT_AUTH


def test_devices_lists_what_an_operator_needs_to_revoke_one(server: LiveServer, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    from kanoon_desk.server import cli as server_cli
    from kanoon_desk.server.auth import enrol as server_enrol
    from kanoon_desk.server.auth import revoke

    url = server.db_url
    assert server_cli.main(["devices", "--db", url]) == 0
    assert "no devices" in capsys.readouterr().out
    a = server_enrol(server.db, server.code("13"), "میز پذیرش")
    b = server_enrol(server.db, server.code("21"), "")
    c = server_enrol(server.db, server.code("13"), "کتابخانه")
    revoke(server.db, c.device_id)
    pushed = enrol(server, tmp_path / "seen.sqlite3", "21")  # a desk that pushed: last seen is set
    bootstrap_admin(pushed)
    assert client.sync_once(pushed).ok
    pushed.close()
    assert server_cli.main(["server", "devices", "--db", url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["device_id", "office", "no", "label", "enrolled_utc", "last_seen_utc", "revoked"]
    rows = {line.split()[0]: line for line in lines[1:]}
    assert list(rows)[:2] == [a.device_id, c.device_id] and len(rows) == 4  # by office, then number
    assert "میز پذیرش" in rows[a.device_id] and rows[a.device_id].split()[-1] == "no"
    assert rows[c.device_id].split()[-1] == "yes"
    assert rows[b.device_id].split()[-2] == "-"  # never seen
    seen = next(line for key, line in rows.items() if key not in (a.device_id, b.device_id, c.device_id))
    assert seen.split()[-2] != "-"
    assert server_cli.main(["devices", "--db", url, "--office", "21"]) == 0
    only = capsys.readouterr().out.splitlines()[1:]
    assert len(only) == 2 and all("  21  " in line for line in only)


def test_enrol_where_no_store_can_be_made_says_so_and_spends_no_code(server: LiveServer, tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from kanoon_desk.server import cli as server_cli
    from kanoon_desk.sync import cli

    code = server.code("13")
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("x")
    for db in (tmp_path / "no-such-folder" / "desk.sqlite3", not_a_folder / "desk.sqlite3"):
        assert cli.main(["enroll", "--db", str(db), "--server", server.url, "--code", code]) == cli.EXIT_USAGE
        err = capsys.readouterr().err
        assert "the code is not spent" in err and str(db.parent) in err and "Traceback" not in err
    assert server_cli.main(["devices", "--db", server.db_url]) == 0
    assert "no devices" in capsys.readouterr().out  # no device enrolled for nothing
    desk = tmp_path / "desk.sqlite3"
    # the server down: nothing is left at the path, and the code serves once it is up
    assert cli.main(["enroll", "--db", str(desk), "--server", "http://127.0.0.1:9", "--code", code]) == cli.EXIT_FAILED
    assert not desk.exists() and not desk.with_name("desk.sqlite3-wal").exists()
    assert cli.main(["enroll", "--db", str(desk), "--server", server.url, "--code", code]) == cli.EXIT_OK
    assert "enrolled" in capsys.readouterr().out


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def test_a_store_that_cannot_be_read_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`sync` checks the store file as `check` does; the server's admin commands say a database
    error in one line; neither shows a traceback."""
    from kanoon_desk.server import cli as server_cli
    from kanoon_desk.sync import cli

    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(bytes(range(256)) * 64)
    corrupt = tmp_path / "corrupt.sqlite3"
    corrupt.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8192)
    for path in (garbage, corrupt):
        assert cli.main(["sync", "--db", str(path)]) == cli.EXIT_FAILED
        assert "not a usable Kanoon Desk store" in _one_line(capsys.readouterr().err)
    assert cli.main(["enroll", "--db", str(garbage), "--server", "http://127.0.0.1:1", "--code", "AAAA-BBBB",
                     "--replace-device"]) == cli.EXIT_FAILED
    assert " | " in _one_line(capsys.readouterr().err)
    assert server_cli.main(["devices", "--db", str(garbage)]) == 1
    assert "database error" in _one_line(capsys.readouterr().err)
    # a database server that is down: its error, without the password of the URL
    assert server_cli.main(["enroll", "--db", "postgresql+psycopg://u:s3cret@127.0.0.1:1/x", "--office", "13"]) == 1
    err = _one_line(capsys.readouterr().err)
    assert "database error" in err and "s3cret" not in err
    assert server_cli.main(["--port", "99999"]) == 2
    assert "65535" in capsys.readouterr().err


def test_an_interrupted_sync_exits_130(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    from kanoon_desk.sync import cli

    desk = tmp_path / "desk.sqlite3"
    store = Store(desk)
    store.set_identity("13", 1)
    store.close()

    def interrupted(*_a: object, **_k: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "sync_once", interrupted)
    assert cli.main(["sync", "--db", str(desk)]) == cli.EXIT_INTERRUPTED == 130
    assert "interrupted" in _one_line(capsys.readouterr().err)


def test_admin_commands_refuse_a_server_database_that_is_not_there(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """A typo in --db (or none) made a new, empty server database: a code the running server did
    not know, "no devices"."""
    from kanoon_desk.server import cli as server_cli

    monkeypatch.chdir(tmp_path)
    assert server_cli.main(["enroll", "--office", "13"]) == 2
    assert "--db" in capsys.readouterr().err
    typo = tmp_path / "typo.sqlite3"
    for argv in (["enroll", "--db", str(typo), "--office", "13"], ["devices", "--db", str(typo)],
                 ["revoke", "--db", f"sqlite:///{typo}", "--device", "x"], ["--db", str(typo), "sms"]):
        assert server_cli.main(argv) == 2, argv
        assert "no server database" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class's name)
        pass


@pytest.fixture
def web_server(tmp_path: Path) -> Iterator[str]:
    """An ordinary web server (`python -m http.server`), not a Kanoon server: HTML error pages."""
    handler = functools.partial(_Quiet, directory=str(tmp_path))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as web:
        thread = threading.Thread(target=web.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{web.server_address[1]}"
        finally:
            web.shutdown()
            thread.join(10)


def test_an_address_that_is_not_a_kanoon_server_says_so(web_server: str, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """Not "credential refused" (exit 4) with the page's HTML: "not a Kanoon server", exit 1, one line."""
    from kanoon_desk.sync import cli, errors

    assert cli.main(["enroll", "--db", str(tmp_path / "desk.sqlite3"), "--server", web_server,
                     "--code", "AAAA-BBBB-CCCC-DDDD"]) == cli.EXIT_FAILED
    err = _one_line(capsys.readouterr().err)
    assert errors.MSG_NOT_KANOON in err and "<" not in err
    assert not (tmp_path / "desk.sqlite3").exists()
    desk = tmp_path / "enrolled.sqlite3"
    store = Store(desk)
    store.set_identity("13", 1)
    with store.transaction() as s:
        store.set_state(s, state_keys.K_SERVER, web_server)
        store.set_state(s, state_keys.K_SECRET, "x")
    store.close()
    assert cli.main(["sync", "--db", str(desk)]) == cli.EXIT_FAILED
    err = _one_line(capsys.readouterr().err)
    assert "not a Kanoon server" in err and "<" not in err and "DOCTYPE" not in err


def test_the_server_says_where_it_runs_when_it_starts(server_proc: tuple[str, str], tmp_path: Path) -> None:
    db, url = server_proc
    lines = [json.loads(line) for line in (tmp_path / "server.log").read_text().splitlines() if line.startswith("{")]
    start = next(line for line in lines if line["msg"] == "server.start")
    assert start["address"] == url and start["database"] == "sqlite" and start["db_path"] == str(Path(db).resolve())
    assert start["sms"] == "log only"


def test_sms_takes_the_gateway_flags_its_usage_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kanoon_desk.server import cli as server_cli
    from kanoon_desk.server.db import ServerDb

    db = tmp_path / "server.sqlite3"
    ServerDb(str(db)).close()
    assert server_cli.main(["sms", "--db", str(db), "--gateway-url", "http://127.0.0.1:9/send",
                            "--gateway-key", "k"]) == 0
    assert "0 SMS sent" in capsys.readouterr().out


def test_wrong_numbers_in_arguments_are_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An already-expired code was issued (exit 0), `nan` hours said "office code is wrong", and a
    batch of 0 or -3 events was taken."""
    from kanoon_desk.server import cli as server_cli
    from kanoon_desk.server.db import ServerDb
    from kanoon_desk.sync import cli

    db = tmp_path / "server.sqlite3"
    ServerDb(str(db)).close()
    for hours in ("-5", "0", "nan", "inf", "abc"):
        assert server_cli.main(["enroll", "--db", str(db), "--office", "13", "--expires-hours", hours]) == 2, hours
        assert "--expires-hours" in capsys.readouterr().err
    assert server_cli.main(["enroll", "--db", str(db), "--office", "۱۳", "--expires-hours", "۲"]) == 0
    assert "office 13" in capsys.readouterr().out
    desk = tmp_path / "desk.sqlite3"
    Store(desk).close()
    for flag, value in (("--batch", "0"), ("--batch", "-3"), ("--page", "0"), ("--batch", "x")):
        assert cli.main(["sync", "--db", str(desk), flag, value]) == cli.EXIT_USAGE, (flag, value)
        assert flag in capsys.readouterr().err


def test_a_port_already_taken_is_one_line_and_touches_no_database(tmp_path: Path) -> None:
    """The second server on a port (the first still running, an old release left up during an
    upgrade) says so on one line, exit 1: no «server.start» for a server that never ran, no
    traceback or uvicorn text, and its database is not opened (so not migrated)."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen(1)
        port = holder.getsockname()[1]
        db = tmp_path / "srv.sqlite3"
        done = run("kanoon_desk", "server", "--db", str(db), "--port", str(port))
    assert done.returncode == 1, done.stderr
    lines = (done.stdout + done.stderr).strip().splitlines()
    assert len(lines) == 1 and " | " in lines[0] and f"port {port}" in lines[0] and "already in use" in lines[0]
    assert "server.start" not in done.stdout + done.stderr
    assert not db.exists()


def test_server_stats_and_check_give_an_operator_the_figures_a_desk_prints(
        server: LiveServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`kanoon-desk stats` and `check` on the server's URL said «پرونده پیدا نشد: postgresql+psycopg:/kanoon:
    PASSWORD@…» (the password printed); `server stats` gives each office's figures as its synced desk
    prints them, `server check` recomputes them from the events, and the desk's commands given a
    URL point there without the password."""
    from sqlalchemy import text

    from kanoon_desk import __main__ as desk_cli
    from kanoon_desk.server import cli as server_cli
    from kanoon_desk.services import ops

    desk = enrol(server, tmp_path / "desk.sqlite3", "13")
    admin = bootstrap_admin(desk)
    add_user(desk, admin, "clerk9")
    assert client.sync_once(desk).ok
    desk.close()
    mine = ops.stats(tmp_path / "desk.sqlite3")
    url = server.db_url
    assert server_cli.main(["server", "stats", "--db", url, "--json"]) == 0
    office = json.loads(capsys.readouterr().out)["offices"]["13"]
    assert (office["events"], office["digest"], office["devices"]) == (mine["events"], mine["digest"], 1)
    assert {t: row["digest"] for t, row in office["aggregates"].items()} == {
        t: row["digest"] for t, row in mine["aggregates"].items()}
    assert server_cli.main(["stats", "--db", url]) == 0
    assert f"office 13  devices 1  events {mine['events']}  digest {mine['digest'][:16]}" in capsys.readouterr().out
    assert server_cli.main(["check", "--db", url]) == 0
    assert "check ok" in capsys.readouterr().out
    with server.db.transaction() as s:
        s.execute(text("UPDATE digest_totals SET events = events + 1 WHERE aggregate_type = 'user'"))
    assert server_cli.main(["check", "--db", url]) == 1
    out = capsys.readouterr().out
    assert "check FAILED" in out and "office 13, user" in out
    secret_url = "postgresql+psycopg://kanoon:s3cret-pass@127.0.0.1:55432/kanoon"
    for command in ("stats", "check"):
        assert desk_cli.main([command, "--db", secret_url]) == 2
        err = _one_line(capsys.readouterr().err)
        assert "s3cret-pass" not in err and f"kanoon-desk server {command} --db URL" in err


def test_a_postgres_url_as_psql_writes_it_is_read(capsys: pytest.CaptureFixture[str]) -> None:
    """`postgres://user:pw@host/db` (PostgreSQL's own spelling, a hosting panel's) was «Can't load
    plugin: sqlalchemy.dialects:postgres»; it names the same database as postgresql+psycopg://."""
    from kanoon_desk.server.cli import describe_db
    from kanoon_desk.server.db import make_engine, normalise_url

    assert normalise_url("postgres://kanoon:pw@db.local:5432/kanoon") == "postgresql+psycopg://kanoon:pw@db.local:5432/kanoon"
    engine = make_engine("postgres://kanoon:pw@db.local:5432/kanoon")
    assert (engine.dialect.name, engine.dialect.driver) == ("postgresql", "psycopg")
    engine.dispose()
    assert describe_db("postgres://kanoon:pw@db.local:5432/kanoon") == {"database": "postgresql",
                                                                       "db_host": "db.local:5432/kanoon"}


def test_server_check_and_stats_read_a_database_without_writing_or_migrating_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kanoon_desk.server import cli as server_cli

    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    assert server_cli.main(["check", "--db", str(empty)]) == 1
    assert "revision none" in capsys.readouterr().out
    assert server_cli.main(["stats", "--db", str(empty)]) == 1
    assert "start the server on it once" in _one_line(capsys.readouterr().err)
    with sqlite3.connect(empty) as conn:  # no table made in it (the server's would be)
        assert conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone() == (0,)


def test_a_server_whose_clock_went_back_says_so_and_does_not_start(
        server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A server restarted with its clock hours behind (a flat clock battery, a time zone set by
    hand) would refuse every desk's new work as «the clock of the computer that recorded it is
    wrong», and a refused event is not sent again; it says its own clock is behind, exit 1."""
    from kanoon_desk.server import cli as server_cli
    from kanoon_desk.server import exchange

    desk = enrol(server, tmp_path / "desk.sqlite3", "13")
    bootstrap_admin(desk)
    assert client.sync_once(desk).ok
    desk.close()
    real = exchange.now_ms
    monkeypatch.setattr(exchange, "now_ms", lambda: real() - 3 * 3_600_000)

    def serve(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the server started with its clock three hours behind")

    monkeypatch.setattr(uvicorn, "run", serve)
    monkeypatch.setattr(uvicorn.Server, "run", serve)
    kanoon_log = logging.getLogger("kanoon")  # (the server's set-up replaces its handlers in place)
    for name in ("handlers", "propagate", "level"):
        monkeypatch.setattr(kanoon_log, name, list(kanoon_log.handlers) if name == "handlers" else getattr(kanoon_log, name))
    port = free_port()
    assert server_cli.main(["--db", server.db_url, "--port", str(port)]) == 1
    err = _one_line(capsys.readouterr().err)
    assert "clock is 3 hours behind" in err and "۳ ساعت" in err
    with socket.socket() as again:  # the port was given back
        again.bind(("127.0.0.1", port))


def test_server_check_says_the_clock_is_behind_what_the_server_stored_before_a_restart_fails(
        server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A clock that ran ahead and was set right (or went wrong): `server check` said «check ok»,
    and the server restarted as the README advised then refused to start. `check` says it first."""
    from kanoon_desk.server import cli as server_cli
    from kanoon_desk.server import exchange

    desk = enrol(server, tmp_path / "desk.sqlite3", "13")
    bootstrap_admin(desk)
    assert client.sync_once(desk).ok
    desk.close()
    assert server_cli.main(["check", "--db", server.db_url]) == 0
    capsys.readouterr()
    real = exchange.now_ms
    monkeypatch.setattr(exchange, "now_ms", lambda: real() - 3 * 3_600_000)
    assert server_cli.main(["check", "--db", server.db_url]) == 1
    out = capsys.readouterr().out
    assert "check FAILED" in out and "clock is 3 hours behind the newest events" in out and "۳ ساعت" in out


def test_a_second_server_on_one_database_is_refused_before_it_migrates(server_db_url: str, tmp_path: Path) -> None:
    """Two servers on one database (the old release left running while the new one starts on
    another port) ran side by side, the new one migrating the database under the old; the second
    says another server runs on it, exit 1, and the first one goes on answering."""
    with running_server(server_db_url, tmp_path / "first.log") as (_first, url):
        second = run("kanoon_desk", "server", "--db", server_db_url, "--port", str(free_port()), timeout=30)
        assert second.returncode == 1, second.stdout + second.stderr
        lines = (second.stdout + second.stderr).strip().splitlines()
        assert len(lines) == 1 and "another Kanoon server is already running on this database" in lines[0]
        assert "kanoon:kanoon@" not in lines[0]  # (the URL's password is not said)
        assert httpx.get(url + "/v1/health").status_code == 200
    from kanoon_desk.server.db import hold_server_lock

    held = hold_server_lock(server_db_url)  # the lock went with the first server
    held.close()


def test_the_servers_connections_answer_without_waiting_for_the_desks_ack() -> None:
    """The listening socket taken before the database (for a clear «port in use») was made without
    its protocol, and asyncio turns Nagle's delay off only on connections that say TCP: every answer
    waited ~40 ms for the desk's delayed ACK, and a push of 5,000 events took twice as long. Served
    as uvicorn serves it (asyncio on the socket), a connection has TCP_NODELAY set."""
    import asyncio

    from kanoon_desk.server.cli import listening_socket

    sock = listening_socket("127.0.0.1", free_port())
    nodelay: list[int] = []

    class Answer(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            nodelay.append(transport.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            transport.close()

    async def serve_one() -> None:
        server = await asyncio.get_running_loop().create_server(Answer, sock=sock)
        async with server:
            _reader, writer = await asyncio.open_connection(*sock.getsockname()[:2])
            for _ in range(200):
                if nodelay:
                    break
                await asyncio.sleep(0.01)
            writer.close()

    asyncio.run(serve_one())
    assert nodelay and nodelay[0] != 0


def test_a_second_server_on_one_sqlite_database_is_refused_where_there_is_no_flock(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows (no `fcntl`) the SQLite database's server lock was skipped: a second server, or
    the new release started beside the old, ran on the same file and migrated it under the first.
    Played here with `fcntl` hidden: the second is refused until the first lets go."""
    from kanoon_desk.server.db import ServerRunning, hold_server_lock, release_server_lock

    monkeypatch.setitem(sys.modules, "fcntl", None)  # (`import fcntl` fails, as on Windows)
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    first = hold_server_lock(url)
    assert first is not None
    with pytest.raises(ServerRunning):
        hold_server_lock(url)
    release_server_lock(first)
    again = hold_server_lock(url)  # the lock went with the first server
    release_server_lock(again)
