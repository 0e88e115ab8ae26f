"""library: a loan closed because its book was lost with the member (lib_loans.lost_hlc, in the
covering index of a copy's loan spans); a child member known by the guardian's national ID
(lib_members.guardian_national_id)

Revision ID: 0003r
Revises: 0003m
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003r"
down_revision: str | Sequence[str] | None = "0003m"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SPAN = ["copy_id", "out_hlc", "id", "returned_hlc", "returned_centre", "centre"]


def upgrade() -> None:
    # plain ALTER TABLE ADD COLUMN and index statements: no copy of a table of millions of loans
    op.add_column("lib_loans", sa.Column("lost_hlc", sa.BigInteger(), nullable=True))
    op.drop_index("ix_lib_loans_copy_span", table_name="lib_loans")
    op.create_index("ix_lib_loans_copy_span", "lib_loans", [*_SPAN, "lost_hlc"], unique=False)
    op.add_column("lib_members", sa.Column("guardian_national_id", sa.String(length=10), server_default="",
                                           nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("lib_members", schema=None) as batch_op:
        batch_op.drop_column("guardian_national_id")
    with op.batch_alter_table("lib_loans", schema=None) as batch_op:
        batch_op.drop_index("ix_lib_loans_copy_span")
        batch_op.create_index("ix_lib_loans_copy_span", _SPAN, unique=False)
        batch_op.drop_column("lost_hlc")
