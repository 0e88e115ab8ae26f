"""library: a loan closed because its book was lost with the member (lib_loans.lost_hlc, in the
covering index of a copy's loan spans); a child member known by the guardian's national ID
(lib_members.guardian_national_id); a store whose 0003m came before 0003h gains 0003h's columns

Revision ID: 0003r
Revises: 0003m
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kanoon_desk.models.base

revision: str = "0003r"
down_revision: str | Sequence[str] | None = "0003m"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SPAN = ["copy_id", "out_hlc", "id", "returned_hlc", "returned_centre", "centre"]


def _missed_0003h() -> None:
    """0003h's columns, on a store that never had them. Releases of 6 Dec 2026 (22894e4 up to
    5949f5b) put 0003m straight on 0003p, 0003h being on another branch; the merge moved 0003m
    after 0003h, so their stores are «at 0003m» without 0003h, and alembic never runs it for
    them (0003w then failed on `sent_at` and the store did not open). A store that did run 0003h
    is left as it is."""
    held = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("lib_holds")}
    if "sent_at" not in held:
        op.add_column("lib_holds", sa.Column("sent_at", kanoon_desk.models.base.UTCDateTime(), nullable=True))
    if "sent_from" not in held:
        op.add_column("lib_holds", sa.Column("sent_from", sa.String(length=16), nullable=True))


def upgrade() -> None:
    _missed_0003h()
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
