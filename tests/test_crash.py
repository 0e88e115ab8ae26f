"""A desk killed with SIGKILL mid-work never loses a committed event, and the store stays healthy."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from kanoon_desk.models import Event
from kanoon_desk.services import ops
from kanoon_desk.store import Store
from tests.factories import PASSWORD, make_desk

ROOT = Path(__file__).resolve().parent.parent

WRITER = """
import sys
from datetime import date, timedelta
from kanoon_desk.services import accounts
from kanoon_desk.store import Store

store = Store(sys.argv[1])
actor = accounts.login(store, "admin", sys.argv[2])
start = int(sys.argv[3])
print("ready", flush=True)
i = start
while True:
    with store.transaction() as s:
        day = (date(1990, 1, 1) + timedelta(days=i)).isoformat()
        event = store.record(s, actor, "holiday.set", day, {"title": "روز " + str(i)})
        event_id = event.id
    print(event_id, flush=True)  # printed only after the commit returned
    i += 1
"""


def _run_and_kill(path: Path, start: int, wanted: int) -> list[str]:
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path), PASSWORD, str(start)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    ids: list[str] = []
    try:
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
        deadline = time.monotonic() + 60
        while len(ids) < wanted and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            ids.append(line.strip())
        os.kill(proc.pid, signal.SIGKILL)  # mid-transaction, most likely
        proc.wait(timeout=30)
        ids += [line.strip() for line in proc.stdout.read().splitlines() if line.strip()]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        if proc.stderr is not None:
            proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    return ids


def test_kill_9_never_loses_a_committed_event(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    store, _ = make_desk(path)
    store.close()
    printed: list[str] = []
    for round_no, wanted in enumerate((150, 60)):
        printed += _run_and_kill(path, start=round_no * 10_000, wanted=wanted)
        store = Store(path)
        try:
            with store.read() as s:
                held = set(s.scalars(Event.__table__.select().with_only_columns(Event.id)))
        finally:
            store.close()
        assert len(printed) >= wanted
        assert set(printed) <= held, f"lost {len(set(printed) - held)} committed events"
        assert ops.check(path) == []
