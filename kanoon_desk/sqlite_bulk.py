"""Many-row INSERTs into SQLite on the DBAPI connection, written the way SQLAlchemy writes them.

For the tables that take a thousand rows per transaction (events pulled onto a desk, their audit
entries, events pushed to a SQLite server): SQLAlchemy's executemany builds and type-processes
every row in Python, which cost several times SQLite's own `executemany`. Here the SQL and one
converter per column are made once from the table, and values are converted column by column:

- a `TypeDecorator` over DATETIME (the stores' UTC instants) runs its own `process_bind_param`
  (so a naive value is refused or accepted exactly as the ORM would) and is written as the text
  SQLAlchemy's SQLite DATETIME writes (`YYYY-MM-DD HH:MM:SS.ffffff`);
- JSON is written as compact JSON text, read back by the ORM's own JSON type (a `JsonText` value
  is JSON already encoded, written as it is: the server encodes a pushed payload once, for its
  digest and its row);
- dates as ISO text, booleans as 0/1; everything else as given.

Tests compare rows written here with rows the ORM wrote (`tests/sync/test_bulk_insert.py`,
`tests/test_eventlog.py`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, String, Table, TypeDecorator
from sqlalchemy.dialects import sqlite

_DIALECT = sqlite.dialect()
_json_text: Callable[[Any], str] = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class JsonText(str):
    """JSON text already encoded (a JSON column writes it as it is, not as a JSON string)."""

    __slots__ = ()


def _json_value(value: Any) -> str:
    return value if type(value) is JsonText else _json_text(value)


Converter = Callable[[Any], Any]
_ZERO = timedelta(0)


def _datetime_text(value: datetime) -> str:
    return value.isoformat(" ", "microseconds")


def converter_for(kind: Any, where: str = "") -> Converter | None:
    """How a Python value of column type `kind` is written to SQLite as the ORM writes it
    (None: as it is). An unknown type is refused rather than written wrongly."""
    if isinstance(kind, TypeDecorator) and isinstance(kind.impl_instance, DateTime):
        bind = kind.process_bind_param
        # a batch's rows often share one instant (an audit entry's `at`); one (value, text) pair,
        # replaced whole, so server threads sharing this converter never mix two pairs
        last: list[tuple[Any, str]] = [(None, "")]

        def decorated(value: datetime) -> str:
            seen, text = last[0]
            if value is seen:
                return text
            if value.utcoffset() == _ZERO:  # already UTC: the text without its "+00:00"
                text = value.isoformat(" ", "microseconds")[:-6]
            else:
                text = _datetime_text(bind(value, _DIALECT))
            last[0] = (value, text)
            return text

        return decorated
    if isinstance(kind, JSON):
        return _json_value
    if isinstance(kind, DateTime):
        return _datetime_text
    if isinstance(kind, Date):
        return date.isoformat
    if isinstance(kind, Boolean):
        return int
    if isinstance(kind, String | Integer) or type(kind).__name__ == "NullType":
        return None
    raise TypeError(f"{where}: no plain conversion for {kind!r}")


def _utc_instant(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def reader_for(kind: Any, where: str = "") -> Converter | None:
    """How a raw SQLite value of column type `kind` is read as the ORM reads it (None: as it is);
    the inverse of `converter_for`."""
    if isinstance(kind, TypeDecorator) and isinstance(kind.impl_instance, DateTime):
        return _utc_instant
    if isinstance(kind, Date):
        return date.fromisoformat
    if isinstance(kind, Boolean):
        return bool
    if isinstance(kind, JSON):
        return json.loads
    if isinstance(kind, String | Integer) or type(kind).__name__ == "NullType":
        return None
    raise TypeError(f"{where}: no plain reading for {kind!r}")


def _converter(column: Any) -> Converter | None:
    return converter_for(column.type, f"{column.table.name}.{column.name}")


class SqliteInsert:
    """`INSERT INTO table (columns…)` compiled once; `many` runs it over rows given as mappings
    (keyed by column key). Column defaults are not applied here: see `eventlog.insert_values`."""

    def __init__(self, table: Table, columns: Sequence[str] | None = None) -> None:
        self.table = table
        self.columns = tuple(columns) if columns is not None else tuple(c.name for c in table.columns)
        self.sql = (f"INSERT INTO {table.name} ({', '.join(table.c[key].name for key in self.columns)}) "
                    f"VALUES ({', '.join('?' for _ in self.columns)})")
        self.converters = tuple(_converter(table.c[name]) for name in self.columns)

    def values(self, rows: Sequence[Mapping[str, Any]]) -> list[tuple[Any, ...]]:
        """The positional rows the INSERT takes (converted column by column)."""
        out: list[list[Any]] = []
        for name, convert in zip(self.columns, self.converters, strict=True):
            column = [row[name] for row in rows]
            if convert is not None:
                column = [None if v is None else convert(v) for v in column]
            out.append(column)
        return list(zip(*out, strict=True))

    def many(self, dbapi_connection: Any, rows: Sequence[Mapping[str, Any]]) -> None:
        if rows:
            dbapi_connection.executemany(self.sql, self.values(rows))

    def many_tuples(self, dbapi_connection: Any, rows: Sequence[Sequence[Any]]) -> None:
        """`many` for rows given as tuples in `columns` order (no mapping to build per row)."""
        if not rows:
            return
        columns: list[Any] = list(zip(*rows, strict=True))
        for k, convert in enumerate(self.converters):
            if convert is not None:
                columns[k] = [None if v is None else convert(v) for v in columns[k]]
        dbapi_connection.executemany(self.sql, zip(*columns, strict=True))
