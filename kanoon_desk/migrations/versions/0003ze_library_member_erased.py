"""library: a member's personal details removed at the guardian's request (lib_members.erased_on)

A member who leaves may have their membership ended and their personal details removed
(`member.erased`): the record stays under «عضو حذف‌شده» and its number, so the loans it made
still count in the reports; `erased_on` says it happened, and the fold keeps later corrections
(an offline desk's) from writing the details back.

Revision ID: 0003ze
Revises: 0003zv
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003ze"
down_revision: str | Sequence[str] | None = "0003zv"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("lib_members") as batch:
        batch.add_column(sa.Column("erased_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("lib_members") as batch:
        batch.drop_column("erased_on")
