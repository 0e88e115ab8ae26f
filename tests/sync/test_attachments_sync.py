"""A scanned document attached on one desk reaches the office's other desk through the server."""

from __future__ import annotations

import hashlib
from pathlib import Path

import httpx

from kanoon_desk.services import secretariat as sec
from kanoon_desk.services.secretariat_files import attachment_path
from kanoon_desk.sync import client
from tests.secretariat_helpers import case_input

from .helpers import LiveServer, bootstrap_admin, enrol

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 6000 + b"\n%%EOF\n"  # ~1.5 MB: two upload chunks


def test_attachment_goes_up_resumably_and_comes_down(server: LiveServer, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = enrol(server, tmp_path / "a" / "desk.sqlite3", "13")
    b = enrol(server, tmp_path / "b" / "desk.sqlite3", "13")
    admin = bootstrap_admin(a)
    receipt = sec.intake(a, admin, case_input())
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(PDF)
    sec.add_attachment(a, admin, receipt.case_id, scan)
    sha = hashlib.sha256(PDF).hexdigest()
    # an earlier round was cut after the first 100 kB reached the server
    headers = {"Authorization": f"Bearer {a.identity.device_id}:{a.get_state(client.K_SECRET)}"}
    r = httpx.put(f"{server.url}/v1/attachments/{sha}", content=PDF[:100_000],
                  headers={**headers, "Content-Range": f"bytes 0-99999/{len(PDF)}"})
    assert r.status_code == 200 and r.json()["received"] == 100_000
    report = client.sync_once(a)
    assert report.ok and report.uploaded == 1, report.summary_line()
    assert httpx.get(f"{server.url}/v1/attachments/{sha}", headers=headers).content == PDF
    report = client.sync_once(b)
    assert report.ok and report.downloaded == 1, report.summary_line()
    assert attachment_path(b, sha).read_bytes() == PDF
    again = client.sync_once(b)
    assert again.ok and again.downloaded == 0 and client.sync_once(a).uploaded == 0


def test_scan_positions_pass_events_that_name_no_file(server: LiveServer, tmp_path: Path) -> None:
    """Only events naming a file are read, yet each round's scan position moves to the newest
    event it has seen to, and a file named after events without one still travels."""
    from sqlalchemy import func, select

    from kanoon_desk.models import Event
    from kanoon_desk.sync.attachments import K_DOWN, K_UP

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = enrol(server, tmp_path / "a" / "desk.sqlite3", "13")
    b = enrol(server, tmp_path / "b" / "desk.sqlite3", "13")
    admin = bootstrap_admin(a)
    first = sec.intake(a, admin, case_input(1))
    scan = tmp_path / "one.pdf"
    scan.write_bytes(b"%PDF-1.4 one")
    sec.add_attachment(a, admin, first.case_id, scan)
    sec.intake(a, admin, case_input(2))  # newer events, no file
    assert client.sync_once(a).uploaded == 1
    assert int(a.get_state(K_UP) or 0) == int(a.get_state("sync.acked_seq") or 0) > 0
    assert client.sync_once(b).downloaded == 1
    with b.read() as s:
        newest = s.scalar(select(func.max(Event.server_seq)).where(Event.client_seq.is_(None)))
    assert int(b.get_state(K_DOWN) or 0) == newest
    other = tmp_path / "two.pdf"
    other.write_bytes(b"%PDF-1.4 two")
    sec.add_attachment(a, admin, first.case_id, other)
    assert client.sync_once(a).uploaded == 1
    assert client.sync_once(b).downloaded == 1
    assert attachment_path(b, hashlib.sha256(b"%PDF-1.4 two").hexdigest()).read_bytes() == b"%PDF-1.4 two"
    assert client.sync_once(b).downloaded == 0 and client.sync_once(a).uploaded == 0
