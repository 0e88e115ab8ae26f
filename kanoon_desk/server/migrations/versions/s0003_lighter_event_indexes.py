"""event indexes that match the reads: the unread (device_id, client_seq) index dropped, the
tracking-code index made partial (only case events carry a code), and case events indexed by
case for the status look-up

Every pushed event paid for the first two: five B-trees per row against the three the server
reads by (id, server_seq, scope + server_seq) and the status look-up's codes. No query filters on
a device's client sequence numbers (a push checks them against the device row), and an index of
NULL codes answers no look-up. The status look-up's second step (the case's newest public event)
read the whole events table; the new index holds case events only.

Revision ID: s0003
Revises: s0002
Create Date: 2026-12-04 13:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "s0003"
down_revision: str | Sequence[str] | None = "s0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_HAS_CODE = sa.text("tracking_code IS NOT NULL")
_IS_CASE = sa.text("aggregate_type = 'case'")


def upgrade() -> None:
    with op.batch_alter_table("events") as batch_op:
        batch_op.drop_index("ix_events_device_seq")
        batch_op.drop_index("ix_events_tracking")
    op.create_index("ix_events_tracking", "events", ["tracking_code"], postgresql_where=_HAS_CODE,
                    sqlite_where=_HAS_CODE)
    op.create_index("ix_events_case", "events", ["aggregate_id", "hlc"], postgresql_where=_IS_CASE,
                    sqlite_where=_IS_CASE)


def downgrade() -> None:
    op.drop_index("ix_events_case", table_name="events")
    op.drop_index("ix_events_tracking", table_name="events")
    with op.batch_alter_table("events") as batch_op:
        batch_op.create_index("ix_events_tracking", ["tracking_code"], unique=False)
        batch_op.create_index("ix_events_device_seq", ["device_id", "client_seq"], unique=False)
