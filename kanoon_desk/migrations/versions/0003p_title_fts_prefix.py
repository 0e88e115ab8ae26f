"""library: prefix indexes (2 to 6 letters) on the title search (see 0002p)

Revision ID: 0003p
Revises: 0003c
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003p"
down_revision: str | Sequence[str] | None = "0003c"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'"


def _rebuild(options: str) -> None:
    op.execute(f"CREATE VIRTUAL TABLE lib_titles_fts_rebuilt USING fts5(title_id UNINDEXED, body, {options})")
    op.execute("INSERT INTO lib_titles_fts_rebuilt(rowid, title_id, body) "
               "SELECT rowid, title_id, body FROM lib_titles_fts")
    op.execute("DROP TABLE lib_titles_fts")
    op.execute("ALTER TABLE lib_titles_fts_rebuilt RENAME TO lib_titles_fts")


def upgrade() -> None:
    _rebuild(TOKENIZE + ", prefix='2 3 4 5 6'")


def downgrade() -> None:
    _rebuild(TOKENIZE)
