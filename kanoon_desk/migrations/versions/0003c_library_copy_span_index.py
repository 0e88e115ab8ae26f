"""library: a covering index for the recompute of a copy's status from its loans

Revision ID: 0003c
Revises: 0003n
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003c"
down_revision: str | Sequence[str] | None = "0003n"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("lib_loans", schema=None) as batch_op:
        batch_op.create_index("ix_lib_loans_copy_span",
                              ["copy_id", "out_hlc", "id", "returned_hlc", "returned_centre", "centre"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("lib_loans", schema=None) as batch_op:
        batch_op.drop_index("ix_lib_loans_copy_span")
