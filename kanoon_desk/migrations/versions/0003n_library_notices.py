"""library: overdue notices queued as SMS (lib_notices), after the library tables

Revision ID: 0003n
Revises: 0003
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003n"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('lib_notices',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('loan_id', sa.String(length=36), nullable=False),
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('queued_on', sa.Date(), nullable=False),
    sa.Column('centre', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lib_notices')),
    info={'projection': True}
    )
    with op.batch_alter_table('lib_notices', schema=None) as batch_op:
        batch_op.create_index('ix_lib_notices_loan', ['loan_id', 'queued_on'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('lib_notices', schema=None) as batch_op:
        batch_op.drop_index('ix_lib_notices_loan')
    op.drop_table('lib_notices')
