"""Fold of title events: the catalogue's titles and their full-text search index."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from sqlalchemy import delete, text
from sqlalchemy.orm import Session

from ...eventlog import (
    FoldEvent,
    SqliteStatement,
    batch_projector,
    insert_values,
    insert_values_many,
    projector,
    register_reset_sql,
    resetter,
)
from ...models.library import Title
from ...persian import search_key

FTS_TABLE = "lib_titles_fts"
register_reset_sql(f"DELETE FROM {FTS_TABLE}")


TITLE_FIELDS = ("title", "author", "publisher", "isbn", "age_group", "subject")


_FTS_DELETE = SqliteStatement(text(f"DELETE FROM {FTS_TABLE} WHERE title_id = :id"))
_FTS_INSERT = SqliteStatement(text(f"INSERT INTO {FTS_TABLE}(title_id, body) VALUES (:id, :body)"))


def _index_title(s: Session, t: Title) -> None:
    _FTS_DELETE.run(s, id=t.id)
    _FTS_INSERT.run(s, id=t.id, body=_title_body(t))


def _new_title(e: FoldEvent) -> dict[str, Any]:
    """The row a `title.added` event makes."""
    row: dict[str, Any] = dict(id=e.aggregate_id, title="", author="", publisher="", isbn="", age_group="",
                               subject="", added_at=e.recorded_at)
    for key in TITLE_FIELDS:
        if key in e.payload:
            row[key] = e.payload[key]
    return row


def _title_body(t: Any) -> str:
    """The title's search text in its FTS row (`t`: a Title, or a new row as a namespace)."""
    return search_key(" ".join([t.title, t.author, t.publisher, t.subject, t.isbn]))


@projector("title.added", "title")
def _title_added(s: Session, e: FoldEvent) -> None:
    row = _new_title(e)
    insert_values(s, Title, row)
    _FTS_INSERT.run(s, id=row["id"], body=_title_body(SimpleNamespace(**row)))  # a re-fold resets it first


@batch_projector("title.added")
def _titles_added(s: Session, events: list[FoldEvent]) -> None:
    """A run of new titles (an imported catalogue): rows and index rows as one executemany each."""
    rows = [_new_title(e) for e in events]
    insert_values_many(s, Title, rows)
    _FTS_INSERT.many(s, [{"id": row["id"], "body": _title_body(SimpleNamespace(**row))} for row in rows])


@projector("title.field_set", "title")
def _title_field_set(s: Session, e: FoldEvent) -> None:
    t = s.get(Title, e.aggregate_id)
    if t is None:
        return
    for key in TITLE_FIELDS:
        if key in e.payload:
            setattr(t, key, e.payload[key])
    s.flush()
    _index_title(s, t)


@resetter("title")
def _title_reset(s: Session, title_id: str) -> None:
    s.execute(text(f"DELETE FROM {FTS_TABLE} WHERE title_id = :id"), {"id": title_id})
    s.execute(delete(Title).where(Title.id == title_id))
