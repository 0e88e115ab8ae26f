"""library: a cultural centre closed (offices.closed_on, offices.closed_into)

A centre is closed once nothing is left open there (`library_rules.close_centre`): its members
and copies go to another centre in the same step; the closed one stays (its past loans and
reports name it) but is chosen for nothing new.

Revision ID: 0003zf
Revises: 0003ze
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003zf"
down_revision: str | Sequence[str] | None = "0003ze"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("offices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("closed_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("closed_into", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("offices", schema=None) as batch_op:
        batch_op.drop_column("closed_into")
        batch_op.drop_column("closed_on")
