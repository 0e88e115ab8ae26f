"""Declarative base, naming conventions and the column types every model shares."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, MetaData, Table, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase

from ..jalali import TEHRAN

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: Marks a table as a projection: rebuilt from the event log by a re-fold, compared by `check`.
PROJECTION = {"projection": True}


#: While set, the instant `utcnow` answers (`acting_at`).
_ACTING_AT: ContextVar[datetime | None] = ContextVar("kanoon_acting_at", default=None)


def utcnow() -> datetime:
    """Now, aware UTC: the instant events are recorded at and actions stamped with."""
    return _ACTING_AT.get() or datetime.now(UTC)


def office_today() -> date:
    """The office's day: the date in Tehran at `utcnow` (what the clerk's wall calendar says, whatever
    the machine's time zone: between 20:30 and midnight UTC Tehran is already on the next day).
    Every service's "today" when none is given, and the interface's (`ui.widgets.today`)."""
    return utcnow().astimezone(TEHRAN).date()


@contextmanager
def acting_at(at: datetime) -> Iterator[None]:
    """Record what is done inside as done at `at` (aware): the demo replays two years of an office's
    work through the services, and each step's entry time is then that day's, not the demo's."""
    token = _ACTING_AT.set(at.astimezone(UTC))
    try:
        yield
    finally:
        _ACTING_AT.reset(token)


class UTCDateTime(TypeDecorator[datetime]):
    """An instant: stored as naive UTC (SQLite has no time zones), always returned aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where an aware UTC instant is required")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON(), list[Any]: JSON()}


def projection_tables() -> list[str]:
    """Names of the tables that are projections of the event log, in dependency order."""
    return [t.name for t in Base.metadata.sorted_tables if t.info.get("projection")]


def table_of(model: type[Base]) -> Table:
    """A mapped class's Table (typed as such: `Model.__table__` is typed as any FROM clause)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table
