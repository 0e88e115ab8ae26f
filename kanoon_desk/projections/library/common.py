"""Helpers the lending folds share: payload dates, and the conflict when two rows hold one value."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from ...eventlog import FoldEvent, SqliteStatement, raise_twin_conflict
from ...models import Event, table_of


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


_EVENTS = table_of(Event)
_FIRST_EVENT = SqliteStatement(select(_EVENTS.c.id, _EVENTS.c.hlc, _EVENTS.c.office_code).where(
    _EVENTS.c.aggregate_id == bindparam("aggregate_id"), _EVENTS.c.type == bindparam("type"))
    .order_by(_EVENTS.c.hlc, _EVENTS.c.id).limit(1))


#: Values looked up per statement (SQLite caps the parameters of one statement).
TWIN_CHUNK = 500


@functools.cache
def _holders_of(column: Any) -> SqliteStatement:
    """The rows holding one value of `column` (an indexed column)."""
    return SqliteStatement(select(column.table.c.id).where(column == bindparam("value")))


def _raise_twins(s: Session, kind: str, aggregate_type: str, column: Any, summary_key: str,
                 made: list[tuple[FoldEvent, str]],
                 made_by: Callable[[Session, str], bool] | None = None) -> None:
    """One conflict for each other row that holds the value a row just made holds (`made`: the
    event that made the row and its value). Two centres offline can give one barcode to two copies
    or register one child twice; two desks with one device number give the same member numbers.
    Both rows stay; a person decides. Each pair is raised once, whatever the arrival order, and
    the conflict reads the same on every desk: its id is that of the pair, and it is raised at
    the later of the two making events (by HLC), whichever was folded second here. `made_by`: whether
    the other row got the value by an event of `made`'s type (a copy relabelled to it is a pair
    of events, raised by its own fold); without it, every other row holding the value counts."""
    values = sorted({value for _, value in made if value})
    if not values:
        return
    holders: dict[str, list[str]] = {}
    if len(values) == 1:  # one event (the common case): a prebuilt statement on the index
        holders[values[0]] = [r[0] for r in _holders_of(column).rows(s, value=values[0])]
    else:
        for i in range(0, len(values), TWIN_CHUNK):  # a re-fold's run can be a whole imported list
            chunk = values[i:i + TWIN_CHUNK]
            for row_id, value in s.execute(select(column.table.c.id, column).where(column.in_(chunk))):
                holders.setdefault(value, []).append(row_id)
    for e, value in made:
        for other in holders.get(value, ()):
            if other == e.aggregate_id or (made_by is not None and not made_by(s, other)):
                continue
            first = _FIRST_EVENT.first(s, aggregate_id=other, type=e.type)
            raise_twin_conflict(s, kind, aggregate_type, [other, e.aggregate_id], {summary_key: value},
                                (e.hlc, e.id, e.aggregate_id, e.office_code),
                                (first[1], first[0], other, first[2]) if first is not None else None)
