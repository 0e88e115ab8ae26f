"""kill -9 of a `kanoon-desk sync` process mid-push and mid-pull, then a clean finish."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kanoon_desk import state_keys
from kanoon_desk.eventlog import system_actor
from kanoon_desk.models import Event
from kanoon_desk.server.server_models import ServerEvent
from kanoon_desk.services import ops
from kanoon_desk.store import Store
from kanoon_desk.sync import state

from .helpers import LiveServer, enrol

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
N = 1200


def fill(store: Store, n: int) -> None:
    actor = system_actor(store.identity.office_code)
    with store.transaction() as s:
        for i in range(n):
            day = date(2020, 1, 1) + timedelta(days=i)
            store.record(s, actor, "holiday.set", day.isoformat(), {"title": f"روز {i}"})


def server_events(server: LiveServer) -> int:
    with server.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(ServerEvent)) or 0)


def desk_cursor(path: Path) -> int:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        row = conn.execute("SELECT value FROM desk_state WHERE key = ?", (state_keys.K_CURSOR,)).fetchone()
    return int(row[0]) if row else 0


def start_sync(path: Path, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "kanoon_desk.sync.cli", "sync", "--db", str(path), *extra],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


def kill_when(proc: subprocess.Popen[bytes], ready: object, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not ready():  # type: ignore[operator]
        assert proc.poll() is None, "the sync finished before it could be killed; make it slower"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    assert proc.returncode == -signal.SIGKILL


def finish(path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "kanoon_desk.sync.cli", "sync", "--db", str(path)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.returncode == 0, out.stderr


def test_kill_9_mid_push_and_mid_pull(server: LiveServer, tmp_path: Path) -> None:
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    b = enrol(server, tmp_path / "b.sqlite3", "13")
    fill(a, N)
    a.close()
    b.close()
    # mid-push: the server holds some of the batches when the process dies
    proc = start_sync(a.path, "--batch", "5")
    kill_when(proc, lambda: 0 < server_events(server) < N - 200)
    assert 0 < server_events(server) < N
    finish(a.path)
    assert server_events(server) == N
    # mid-pull: some pages and their cursors are stored when the process dies
    proc = start_sync(b.path, "--page", "5")
    kill_when(proc, lambda: 0 < desk_cursor(b.path) < N - 200)
    finish(b.path)
    for path in (a.path, b.path):
        assert ops.check(path) == []
        store = Store(path)
        try:
            with store.read() as s:
                assert s.scalar(select(func.count()).select_from(Event)) == N
            assert state.pending_count(store) == 0
        finally:
            store.close()
    assert ops.stats(a.path)["aggregates"] == ops.stats(b.path)["aggregates"]


def test_an_enrolment_killed_while_it_made_the_store_is_done_again_with_the_same_code(
        server: LiveServer, tmp_path: Path) -> None:
    """`kanoon-desk enroll` on a new path makes the store first (its migrations), then spends the
    code. Killed while it made the store (a power cut on the first day), it left a store begun and
    never set up; before, enrolling again said «a store exists here; enrol only on an empty path»
    and `sync` «this desk is not set up», with that code or a new one, until someone deleted the
    file by hand. Now the same command with the same code (never spent) enrols the desk and its
    first sync brings the office's data down, at every point tried."""
    from tests import kill_points

    a = enrol(server, tmp_path / "a.sqlite3", "13")
    fill(a, 30)
    a.close()
    finish(a.path)
    made = kill_points.count(["-c", "import sys\nfrom kanoon_desk.store import Store\nStore(sys.argv[1]).close()\n",
                              str(tmp_path / "made.sqlite3")], tmp_path)
    assert made.done.returncode == 0 and made.total > 20, made.done.stderr
    b = tmp_path / "b.sqlite3"
    for at in kill_points.spread(made.total - 10, 4):
        for p in tmp_path.glob("b.sqlite3*"):
            p.unlink()
        args = ["enroll", "--db", str(b), "--server", server.url, "--code", server.code("13")]
        assert kill_points.run(args, at, tmp_path)
        again = kill_points.count(args, tmp_path).done
        assert again.returncode == 0, (at, again.stderr)
        assert ops.check(b) == [], at
        assert ops.stats(b)["aggregates"] == ops.stats(a.path)["aggregates"], at
