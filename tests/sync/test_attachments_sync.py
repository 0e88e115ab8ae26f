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
