"""secretariat: notices by method and day (ix_notices_method_day): each sync round asks the server
what became of the newest SMS notices not yet settled, without reading every notice of the office

Revision ID: 0002s
Revises: 0002n
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002s"
down_revision: str | Sequence[str] | None = "0002n"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("notices", schema=None) as batch_op:
        batch_op.create_index("ix_notices_method_day", ["method", "day"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("notices", schema=None) as batch_op:
        batch_op.drop_index("ix_notices_method_day")
