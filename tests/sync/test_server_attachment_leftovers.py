"""What the server's attachments folder keeps that it should not: an upload cut off and left (a
server not running on that folder), the photo of a child whose details were removed before the
server deleted such files (or brought back by a restored folder). `server check` names each, with
what to do, and the server deletes an erased child's photo as it starts, never a photo another
member shares with it (files are kept by their content)."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import insert, select

from kanoon_desk.ids import new_id
from kanoon_desk.server import admin
from kanoon_desk.server import cli as server_cli
from kanoon_desk.server.app import create_app
from kanoon_desk.server.attachments import STALE_PART_SECONDS
from kanoon_desk.server.db import ServerDb, alembic_config, make_engine
from kanoon_desk.server.server_models import AttachmentRef, ServerEvent, utcnow

SHARED, ERASED_ONLY = b"\x89PNG stock picture", b"\x89PNG a child's face"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _event(seq: int, type_: str, aggregate_id: str, payload: dict[str, object]) -> dict[str, object]:
    return {"id": new_id(), "server_seq": seq, "type": type_, "aggregate_type": type_.split(".")[0],
            "aggregate_id": aggregate_id, "payload": payload, "hlc": 1000 + seq, "device_id": "d",
            "office_code": "14", "user_id": "u", "recorded_at": utcnow(), "schema_version": 1,
            "client_seq": seq, "scope": "*", "tracking_code": None, "received_at": utcnow()}


def test_check_names_an_upload_left_for_weeks_and_not_one_in_progress(
        server_db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`server check` said «check ok» over a folder holding a month-old `.part` (a server running
    on another folder, or not at all, never swept it); it names it, with the fix, and says
    nothing of an upload a desk may still resume."""
    ServerDb(server_db_url).close()
    folder = tmp_path / "files"
    folder.mkdir()
    old, young = folder / f"{'a' * 64}.part", folder / f"{'b' * 64}.part"
    old.write_bytes(b"x" * 300)
    young.write_bytes(b"y" * 10)
    month_ago = time.time() - STALE_PART_SECONDS - 30 * 86400
    os.utime(old, (month_ago, month_ago))
    assert server_cli.main(["check", "--db", server_db_url, "--attachments", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "check FAILED" in out
    [line] = [ln for ln in out.splitlines() if ".part" in ln]
    assert "1 upload(s) cut off" in line and "300 bytes" in line and old.name in line and young.name not in line
    assert "--attachments" in line and "delete" in line
    old.unlink()
    assert server_cli.main(["check", "--db", server_db_url, "--attachments", str(folder)]) == 0
    assert "check ok" in capsys.readouterr().out


def test_an_erased_childs_photo_left_by_an_older_server_is_deleted_as_it_starts_and_a_shared_one_kept(
        server_db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A server of the version before erasures deleted files (or its folder restored from a
    backup): the erased child's photo stayed on disk for good, `check` said nothing. And the
    upgrade (s0011) stopped serving it even where another member holds the same file. `check`
    names both; the server, as it starts, deletes the one and serves the other again."""
    engine = make_engine(server_db_url)
    command.upgrade(alembic_config(engine), "s0010")
    erased_child, other_child, shared_member = new_id(), new_id(), new_id()
    shared, alone = _sha(SHARED), _sha(ERASED_ONLY)
    rows = [_event(1, "member.registered", erased_child, {"photo": shared, "sha256": shared}),
            _event(2, "member.registered", shared_member, {"photo": shared, "sha256": shared}),
            _event(3, "member.registered", other_child, {"photo": alone, "sha256": alone}),
            _event(4, "member.erased", erased_child, {"erased_on": "2026-05-01", "photo_gone": shared}),
            _event(5, "member.erased", other_child, {"erased_on": "2026-05-01", "photo_gone": alone})]
    with engine.begin() as conn:
        conn.execute(insert(ServerEvent), rows)
        conn.execute(insert(AttachmentRef), [{"sha256": shared, "scope": "*"}, {"sha256": alone, "scope": "*"}])
    engine.dispose()
    ServerDb(server_db_url).close()  # the upgrade: neither photo served any more
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / shared).write_bytes(SHARED)
    (folder / alone).write_bytes(ERASED_ONLY)

    assert server_cli.main(["check", "--db", server_db_url, "--attachments", str(folder)]) == 1
    out = capsys.readouterr().out
    assert f"1 photo file(s) of members whose details were removed are still in {folder} ({alone[:12]}" in out
    assert f"1 member photo(s) that are also an erased member's photo are not given to the desks ({shared[:12]}" in out

    app = create_app(server_db_url, attachments_dir=folder, sms_every=None)
    try:
        with app.state.db.read() as s:
            refs = sorted(tuple(r) for r in s.execute(select(AttachmentRef.sha256, AttachmentRef.scope)))
        assert admin.attachment_problems(app.state.db, folder) == []  # (the synthetic events' totals aside)
    finally:
        app.state.db.close()
    assert not (folder / alone).exists()
    assert (folder / shared).read_bytes() == SHARED
    assert refs == [(shared, "*")]  # served again to every office
