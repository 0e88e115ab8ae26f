"""events of members' erasures by member: an SMS notice pushed for a child whose details were
removed at another centre (`member.erased`) is stored withdrawn, without its text or number
(`exchange_notices.forget_erased_members` looks the erasure up); the notices of members erased
before this version are withdrawn unsent and emptied of their text and number, as that function
does from now on, and their photos are no longer served (`exchange_notices.forget_erased_photos`)

Revision ID: s0011
Revises: s0010
Create Date: 2026-12-07 15:30:00
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "s0011"
down_revision: str | Sequence[str] | None = "s0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


ERASED_REASON = "withdrawn: the member's details were removed (member.erased) before it was sent"


def upgrade() -> None:
    op.create_index("ix_events_member_erased", "events", ["aggregate_id"], unique=False,
                    postgresql_where=sa.text("type = 'member.erased'"), sqlite_where=sa.text("type = 'member.erased'"))
    bind = op.get_bind()
    erased: set[str] = set()
    photos: set[str] = set()
    for member_id, payload in bind.execute(sa.text("SELECT aggregate_id, payload FROM events "
                                                   "WHERE type = 'member.erased'")):
        erased.add(member_id)
        doc = json.loads(payload) if isinstance(payload, str | bytes) else payload
        if isinstance(doc, dict) and isinstance(doc.get("photo_gone"), str):
            photos.add(doc["photo_gone"])
    if photos:  # an erased child's photo: served to no desk any more (its file is left to the admin)
        bind.execute(sa.text("DELETE FROM attachment_refs WHERE sha256 IN :shas")
                     .bindparams(sa.bindparam("shas", expanding=True)), {"shas": sorted(photos)})
    if not erased:
        return
    ids = []
    for event_id, payload in bind.execute(sa.text(
            "SELECT o.event_id, e.payload FROM sms_outbox o JOIN events e ON e.id = o.event_id "
            "WHERE e.type = 'notice.queued' AND o.text <> ''")):
        doc = json.loads(payload) if isinstance(payload, str | bytes) else payload
        if isinstance(doc, dict) and doc.get("member_id") in erased:
            ids.append(event_id)
    for i in range(0, len(ids), 500):
        chunk = {"ids": ids[i:i + 500]}
        bind.execute(sa.text("UPDATE sms_outbox SET status = 'withdrawn', last_error = :why, claimed_at = NULL "
                             "WHERE event_id IN :ids AND status IN ('pending', 'sending')")
                     .bindparams(sa.bindparam("ids", expanding=True)), {**chunk, "why": ERASED_REASON})
        bind.execute(sa.text("UPDATE sms_outbox SET text = '', mobile = '' WHERE event_id IN :ids")
                     .bindparams(sa.bindparam("ids", expanding=True)), chunk)


def downgrade() -> None:
    op.drop_index("ix_events_member_erased", table_name="events")
