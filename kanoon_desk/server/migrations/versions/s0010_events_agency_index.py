"""events of agencies by agency: the public status look-up names the agency a case waits on
(`status._agency_name` reads the agency's newest name)

Revision ID: s0010
Revises: s0009
Create Date: 2026-12-07 12:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "s0010"
down_revision: str | Sequence[str] | None = "s0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_events_agency", "events", ["aggregate_id", "hlc"], unique=False,
                    postgresql_where=sa.text("aggregate_type = 'agency'"),
                    sqlite_where=sa.text("aggregate_type = 'agency'"))


def downgrade() -> None:
    op.drop_index("ix_events_agency", table_name="events")
