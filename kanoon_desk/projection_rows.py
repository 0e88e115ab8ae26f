"""Projection rows written without the ORM's unit of work, and the rows a transaction keeps across events."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from .models import Base, table_of
from .sqlite_bulk import SqliteInsert
from .sqlite_statement import _dbapi

_INSERTS: dict[tuple[str, tuple[str, ...]], SqliteInsert] = {}
_DEFAULTS: dict[str, dict[str, Callable[[], Any]]] = {}


def insert_row(session: Session, obj: Base) -> None:
    """Insert a new projection row, built as an ORM object, as one plain INSERT on the session's
    connection (columns left unset get their defaults); the object is not added to the session.

    For the projectors of the busiest events (a checkout, an intake): the ORM's unit of work costs
    several times the INSERT itself. A later `session.get` loads the row like any other."""
    table = table_of(type(obj))
    state = inspect(obj).dict
    insert_values(session, type(obj), {c.key: state[c.key] for c in table.columns if c.key in state})


def insert_values(session: Session, model: type[Base], values: dict[str, Any]) -> None:
    """`insert_row` from the column values themselves (no object to build at all)."""
    insert_values_many(session, model, [values])


def insert_values_many(session: Session, model: type[Base], rows: Iterable[dict[str, Any]]) -> None:
    """`insert_values` for many rows: one executemany per set of columns given, in the order given
    (a batch projector's run of new rows)."""
    table = table_of(model)
    defaults = _DEFAULTS.get(table.name)
    if defaults is None:
        defaults = _DEFAULTS[table.name] = _python_defaults(table)
    runs: list[tuple[tuple[str, ...], list[dict[str, Any]]]] = []  # rows of one shape, in order
    for values in rows:
        row = {**{k: make() for k, make in defaults.items() if k not in values}, **values}
        columns = tuple(row)
        if runs and runs[-1][0] == columns:
            runs[-1][1].append(row)
        else:
            runs.append((columns, [row]))
    raw = _dbapi(session)
    for columns, group in runs:
        key = (table.name, columns)
        stmt = _INSERTS.get(key)
        if stmt is None:
            stmt = _INSERTS[key] = SqliteInsert(table, columns)
        stmt.many(raw, group)


def _python_defaults(table: Any) -> dict[str, Callable[[], Any]]:
    """The column defaults SQLAlchemy applies in Python (`default=`), as makers of a value."""
    out: dict[str, Callable[[], Any]] = {}
    for column in table.columns:
        d = column.default
        if d is None or not (d.is_scalar or d.is_callable):
            continue
        out[column.key] = functools.partial(d.arg, None) if d.is_callable else functools.partial(_constant, d.arg)
    return out


def _constant(value: Any) -> Any:
    return value


def refresh_held(session: Session, model: type[Base], key: Any, values: dict[str, Any]) -> None:
    """After a plain UPDATE of one row: an object of it the session holds takes the new values as
    loaded (not dirty), so a service reading it later in the transaction sees what the fold wrote."""
    if not session.identity_map:  # a pull's fold holds no objects at all
        return
    held = session.identity_map.get(identity_key(model, key if isinstance(key, tuple) else (key,)))
    if held is not None:
        for name, value in values.items():
            set_committed_value(held, name, value)


def kept(session: Session) -> dict[tuple[Any, Any], Any]:
    """What this transaction keeps across events (the case fold keeps each case's row): a fold of
    many events touches one aggregate many times, and finds it here instead of reading it again.
    Empty again in a new transaction or after `release_kept`."""
    held: tuple[Any, dict[tuple[Any, Any], Any]] | None = session.info.get(_KEPT_KEY)
    transaction = session.get_transaction()
    if held is None or held[0] is not transaction:
        held = (transaction, {})
        session.info[_KEPT_KEY] = held
    return held[1]


def release_kept(session: Session) -> None:
    """Let go of what `kept` holds (a long re-fold does this between its pages)."""
    session.info.pop(_KEPT_KEY, None)


_KEPT_KEY = "kanoon_desk.kept"
