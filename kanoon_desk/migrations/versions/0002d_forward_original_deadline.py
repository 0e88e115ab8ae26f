"""secretariat: a forward keeps the deadline its letter gave (forwards.original_deadline)

A follow-up's new deadline moved `forwards.deadline`, and the report counted lateness from it: an
agency that was late and then got a follow-up dropped out of "overdue by agency". The fold now
also keeps the letter's own deadline, never moved. This fills the column for the forwards already
folded as a re-fold does: the `deadline` of the `case.forwarded` event that made the row (a
forward's id is its event's id), in SQL (no application code: a later model would not match this
revision's tables).

Revision ID: 0002d
Revises: 0002c
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002d"
down_revision: str | Sequence[str] | None = "0002c"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("forwards", schema=None) as batch_op:
        batch_op.add_column(sa.Column("original_deadline", sa.Date(), nullable=True))
    op.execute("""UPDATE forwards SET original_deadline = COALESCE(
        (SELECT json_extract(e.payload, '$.deadline') FROM events e WHERE e.id = forwards.id), deadline)""")
    with op.batch_alter_table("forwards", schema=None) as batch_op:
        batch_op.alter_column("original_deadline", existing_type=sa.Date(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("forwards", schema=None) as batch_op:
        batch_op.drop_column("original_deadline")
