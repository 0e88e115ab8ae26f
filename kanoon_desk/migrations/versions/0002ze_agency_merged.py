"""secretariat: an agency merged into another (agencies.merged_into, agencies.merged_on)

The governorate reorganises and two agencies become one (`agency.merged`): the merged one keeps
its row (its letters and the cases' timelines name it) with the survivor it went into and the day.

Revision ID: 0002ze
Revises: 0002zd
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002ze"
down_revision: str | Sequence[str] | None = "0002zd"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("agencies", schema=None) as batch_op:
        batch_op.add_column(sa.Column("merged_into", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("merged_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("agencies", schema=None) as batch_op:
        batch_op.drop_column("merged_on")
        batch_op.drop_column("merged_into")
