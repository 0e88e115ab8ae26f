"""One desk's store used by two programs at once, as an office does: the app open all day while an
operator (or a scheduled task) runs `kanoon-desk sync` on the same file."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from kanoon_desk.ids import HybridClock
from kanoon_desk.models import Event
from kanoon_desk.services import ops
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_case as q
from kanoon_desk.sync import client
from tests.secretariat_helpers import case_input

from .helpers import LiveServer, bootstrap_admin, enrol

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kanoon_desk", *args], capture_output=True, text=True, timeout=120,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_a_case_a_command_line_sync_brought_in_is_reviewed_after_it_in_the_open_app(live: LiveServer,
                                                                                      tmp_path: Path) -> None:
    """Desk B's clock runs a minute ahead (within what the server takes). Its case came down to desk
    A through `kanoon-desk sync`, run beside A's open app; the expert reviewed it in the app. The
    app showed it reviewed, but the review was stamped by the app's clock, which had not seen the
    case: it sorted before the case, so desk B (and A's own `check`, and so a restore of A's backup)
    folded the review first and lost it: «دریافت شده» at B, «پذیرفته» at A, «جدول cases … برابر
    نیست». The review now comes after the case, everywhere."""
    b = enrol(live, tmp_path / "b.sqlite3", "13")
    admin = bootstrap_admin(b)
    b.clock = HybridClock(b.clock.last, wall=lambda: time.time_ns() // 1_000_000 + 60_000)
    assert client.sync_once(b).ok
    app = enrol(live, tmp_path / "a.sqlite3", "13")  # desk A's app: open from here on
    case = sec.intake(b, admin, case_input(1))
    assert client.sync_once(b).ok

    done = cli("sync", "--db", str(tmp_path / "a.sqlite3"))  # the operator, beside the app
    assert done.returncode == 0, done.stderr
    sec.review(app, admin, case.case_id, accept=True)  # the expert, in the app

    with app.read() as s:
        stamps = dict(s.execute(select(Event.type, Event.hlc).where(Event.aggregate_id == case.case_id)).all())
    assert stamps["case.reviewed"] > stamps["case.received"], stamps
    assert ops.check(tmp_path / "a.sqlite3") == []
    assert client.sync_once(app).ok and client.sync_once(b).ok
    assert q.get_case(b, admin, case.case_id).case["status"] == q.get_case(app, admin, case.case_id).case["status"] \
        == "accepted"
    app.close()
    b.close()


def test_replacing_the_device_of_a_store_open_in_the_app_is_refused_and_the_code_is_kept(live: LiveServer,
                                                                                        tmp_path: Path) -> None:
    """The app said «… با kanoon-desk enroll --replace-device دستگاه تازه‌ای کنید» and the operator ran
    it beside the open app: the store got a new device, but the app went on stamping the clerk's
    work with the revoked one and its rounds kept saying to replace the device (another code, another
    device). Now the command refuses while the app has the store, before the code is sent; closed,
    the same code does it."""
    from kanoon_desk.server.auth import revoke
    from kanoon_desk.store import Store

    app = enrol(live, tmp_path / "a.sqlite3", "13")
    admin = bootstrap_admin(app)
    assert client.sync_once(app).ok
    revoke(live.db, app.identity.device_id)
    sec.intake(app, admin, case_input(1))
    assert client.sync_once(app).failure == "AuthRefused"
    device, code = app.identity.device_id, live.code("13")

    refused = cli("enroll", "--db", str(app.path), "--server", live.url, "--code", code, "--replace-device")
    assert refused.returncode == 1, refused.stderr
    assert "در برنامه (یا برنامه دیگری) باز است" in refused.stderr and "not spent" in refused.stderr
    assert app.get_state("device_id") == device  # nothing changed under the app
    app.close()

    done = cli("enroll", "--db", str(tmp_path / "a.sqlite3"), "--server", live.url, "--code", code, "--replace-device")
    assert done.returncode == 0, done.stderr
    reopened = Store(tmp_path / "a.sqlite3")
    try:
        assert reopened.identity.device_id != device
        sec.intake(reopened, admin, case_input(2))
        assert client.sync_once(reopened).ok
    finally:
        reopened.close()


def test_a_desk_open_in_the_app_does_not_join_the_server_from_the_command_line(live: LiveServer,
                                                                               tmp_path: Path) -> None:
    """Joining may renumber the desk (its number taken in the office): the open app would go on
    issuing numbers with the old one. Refused while the app has the store, the code not spent."""
    from tests.factories import make_desk

    app, _admin = make_desk(tmp_path / "alone.sqlite3")
    device = app.identity.device_id
    refused = cli("enroll", "--db", str(app.path), "--server", live.url, "--code", live.code("13"))
    assert refused.returncode == 1 and "close it first" in refused.stderr, refused.stderr
    assert app.get_state("sync.secret") is None and app.identity.device_id == device
    app.close()
