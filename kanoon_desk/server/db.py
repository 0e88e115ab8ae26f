"""The server's database: engine for an SQLite path or a PostgreSQL URL, migrations, sessions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from .server_models import ServerCounter

MIGRATIONS = Path(__file__).parent / "migrations"
SEQ_COUNTER = "server_seq"


def normalise_url(db: str) -> str:
    """A plain file path means an SQLite file; URLs pass through (`postgresql+psycopg://…`), and
    `postgres://…` (as PostgreSQL's own tools and most hosting panels write it) means the same."""
    if db.startswith("postgres://"):
        return "postgresql+psycopg://" + db.removeprefix("postgres://")
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser().resolve()}"


def make_engine(db: str) -> Engine:
    url = normalise_url(db)
    if url.startswith("sqlite"):
        # (hide_parameters: a failed statement's error, logged, does not carry the values: a
        # complaint's text, a national ID, a device's secret hash)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30},
                               hide_parameters=True)

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (IMMEDIATE: writers queue)
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA busy_timeout=30000")
            # FULL: an acknowledged push or an issued server sequence number survives a power cut
            # (NORMAL could roll them back and hand the same sequence numbers to other events).
            cur.execute("PRAGMA synchronous=FULL")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True, hide_parameters=True)


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine) -> None:
    command.upgrade(alembic_config(engine), "head")


def per_dialect(sql: str) -> dict[str, str]:
    """`sql`, written with `?` marks and `{json_values}` (a JSON array parameter read as a set
    of text values), for each dialect's DBAPI driver (sqlite3: qmark; psycopg: format)."""
    return {"sqlite": sql.format(json_values="SELECT value FROM json_each(?)"),
            "postgresql": sql.format(json_values="SELECT json_array_elements_text(?::json)").replace("?", "%s")}


def dbapi(session: Session) -> tuple[Any, str]:
    """The DBAPI connection under `session`'s transaction, and its dialect's name, for the few
    statements a push runs per batch (through SQLAlchemy's execution each cost more than the
    database's own work)."""
    conn = session.connection()
    raw = conn.connection.dbapi_connection
    assert raw is not None
    return raw, conn.dialect.name


@contextmanager
def dbapi_cursor(session: Session, statements: dict[str, str]) -> Iterator[tuple[Any, str]]:
    """A DBAPI cursor in `session`'s transaction and the statement of `statements` (`per_dialect`)
    for its dialect."""
    raw, dialect = dbapi(session)
    cur = raw.cursor()
    try:
        yield cur, statements[dialect]
    finally:
        cur.close()


_TAKE_SEQS = per_dialect(f"UPDATE {ServerCounter.__tablename__} SET value = value + ? WHERE name = ? RETURNING value")


class ServerDb:
    """The open server database: short transactions, the sequence counter under lock."""

    def __init__(self, db: str, *, migrate: bool = True) -> None:
        self.url = normalise_url(db)
        self.engine = make_engine(db)
        self.is_postgres = self.engine.dialect.name == "postgresql"
        if migrate:
            upgrade(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        if not migrate:  # read as it is (`server stats`/`check`): nothing written
            return
        with self.transaction() as s:
            if s.get(ServerCounter, SEQ_COUNTER) is None:
                s.add(ServerCounter(name=SEQ_COUNTER, value=0))

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def take_seqs(self, session: Session, n: int) -> int:
        """Reserve `n` sequence numbers; returns the first. The row stays locked until commit
        (PostgreSQL: the UPDATE's row lock; SQLite: the writer lock of BEGIN IMMEDIATE), so a
        reader that sees number k committed also sees every number below k. One statement on
        the session's DBAPI connection (a push takes numbers once per batch)."""
        with dbapi_cursor(session, _TAKE_SEQS) as (cur, sql):
            cur.execute(sql, (n, SEQ_COUNTER))
            top = cur.fetchone()
        if top is None:
            raise LookupError(f"no {SEQ_COUNTER} counter (the database was not migrated)")
        return int(top[0]) - n + 1

    def high_water(self, session: Session) -> int:
        """The newest committed sequence number (every number up to it is committed)."""
        return int(session.scalar(select(ServerCounter.value).where(ServerCounter.name == SEQ_COUNTER)) or 0)

    def close(self) -> None:
        self.engine.dispose()


#: The PostgreSQL advisory lock key a running server holds (any constant: "KANOON" in ASCII).
SERVER_LOCK_KEY = 0x4B414E4F4F4E


class ServerRunning(Exception):
    """Another server process holds this database."""


def hold_server_lock(db: str) -> Any:
    """Take the database's "a server runs on it" lock for this process's lifetime (released when
    the process ends, however it ends) and return what holds it (keep a reference). Raises
    ServerRunning when another server holds it: two servers on one database (the old release left
    running while the new one starts on another port, and migrates under it) are refused.
    PostgreSQL: a session advisory lock on a connection of its own; SQLite: an exclusive `flock`
    on `<file>.server-lock` beside the database, and where there is no `flock` (Windows, where the
    lock was skipped and two servers ran on one file) SQLite's own exclusive lock on that file
    (`LockFileEx` there), held by a connection kept open."""
    url = normalise_url(db)
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1] if "///" in url else ""
        if not path or path == ":memory:":
            return None
        try:
            import fcntl
        except ImportError:  # Windows
            return _hold_sqlite_lock(path)
        handle = open(f"{path}.server-lock", "a+b")  # noqa: SIM115 (held open for the process's life)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            handle.close()
            raise ServerRunning(path) from exc
        return handle
    engine = create_engine(url, poolclass=NullPool, hide_parameters=True)
    conn = engine.connect()
    if not conn.exec_driver_sql(f"SELECT pg_try_advisory_lock({SERVER_LOCK_KEY})").scalar():
        conn.close()
        engine.dispose()
        raise ServerRunning(url)
    conn.commit()
    return conn


def _hold_sqlite_lock(path: str) -> sqlite3.Connection:
    """The lock of a server on the SQLite database `path` where there is no `flock`: an exclusive
    SQLite transaction on `<path>.server-lock`, never committed, not waited for. The operating
    system lets go of it when the process ends, however it ends, as of a `flock`."""
    conn = sqlite3.connect(f"{path}.server-lock", timeout=0, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
    except sqlite3.OperationalError as exc:
        conn.close()
        if getattr(exc, "sqlite_errorcode", None) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            raise ServerRunning(path) from exc
        raise
    return conn


def release_server_lock(held: Any) -> None:
    """Let go of what `hold_server_lock` returned (the process's end does it too)."""
    if held is not None:
        held.close()
