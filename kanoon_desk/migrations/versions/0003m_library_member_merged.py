"""library: a member merged into another (lib_members.merged_into), after the title index

Revision ID: 0003m
Revises: 0003h
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003m"
down_revision: str | Sequence[str] | None = "0003h"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("lib_members", schema=None) as batch_op:
        batch_op.add_column(sa.Column("merged_into", sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("lib_members", schema=None) as batch_op:
        batch_op.drop_column("merged_into")
