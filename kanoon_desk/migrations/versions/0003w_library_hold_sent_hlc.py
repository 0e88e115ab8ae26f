"""library: when a hold's copy was sent (lib_holds.sent_hlc), so a copy whose hold was cancelled on
its way stays on its way until it is scanned where it arrives

Before, a copy sent from its home for a hold elsewhere, the hold cancelled with nobody else
waiting, was shown back on its home shelf while it travelled. The stamp is the hold's own
`hold.in_transit` event's; the copies the new fold puts on their way are set so, as a re-fold
would (plain SQL: no application code, a later model would not match this revision's tables).

Revision ID: 0003w
Revises: 0003v
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003w"
down_revision: str | Sequence[str] | None = "0003v"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("lib_holds", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sent_hlc", sa.BigInteger(), nullable=True))
    op.execute("""
        UPDATE lib_holds SET sent_hlc = (
            SELECT MAX(e.hlc) FROM events e WHERE e.aggregate_id = lib_holds.id AND e.type = 'hold.in_transit')
        WHERE sent_at IS NOT NULL""")
    # a copy on its home shelf whose hold ended after it was sent, with no arrival, checkout or
    # return since: on its way (where it left from stays its location, as for a hold on its way)
    op.execute("""
        UPDATE lib_copies SET status = 'in_transit'
        WHERE status = 'on_shelf' AND EXISTS (
            SELECT 1 FROM lib_holds h
            WHERE h.copy_id = lib_copies.id AND h.status = 'cancelled' AND h.sent_hlc IS NOT NULL
              AND h.sent_hlc > COALESCE(lib_copies.received_hlc, 0)
              AND NOT EXISTS (
                  SELECT 1 FROM lib_loans l WHERE l.copy_id = lib_copies.id
                    AND (l.out_hlc > h.sent_hlc OR (l.returned_hlc IS NOT NULL AND l.returned_hlc > h.sent_hlc))))""")


def downgrade() -> None:
    # the older fold shows such a copy on its shelf again
    op.execute("""
        UPDATE lib_copies SET status = 'on_shelf'
        WHERE status = 'in_transit' AND location = home_centre AND NOT EXISTS (
            SELECT 1 FROM lib_holds h WHERE h.copy_id = lib_copies.id AND h.status = 'in_transit')""")
    with op.batch_alter_table("lib_holds", schema=None) as batch_op:
        batch_op.drop_column("sent_hlc")
