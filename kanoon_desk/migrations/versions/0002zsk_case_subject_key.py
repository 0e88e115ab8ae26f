"""secretariat: a case's subject as the cartable's words are matched (case_keys)

The cartable's filter folded every item's subject in SQL (`fa_search_key`, a Python function called
once per row: about a second a look-up in a cartable of 100,000 items); the key is kept by the fold
in a narrow table beside the case, made here once for the cases a store holds (a new table's rows:
the cases themselves are not written again, which took 4.4 s on 100,000 cases, 1.7 s this way).

Revision ID: 0002zsk
Revises: 0002ze
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002zsk"
down_revision: str | Sequence[str] | None = "0002ze"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "case_keys",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("subject_key", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_keys")),
        info={"projection": True},
    )
    # `fa_search_key` is `persian.search_key`, the function each connection of a store has
    op.execute("INSERT INTO case_keys (case_id, subject_key) SELECT id, fa_search_key(subject) FROM cases")


def downgrade() -> None:
    op.drop_table("case_keys")
