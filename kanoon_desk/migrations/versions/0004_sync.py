"""desk-side sync tables: sync_log, sync_rejections

Revision ID: 0004
Revises: 0001
Create Date: 2026-11-23 09:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kanoon_desk.models.base

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_log",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("started_at", kanoon_desk.models.base.UTCDateTime(), nullable=False),
        sa.Column("finished_at", kanoon_desk.models.base.UTCDateTime(), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("pushed", sa.Integer(), nullable=False),
        sa.Column("pulled", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_log")),
    )
    with op.batch_alter_table("sync_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_log_started_at"), ["started_at"], unique=False)
    op.create_table(
        "sync_rejections",
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("client_seq", sa.BigInteger(), nullable=False),
        sa.Column("event_type", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", kanoon_desk.models.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_sync_rejections")),
    )


def downgrade() -> None:
    op.drop_table("sync_rejections")
    with op.batch_alter_table("sync_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_log_started_at"))
    op.drop_table("sync_log")
