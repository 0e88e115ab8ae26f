"""The server's own half-finished uploads: a desk killed mid-upload leaves `<sha>.part` in the
attachments folder; the server removes it once nobody wrote to it for a week (at start-up, and
while it runs), never one an upload is still writing or a desk cut off a moment ago resumes."""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

import httpx
import pytest

from kanoon_desk import state_keys
from kanoon_desk.server.attachments import STALE_PART_SECONDS, AttachmentStore
from kanoon_desk.server.logs import JsonFormatter
from kanoon_desk.services import secretariat as sec
from kanoon_desk.sync import client
from tests.secretariat_helpers import case_input

from .helpers import LiveServer, bootstrap_admin, enrol

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 6000 + b"\n%%EOF\n"


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_a_desk_killed_mid_upload_leaves_nothing_behind_after_a_restart(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    db, folder = str(tmp_path / "server.sqlite3"), tmp_path / "att"
    server = LiveServer(db, attachments_dir=folder)
    (tmp_path / "a").mkdir()
    desk = enrol(server, tmp_path / "a" / "desk.sqlite3", "13")
    admin = bootstrap_admin(desk)
    receipt = sec.intake(desk, admin, case_input())
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(PDF)
    sec.add_attachment(desk, admin, receipt.case_id, scan)
    sha = hashlib.sha256(PDF).hexdigest()
    headers = {"Authorization": f"Bearer {desk.identity.device_id}:{desk.get_state(state_keys.K_SECRET)}"}
    # the desk's first chunk reached the server, then the desk was killed (and the file taken off)
    r = httpx.put(f"{server.url}/v1/attachments/{sha}", content=PDF[:100_000],
                  headers={**headers, "Content-Range": f"bytes 0-99999/{len(PDF)}"})
    assert r.status_code == 200 and r.json()["received"] == 100_000
    server.stop()
    abandoned = folder / f"{sha}.part"
    _age(abandoned, STALE_PART_SECONDS + 3600)
    recent = folder / f"{'b' * 64}.part"  # a desk cut off an hour ago: it resumes at its next round
    recent.write_bytes(b"x" * 10)
    _age(recent, 3600)
    other = folder / "notes.part"  # not an upload's name: not the server's to remove
    other.write_bytes(b"mine")
    _age(other, STALE_PART_SECONDS * 2)

    with caplog.at_level("INFO", logger="kanoon.server"):
        server = LiveServer(db, attachments_dir=folder)
    try:
        assert not abandoned.exists()
        assert recent.read_bytes() == b"x" * 10 and other.read_bytes() == b"mine"
        lines = [json.loads(JsonFormatter().format(rec)) for rec in caplog.records if rec.name == "kanoon.server"]
        said = [line for line in lines if line["msg"] == "attachments.parts_removed"]
        assert said and said[0]["files"] == [abandoned.name] and said[0]["bytes"] == 100_000
        # the desk that comes back sends the file again from its start, whole
        with desk.transaction() as s:
            desk.set_state(s, state_keys.K_SERVER, server.url)
        report = client.sync_once(desk)
        assert report.ok and report.uploaded == 1, report.summary_line()
        assert (folder / sha).read_bytes() == PDF
    finally:
        server.stop()


def test_an_upload_in_progress_is_never_swept(tmp_path: Path) -> None:
    files = AttachmentStore(tmp_path / "att")
    sha = hashlib.sha256(PDF).hexdigest()
    files.put(sha, PDF[:1000], f"bytes 0-999/{len(PDF)}")
    part = tmp_path / "att" / f"{sha}.part"
    _age(part, STALE_PART_SECONDS * 3)  # (a clock set right since, or a body read very slowly)
    with files.uploading(sha):
        assert files.sweep_parts() == []
        assert part.exists()
    assert files.sweep_parts() == [(part.name, 1000)]
    assert not part.exists() and files.status(sha).received == 0


def test_a_folder_not_made_yet_is_no_error(tmp_path: Path) -> None:
    assert AttachmentStore(tmp_path / "none").sweep_parts() == []
