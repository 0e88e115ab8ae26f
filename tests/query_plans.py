"""The query plans (EXPLAIN QUERY PLAN) of the statements a piece of code runs on a store."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from kanoon_desk.store import Store


@contextmanager
def plans(store: Store, *, raw: bool = False) -> Iterator[list[tuple[str, list[str]]]]:
    """Collects (statement, its plan's lines) of every SELECT run on `store`'s engine in the block
    (the plans are read when the block ends). `raw`: the statements SQLite itself runs, read from
    its trace with their values written in, so that prebuilt statements run on the DBAPI connection
    (`SqliteStatement`, `Store.reading`) are seen too."""
    seen: list[tuple[str, Any]] = []
    traced: list[Any] = []

    def before(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    def trace(statement: str) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, ()))

    def checkout(dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
        dbapi_conn.set_trace_callback(trace)
        traced.append(dbapi_conn)

    if raw:
        event.listen(store.engine, "checkout", checkout)
    else:
        event.listen(store.engine, "before_cursor_execute", before)
    out: list[tuple[str, list[str]]] = []
    try:
        yield out
    finally:
        if raw:
            event.remove(store.engine, "checkout", checkout)
            for conn in traced:
                conn.set_trace_callback(None)
        else:
            event.remove(store.engine, "before_cursor_execute", before)
    with store.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        for statement, parameters in seen:
            out.append((statement, [row[3] for row in raw.execute("EXPLAIN QUERY PLAN " + statement, parameters)]))
