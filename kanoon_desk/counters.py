"""Per-desk counters: the next number of a series, handed out in the caller's transaction."""

from __future__ import annotations

from sqlalchemy import bindparam, insert, update
from sqlalchemy.orm import Session

from .models import Counter, table_of
from .sqlite_statement import SqliteStatement

_COUNTERS = table_of(Counter)
_BUMP = SqliteStatement(update(_COUNTERS).where(_COUNTERS.c.series == bindparam("s"), _COUNTERS.c.year == bindparam("y"))
                        .values(value=_COUNTERS.c.value + 1).returning(_COUNTERS.c.value))
_NEW_COUNTER = insert(_COUNTERS)


def bump_counter(session: Session, series: str, year: int = 0) -> int:
    """Next value of a per-desk counter, in the caller's transaction (so no number is lost or reused).

    One UPDATE … RETURNING on the session's connection; the first use of a series inserts it."""
    row = _BUMP.first(session, s=series, y=year)
    if row is None:
        session.connection().execute(_NEW_COUNTER, {"series": series, "year": year, "value": 1})
        return 1
    return int(row[0])


def counter_at_least(session: Session, series: str, value: int, year: int = 0) -> bool:
    """The desk's counter `series` (of `year`) moved up to `value`, never down, so the next number
    `bump_counter` gives is past it. True when it moved."""
    session.flush()
    row = session.get(Counter, (series, year))
    if row is None:
        session.add(Counter(series=series, year=year, value=value))
        return True
    if row.value < value:
        row.value = value
        return True
    return False
