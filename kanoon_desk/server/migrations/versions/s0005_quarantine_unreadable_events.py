"""quarantine events an older server stored with a payload its database cannot read

Before the push refused them, a payload holding NaN or ±Infinity was stored on SQLite as the text
Python writes for them, which SQLite's JSON functions refuse: every pull and snapshot page that
held such an event failed, for every office that saw it. Those events are set aside here: their
scope becomes `QUARANTINE_SCOPE` (no office's), so no pull, snapshot or summary reads them again,
and the running digest totals they were counted in are counted again without them. The rows are
kept (their ids stay known, so the same event pushed again is a duplicate, not a new one).
PostgreSQL's jsonb never held one (it refused them), so there is nothing to do there.

Revision ID: s0005
Revises: s0004
Create Date: 2026-12-06 09:00:00
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "s0005"
down_revision: str | Sequence[str] | None = "s0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: `server_models.QUARANTINE_SCOPE` as this revision wrote it.
QUARANTINE_SCOPE = "!unreadable"


def upgrade() -> None:
    from kanoon_desk.digest import EventDigest

    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    bad = conn.execute(sa.text("SELECT id, scope, aggregate_type FROM events WHERE NOT json_valid(payload)")).all()
    if not bad:
        return
    logging.getLogger("kanoon.server").warning(
        "quarantined %d events whose payload is not valid JSON: %s", len(bad), ", ".join(r[0] for r in bad))
    conn.execute(sa.text("UPDATE events SET scope = :q, tracking_code = NULL WHERE NOT json_valid(payload)"),
                 {"q": QUARANTINE_SCOPE})
    for scope, aggregate_type in sorted({(r[1], r[2]) for r in bad}):
        d = EventDigest()
        for event_id, event_type, payload, hlc in conn.execute(sa.text(
                "SELECT id, type, payload, hlc FROM events WHERE scope = :s AND aggregate_type = :a"),
                {"s": scope, "a": aggregate_type}):
            d.add(event_id, event_type, payload, hlc)
        conn.execute(sa.text("DELETE FROM digest_totals WHERE scope = :s AND aggregate_type = :a"),
                     {"s": scope, "a": aggregate_type})
        if d.count:
            conn.execute(sa.text("INSERT INTO digest_totals (scope, aggregate_type, events, digest) "
                                 "VALUES (:s, :a, :n, :d)"),
                         {"s": scope, "a": aggregate_type, "n": d.count, "d": d.hexdigest()})


def downgrade() -> None:
    """The events stay set aside (their payloads are still unreadable)."""
