"""Test helpers for sync: a live server on 127.0.0.1 in a thread, enrolled desks, a faulty transport."""

from __future__ import annotations

import hashlib
import random
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from argon2 import PasswordHasher
from sqlalchemy import create_engine, text

from kanoon_desk import state_keys
from kanoon_desk.eventlog import Actor, system_actor
from kanoon_desk.ids import new_id
from kanoon_desk.models import ROLES
from kanoon_desk.server import create_app
from kanoon_desk.server.auth import new_enrolment_code
from kanoon_desk.server.db import ServerDb
from kanoon_desk.services import accounts
from kanoon_desk.store import Store
from kanoon_desk.sync import client, enrolment

PASSWORD = "secret-pass-1"


def reset_pg(url: str) -> None:
    """An empty database for one test: drop and re-create the public schema."""
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


class LiveServer:
    """The real app served by uvicorn on 127.0.0.1 (a free port) in a background thread."""

    def __init__(self, db_url: str, **app_options: Any) -> None:
        self.db_url = db_url
        self.app = create_app(db_url, **app_options)
        self.db: ServerDb = self.app.state.db
        config = uvicorn.Config(self.app, host="127.0.0.1", port=0, log_level="warning", lifespan="off",
                                access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.01)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"

    def code(self, office: str) -> str:
        return new_enrolment_code(self.db, office)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.db.close()


def bootstrap_admin(store: Store, username: str = "admin") -> Actor:
    """The first admin of a freshly enrolled desk (setup_desk without touching its identity)."""
    office = store.identity.office_code
    with store.transaction() as s:
        user_id = new_id()
        store.record(s, system_actor(office), "user.created", user_id, {
            "office_code": office, "username": username, "full_name": "مدیر سامانه",
            "password_hash": PasswordHasher().hash(PASSWORD), "roles": list(ROLES)})
    return Actor(user_id, username, "مدیر سامانه", office, frozenset(ROLES))


def enrol(server: LiveServer, path: Path, office: str, *, transport: httpx.BaseTransport | None = None,
          first_sync: bool = True) -> Store:
    store, report = enrolment.enroll(path, server.url, server.code(office), transport=transport,
                                     first_sync=first_sync)
    assert report is None or report.ok, report.summary_line() if report else ""
    return store


def add_user(store: Store, actor: Actor, username: str) -> None:
    accounts.create_user(store, actor, username=username, full_name=f"کاربر {username}", password=PASSWORD,
                         roles={"clerk"}, must_change_password=False)


@dataclass
class FaultPlan:
    """Probabilities of each fault per request; a seeded RNG makes a run repeatable."""

    drop: float = 0.1  # never reaches the server
    lose_reply: float = 0.1  # the server committed; the answer is lost
    repeat: float = 0.1  # delivered twice
    delay: float = 0.05  # slow
    replay_old: float = 0.1  # an earlier request arrives again, late (reordering)
    seed: int = 0
    log: list[str] = field(default_factory=list)


class FaultyTransport(httpx.BaseTransport):
    """Wraps a real transport and drops, repeats, delays, reorders and cuts requests."""

    def __init__(self, inner: httpx.BaseTransport | None = None, plan: FaultPlan | None = None) -> None:
        self.inner = inner or httpx.HTTPTransport()
        self.plan = plan or FaultPlan()
        self.rng = random.Random(self.plan.seed)
        self.history: list[httpx.Request] = []
        self.enabled = True

    def _copy(self, request: httpx.Request) -> httpx.Request:
        body = request.read()
        return httpx.Request(request.method, request.url, headers=request.headers, content=body)

    def _send(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(self._copy(request))
        response.read()
        return response

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not self.enabled:
            return self._send(request)
        plan, rng = self.plan, self.rng
        if self.history and rng.random() < plan.replay_old:
            old = rng.choice(self.history)
            plan.log.append(f"replay {old.url.path}")
            self._send(old)
        self.history = (self.history + [self._copy(request)])[-20:]
        if rng.random() < plan.drop:
            plan.log.append(f"drop {request.url.path}")
            raise httpx.ConnectError("fault: dropped", request=request)
        if rng.random() < plan.delay:
            time.sleep(rng.random() * 0.02)
        response = self._send(request)
        if rng.random() < plan.repeat:
            plan.log.append(f"repeat {request.url.path}")
            response = self._send(request)
        if rng.random() < plan.lose_reply:
            plan.log.append(f"lose reply {request.url.path}")
            raise httpx.ReadTimeout("fault: reply lost after the server acted", request=request)
        return response

    def close(self) -> None:
        self.inner.close()


def assert_running_digests(store: client.Store) -> None:
    """The desk's running totals equal the same totals counted again from every event."""
    c = client.SyncClient(store)
    try:
        running = c.local_summary()
        with store.transaction() as s:
            store.set_state(s, state_keys.K_DIGESTS, "")
        assert running == c.local_summary()
    finally:
        c.close()


#: About 1.5 MB of scan, not compressible.
PDF = b"%PDF-1.4\n" + hashlib.sha256(b"seed").digest() * 48_000 + b"\n%%EOF\n"


def desk_with_a_scan(server: LiveServer, tmp_path: Path) -> tuple[client.Store, str]:
    """A desk enrolled at `server` with one case holding the scan `PDF` (not sent yet); its sha."""
    from kanoon_desk.services import secretariat as sec
    from tests.secretariat_helpers import case_input

    (tmp_path / "a").mkdir()
    desk = enrol(server, tmp_path / "a" / "desk.sqlite3", "13")
    admin = bootstrap_admin(desk)
    receipt = sec.intake(desk, admin, case_input())
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(PDF)
    sec.add_attachment(desk, admin, receipt.case_id, scan)
    return desk, hashlib.sha256(PDF).hexdigest()


def on_server(server: LiveServer, desk: client.Store, sha: str) -> bytes:
    """The bytes the server holds of the file `sha` (empty when none), asked as the desk."""
    headers = {"Authorization": f"Bearer {desk.identity.device_id}:{desk.get_state(state_keys.K_SECRET)}"}
    r = httpx.get(f"{server.url}/v1/attachments/{sha}", headers=headers)
    return r.content if r.status_code == 200 else b""
