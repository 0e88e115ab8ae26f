"""digest totals: running count and digest per scope and aggregate type, filled from the events

Revision ID: s0002
Revises: s0001
Create Date: 2026-12-02 08:05:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "s0002"
down_revision: str | Sequence[str] | None = "s0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from kanoon_desk.digest import EventDigest

    totals = op.create_table(
        "digest_totals",
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("aggregate_type", sa.String(length=32), nullable=False),
        sa.Column("events", sa.BigInteger(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("scope", "aggregate_type", name=op.f("pk_digest_totals")),
    )
    # the events already held, once (streamed: a server may hold millions)
    events = sa.table("events", sa.column("scope"), sa.column("aggregate_type"), sa.column("id"),
                      sa.column("type"), sa.column("payload", sa.Text), sa.column("hlc"))
    conn = op.get_bind()
    payload = sa.cast(events.c.payload, sa.Text) if conn.dialect.name == "postgresql" else events.c.payload
    got: dict[tuple[str, str], EventDigest] = {}
    rows = conn.execute(sa.select(events.c.scope, events.c.aggregate_type, events.c.id, events.c.type, payload,
                                  events.c.hlc).execution_options(yield_per=5000))
    for scope, aggregate_type, event_id, event_type, text, hlc in rows:
        got.setdefault((scope, aggregate_type), EventDigest()).add(event_id, event_type, text, hlc)
    if got:
        op.bulk_insert(totals, [{"scope": k[0], "aggregate_type": k[1], "events": d.count, "digest": d.hexdigest()}
                                for k, d in sorted(got.items())])


def downgrade() -> None:
    op.drop_table("digest_totals")
