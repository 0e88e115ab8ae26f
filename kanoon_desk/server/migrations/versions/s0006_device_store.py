"""devices: the store a device's requests come from (devices.store_id)

A desk restored from an old backup takes back the events the server holds from it and numbers
its own past them; doing so, it names its store anew, and the server keeps that name. A request
from a store of the same device under the old name is then a second copy of the desk (a store
copied to another computer), refused with what to do, rather than two computers writing as one
device.

Revision ID: s0006
Revises: s0005
Create Date: 2026-12-07 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "s0006"
down_revision: str | Sequence[str] | None = "s0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("devices") as batch_op:
        batch_op.add_column(sa.Column("store_id", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("devices") as batch_op:
        batch_op.drop_column("store_id")
