"""attachment_refs: which scopes' events name each file, so a file goes only to an office that sees one

`GET /v1/attachments/{sha}` served any file to any enrolled device. A file now goes to a device
only when an event its office sees (its own office's, or the shared registry's) names it in its
payload's `sha256` (a case's scanned letter, a member's photo). The push adds a row for each
event that names a file; here the rows of the events already held.

Revision ID: s0007
Revises: s0006
Create Date: 2026-12-07 11:00:00
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "s0007"
down_revision: str | Sequence[str] | None = "s0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SHA_RE = re.compile(r"^[0-9a-f]{64}$")


def upgrade() -> None:
    op.create_table(
        "attachment_refs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("sha256", "scope", name=op.f("pk_attachment_refs")),
    )
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        found = conn.execute(sa.text("SELECT DISTINCT payload->>'sha256', scope FROM events "
                                     "WHERE payload ? 'sha256'"))
    else:  # (an unreadable payload, set aside by s0005, names nothing)
        found = conn.execute(sa.text("SELECT DISTINCT json_extract(payload, '$.sha256'), scope FROM events "
                                     "WHERE json_valid(payload) AND json_extract(payload, '$.sha256') IS NOT NULL"))
    rows = [{"sha256": sha, "scope": scope} for sha, scope in found if isinstance(sha, str) and SHA_RE.match(sha)]
    if rows:
        conn.execute(sa.text("INSERT INTO attachment_refs (sha256, scope) VALUES (:sha256, :scope)"), rows)


def downgrade() -> None:
    op.drop_table("attachment_refs")
