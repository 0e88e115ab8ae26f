"""secretariat: cases found by the number of a letter the office sent about them (the forwarding
letter's, a follow-up letter's): ix_forwards_letter, ix_follow_ups_letter

An agency's answer cites our letter's number; the search finds the case it was about. Letters now
carry their own mark (`…-1404-L000031`), and those issued before it, which look like registration
numbers, are looked for beside them.

Revision ID: 0002v
Revises: 0002u
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002v"
down_revision: str | Sequence[str] | None = "0002u"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_forwards_letter", "forwards", ["letter_no"], unique=False)
    op.create_index("ix_follow_ups_letter", "follow_ups", ["letter_no"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_follow_ups_letter", table_name="follow_ups")
    op.drop_index("ix_forwards_letter", table_name="forwards")
