"""sync: what the server did with each SMS a desk asked for (sms_outcomes)

Revision ID: 0004s
Revises: 0004r
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kanoon_desk.models.base

revision: str = "0004s"
down_revision: str | Sequence[str] | None = "0004r"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sms_outcomes",
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("sent_at", kanoon_desk.models.base.UTCDateTime(), nullable=True),
        sa.Column("checked_at", kanoon_desk.models.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_sms_outcomes")),
    )
    with op.batch_alter_table("sms_outcomes", schema=None) as batch_op:
        batch_op.create_index("ix_sms_outcomes_status", ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sms_outcomes", schema=None) as batch_op:
        batch_op.drop_index("ix_sms_outcomes_status")
    op.drop_table("sms_outcomes")
