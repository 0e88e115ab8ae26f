"""The command lines, as an operator runs them: a server process, enrol, sync, revoke."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from kanoon_desk.store import Store
from kanoon_desk.sync import client

from .helpers import add_user, bootstrap_admin

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, timeout=timeout,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.fixture
def server_proc(tmp_path: Path) -> Iterator[tuple[str, str]]:
    db = str(tmp_path / "srv.sqlite3")
    port = free_port()
    log = tmp_path / "server.log"
    with log.open("wb") as sink:
        proc = subprocess.Popen([sys.executable, "-m", "kanoon_desk.server.cli", "--db", db, "--port", str(port)],
                                cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(url + "/v1/health").status_code == 200:
                break
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            proc.wait(10)
            raise RuntimeError(log.read_text())
        time.sleep(0.1)
    try:
        yield db, url
    finally:
        proc.terminate()
        proc.wait(10)


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
    assert "همگام‌سازی انجام شد" in out.stdout and "pushed 2" in out.stdout
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
        store.set_state(s, client.K_SERVER, f"http://127.0.0.1:{free_port()}")
        store.set_state(s, client.K_SECRET, "x")
    store.close()
    out = run("kanoon_desk.sync.cli", "sync", "--db", str(desk))
    assert out.returncode == 1
    assert "در دسترس نیست" in out.stderr and "sync failed" in out.stderr
    assert run("kanoon_desk.sync.cli", "sync", "--db", str(tmp_path / "none.sqlite3")).returncode == 2
