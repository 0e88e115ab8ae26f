"""A case's row as the fold reads and writes it (without the ORM), its FTS5 entry, and payload dates."""

from __future__ import annotations

import functools
import hashlib
from datetime import date, datetime
from typing import Any

from sqlalchemy import String, bindparam, func, select, text
from sqlalchemy.orm import Session

from ...eventlog import (
    FoldEvent,
    SqliteStatement,
    column_setter,
    defer_each,
    json_list,
    kept,
    refresh_held,
    register_reset_sql,
)
from ...models import table_of
from ...models.secretariat import Case
from ...persian import search_key

register_reset_sql("DELETE FROM case_fts")


_EPOCH = date(1970, 1, 1)
_HASH_BITS = 46


def fts_key(case_id: str, received: date) -> int:
    """The case's integer row key in `case_fts`, the same on every desk: the received day in the
    high bits, a hash of the id below, so `ORDER BY rowid DESC` lists the newest first without a
    sort and a word search stops after one page."""
    h = int.from_bytes(hashlib.blake2b(case_id.encode(), digest_size=6).digest(), "big") >> 2
    return ((received - _EPOCH).days << _HASH_BITS) | h


def fts_body(c: Case | CaseRow) -> str:
    parts = [c.subject, c.text, c.category, c.applicant_name, c.national_id, c.tracking_code,
             c.registration_no or ""]
    return search_key(" ".join(p for p in parts if p))


def _day(p: dict[str, Any], key: str = "day") -> date:
    return date.fromisoformat(p[key])


def _at(e: FoldEvent) -> datetime:
    raw = e.payload.get("at")
    return datetime.fromisoformat(raw) if raw else e.recorded_at


_FTS_DELETE = SqliteStatement(text("DELETE FROM case_fts WHERE rowid = :k"))
_FTS_INSERT = SqliteStatement(text("INSERT INTO case_fts(rowid, body) VALUES (:k, :b)"))


def _write_fts(s: Session, c: Case | CaseRow, *, new: bool) -> None:
    """The case's words in `case_fts`: at once, or, while a page or a re-fold is folded
    (`eventlog.deferring`), once per case when the block ends, from the row as it is then. A case
    received and registered in one page was otherwise indexed, deleted (an FTS5 delete reads the
    row's words back) and indexed again; no projector reads the index meanwhile."""
    if defer_each(s, "case_fts", c.id, functools.partial(_write_fts_of, s)):
        return
    if not new:
        _FTS_DELETE.run(s, k=c.fts_key)
    _FTS_INSERT.run(s, k=c.fts_key, b=fts_body(c))


def _write_fts_of(s: Session, case_ids: list[str]) -> None:
    """`_write_fts` for the cases queued in a block: one read of their rows, then for each its old
    entry removed (if any) and the new one written."""
    rows = _CASE_ROWS.rows(s, ids=json_list(case_ids))
    _FTS_DELETE.many(s, [{"k": r.fts_key} for r in rows])
    _FTS_INSERT.many(s, [{"k": r.fts_key, "b": fts_body(r)} for r in rows])


_CASES = table_of(Case)
_CASE_COLUMNS = tuple(col.key for col in _CASES.columns)


class CaseRow:
    """A case's row as the fold reads and changes it, without the ORM.

    Read with one plain SELECT the first time an event of the transaction needs it, then kept for
    the transaction (`eventlog.kept`); each projector writes what it changed as one UPDATE of those
    columns (`_save`), and a `Case` object the session holds takes the same values. The ORM's load,
    dirty tracking and flush per case event were most of a re-fold's secretariat time."""

    __slots__ = ("_values", "_dirty")

    def __init__(self, *values: Any) -> None:
        object.__setattr__(self, "_values", dict(zip(_CASE_COLUMNS, values, strict=True)))
        object.__setattr__(self, "_dirty", {})

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value: Any) -> None:
        if name not in self._values:
            raise AttributeError(f"cases has no column {name!r}")
        self._values[name] = value
        self._dirty[name] = value


_CASE_ROW = SqliteStatement(select(*_CASES.columns).where(_CASES.c.id == bindparam("id")), typed=True, row=CaseRow)
_CASE_ROWS = SqliteStatement(select(*_CASES.columns).where(_CASES.c.id.in_(
    select(func.json_each(bindparam("ids", type_=String)).table_valued("value").c.value))), typed=True, row=CaseRow)


def _row(s: Session, case_id: str) -> CaseRow | None:
    """The case's row, kept for the transaction; None if the store has no such case."""
    held = kept(s)
    row: CaseRow | None = held.get((CaseRow, case_id))
    if row is None or row._dirty:  # (changes never saved: a projector failed midway)
        row = _CASE_ROW.first(s, id=case_id)
        if row is not None:
            held[(CaseRow, case_id)] = row
    return row


def _save(s: Session, c: CaseRow) -> None:
    """Write the columns the projector changed (one UPDATE) and pass them to a held `Case`."""
    changes = c._dirty
    if not changes:
        return
    column_setter(_CASES, "case_id", tuple(sorted(changes))).run(
        s, case_id=c.id, **{"v_" + k: v for k, v in changes.items()})
    refresh_held(s, Case, c.id, dict(changes))
    changes.clear()
