"""library: the period index holds a loan's return stamp (ix_lib_loans_period: day, centre, member,
title, returned_hlc), so the reports leave voided loans out and still count from the index alone

A loan voided as the wrong one of a copy lent at two centres (`loan.voided`, its `returned_hlc` is
-1) counted in the popular titles, active readers, active centres and loans by age group. Leaving it
out needs its stamp: without it in the index every loan of the period would be looked up in the
loans table again (what 0003y did away with).

Revision ID: 0003zv
Revises: 0003z
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003zv"
down_revision: str | Sequence[str] | None = "0003z"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_lib_loans_period", table_name="lib_loans")
    op.create_index("ix_lib_loans_period", "lib_loans", ["out_on", "centre", "member_id", "title_id", "returned_hlc"],
                    unique=False)


def downgrade() -> None:
    op.drop_index("ix_lib_loans_period", table_name="lib_loans")
    op.create_index("ix_lib_loans_period", "lib_loans", ["out_on", "centre", "member_id", "title_id"], unique=False)
