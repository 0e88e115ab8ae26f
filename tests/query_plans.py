"""The query plans (EXPLAIN QUERY PLAN) of the statements a piece of code runs on a store."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from kanoon_desk.store import Store


@contextmanager
def plans(store: Store) -> Iterator[list[tuple[str, list[str]]]]:
    """Collects (statement, its plan's lines) of every SELECT run on `store`'s engine in the block
    (the plans are read when the block ends)."""
    seen: list[tuple[str, Any]] = []

    def before(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", before)
    out: list[tuple[str, list[str]]] = []
    try:
        yield out
    finally:
        event.remove(store.engine, "before_cursor_execute", before)
    with store.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        for statement, parameters in seen:
            out.append((statement, [row[3] for row in raw.execute("EXPLAIN QUERY PLAN " + statement, parameters)]))
