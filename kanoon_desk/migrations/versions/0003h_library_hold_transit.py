"""library: a hold's copy sent from another centre (when, from where)

Revision ID: 0003h
Revises: 0003p
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kanoon_desk.models.base

revision: str = "0003h"
down_revision: str | Sequence[str] | None = "0003p"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("lib_holds", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sent_at", kanoon_desk.models.base.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("sent_from", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("lib_holds", schema=None) as batch_op:
        batch_op.drop_column("sent_from")
        batch_op.drop_column("sent_at")
