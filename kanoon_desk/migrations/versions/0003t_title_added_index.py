"""library: titles by the moment they were added (ix_lib_titles_added): the catalogue opens on the
titles added last, without sorting the whole catalogue (60,000 titles: 106 ms before, on opening)

Revision ID: 0003t
Revises: 0003r
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003t"
down_revision: str | Sequence[str] | None = "0003r"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("lib_titles", schema=None) as batch_op:
        batch_op.create_index("ix_lib_titles_added", ["added_at", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("lib_titles", schema=None) as batch_op:
        batch_op.drop_index("ix_lib_titles_added")
