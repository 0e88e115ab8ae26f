"""The office's data on disk is the desk user's alone (POSIX 0600: the store, which holds the
device's sync secret too, its backups and copies, the log and crash reports), and a failed
statement's error text, which goes to the log and crash reports, does not carry its values."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from kanoon_desk.server.db import make_engine as server_engine
from kanoon_desk.services import ops
from kanoon_desk.store import Store

from .factories import make_desk

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX's")

SECRET = "0012345679-and-a-complaint's-text"


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The common umask (022: files readable by every user), whatever the test machine's."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_store_and_its_log_are_private(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    store, _admin = make_desk(path)
    try:
        assert _mode(path) == 0o600
        assert _mode(path.with_name(path.name + "-wal")) == 0o600
    finally:
        store.close()


def test_a_store_made_before_is_made_private_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    make_desk(path)[0].close()
    os.chmod(path, 0o644)
    Store(path).close()
    assert _mode(path) == 0o600
    os.chmod(path, 0o444)  # a read-only file stays read-only (only others lose their read)
    Store(path, migrate=False).close()
    assert _mode(path) == 0o400


def test_backups_and_restores_are_private(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    make_desk(path)[0].close()
    dest = ops.backup(path, tmp_path / "usb" / "copy.sqlite3")
    assert _mode(dest) == 0o600
    os.chmod(dest, 0o644)  # (a backup copied back from a stick with the stick's modes)
    restored = ops.restore(path, dest)
    assert _mode(path) == 0o600
    assert restored.previous is not None and _mode(restored.previous) == 0o600


def test_crash_reports_and_the_log_file_are_private(tmp_path: Path) -> None:
    from kanoon_desk.ui.app import setup_logging, write_crash_report

    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        report = write_crash_report(tmp_path, type(exc), exc, exc.__traceback__)
    assert _mode(report) == 0o600
    handler = setup_logging(tmp_path / "logs")
    try:
        assert _mode(Path(handler.baseFilename)) == 0o600
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()


def test_a_failed_statement_does_not_write_its_values_into_the_crash_report(tmp_path: Path) -> None:
    from kanoon_desk.ui.app import write_crash_report

    store, _admin = make_desk(tmp_path / "desk.sqlite3")
    try:
        with pytest.raises(IntegrityError) as err, store.transaction() as s:
            s.execute(text("INSERT INTO desk_state (key, value) VALUES (:k, :v)"),
                      {"k": "device_id", "v": SECRET})  # (a key the store holds: refused)
    finally:
        store.close()
    assert SECRET not in str(err.value)
    report = write_crash_report(tmp_path, err.type, err.value, err.tb)
    assert "UNIQUE constraint failed" in report.read_text(encoding="utf-8")
    assert SECRET not in report.read_text(encoding="utf-8")


def test_the_servers_errors_do_not_carry_values(tmp_path: Path) -> None:
    engine = server_engine(str(tmp_path / "server.sqlite3"))
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)"))
            conn.execute(text("INSERT INTO t VALUES ('a', 'b')"))
        with pytest.raises(IntegrityError) as err, engine.begin() as conn:
            conn.execute(text("INSERT INTO t VALUES (:k, :v)"), {"k": "a", "v": SECRET})
    finally:
        engine.dispose()
    assert SECRET not in str(err.value)


def test_a_childs_photo_and_a_complaints_scan_are_private(tmp_path: Path) -> None:
    """A member's photo and a case's scanned documents sit beside the store (`attachments/`): they
    were written with the umask's modes (0644 files in 0755 folders), so every user of the computer
    could open a child's photo or a citizen's complaint that the store itself keeps from them."""
    from kanoon_desk.services import library as lib
    from kanoon_desk.services.secretariat_files import attachment_path, attachments_dir, put_bytes

    store, _admin = make_desk(tmp_path / "desk.sqlite3")
    try:
        photo = lib.put_member_photo_data(store, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "face.png")
        scan = put_bytes(store, b"%PDF-1.4 " + SECRET.encode(), "complaint.pdf").sha256
        for sha in (photo, scan):
            assert _mode(attachment_path(store, sha)) == 0o600
            assert _mode(attachment_path(store, sha).parent) == 0o700
        assert _mode(attachments_dir(store)) == 0o700
        # a folder an earlier version made for everyone is closed when the next file is kept
        os.chmod(attachments_dir(store), 0o755)
        put_bytes(store, b"%PDF-1.4 another", "other.pdf")
        assert _mode(attachments_dir(store)) == 0o700
    finally:
        store.close()


def test_the_servers_copy_of_a_photo_is_private(tmp_path: Path) -> None:
    """The server keeps every desk's photos and scans in its attachments folder: as on the desk,
    they were the umask's (0644 in a 0755 folder) for every user of the server's computer."""
    import hashlib

    from kanoon_desk.server.attachments import AttachmentStore

    files = AttachmentStore(tmp_path / "server-files")
    data = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    sha = hashlib.sha256(data).hexdigest()
    assert files.put(sha, data, None).complete
    kept = files.path(sha)
    assert kept is not None and _mode(kept) == 0o600 and _mode(tmp_path / "server-files") == 0o700
