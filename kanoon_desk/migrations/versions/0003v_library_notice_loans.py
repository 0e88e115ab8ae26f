"""library: one overdue SMS a member, naming all their late loans (lib_notice_loans), and the
notices found by member (ix_lib_notices_member: at most one a member a week)

Until now each late loan had its SMS: a child with three late books had the guardian's phone ring
three times. A notice now names its loans in lib_notice_loans; the notices queued before name the
one loan they had, copied here as a re-fold would (plain SQL: no application code).

Revision ID: 0003v
Revises: 0003t
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003v"
down_revision: str | Sequence[str] | None = "0003t"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "lib_notice_loans",
        sa.Column("notice_id", sa.String(length=36), nullable=False),
        sa.Column("loan_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("notice_id", "loan_id", name=op.f("pk_lib_notice_loans")),
        info={"projection": True},
    )
    op.create_index("ix_lib_notice_loans_loan", "lib_notice_loans", ["loan_id"], unique=False)
    op.create_index("ix_lib_notices_member", "lib_notices", ["member_id", "queued_on"], unique=False)
    op.execute("INSERT INTO lib_notice_loans (notice_id, loan_id) "
               "SELECT id, loan_id FROM lib_notices WHERE loan_id <> ''")


def downgrade() -> None:
    op.drop_index("ix_lib_notices_member", table_name="lib_notices")
    op.drop_index("ix_lib_notice_loans_loan", table_name="lib_notice_loans")
    op.drop_table("lib_notice_loans")
