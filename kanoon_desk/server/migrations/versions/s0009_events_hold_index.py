"""events of holds by hold: a «ready» notice pushed after its hold ended on another desk, or a
second one for a hold its member was already told of, is withdrawn (`withdraw_stale_notices`
looks up the hold's events)

Revision ID: s0009
Revises: s0008
Create Date: 2026-12-07 04:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "s0009"
down_revision: str | Sequence[str] | None = "s0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_events_hold", "events", ["aggregate_id", "server_seq"], unique=False,
                    postgresql_where=sa.text("aggregate_type = 'hold'"), sqlite_where=sa.text("aggregate_type = 'hold'"))


def downgrade() -> None:
    op.drop_index("ix_events_hold", table_name="events")
