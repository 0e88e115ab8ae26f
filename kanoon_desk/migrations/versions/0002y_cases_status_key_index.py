"""secretariat: a status's cases newest first from one index (ix_cases_status_key: status, fts_key)

The search page's status filter lists the status's cases newest received first, 50 at a time. With
only (status, received_date) and (status, deadline) SQLite read every case of the status and sorted
them to keep one page: on a million cases «مختومه» (751,000) took 1.3-2.2 s a page, «ارسال به
دستگاه» (67,000) 130-250 ms. The index gives them in that order; a page reads its own rows.

Revision ID: 0002y
Revises: 0002x
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002y"
down_revision: str | Sequence[str] | None = "0002x"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_cases_status_key", "cases", ["status", "fts_key"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_cases_status_key", table_name="cases")
