"""The `kanoon-desk` command line: names and flags, demo → check, stats, backup/restore, pass-through."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import types
from contextlib import closing
from pathlib import Path

import pytest

from kanoon_desk import __version__, demo
from kanoon_desk.__main__ import main
from kanoon_desk.demo import ADMIN_PASSWORD, DEMO_USERS, USER_PASSWORD, holidays_of_year
from kanoon_desk.services import accounts, ops
from kanoon_desk.store import Store

ROOT = Path(__file__).resolve().parent.parent


#: The small demo shrunk so the whole pipeline (every desk generator that exists) runs in seconds.
TINY = {"cases": 25, "centres": 3, "members": 30, "copies": 80, "loans": 120, "conflicts": 1}


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite3"
    with pytest.MonkeyPatch.context() as mp:
        mp.setitem(demo.SIZES, "small", TINY)
        assert main(["demo", "--db", str(path), "--office", "۲۱", "--seed", "7"]) == 0  # Persian digits
    return path


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"kanoon-desk {__version__}"


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 2  # --db is required
    assert "--db" in capsys.readouterr().err
    assert main(["demo", "--db", "x.sqlite3", "--size", "huge"]) == 2


def test_demo_then_check_passes(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--db", str(demo_db)]) == 0
    assert "check ok" in capsys.readouterr().out
    assert demo.done_parts(demo_db) == demo.available_parts()  # every generator that exists ran


def test_demo_sets_up_users_centres_and_holidays(demo_db: Path) -> None:
    store = Store(demo_db)
    try:
        assert store.identity.office_code == "21"
        admin = accounts.login(store, "admin", ADMIN_PASSWORD)
        assert "admin" in admin.roles
        for username, role, _ in DEMO_USERS:
            assert accounts.login(store, username, USER_PASSWORD).roles == frozenset({role})
        # the librarian lends at the office's first centre, so loans are recorded there
        assert accounts.login(store, "librarian1", USER_PASSWORD).office_code == "2101"
        assert accounts.login(store, "clerk1", USER_PASSWORD).office_code == "21"
        with store.read() as s:
            from kanoon_desk.models import Office

            centres = [o.code for o in s.query(Office).filter(Office.kind == "centre")]
        assert centres == ["2101", "2102", "2103"]
        days = {d for d, _ in accounts.list_holidays(store)}
    finally:
        store.close()
    nowruz = holidays_of_year(1405)[0][0]
    assert nowruz.month == 3 and nowruz.day in (20, 21, 22)
    assert len(days) == 10


def test_demo_twice_adds_nothing(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    before = json.loads(_stats(demo_db, capsys))
    assert main(["demo", "--db", str(demo_db)]) == 0
    assert "already holds" in capsys.readouterr().out
    assert json.loads(_stats(demo_db, capsys))["digest"] == before["digest"]


def _stats(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["stats", "--db", str(path), "--json"]) == 0
    return capsys.readouterr().out


def test_stats_json(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(_stats(demo_db, capsys))
    assert data["office_code"] == "21"
    assert data["aggregates"]["user"]["events"] >= 5
    assert data["aggregates"]["holiday"]["aggregates"] == 10
    assert data["events"] == sum(row["events"] for row in data["aggregates"].values())
    assert len(data["digest"]) == 64


def test_check_exit_1_with_reasons(tmp_path: Path, demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "copy.sqlite3"
    assert main(["backup", "--db", str(demo_db), "--to", str(copy)]) == 0
    with closing(sqlite3.connect(str(copy))) as conn:
        conn.execute("UPDATE holidays SET title = 'ساختگی'")
        conn.commit()
    capsys.readouterr()
    assert main(["check", "--db", str(copy)]) == 1
    out = capsys.readouterr().out
    assert "FAILED" in out and "holidays" in out


def test_backup_restore_and_refusal(tmp_path: Path, demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    live = tmp_path / "live.sqlite3"
    backup_file = tmp_path / "b.sqlite3"
    assert main(["backup", "--db", str(demo_db), "--to", str(live)]) == 0
    assert main(["backup", "--db", str(live), "--to", str(backup_file)]) == 0
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(b"\x00garbage" * 64)
    before = live.read_bytes()
    assert main(["restore", "--db", str(live), "--from", str(garbage)]) == 1
    assert "refused" in capsys.readouterr().err
    assert live.read_bytes() == before
    assert main(["restore", "--db", str(live), "--from", str(backup_file)]) == 0
    assert live.with_name("live.sqlite3.before-restore").exists()
    capsys.readouterr()
    assert main(["restore", "--db", str(live), "--from", str(backup_file), "--sync"]) == 0  # never enrolled
    assert "no sync round was run" in capsys.readouterr().out  # (it said nothing of the sync it skipped)
    assert main(["check", "--db", str(live)]) == 0
    assert main(["backup", "--db", str(tmp_path / "none.sqlite3"), "--to", str(backup_file)]) == 1


def _leave_a_wal(path: Path) -> None:
    """A process that wrote to `path` and died before its write-ahead log was folded in: the
    `-wal` file stays next to it (SQLite replays it the next time the file is opened)."""
    script = ("import os, sqlite3, sys\n"
              "c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA journal_mode=WAL')\n"
              "c.execute('PRAGMA wal_autocheckpoint=0')\n"
              "c.execute(\"INSERT OR REPLACE INTO desk_state(key, value) VALUES ('walprobe', 'old')\"); c.commit()\n"
              "c.execute('CREATE TABLE IF NOT EXISTS junk(x)')\n"
              "c.executemany('INSERT INTO junk VALUES (?)', [(os.urandom(500),) for _ in range(500)]); c.commit()\n"
              "os._exit(0)\n")
    subprocess.run([sys.executable, "-c", script, str(path)], check=True, timeout=60)
    assert path.with_name(path.name + "-wal").stat().st_size > 0


def _device_id(path: Path) -> str:
    with closing(sqlite3.connect(str(path))) as conn:
        return str(conn.execute("SELECT value FROM desk_state WHERE key = 'device_id'").fetchone()[0])


def test_backup_refuses_an_existing_file_unless_forced_and_never_another_desks_store(
        tmp_path: Path, demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.sqlite3"  # another desk's store, where a backup was meant to go
    store = Store(other)
    store.set_identity("13", 4)
    store.close()
    before = other.read_bytes()
    capsys.readouterr()
    assert main(["backup", "--db", str(demo_db), "--to", str(other)]) == 1
    err = capsys.readouterr().err
    assert "backup not written" in err and "--force" in err
    assert main(["backup", "--db", str(demo_db), "--to", str(other), "--force"]) == 1
    assert "another desk" in capsys.readouterr().err
    assert other.read_bytes() == before
    # yesterday's backup of this desk, left with a write-ahead log by a crash: replaced when forced,
    # and the old log is not replayed onto the new backup
    old = tmp_path / "yesterday.sqlite3"
    assert main(["backup", "--db", str(demo_db), "--to", str(old)]) == 0
    _leave_a_wal(old)
    assert main(["backup", "--db", str(demo_db), "--to", str(old)]) == 1
    assert main(["backup", "--db", str(demo_db), "--to", str(old), "--force"]) == 0
    assert "backup written" in capsys.readouterr().out
    with closing(sqlite3.connect(str(old))) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT value FROM desk_state WHERE key = 'walprobe'").fetchone() is None
    assert _device_id(old) == _device_id(demo_db)
    assert main(["check", "--db", str(old)]) == 0


#: The app on a store: it opens it, says "open", and when told (a line on stdin) saves some work and closes.
HOLDER = """
import sys
from kanoon_desk.store import Store
store = Store(sys.argv[1])
with store.transaction() as s:
    store.set_state(s, "probe_before", "x")
print("open", flush=True)
sys.stdin.readline()
with store.transaction() as s:
    store.set_state(s, "probe_after", "saved by the open app")
store.close()
"""


def test_restore_refuses_a_store_open_in_the_app(tmp_path: Path, demo_db: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    live = tmp_path / "live.sqlite3"
    backup_file = tmp_path / "b.sqlite3"
    assert main(["backup", "--db", str(demo_db), "--to", str(live)]) == 0
    assert main(["backup", "--db", str(live), "--to", str(backup_file)]) == 0
    with subprocess.Popen([sys.executable, "-c", HOLDER, str(live)], cwd=ROOT, stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as app:
        try:
            assert app.stdout is not None and app.stdin is not None
            assert app.stdout.readline().strip() == "open"
            capsys.readouterr()
            assert main(["restore", "--db", str(live), "--from", str(backup_file)]) == 1
            err = capsys.readouterr().err
            assert "restore refused" in err and "close the app first" in err
            assert not live.with_name("live.sqlite3.before-restore").exists()
            assert not live.with_name("live.sqlite3.restore-tmp").exists()
            app.stdin.write("\n")
            app.stdin.flush()
            assert app.wait(60) == 0
        finally:
            if app.poll() is None:
                app.kill()
    with closing(sqlite3.connect(str(live))) as conn:  # the app's work after the refusal is in the store
        assert conn.execute("SELECT value FROM desk_state WHERE key = 'probe_after'").fetchone() == (
            "saved by the open app",)
    assert main(["restore", "--db", str(live), "--from", str(backup_file)]) == 0  # the app closed: restored
    assert live.with_name("live.sqlite3.before-restore").exists()


def test_restore_refuses_another_desks_backup_unless_told(tmp_path: Path, demo_db: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    live = tmp_path / "live.sqlite3"
    assert main(["backup", "--db", str(demo_db), "--to", str(live)]) == 0
    other = tmp_path / "other.sqlite3"  # another desk of the office, and its backup
    store = Store(other)
    store.set_identity("21", 2)
    store.close()
    other_backup = tmp_path / "other-backup.sqlite3"
    assert main(["backup", "--db", str(other), "--to", str(other_backup)]) == 0
    before = live.read_bytes()
    capsys.readouterr()
    assert main(["restore", "--db", str(live), "--from", str(other_backup)]) == 1
    err = capsys.readouterr().err
    assert "restore refused" in err and "another desk" in err and "--other-device" in err
    assert _device_id(other) in err and _device_id(demo_db) in err
    assert live.read_bytes() == before and not live.with_name("live.sqlite3.before-restore").exists()
    assert main(["restore", "--db", str(live), "--from", str(other_backup), "--other-device"]) == 0
    assert _device_id(live) == _device_id(other)


def test_pass_through_dispatch(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, list[str]]] = []
    server = types.ModuleType("kanoon_desk.server.cli")
    server.main = lambda argv: calls.append(("server", list(argv))) or 0  # type: ignore[attr-defined]
    sync = types.ModuleType("kanoon_desk.sync.cli")
    sync.main = lambda argv: calls.append(("sync", list(argv))) or 3  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "kanoon_desk.server.cli", server)
    monkeypatch.setitem(sys.modules, "kanoon_desk.sync.cli", sync)
    assert main(["server", "--db", "sqlite:///s.db", "--port", "9"]) == 0
    assert main(["enroll", "--db", "d.sqlite3", "--code", "X"]) == 3
    assert main(["sync", "--db", "d.sqlite3"]) == 3
    assert calls == [("server", ["--db", "sqlite:///s.db", "--port", "9"]),
                     ("sync", ["enroll", "--db", "d.sqlite3", "--code", "X"]),
                     ("sync", ["sync", "--db", "d.sqlite3"])]


def test_pass_through_missing_module_exit_2(monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "kanoon_desk.server.cli", None)
    assert main(["server", "--port", "1"]) == 2
    err = capsys.readouterr().err
    assert "not available yet" in err and "هنوز" in err


def test_check_and_stats_never_import_qt(demo_db: Path) -> None:
    code = (
        "import sys\n"
        "from kanoon_desk.__main__ import main\n"
        f"assert main(['check', '--db', {str(demo_db)!r}]) == 0\n"
        f"assert main(['stats', '--db', {str(demo_db)!r}, '--json']) == 0\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def test_file_errors_are_one_line_not_a_traceback(tmp_path: Path, demo_db: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    assert main(["backup", "--db", str(demo_db), "--to", str(folder)]) == 1
    assert "folder" in _one_line(capsys.readouterr().err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder"]  # nothing written next to it
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    assert main(["restore", "--db", str(a_file / "x.sqlite3"), "--from", str(demo_db)]) == 1
    assert "—" in capsys.readouterr().err


def test_a_wrong_office_code_is_a_usage_error_and_leaves_no_file(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "d.sqlite3"
    assert main(["demo", "--db", str(path), "--office", "۱-۳"]) == 2
    assert "--office" in capsys.readouterr().err
    assert not path.exists()


def test_an_interrupted_command_exits_130(monkeypatch: pytest.MonkeyPatch, demo_db: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from kanoon_desk.services import ops

    def interrupted(*_a: object, **_k: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(ops, "stats", interrupted)
    assert main(["stats", "--db", str(demo_db)]) == 130
    assert "interrupted" in _one_line(capsys.readouterr().err)


def test_a_closed_output_pipe_ends_quietly(demo_db: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "kanoon_desk", "stats", "--db", str(demo_db)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # `| head` that has read what it wanted
    with proc.stderr:
        err = proc.stderr.read().decode()
    assert proc.wait(60) == 1
    assert err == ""


def test_a_store_of_a_newer_version_is_said_so_on_one_line_and_left_as_it_was(tmp_path: Path) -> None:
    """`demo` (any command that opens and migrates a store) on a store a newer version migrated
    ended in alembic's traceback; now one line says a newer version wrote it, exit 1."""
    from kanoon_desk.store import NewerStoreError

    path = tmp_path / "desk.sqlite3"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO alembic_version VALUES ('9999_from_a_newer_version')")
    with pytest.raises(NewerStoreError) as raised:
        Store(path)
    assert raised.value.revisions == ["9999_from_a_newer_version"]
    done = subprocess.run([sys.executable, "-m", "kanoon_desk", "demo", "--db", str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "نسخه تازه‌تری از کانون دسک" in done.stderr and "9999_from_a_newer_version" in done.stderr
    with sqlite3.connect(path) as conn:
        assert ("9999_from_a_newer_version",) in conn.execute("SELECT version_num FROM alembic_version").fetchall()


def test_the_demo_inbox_holds_conflicts_two_desks_met_in_the_fold(demo_db: Path, tmp_path: Path) -> None:
    """The demo made no conflict: the screenshots' conflict page was empty. A second desk's
    offline morning (another device at the second centre) comes back through the fold of a pull:
    two copies lent at both centres, one child registered at both, one loan returned at both, one
    user name made on both desks."""
    from sqlalchemy import func, select

    from kanoon_desk.models import Event
    from kanoon_desk.services import conflicts

    store = Store(demo_db)
    try:
        admin = accounts.login(store, "admin", ADMIN_PASSWORD)
        inbox = conflicts.list_conflicts(store, admin)
        assert sorted(c.kind for c in inbox) == ["copy.double_loan", "copy.double_loan", "loan.return_on_closed",
                                                 "member.registered_twice", "username.duplicate"]
        for c in inbox:  # both facts on this desk, each from its own machine
            assert len(c.facts) == 2 and len({f.device_id for f in c.facts}) == 2, c.kind
        lent = [c for c in inbox if c.kind == "copy.double_loan"]
        assert all({f.office_code for f in c.facts} == {"2101", "2102"} for c in lent)
        with store.read() as s:  # the other desk's events arrived as pulled ones: nothing to send
            assert s.scalar(select(func.count()).select_from(Event).where(
                Event.device_id != store.identity.device_id, Event.client_seq.is_not(None))) == 0
        store.backup_to(tmp_path / "copy.sqlite3")
    finally:
        store.close()
    copy = Store(tmp_path / "copy.sqlite3")  # (the other tests' demo store stays as made)
    try:  # the admin can decide one, as on any desk
        conflicts.resolve(copy, admin, lent[0].id, "keep_first")
        assert conflicts.open_count(copy) == 4
        assert ops.check(copy.path) == []
    finally:
        copy.close()
