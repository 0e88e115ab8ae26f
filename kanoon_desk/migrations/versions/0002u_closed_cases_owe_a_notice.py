"""secretariat: a case closed with nothing told or owed its applicant (closed as not the agency's,
unresolved, or resolved before any answer) owes them a notice (cases.notice = 'due'), as its
re-fold now gives: it enters the «به متقاضی اعلام نشده» work queue and its status says so

The fold sets it at the close when the case owed nothing; a notice after the close makes it 'told'
and a reopen clears it, so a closed case with no notice value is exactly one the new fold owes.
Filled in SQL (no application code: a later model would not match this revision's tables).

Revision ID: 0002u
Revises: 0002s
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002u"
down_revision: str | Sequence[str] | None = "0002s"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("UPDATE cases SET notice = 'due' WHERE notice IS NULL AND status = 'closed'")


def downgrade() -> None:
    # nothing to undo: the older fold reads 'due' on a closed case as a notice still owed
    pass
