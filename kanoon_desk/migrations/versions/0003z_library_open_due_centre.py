"""library: the open loans' due index holds the centre (ix_lib_loans_open_due: returned_at, due_on,
centre), so one centre's overdue loans are counted from the index alone

The overdue list narrowed to a centre counted its loans by looking every overdue loan (82,000 of
2 million on the large store) up in the loans table for its centre: choosing a centre held the
page 330-360 ms. With the centre in the index the count reads the index only (about 10 ms), and a
page reads only its own centre's loans from the table.

Revision ID: 0003z
Revises: 0003y
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003z"
down_revision: str | Sequence[str] | None = "0003y"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_lib_loans_open_due", table_name="lib_loans")
    op.create_index("ix_lib_loans_open_due", "lib_loans", ["returned_at", "due_on", "centre"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_lib_loans_open_due", table_name="lib_loans")
    op.create_index("ix_lib_loans_open_due", "lib_loans", ["returned_at", "due_on"], unique=False)
