"""Operator tasks on a desk file: integrity check, statistics with digests, backup and safe restore.

Qt-free; the command line (`kanoon-desk check|stats|backup|restore`) and the tests call these.
Problems are reported in Persian, one sentence each, naming what is wrong (a table, a row): each a
`Problem`, whose sentence the interface shows in its own language.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from .. import eventlog
from ..digest import EventDigest
from ..errors import QT_TRANSLATE_NOOP, Problem, storage_trouble
from ..models import DeskState, utcnow
from ..state_keys import K_SECRET, K_SERVER, K_STORE, K_STORE_NEXT
from ..store import K_RESTORED_AT, Store, in_use, known_revisions, private_file, sidecars
from .numbers import numbers_issued

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
#: Tables every store has from the first revision on.
CORE_TABLES = ("alembic_version", "events", "desk_state", "audit")

# The sentences of the findings and refusals (`Problem`s): the command line prints them filled in,
# the interface translates them from the "Errors" context. A few carry their English half for the
# command line's one bilingual line (`english`), which the interface leaves out.
MSG_NO_FILE = QT_TRANSLATE_NOOP("Errors", "پرونده پیدا نشد: {path}")
MSG_NOT_SQLITE = QT_TRANSLATE_NOOP("Errors", "این پرونده پایگاه داده SQLite نیست: {path}")
MSG_NOT_A_STORE = QT_TRANSLATE_NOOP("Errors", "این پرونده پایگاه داده کانون دسک نیست (جدول‌های {tables} را ندارد): {path}")
MSG_UNREADABLE_AT = QT_TRANSLATE_NOOP("Errors", "پایگاه داده خوانده نشد ({error}): {path}")
MSG_NO_SCHEMA_VERSION = QT_TRANSLATE_NOOP("Errors", "نسخه طرح پایگاه داده در پرونده ثبت نشده است: {path}")
MSG_NEWER_SCHEMA = QT_TRANSLATE_NOOP("Errors", "این پرونده از نسخه‌ای تازه‌تر از این برنامه است (بازنگری {revisions}).")
MSG_NOT_SET_UP = QT_TRANSLATE_NOOP("Errors", "میز این پرونده هنوز راه‌اندازی نشده است (شناسه دستگاه ندارد): {path}")
MSG_INTEGRITY = QT_TRANSLATE_NOOP("Errors", "بررسی درستی SQLite (integrity_check) خطا یافت: {found}")
MSG_FOREIGN_KEY = QT_TRANSLATE_NOOP("Errors", "کلید خارجی شکسته در جدول {table}: %Ln ردیف (foreign_key_check).")
MSG_TABLE_MISSING = QT_TRANSLATE_NOOP("Errors", "جدول {table} در پایگاه داده نیست (مهاجرت‌ها با مدل‌ها نمی‌خوانند).")
MSG_REFOLD_FAILED = QT_TRANSLATE_NOOP("Errors", "بازسازی جدول‌ها از رویدادها شکست خورد: {error}")
MSG_TABLE_DIFFERS = QT_TRANSLATE_NOOP(
    "Errors", "جدول {table} با بازسازی از رویدادها برابر نیست (ردیف‌هایش دست‌کاری یا ناقص شده است).")
MSG_UNREADABLE = QT_TRANSLATE_NOOP("Errors", "پایگاه داده خوانده نشد: {error}")
MSG_NOT_OPENED = QT_TRANSLATE_NOOP("Errors", "پایگاه داده باز نشد: {error}")
MSG_BACKUP_IS_STORE = QT_TRANSLATE_NOOP("Errors", "پرونده پشتیبان نمی‌تواند خود پایگاه داده باشد.")
MSG_BACKUP_NOT_A_FILE = QT_TRANSLATE_NOOP("Errors", "مسیر پشتیبان پرونده نیست (شاید پوشه است)")
MSG_BACKUP_EXISTS = QT_TRANSLATE_NOOP("Errors", "پرونده پشتیبان هست و جایگزین نشد؛ برای جایگزینی آن --force بدهید")
MSG_BACKUP_OTHER_DESK = QT_TRANSLATE_NOOP(
    "Errors", "این پرونده پایگاه داده میز دیگری است (دستگاه {device})، نه پشتیبان این میز؛ جایگزین نمی‌شود، حتی با "
              "--force")
MSG_BACKUP_OPEN = QT_TRANSLATE_NOOP("Errors", "این پرونده اکنون در برنامه‌ای باز است؛ جایگزین نمی‌شود")
MSG_RESTORE_SAME = QT_TRANSLATE_NOOP("Errors", "پرونده پشتیبان همان پایگاه داده کنونی است.")
MSG_RESTORE_OTHER_DESK = QT_TRANSLATE_NOOP(
    "Errors", "این پشتیبان از میز دیگری است (دستگاه {theirs}، این میز دستگاه {ours})؛ با بازگردانی آن این میز شناسه و "
              "رمز آن میز را می‌گیرد و کارگزار یکی از دو میز را نمی‌پذیرد. اگر همین را می‌خواهید --other-device بدهید")
MSG_RESTORE_UNREADABLE = QT_TRANSLATE_NOOP("Errors", "پرونده پشتیبان خوانده نشد: {error}")
MSG_STORE_OPEN = QT_TRANSLATE_NOOP("Errors", "این پایگاه داده اکنون در برنامه باز است؛ نخست برنامه را ببندید")
MSG_BACKUP_DISK_FULL = QT_TRANSLATE_NOOP(
    "Errors", "دیسک مقصد پر است و پشتیبان در آن جا نشد؛ نیمه‌کاره آن پاک شد و داده‌های این میز دست نخورد. روی آن "
              "دیسک جا باز کنید (پشتیبان دست‌کم به اندازه پرونده داده، {size}، جا می‌خواهد) یا جای دیگری را برگزینید")
MSG_RESTORE_DISK_FULL = QT_TRANSLATE_NOOP(
    "Errors", "دیسک پایگاه داده پر است و بازگردانی در آن جا نشد؛ نیمه‌کاره آن پاک شد و پایگاه داده کنونی دست نخورد. "
              "بازگردانی کنار پایگاه داده یک رونوشت از پشتیبان و یکی از پایگاه داده کنونی می‌سازد: دست‌کم {size} جا باز کنید "
              "و دوباره بازگردانید")


class OpsError(Exception):
    """An operator task refused: `problems` says why (Persian sentences, `Problem`s)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class RestoreRefused(OpsError):
    """The backup file is not a valid store or fails `check`; the target was left untouched."""


def _connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


def validate_store_file(path: Path) -> list[str]:
    """Problems that make `path` not a Kanoon Desk store at all (empty list: it is one)."""
    path = Path(path)
    if not path.is_file():
        return [Problem(MSG_NO_FILE, path=path)]
    with path.open("rb") as fh:
        if fh.read(16) != SQLITE_HEADER:
            return [Problem(MSG_NOT_SQLITE, path=path)]
    try:
        with closing(_connect_ro(path)) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            missing = [t for t in CORE_TABLES if t not in tables]
            if missing:
                return [Problem(MSG_NOT_A_STORE, tables=", ".join(missing), path=path)]
            versions = {r[0] for r in conn.execute("SELECT version_num FROM alembic_version")}
            device = conn.execute("SELECT value FROM desk_state WHERE key='device_id'").fetchone()
    except sqlite3.DatabaseError as exc:
        return [Problem(MSG_UNREADABLE_AT, error=exc, path=path)]
    problems: list[str] = []
    if not versions:
        problems.append(Problem(MSG_NO_SCHEMA_VERSION, path=path))
    unknown = versions - known_revisions()
    if unknown:
        problems.append(Problem(MSG_NEWER_SCHEMA, revisions=", ".join(sorted(unknown))))
    if device is None:
        problems.append(Problem(MSG_NOT_SET_UP, path=path))
    return problems


def _sqlite_checks(path: Path) -> list[str]:
    problems: list[str] = []
    with closing(sqlite3.connect(str(path))) as conn:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if rows != ["ok"]:
            shown = "; ".join(rows[:10]) + (" …" if len(rows) > 10 else "")
            problems.append(Problem(MSG_INTEGRITY, found=shown))
            return problems
        broken: dict[str, int] = {}
        for table, _rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
            key = f"{table} → {parent}"
            broken[key] = broken.get(key, 0) + 1
        for key, n in sorted(broken.items()):
            problems.append(Problem(MSG_FOREIGN_KEY, table=key, n=n))
    return problems


def _refold_problems(store: Store) -> list[str]:
    """Re-fold every event inside a transaction that is rolled back; name the tables that differ."""
    from ..models import projection_tables

    existing = {name for name, _ in existing_sql(store)}
    missing = [name for name in projection_tables() if name not in existing]
    if missing:
        return [Problem(MSG_TABLE_MISSING, table=name) for name in missing]
    fts = sorted(name for name, sql in existing_sql(store) if "VIRTUAL TABLE" in sql.upper())
    session = Session(bind=store.write_engine, expire_on_commit=False)
    try:
        before = eventlog.projection_digests(session) | _fts_digests(session, fts)
        try:
            eventlog.refold_all(session)
            session.flush()
        except (KeyError, ValueError, SQLAlchemyError) as exc:
            return [Problem(MSG_REFOLD_FAILED, error=exc)]
        after = eventlog.projection_digests(session) | _fts_digests(session, fts)
    finally:
        session.rollback()
        session.close()
    return [Problem(MSG_TABLE_DIFFERS, table=name) for name in sorted(before) if before[name] != after.get(name)]


def existing_sql(store: Store) -> list[tuple[str, str]]:
    """(name, CREATE statement) of every table in the store's file."""
    with store.read() as s:
        return [(r[0], r[1] or "") for r in s.execute(
            text("SELECT name, sql FROM sqlite_master WHERE type='table' ORDER BY name"))]


def _fts_digests(session: Session, tables: list[str]) -> dict[str, str]:
    """Digest of each full-text index's rows (not rowids: a re-fold may number them anew)."""
    out: dict[str, str] = {}
    for name in tables:
        cols = [r[1] for r in session.execute(text(f'PRAGMA table_info("{name}")'))]
        if not cols:
            continue
        listed = ", ".join(f'"{c}"' for c in cols)
        h = hashlib.sha256()
        for row in session.execute(text(f'SELECT {listed} FROM "{name}" ORDER BY {listed}')):
            h.update(repr(tuple(row)).encode())
        out[name] = h.hexdigest()
    return out


def check(store_path: Path, *, snapshot: bool = True) -> list[str]:
    """Everything wrong with the store (empty list: healthy).

    SQLite `integrity_check` and `foreign_key_check`; projections (and full-text indexes) equal
    a re-fold of the events; the audit chain is intact.

    With `snapshot` (the default) the re-fold runs on an online-backup copy in a temporary folder,
    so the store itself is only read — a desk that is working meanwhile is not locked out, and an
    older store is not migrated. Without it the re-fold runs on the file itself (migrated to the
    newest schema, write-locked while the rolled-back re-fold runs).
    """
    store_path = Path(store_path)
    problems = validate_store_file(store_path)
    if problems:
        return problems
    problems = _sqlite_checks(store_path)
    if any("integrity_check" in p for p in problems):
        return problems
    if not snapshot:
        return problems + _deep_checks(store_path)
    with check_folder() as tmp:
        copy = tmp / store_path.name
        try:
            _online_copy(store_path, copy)
        except sqlite3.DatabaseError as exc:
            return [*problems, Problem(MSG_UNREADABLE, error=exc)]
        return problems + _deep_checks(copy)


#: The temporary folders `check` copies a store into, and the file that says one is in use.
CHECK_PREFIX, _CHECK_OWNER = "kanoon-check-", "owner.lock"


@contextmanager
def check_folder() -> Iterator[Path]:
    """A temporary folder for a check's copy of the store, removed after it; one a check killed
    mid-way left (a power cut, the app closed: a copy of the whole store, citizens' data in it)
    is removed by the next check. An open SQLite lock on its `owner.lock` says the folder is in
    use: held while the check runs, released by the system when its program ends, however."""
    remove_orphaned_check_folders()
    with tempfile.TemporaryDirectory(prefix=CHECK_PREFIX) as tmp:
        owner = sqlite3.connect(str(Path(tmp) / _CHECK_OWNER), isolation_level=None)
        try:
            owner.execute("BEGIN EXCLUSIVE")
            yield Path(tmp)
        finally:
            owner.close()


def remove_orphaned_check_folders(temp: Path | None = None, *, settled: float = 60.0) -> list[Path]:
    """The folders of checks whose program ended without removing them, removed; one another
    check is running in (its owner's lock held), one made less than `settled` seconds ago (its
    lock maybe not yet taken) and one without an owner file (not a check's) stay."""
    removed = []
    for folder in Path(temp or tempfile.gettempdir()).glob(CHECK_PREFIX + "*"):
        owner = folder / _CHECK_OWNER
        try:
            if not owner.is_file() or time.time() - folder.stat().st_mtime < settled:
                continue
        except OSError:
            continue
        conn = sqlite3.connect(str(owner), timeout=0, isolation_level=None)
        try:
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("ROLLBACK")
        except sqlite3.Error:  # its check is running
            continue
        finally:
            conn.close()
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def _deep_checks(path: Path) -> list[str]:
    try:
        store = Store(path)
    except (SQLAlchemyError, sqlite3.DatabaseError, OSError) as exc:
        return [Problem(MSG_NOT_OPENED, error=exc)]
    try:
        with store.read() as s:
            problems = eventlog.verify_audit_chain(s)
        return problems + _refold_problems(store)
    finally:
        store.close()


def stats(store_path: Path) -> dict[str, Any]:
    """Counts per aggregate type and a content digest per type (see `kanoon_desk.digest`).

    ``{"store", "device_id", "office_code", "events", "digest",
       "aggregates": {type: {"events", "aggregates", "digest"}}, "tables": {projection table: rows}}``
    """
    store_path = Path(store_path)
    problems = validate_store_file(store_path)
    if problems:
        raise OpsError(problems)
    from ..models import projection_tables

    with closing(_connect_ro(store_path)) as conn:
        state = dict(conn.execute("SELECT key, value FROM desk_state WHERE key IN ('device_id', 'office_code')"))
        distinct = dict(conn.execute(
            "SELECT aggregate_type, COUNT(DISTINCT aggregate_id) FROM events GROUP BY aggregate_type"))
        overall = EventDigest()
        per_type: dict[str, EventDigest] = {}
        for agg, eid, etype, payload, hlc in conn.execute(
                "SELECT aggregate_type, id, type, payload, hlc FROM events ORDER BY id"):
            overall.add(eid, etype, payload, hlc)
            d = per_type.get(agg)
            if d is None:
                d = per_type[agg] = EventDigest()
            d.add(eid, etype, payload, hlc)
        existing = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        tables = {name: conn.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0]
                  for name in projection_tables() if name in existing}
    return {
        "store": str(store_path),
        "device_id": state.get("device_id"),
        "office_code": state.get("office_code"),
        "events": overall.count,
        "digest": overall.hexdigest(),
        "aggregates": {t: {"events": d.count, "aggregates": distinct.get(t, 0), "digest": d.hexdigest()}
                       for t, d in sorted(per_type.items())},
        "tables": tables,
    }


def _device_id(path: Path) -> str | None:
    """The device id a store file holds (None: not a store, none set up, or not readable). A file
    whose write-ahead log cannot be read (left without its index) is read as its main file."""
    for options in ("mode=ro", "immutable=1"):
        try:
            with closing(sqlite3.connect(f"{path.resolve().as_uri()}?{options}", uri=True)) as conn:
                row = conn.execute("SELECT value FROM desk_state WHERE key='device_id'").fetchone()
        except sqlite3.DatabaseError:
            continue
        return None if row is None else str(row[0])
    return None


def backup(store_path: Path, dest: Path, *, force: bool = False) -> Path:
    """SQLite online backup of the store to `dest` (consistent while the desk keeps working).

    An existing `dest` is refused unless `force` (the operator said so, or a file dialog asked);
    even then a file that is another desk's store (another device id), or a store open in an app,
    is never overwritten."""
    store_path, dest = Path(store_path), Path(dest)
    problems = validate_store_file(store_path)
    if problems:
        raise OpsError(problems)
    if dest.resolve() == store_path.resolve():
        raise OpsError([Problem(MSG_BACKUP_IS_STORE)])
    if dest.exists():
        if not dest.is_file():
            raise OpsError([Problem(MSG_BACKUP_NOT_A_FILE, english="the backup path is not a file: {dest}", dest=dest)])
        if not force:
            raise OpsError([Problem(MSG_BACKUP_EXISTS, english="{dest} exists: give --force to overwrite it",
                                    dest=dest)])
        theirs, ours = _device_id(dest), _device_id(store_path)
        if theirs is not None and theirs != ours:
            raise OpsError([Problem(MSG_BACKUP_OTHER_DESK, device=theirs, english=(
                "{dest} is the store of another desk (device {device}): not overwritten, even with --force"), dest=dest)])
        if in_use(dest):
            raise OpsError([Problem(MSG_BACKUP_OPEN, english="{dest} is open in an app: not overwritten",
                                    dest=dest)])
    store = Store(store_path, migrate=False)
    try:
        store.backup_to(dest)  # (a copy that did not fit is removed)
    except Exception as exc:
        if storage_trouble(exc) != "full":
            raise
        raise OpsError([Problem(MSG_BACKUP_DISK_FULL, size=_megabytes(_size(store_path)), english=(
            "the disk of {dest} is full: the backup did not fit, its part was removed and this desk's data is "
            "untouched; make room there (at least the store's size, {size}) or choose another place"),
            dest=dest)]) from exc
    finally:
        store.close()
    return dest


def _size(path: Path) -> int:
    """The bytes a store takes with its write-ahead log (0 for what is not there)."""
    return sum(p.stat().st_size for p in (path, *sidecars(path)) if p.is_file())


def _megabytes(size: int) -> str:
    """A size to make room for, rounded up to whole megabytes: «15 MB»."""
    return f"{max(1, -(-size // 1_000_000))} MB"


def _disk_full(store_path: Path, source: Path) -> RestoreRefused:
    return RestoreRefused([Problem(MSG_RESTORE_DISK_FULL, size=_megabytes(_size(source) + _size(store_path)), english=(
        "the disk of {path} is full: the restore did not fit, its parts were removed and the store is untouched; "
        "a restore makes a copy of the backup and one of the store next to it: make room (at least {size}) and "
        "restore again"), path=store_path)])


def _online_copy(src: Path, dest: Path) -> None:
    private_file(dest)  # a copy of the store is as private as the store
    with closing(_connect_ro(src)) as s, closing(sqlite3.connect(str(dest))) as d:
        s.backup(d)


def _checkpoint(path: Path) -> None:
    with closing(sqlite3.connect(str(path))) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _remove(paths: list[Path]) -> None:
    for p in paths:
        p.unlink(missing_ok=True)


@dataclass(frozen=True)
class Restored:
    """What a restore did: the replaced store it kept (None when there was none), and the highest
    number of each (series, year) that store gave after the backup, which the restored counters
    now start past (`numbers_past_backup`)."""

    previous: Path | None
    numbers_kept: dict[tuple[str, int], int] = field(default_factory=dict)
    #: The backup was taken before the desk joined its server: the restored store took the
    #: replaced one's enrolment (`_enrolment_to_keep`), and its device number as the server gave it.
    enrolment_kept: bool = False


def restore(store_path: Path, source: Path, *, other_device: bool = False) -> Restored:
    """`_restore`, leaving nothing beside the backup: reading it (in its write-ahead-log mode, read
    only) left a `-shm` and an empty `-wal` next to it, on the USB stick it came from. The files
    SQLite made there for the reading are removed; those that were there before are not touched."""
    source = Path(source)
    there = {p for p in sidecars(source) if p.exists()}
    try:
        return _restore(store_path, source, other_device=other_device)
    finally:
        for p in sidecars(source):
            if p not in there:
                with contextlib.suppress(OSError):
                    p.unlink(missing_ok=True)


def _restore(store_path: Path, source: Path, *, other_device: bool = False) -> Restored:
    """Replace the store with the backup `source`, only if the backup is a healthy store.

    The backup is copied next to the target, opened (migrated to the newest schema) and checked;
    only then the current store is kept as ``<name>.before-restore`` and atomically replaced.
    Raises `RestoreRefused` (target untouched) otherwise, and when the store is open (in the app,
    or any program: `in_use`), before and again just before it is replaced. A backup of another
    desk (another device id than the store's) is refused unless `other_device`: the store would
    take that desk's identity and credential, and the server would later refuse one of the two.
    """
    store_path, source = Path(store_path), Path(source)
    if source.resolve() == store_path.resolve():
        raise RestoreRefused([Problem(MSG_RESTORE_SAME)])
    _refuse_if_open(store_path)
    problems = validate_store_file(source)
    if problems:
        raise RestoreRefused(problems)
    theirs, ours = _device_id(source), _device_id(store_path) if store_path.is_file() else None
    if not other_device and ours is not None and theirs != ours:
        raise RestoreRefused([Problem(MSG_RESTORE_OTHER_DESK, theirs=theirs, ours=ours, english=(
            "the backup is of another desk (device {theirs}; this store is device {ours}): restored, this store "
            "would take that desk's identity and credential and the server would refuse one of the two; give "
            "--other-device if that is meant"))])
    tmp = store_path.with_name(store_path.name + ".restore-tmp")
    _remove([tmp, *sidecars(tmp)])
    try:
        _online_copy(source, tmp)
        problems = check(tmp, snapshot=False)  # migrates the copy, which is then what is restored
        if problems:
            raise RestoreRefused(problems)
        _checkpoint(tmp)
        _remove(sidecars(tmp))
    except Exception as exc:
        _remove([tmp, *sidecars(tmp)])
        if storage_trouble(exc) == "full":  # not "the backup could not be read": the copy did not fit
            raise _disk_full(store_path, source) from exc
        if isinstance(exc, sqlite3.DatabaseError):
            raise RestoreRefused([Problem(MSG_RESTORE_UNREADABLE, error=exc)]) from exc
        raise
    except BaseException:
        _remove([tmp, *sidecars(tmp)])
        raise
    previous: Path | None = None
    previous_kept = False
    if store_path.exists():
        previous = store_path.with_name(store_path.name + ".before-restore")
        if _restored_again(store_path, previous, tmp):
            # The store is this backup restored already (a restore cut off after it was done, so
            # nothing was said, and run again): the kept store it replaced is the only copy of the
            # work done after the backup, and what tells the numbers given after it. Kept.
            _checkpoint(store_path)
            previous_kept = True
        else:
            _remove([previous, *sidecars(previous)])
    if previous is not None and not previous_kept:
        try:
            try:
                _online_copy(store_path, previous)
                _checkpoint(store_path)
            except sqlite3.DatabaseError as exc:
                if storage_trouble(exc) is not None:  # a full disk is not "not a database"
                    raise
                _remove([previous, *sidecars(previous)])
                shutil.copyfile(store_path, previous)  # not a database: keep its bytes as they are
                private_file(previous)
        except Exception as exc:
            # The store is as it was: take away what was made for the restore (on a full disk it
            # would take the room the desk needs to go on working) and say why.
            _remove([tmp, *sidecars(tmp), previous, *sidecars(previous)])
            if storage_trouble(exc) == "full":
                raise _disk_full(store_path, source) from exc
            raise
    try:
        # The restored store is marked (and its counters moved past the numbers given after the
        # backup) before it takes the store's place: the replacement is the one step that commits
        # the restore. Marked after it, a restore cut off in between (a power cut) left the backup
        # in place unmarked, and it gave those numbers a second time.
        numbers_kept, enrolment_kept = _mark_restored(tmp, previous, store_path if previous is not None else None)
        _checkpoint(tmp)
        _remove(sidecars(tmp))
    except BaseException:
        _remove([tmp, *sidecars(tmp), *([previous, *sidecars(previous)] if previous is not None and not previous_kept
                                        else [])])
        raise
    try:
        # Again, last, just before the file is replaced: the app may have been started while the
        # backup was checked or the store copied aside (a copy as long as the store is big). Asked
        # before that copy, an app opened during it wrote into the file then replaced, and its
        # write-ahead log was deleted under it: its work was lost without a word.
        _refuse_if_open(store_path)
    except RestoreRefused:
        _remove([tmp, *sidecars(tmp), *([previous, *sidecars(previous)] if previous is not None and not previous_kept
                                        else [])])
        raise
    if previous is not None:
        # The old WAL must not outlive its database file (it would be replayed onto the new one).
        _remove(sidecars(store_path))
    os.replace(tmp, store_path)
    return Restored(previous, numbers_kept, enrolment_kept)


def _restored_again(store_path: Path, previous: Path, restored: Path) -> bool:
    """Whether `store_path` is a restored store (marked, not synced since) holding no event the
    store about to be `restored` lacks, with the store its restore replaced still kept as
    `previous`: the same restore being made again."""
    if not previous.is_file():
        return False
    try:
        with closing(_connect_ro(store_path)) as conn:
            marked = conn.execute("SELECT 1 FROM desk_state WHERE key = ?", (K_RESTORED_AT,)).fetchone()
    except sqlite3.DatabaseError:
        return False
    return marked is not None and _events_not_in(store_path, restored, "count(*)") == [(0,)]


def _refuse_if_open(store_path: Path) -> None:
    """A store open in the app (or any program) is not replaced: the app would go on writing to
    the old file, deleted under it, and its work would be lost without a word."""
    if in_use(store_path):
        raise RestoreRefused([Problem(MSG_STORE_OPEN, english=(
            "{path} is open in the app (or another program): close the app first"), path=store_path)])


def restore_newest(store_path: Path, backups: Sequence[Path]) -> tuple[Path, Restored] | None:
    """Restore the first of `backups` (newest first) that passes the check, and which it was;
    None when none does (the store is then untouched)."""
    for backup_path in backups:
        try:
            return backup_path, restore(store_path, backup_path)
        except RestoreRefused as exc:
            log.warning("backup %s refused: %s", backup_path, "; ".join(exc.problems))
    return None


def _mark_restored(store_path: Path, previous: Path | None,
                   replaced: Path | None = None) -> tuple[dict[tuple[str, int], int], bool]:
    """Note in the restored store when it was restored (`K_RESTORED_AT`): the app and `sync` say
    so until a round with the server has brought back what this desk did after the backup. In the
    same transaction its counters move past every number the replaced store issued after the
    backup (`numbers_past_backup`): a registration number, a letter number, a membership number or
    a barcode already on paper is not issued a second time, with or without a server; and it takes
    the enrolment of the store it replaces (`replaced`, this desk's), `_enrolment_to_keep`. Returns
    the numbers passed and whether the backup, taken before the desk joined its server, took the
    whole enrolment."""
    store = Store(store_path, migrate=False)
    kept: dict[tuple[str, int], int] = {}
    enrolment_kept = False
    try:
        with store.transaction() as s:
            store.set_state(s, K_RESTORED_AT, utcnow().isoformat())
            if previous is not None and store.is_initialised:
                ident = store.identity
                enrolment = _enrolment_to_keep(store, replaced) if replaced is not None else {}
                enrolment_kept = bool(enrolment) and not store.get_state(K_SECRET)
                for name, text_value in enrolment.items():
                    if text_value is None:
                        s.execute(delete(DeskState).where(DeskState.key == name))
                    else:
                        store.set_state(s, name, text_value)
                office, device_no = enrolment.get("office_code") or ident.office_code, ident.device_no
                if (enrolment.get("device_no") or "").isdigit():
                    device_no = int(enrolment["device_no"] or 0)
                kept = numbers_past_backup(previous, store_path, office, device_no)
                for key, value in _counters_past(previous, store_path, ident.device_id).items():
                    kept[key] = max(value, kept.get(key, 0))
                for (series, year), value in kept.items():
                    eventlog.counter_at_least(s, series, value, year)
    finally:
        store.close()
    return kept, enrolment_kept


#: What makes a desk a device of its server (`state_keys`: the server, the credential, the
#: store's name there and its next one) and the identity the server gave it.
ENROLMENT_KEYS = (K_SERVER, K_SECRET, K_STORE, K_STORE_NEXT, "office_code", "device_no")


def _enrolment_to_keep(store: Store, replaced: Path) -> dict[str, str | None]:
    """The enrolment (`ENROLMENT_KEYS`; None: a key to remove) the restored store takes from the
    enrolled store of this desk (the same device) that it replaces: what the server knows the
    device by now, which the backup may not.

    - A backup taken before the desk joined its server came back a desk of no server under its old
      number: `sync` said it was not enrolled, `enroll` that the server knew the device already,
      and the numbers it gave carried the number of another desk of the office when the server
      had renumbered it on joining (13-D01-… of the office's device 1).
    - A backup taken before the desk last took its own events back from the server (a restore
      before this one) carried the store's name from before: the server follows the new one, and
      refused the restored desk as a copy of itself on another computer, to be enrolled again as a
      new device (an old backup restored twice, or Tuesday's restored after Monday's).

    Either way it now syncs as the device it is, and takes back what it sent since the backup."""
    if _device_id(replaced) != store.identity.device_id:
        return {}
    try:
        with closing(_connect_ro(replaced)) as conn:
            marks = ",".join("?" * len(ENROLMENT_KEYS))
            theirs = {str(k): str(v) for k, v in conn.execute(
                f"SELECT key, value FROM desk_state WHERE key IN ({marks})", ENROLMENT_KEYS)}
    except sqlite3.DatabaseError:
        return {}
    if not (theirs.get(K_SECRET) and theirs.get(K_SERVER)):
        return {}
    # (the store's names: none there is none here either; the rest are always there)
    return {key: theirs.get(key) for key in ENROLMENT_KEYS if key in theirs or key in (K_STORE, K_STORE_NEXT)}


#: The counters of the numbers put on paper (registration and letter numbers, membership numbers,
#: copies' barcodes): `numbers.NUMBER_FIELDS` and `numbers.CODE_FIELDS`' series.
PAPER_SERIES = ("case", "letter", "member_no", "copy_barcode")


def _counters_past(previous: Path, restored: Path, device_id: str) -> dict[tuple[str, int], int]:
    """The counters of numbers on paper where the replaced store (this desk's: the same device)
    had gone further than the restored one. Its events the backup lacks name most of them
    (`numbers_past_backup`); a store itself restored, then worked on without giving such a
    number, holds the ones its own restore moved its counters past in its counters alone: restored
    again, they would be given a second time."""
    if _device_id(previous) != device_id:
        return {}
    marks = ",".join("?" * len(PAPER_SERIES))
    try:
        with closing(_connect_ro(previous)) as conn:
            conn.execute("ATTACH DATABASE ? AS restored", (f"{restored.resolve().as_uri()}?mode=ro",))
            rows = conn.execute(
                f"SELECT p.series, p.year, p.value FROM main.counters p LEFT JOIN restored.counters r "
                f"ON r.series = p.series AND r.year = p.year WHERE p.series IN ({marks}) "
                f"AND p.value > coalesce(r.value, 0)", PAPER_SERIES).fetchall()
    except sqlite3.DatabaseError:
        return {}
    return {(str(series), int(year)): int(value) for series, year, value in rows}


def _events_not_in(previous: Path, restored: Path, columns: str) -> list[tuple[Any, ...]] | None:
    """`columns` of the events of `previous` that `restored` does not hold; None when `previous`
    is not readable."""
    try:
        with closing(sqlite3.connect(f"file:{previous}?mode=ro", uri=True)) as conn:
            conn.execute("ATTACH DATABASE ? AS restored", (f"file:{restored}?mode=ro",))
            return list(conn.execute(f"SELECT {columns} FROM main.events WHERE id NOT IN "
                                     "(SELECT id FROM restored.events)"))
    except sqlite3.DatabaseError:
        return None


def numbers_past_backup(previous: Path, restored: Path, office_code: str, device_no: int) -> dict[tuple[str, int], int]:
    """The highest number of each series (and year) that this desk issued in the events of the
    replaced store the backup lacks: what its counters must pass. Empty when `previous` is not
    readable (a broken disk: then only the server can give them back)."""
    rows = _events_not_in(previous, restored, "payload") or []
    highest: dict[tuple[str, int], int] = {}
    for (payload,) in rows:
        try:
            data = json.loads(payload) if isinstance(payload, str | bytes) else payload
        except ValueError:
            continue
        if not isinstance(data, dict):
            continue
        for series, year, value in numbers_issued(office_code, device_no, data):
            highest[(series, year)] = max(value, highest.get((series, year), 0))
    return highest


def events_not_restored(previous: Path, restored: Path) -> int | None:
    """How many events of the store a restore replaced (kept as `previous`) the restored store does
    not hold: the work done after the backup was taken. None when `previous` is not readable."""
    rows = _events_not_in(previous, restored, "count(*)")
    return None if rows is None else int(rows[0][0])


def restored_unsynced(store: Store) -> bool:
    """Whether the store was restored from a backup and no sync round has succeeded since."""
    return bool(store.get_state(K_RESTORED_AT))
