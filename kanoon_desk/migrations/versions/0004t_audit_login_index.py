"""audit: the log-in entries by user name (ix_audit_login, partial: action LIKE 'login.%')

Log-in now waits after repeated wrong passwords for one user name (`accounts.login_wait`), counted
from the audit chain's log-in entries so that the wait holds across a restart of the app. Every
event writes an audit entry; this index holds only the log-in ones, so reading a name's last
attempts touches a few rows however long the chain is, and recording an event costs no more.

Revision ID: 0004t
Revises: 0004s
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004t"
down_revision: str | Sequence[str] | None = "0004s"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_audit_login", "audit", ["username", "seq"], unique=False,
                    sqlite_where=sa.text("action LIKE 'login.%'"))


def downgrade() -> None:
    op.drop_index("ix_audit_login", table_name="audit")
