"""sms_outbox.hold_id: a «ready to collect» notice is withdrawn unsent when its hold stops being
ready before the gateway got to it (collected, requeued, cancelled, expired: a desk that worked
offline pushes the notice and the hold's end together)

Revision ID: s0008
Revises: s0007
Create Date: 2026-12-06 03:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "s0008"
down_revision: str | Sequence[str] | None = "s0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sms_outbox") as batch_op:
        batch_op.add_column(sa.Column("hold_id", sa.String(length=36), nullable=True))
        batch_op.create_index("ix_sms_outbox_hold", ["hold_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sms_outbox") as batch_op:
        batch_op.drop_index("ix_sms_outbox_hold")
        batch_op.drop_column("hold_id")
