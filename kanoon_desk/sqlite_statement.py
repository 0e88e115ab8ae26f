"""Core statements compiled once for SQLite and run on the session's own DBAPI connection."""

from __future__ import annotations

import functools
import json
import sqlite3
from collections import namedtuple
from collections.abc import Callable
from typing import Any

from sqlalchemy import bindparam, update
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.orm import Session

from .sqlite_bulk import converter_for, reader_for


def _dbapi(session: Session | sqlite3.Connection) -> Any:
    """The session's own DBAPI connection (statements on it are part of the session's transaction).

    Kept in `session.info` with the transaction it belongs to: the fold asks for it several times
    per event, and `session.connection()` costs more than a prebuilt statement's execute. A DBAPI
    connection given instead (`Store.reading`) is used as it is."""
    if isinstance(session, sqlite3.Connection):
        return session
    transaction = session.get_transaction()
    cached = session.info.get(_DBAPI_KEY)
    if transaction is not None and cached is not None and cached[0] is transaction:
        return cached[1]
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    session.info[_DBAPI_KEY] = (session.get_transaction(), raw)
    return raw


_DBAPI_KEY = "kanoon_desk.dbapi"


class SqliteStatement:
    """A Core statement compiled once for SQLite and run on the session's own DBAPI connection.

    For the fold's hottest reads and writes (a copy's recompute runs for every lending event):
    SQLAlchemy's per-execute work was ten times SQLite's. Parameters are written as the ORM writes
    values of their column's type (a date as ISO text, a boolean as 0/1). Results come back as SQLite gives
    them (booleans 0/1, dates as text), or with `typed=True` as named rows whose values are
    converted by their column's type (dates, UTC instants, booleans, JSON), as the ORM would read
    them. The statement is still written against the models, so a renamed column fails here, at
    import. Desk stores only (the fold runs on SQLite).
    """

    def __init__(self, stmt: Any, *, typed: bool = False, row: Callable[..., Any] | None = None) -> None:
        compiled = stmt.compile(dialect=sqlite_dialect())
        self.sql = str(compiled)
        if "POSTCOMPILE" in self.sql:  # IN lists are expanded per execution by SQLAlchemy only
            raise ValueError(f"write the IN list as ORs (or bind each value) for a prebuilt statement: {self.sql}")
        self.names = tuple(compiled.positiontup or ())
        # a parameter is written as the ORM writes a value of its type (a date as ISO text…);
        # text given for it is taken as already written
        self._writers = {name: w for name in self.names
                         if (w := converter_for(compiled.binds[name].type, name)) is not None}
        self.defaults = {k: self._write(k, v) for k, v in compiled.params.items() if v is not None}
        # typed rows: the row maker (given, taking the columns in order, or a named tuple) and the
        # (position, reader) of each column that needs converting
        self._shape: tuple[Callable[..., Any], tuple[tuple[int, Callable[[Any], Any]], ...]] | None = None
        if typed:
            columns = list(stmt.selected_columns)
            readers = tuple((i, r) for i, c in enumerate(columns) if (r := reader_for(c.type, c.key)) is not None)
            self._shape = (row or namedtuple("Row", [c.key for c in columns]), readers)
        self._plan = tuple((name, self._writers.get(name)) for name in self.names)

    def _write(self, name: str, value: Any) -> Any:
        writer = self._writers.get(name)
        return value if writer is None or value is None or isinstance(value, str) else writer(value)

    def _params(self, params: dict[str, Any]) -> list[Any]:
        out: list[Any] = []
        for name, writer in self._plan:
            if name in params:
                value = params[name]
                if writer is not None and value is not None and not isinstance(value, str):
                    value = writer(value)
            else:
                value = self.defaults[name]  # a parameter neither given nor bound: KeyError
            out.append(value)
        return out

    def _typed(self, found: list[Any]) -> list[Any]:
        if self._shape is None:
            return found
        make, readers = self._shape
        out = []
        for row in found:
            values = list(row)
            for i, read in readers:
                if values[i] is not None:
                    values[i] = read(values[i])
            out.append(make(*values))
        return out

    def rows(self, session: Session | sqlite3.Connection, **params: Any) -> list[Any]:
        """Every row (read to the end, so no statement is left in progress)."""
        found: list[Any] = _dbapi(session).execute(self.sql, self._params(params)).fetchall()
        return self._typed(found)

    def run(self, session: Session | sqlite3.Connection, **params: Any) -> None:
        """Execute a write once."""
        _dbapi(session).execute(self.sql, self._params(params))

    def many(self, session: Session | sqlite3.Connection, rows: list[dict[str, Any]]) -> None:
        """One executemany over `rows` (for writes)."""
        _dbapi(session).executemany(self.sql, [self._params(row) for row in rows])

    def first(self, session: Session | sqlite3.Connection, **params: Any) -> Any:
        """The first row, or None."""
        found = self.rows(session, **params)
        return found[0] if found else None


@functools.lru_cache(maxsize=256)
def column_setter(table: Any, key: str, columns: tuple[str, ...]) -> SqliteStatement:
    """UPDATE table SET each column = :v_<column> WHERE id = :<key>, built once per set of columns
    (values are written as their columns' types: instants, dates)."""
    return SqliteStatement(update(table).where(table.c.id == bindparam(key))
                           .values(**{c: bindparam("v_" + c) for c in columns}))


#: A list as compact JSON text, for a statement that reads it with `json_each` (see `eventlog._IDS`).
json_list: Callable[[Any], str] = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
