"""secretariat: the cases rejected as duplicates (ix_cases_duplicates, partial: reject_reason 'تکراری')

A request taken twice (brought again, or one paper registered at two desks while apart) is rejected
as «تکراری» and its twin goes on; the reports count the request once, taking the duplicates' share
off each figure. This index holds only those few cases, with every column the reports read of them,
so the reports still read indexes alone however many cases the store holds.

Revision ID: 0002zd
Revises: 0002y
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002zd"
down_revision: str | Sequence[str] | None = "0002y"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_cases_duplicates", "cases",
                    ["received_date", "accepted_on", "closed_on", "outcome", "visits", "id", "reject_reason"], unique=False,
                    sqlite_where=sa.text("reject_reason = 'تکراری'"))


def downgrade() -> None:
    op.drop_index("ix_cases_duplicates", table_name="cases")
