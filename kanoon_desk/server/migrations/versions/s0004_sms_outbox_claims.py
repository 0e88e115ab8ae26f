"""sms outbox: a claim time, and an index by status and age

The drain used to call the gateway inside the row's write transaction (on SQLite the whole
server's writer lock: every push waited for the SMS provider). A notice is now claimed
(`status = 'sending'`, `claimed_at`) in a short transaction, sent with no lock held, and its
outcome written in another; a claim left by a crash expires and the notice is sent again.
The drain's reads (pending notices oldest first, expired claims) were full scans of a table
that keeps every notice ever sent.

Revision ID: s0004
Revises: s0003
Create Date: 2026-12-04 14:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "s0004"
down_revision: str | Sequence[str] | None = "s0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sms_outbox") as batch_op:
        batch_op.add_column(sa.Column("claimed_at", sa.DateTime(), nullable=True))
        batch_op.create_index("ix_sms_outbox_status", ["status", "queued_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sms_outbox") as batch_op:
        batch_op.drop_index("ix_sms_outbox_status")
        batch_op.drop_column("claimed_at")
