"""The one place that opens a desk's SQLite file: pragmas, migrations, identity, transactions, backup."""

from __future__ import annotations

import ast
import functools
import os
import re
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from .eventlog import Actor, EventRecord, fold_held_kinds, record, refold_once
from .ids import HybridClock, new_id
from .models import DeskState, Event
from .persian_script import COLLATION, SEARCH_KEY_SQL, persian_collate, search_key

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
#: Desk state: when the store was last restored from a backup (`ops.restore`), until a sync round
#: succeeds after it (the round takes back what the server holds of this desk and moves the
#: counters past its numbers; before it, a new number may repeat one issued after the backup).
K_RESTORED_AT = "desk.restored_at"


class StoreError(Exception):
    """The file is not a usable Kanoon Desk store."""


class NewerStoreError(StoreError):
    """The store was migrated by a newer version of the program: its schema revision(s)
    `revisions` are not among this version's migrations. Nothing in the file was changed; only
    that newer version (or a later one) can open it, and an older backup put in its place would
    lose the work done since."""

    def __init__(self, path: Path, revisions: list[str]) -> None:
        super().__init__(f"{path} was written by a newer version of Kanoon Desk "
                         f"(schema revision {', '.join(revisions)}, unknown to this version)")
        self.path = path
        self.revisions = revisions


@dataclass(frozen=True)
class DeskIdentity:
    """Who this desk is: a device of an office. `device_no` appears in every human number it issues."""

    device_id: str
    device_no: int
    office_code: str


CACHE_KIB = 32 * 1024

#: How long (ms) a write waits for another program holding the store's file (an antivirus, a backup
#: tool, a command run by hand) before it is refused with «ثبت نشد: برنامه دیگری … در دست داشت»:
#: the window answers nothing while it waits (it waited 10 s, which looked like a hang).
OTHER_PROGRAM_WAIT_MS = 2000
#: How long (s) a write waits for this program's own write on the same file (a sync round's page,
#: an import's rows, on another thread): they queue in `Store.transaction`, as they did in SQLite's
#: wait, and are not refused as another program's after `OTHER_PROGRAM_WAIT_MS`.
OWN_WRITES_WAIT_S = 10.0

_write_locks: dict[str, threading.RLock] = {}
_write_locks_guard = threading.Lock()


def _write_lock(path: Path) -> threading.RLock:
    """The lock this process's writers to the store file `path` queue on (every `Store` on it)."""
    key = os.path.realpath(path)
    with _write_locks_guard:
        return _write_locks.setdefault(key, threading.RLock())


def _locked() -> sqlite3.OperationalError:
    """The error SQLite gives a write it waited for in vain (`errors.storage_trouble`: "locked")."""
    err = sqlite3.OperationalError("database is locked")
    err.sqlite_errorcode = sqlite3.SQLITE_BUSY
    return err


def _search_key_sql(text: str | None) -> str | None:
    return None if text is None else search_key(str(text))


def _pragmas(dbapi_conn: Any, durable: bool) -> None:
    dbapi_conn.create_collation(COLLATION, persian_collate)  # Persian names in dictionary order
    # a stored text's search key in SQL (`fa_search_key(subject)`), as the words typed are keyed
    dbapi_conn.create_function(SEARCH_KEY_SQL, 1, _search_key_sql, deterministic=True)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={OTHER_PROGRAM_WAIT_MS}")
    # WAL + FULL: the WAL is synced at every commit, so a committed record survives a power cut too,
    # not only kill -9. NORMAL could roll back the last commits on power loss: a receipt already
    # printed with its tracking code, a registration number issued again to the next case.
    cur.execute("PRAGMA synchronous=FULL" if durable else "PRAGMA synchronous=NORMAL")
    # 32 MiB of page cache per connection (SQLite's default is 2 MiB): an office's store grows to
    # hundreds of thousands of events, and a fold or a first sync that walks their indexes from
    # the OS cache page by page took twice as long per event at 190k events as at 19k.
    cur.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    cur.close()


def make_engine(path: Path | str, *, immediate: bool = False, durable: bool = True) -> Engine:
    """An engine on the file. With `immediate`, every transaction starts with BEGIN IMMEDIATE.

    A deferred SQLite transaction that reads and then writes can fail with "database is locked"
    instead of waiting its turn; taking the write lock first makes two writers queue politely.
    (SQLAlchemy's documented recipe: the driver's own BEGIN is turned off, we emit ours.)

    `durable=False` (for building demo data, which is rebuilt by running `demo` again) keeps
    synchronous=NORMAL: as safe from corruption, but the last commits may roll back on power loss.
    """
    url = f"sqlite:///{Path(path)}"
    # hide_parameters: a statement's values are not written into its error's text, which goes to
    # the log file, the crash report and the crash dialog's details (a national ID, a phone, a
    # complaint's text, a password's hash, the device's sync secret were all there)
    engine = create_engine(url, connect_args={"check_same_thread": False}, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        _pragmas(dbapi_conn, durable)

    @event.listens_for(engine, "connect")
    def _no_driver_begin(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config  # (alembic only when a store is to be migrated: see `schema_revisions`)

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "heads") -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


#: A migration's `revision = "0002c"` and `down_revision = "0002p"` (or None, or a tuple of several)
_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.+?)\s*$", re.MULTILINE)


@functools.cache
def schema_revisions() -> tuple[frozenset[str], frozenset[str]]:
    """Every schema revision this version's migrations know, and their heads (the revisions no
    other one follows), read from the migration files' `revision` and `down_revision` lines. A
    store at these heads needs no migration, so opening it imports neither alembic (about a
    quarter of a second of the app's start) nor its migration scripts, which `command.upgrade`
    read at every start only to find nothing to do. `tests/test_migrations.py` checks this
    reading against alembic's own."""
    known: set[str] = set()
    followed: set[str] = set()
    for script in sorted((MIGRATIONS / "versions").glob("*.py")):
        values = dict(_REVISION_LINE.findall(script.read_text(encoding="utf-8")))
        if "revision" not in values:
            continue
        known.add(str(ast.literal_eval(values["revision"])))
        down = ast.literal_eval(values.get("down_revision", "None"))
        followed.update([down] if isinstance(down, str) else list(down or ()))
    return frozenset(known), frozenset(known - followed)


def known_revisions() -> frozenset[str]:
    """The schema revisions this version's migrations know (read once: they are part of the program)."""
    return schema_revisions()[0]


def store_revisions(engine: Engine) -> set[str] | None:
    """The schema revisions a store is at (None for a new file, with no revision table)."""
    with engine.connect() as conn:
        if not conn.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'").first():
            return None
        return {str(r[0]) for r in conn.exec_driver_sql("SELECT version_num FROM alembic_version")}


def unknown_revisions(engine: Engine) -> list[str]:
    """The store's schema revisions this version does not know (a newer version migrated it);
    empty for a store of this version or an older one, and for a new file."""
    return sorted((store_revisions(engine) or set()) - known_revisions())


#: Files the app makes that hold the office's data (the store, its backups, its copies) are the
#: desk user's alone on POSIX (mode 0600): the store holds citizens' national IDs, phones, addresses and
#: complaints, and the device's sync secret (`desk_state`). SQLite gives a store's -wal and -shm
#: the mode of the store itself.
PRIVATE_MODE = 0o600


def private_file(path: Path) -> None:
    """Make `path` readable and writable by its owner only (POSIX), creating it empty when it is
    not there: an empty file is a new SQLite database, so SQLite never creates it with the
    umask's mode (commonly readable by every user of the computer). Elsewhere, nothing."""
    if os.name != "posix":
        return
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_MODE)
    except FileExistsError:
        try:
            mode = os.stat(path).st_mode & 0o7777
            if mode & 0o077:  # only the group's and others' bits go: a read-only file stays so
                os.chmod(path, mode & ~0o077)
        except OSError:  # another user's file, a file system without modes: left as it is
            pass
    except OSError:  # a folder that cannot be written: SQLite says so, as it did
        pass
    else:
        os.close(fd)


_GET_STATE = f"SELECT value FROM {DeskState.__tablename__} WHERE key = ?"


class Store:
    """An open desk store. Thread-safe for short transactions; one writer at a time (SQLite)."""

    def __init__(self, path: Path | str, *, migrate: bool = True, durable: bool = True) -> None:
        self.path = Path(path)
        if not self.path.parent.exists():
            raise StoreError(f"folder does not exist: {self.path.parent}")
        private_file(self.path)
        for side in sidecars(self.path):  # (a store made before: its files' modes are tightened)
            if side.exists():
                private_file(side)
        self._write_lock = _write_lock(self.path)
        self.engine = make_engine(self.path, durable=durable)
        self.write_engine = make_engine(self.path, immediate=True, durable=durable)
        if migrate:
            at = store_revisions(self.engine)
            newer = sorted((at or set()) - known_revisions())
            if newer:  # alembic would fail on it with a traceback; the file is left as it is
                self.close()
                raise NewerStoreError(self.path, newer)
            if at is None or frozenset(at) != schema_revisions()[1]:  # (at this version's heads: nothing to migrate)
                upgrade(self.write_engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._writers = sessionmaker(self.write_engine, expire_on_commit=False)
        with self._sessions() as s:
            last = s.scalar(select(func.max(Event.hlc))) or 0
        self.clock = HybridClock(last)
        self._identity: DeskIdentity | None = None
        if migrate:  # events of kinds an earlier version held unfolded, now known: folded
            fold_held_kinds(self)
            try:  # and those an earlier release folded otherwise
                refold_once(self)
            except OperationalError as exc:  # a store opened read-only: done when it can be written
                if "readonly" not in str(exc).lower().replace("-", "").replace(" ", ""):
                    raise

    # -- identity -------------------------------------------------------------------------------

    def get_state(self, key: str, default: str | None = None) -> str | None:
        """The committed value of `key` (one plain query: a sync round asks for several per batch,
        and an ORM session per question cost more than the question)."""
        with self.engine.connect() as conn:
            value = conn.exec_driver_sql(_GET_STATE, (key,)).scalar()
        return default if value is None else str(value)

    def set_state(self, session: Session, key: str, value: str) -> None:
        row = session.get(DeskState, key)
        if row is None:
            session.add(DeskState(key=key, value=value))
        else:
            row.value = value

    @property
    def is_initialised(self) -> bool:
        return self.get_state("device_id") is not None

    @property
    def identity(self) -> DeskIdentity:
        if self._identity is None:
            device_id = self.get_state("device_id")
            if device_id is None:
                raise StoreError("desk is not set up yet (no device identity)")
            self._identity = DeskIdentity(device_id, int(self.get_state("device_no") or "1"),
                                          self.get_state("office_code") or "")
        return self._identity

    def set_identity(self, office_code: str, device_no: int, device_id: str | None = None) -> DeskIdentity:
        with self.transaction() as s:
            self.set_state(s, "device_id", device_id or new_id())
            self.set_state(s, "device_no", str(device_no))
            self.set_state(s, "office_code", office_code)
        self._identity = None
        return self.identity

    # -- transactions ---------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits at the end of the block, rolls back on any exception.

        This program's writers to the file queue here, each waiting up to `OWN_WRITES_WAIT_S` for
        the one before; another program holding the file is waited for `OTHER_PROGRAM_WAIT_MS`."""
        lock = self._write_lock
        if not lock.acquire(timeout=OWN_WRITES_WAIT_S):
            raise _locked()
        try:
            session = self._writers()
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise
            finally:
                session.close()
        finally:
            lock.release()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session (nothing is committed)."""
        session = self._sessions()
        try:
            yield session
        finally:
            session.close()  # releases the connection; loaded objects stay readable, detached

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A plain DBAPI connection in a read transaction (every statement in the block sees one
        snapshot), for the busiest look-ups, which run prebuilt statements (`SqliteStatement`): a
        search, a scan at the circulation desk. Setting a `read()` session up and tearing it down
        cost ten times the statements it ran (about 0.2 ms against 0.02 ms a look-up)."""
        pooled = self.engine.raw_connection()
        try:
            conn = pooled.driver_connection
            assert isinstance(conn, sqlite3.Connection)
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                conn.execute("ROLLBACK")  # a read: nothing to keep
        finally:
            pooled.close()

    def record(self, session: Session, actor: Actor, event_type: str, aggregate_id: str,
               payload: dict[str, Any], *, subject: str = "") -> EventRecord:
        return record(self, session, actor, event_type, aggregate_id, payload, subject=subject)

    # -- backup ---------------------------------------------------------------------------------

    def backup_to(self, dest: Path) -> None:
        """SQLite online backup: a consistent copy while the desk keeps working.

        An existing `dest` is replaced (`ops.backup` refuses one unless told to); its leftover
        write-ahead log and shared-memory files go first, or SQLite would replay the old file's
        log onto the new copy the next time it is opened."""
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(dest.name + ".part")
        for stale in (tmp, *sidecars(tmp)):
            stale.unlink(missing_ok=True)
        private_file(tmp)
        src = sqlite3.connect(str(self.path))
        try:
            dst = sqlite3.connect(str(tmp))
            try:
                src.backup(dst)
            finally:
                dst.close()
        except BaseException:  # a full disk (a USB stick), a cut: no half-written copy left taking its room
            for part in (tmp, *sidecars(tmp)):
                part.unlink(missing_ok=True)
            raise
        finally:
            src.close()
        for stale in sidecars(dest):  # the old file's log must not outlive it
            stale.unlink(missing_ok=True)
        tmp.replace(dest)

    def close(self) -> None:
        self.engine.dispose()
        self.write_engine.dispose()


def sidecars(path: Path) -> list[Path]:
    """The files SQLite keeps next to the database `path`: its write-ahead log, the log's
    shared-memory index and a rollback journal."""
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def in_use(path: Path) -> bool:
    """Whether a connection (the app, another command, in this process or another) has the
    store at `path` open.

    Every connection to a store in WAL mode keeps a shared lock on the database file from its
    first read until it closes, idle or not (it drops it only when it leaves WAL mode or closes);
    so an exclusive lock (`locking_mode=EXCLUSIVE` and `BEGIN EXCLUSIVE`, not waiting) is had only
    when no other connection is open. A file that is not a database is not in use."""
    if not path.is_file():
        return False
    conn = sqlite3.connect(str(path), timeout=0, isolation_level=None)
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorcode", None) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            return True
        return False
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()
    return False


def not_writable(path: Path) -> Path | None:
    """The folder or the store file at `path` when this program cannot write to it (read-only, no
    permission, a read-only share or medium), else None. SQLite opens such a file read-only without
    a word, and the first write (a log-in's audit entry) fails; this asks first: a file is created
    and removed in the folder (a desk's log, backups and the store's own `-wal` live there), and an
    existing file gets a write that is rolled back (its `user_version` set to itself). A file that
    is not an SQLite database is left to `Store` to refuse."""
    folder = path.parent
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError:
        return folder
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(str(path), timeout=10, isolation_level=None)
    except sqlite3.Error:
        return path
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(f"PRAGMA user_version = {version}")
        finally:
            conn.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        return path if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM) else None
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()
    return None


def open_store(path: Path | str, *, migrate: bool = True) -> Store:
    return Store(path, migrate=migrate)
