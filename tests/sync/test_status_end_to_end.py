"""A citizen's tracking code, issued by a secretariat desk, answers its public status once synced."""

from __future__ import annotations

from pathlib import Path

import httpx

from kanoon_desk.services import secretariat as sec
from kanoon_desk.sync import client
from tests.secretariat_helpers import case_input

from .helpers import LiveServer, bootstrap_admin, enrol


def test_tracking_code_status_after_sync(server: LiveServer, tmp_path: Path) -> None:
    desk = enrol(server, tmp_path / "d.sqlite3", "13")
    admin = bootstrap_admin(desk)
    receipt = sec.intake(desk, admin, case_input())
    assert httpx.get(f"{server.url}/v1/status/{receipt.tracking_code}").status_code == 404  # not synced yet
    assert client.sync_once(desk).ok
    answer = httpx.get(f"{server.url}/v1/status/{receipt.tracking_code}")
    assert answer.status_code == 200
    body = answer.json()
    assert body["status"] == "received" and body["tracking_code"] == receipt.tracking_code
    assert set(body) == {"tracking_code", "status", "status_fa", "updated_on"}
    assert "زهرا" not in answer.text and "برق" not in answer.text  # nothing but the public status
