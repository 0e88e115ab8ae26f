"""library: members, titles (with FTS5), copies, loans, holds, stock-takes, rules, overrides

Revision ID: 0003
Revises: 0001
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kanoon_desk.models.base

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('lib_copies',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('barcode', sa.String(length=32), nullable=False),
    sa.Column('title_id', sa.String(length=36), nullable=False),
    sa.Column('home_centre', sa.String(length=16), nullable=False),
    sa.Column('shelf', sa.String(length=32), nullable=False),
    sa.Column('loanable', sa.Boolean(), nullable=False),
    sa.Column('added_at', kanoon_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('withdrawn', sa.Boolean(), nullable=False),
    sa.Column('lost_hlc', sa.BigInteger(), nullable=True),
    sa.Column('received_hlc', sa.BigInteger(), nullable=True),
    sa.Column('received_centre', sa.String(length=16), nullable=True),
    sa.Column('sent_hlc', sa.BigInteger(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('location', sa.String(length=16), nullable=False),
    sa.Column('current_loan_id', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lib_copies')),
    info={'projection': True}
    )
    with op.batch_alter_table('lib_copies', schema=None) as batch_op:
        batch_op.create_index('ix_lib_copies_barcode', ['barcode'], unique=False)
        batch_op.create_index('ix_lib_copies_home', ['home_centre', 'shelf'], unique=False)
        batch_op.create_index('ix_lib_copies_title', ['title_id'], unique=False)

    op.create_table('lib_holds',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('title_id', sa.String(length=36), nullable=False),
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('pickup_centre', sa.String(length=16), nullable=False),
    sa.Column('placed_at', kanoon_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('placed_hlc', sa.BigInteger(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('copy_id', sa.String(length=36), nullable=True),
    sa.Column('ready_until', sa.Date(), nullable=True),
    sa.Column('notified', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lib_holds')),
    info={'projection': True}
    )
    with op.batch_alter_table('lib_holds', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lib_holds_copy_id'), ['copy_id'], unique=False)
        batch_op.create_index('ix_lib_holds_member', ['member_id'], unique=False)
        batch_op.create_index('ix_lib_holds_title', ['title_id', 'status', 'placed_hlc'], unique=False)

    op.create_table('lib_loan_rules',
    sa.Column('category', sa.String(length=16), nullable=False),
    sa.Column('period_days', sa.Integer(), nullable=False),
    sa.Column('max_loans', sa.Integer(), nullable=False),
    sa.Column('max_renewals', sa.Integer(), nullable=False),
    sa.Column('hold_days', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('category', name=op.f('pk_lib_loan_rules')),
    info={'projection': True}
    )
    op.create_table('lib_loans',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('copy_id', sa.String(length=36), nullable=False),
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('title_id', sa.String(length=36), nullable=False),
    sa.Column('centre', sa.String(length=16), nullable=False),
    sa.Column('out_at', kanoon_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('out_hlc', sa.BigInteger(), nullable=False),
    sa.Column('out_on', sa.Date(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('renewals', sa.Integer(), nullable=False),
    sa.Column('returned_at', kanoon_desk.models.base.UTCDateTime(), nullable=True),
    sa.Column('returned_hlc', sa.BigInteger(), nullable=True),
    sa.Column('returned_on', sa.Date(), nullable=True),
    sa.Column('returned_centre', sa.String(length=16), nullable=True),
    sa.Column('overridden', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lib_loans')),
    info={'projection': True}
    )
    with op.batch_alter_table('lib_loans', schema=None) as batch_op:
        batch_op.create_index('ix_lib_loans_copy', ['copy_id', 'returned_at'], unique=False)
        batch_op.create_index('ix_lib_loans_member', ['member_id', 'returned_at'], unique=False)
        batch_op.create_index('ix_lib_loans_open_due', ['returned_at', 'due_on'], unique=False)
        batch_op.create_index('ix_lib_loans_out_on', ['out_on'], unique=False)

    op.create_table('lib_members',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('member_no', sa.String(length=32), nullable=False),
    sa.Column('national_id', sa.String(length=10), nullable=False),
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('name_key', sa.String(length=220), nullable=False),
    sa.Column('category', sa.String(length=16), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('guardian_name', sa.String(length=200), nullable=False),
    sa.Column('guardian_phone', sa.String(length=20), nullable=False),
    sa.Column('home_centre', sa.String(length=16), nullable=False),
    sa.Column('expires_on', sa.Date(), nullable=False),
    sa.Column('photo', sa.String(length=400), nullable=False),
    sa.Column('registered_at', kanoon_desk.models.base.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lib_members')),
    info={'projection': True}
    )
    with op.batch_alter_table('lib_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lib_members_home_centre'), ['home_centre'], unique=False)
        batch_op.create_index('ix_lib_members_member_no', ['member_no'], unique=False)
        batch_op.create_index('ix_lib_members_name_key', ['name_key'], unique=False)
        batch_op.create_index('ix_lib_members_national_id', ['national_id'], unique=False)

    op.create_table('lib_override_grants',
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('granted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_lib_override_grants')),
    info={'projection': True}
    )
    op.create_table('lib_overrides',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('refusals', sa.String(length=200), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('centre', sa.String(length=16), nullable=False),
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('copy_id', sa.String(length=36), nullable=False),
    sa.Column('loan_id', sa.String(length=36), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('at', kanoon_desk.models.base.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lib_overrides')),
    info={'projection': True}
    )
    op.create_table('lib_stocktake_items',
    sa.Column('stocktake_id', sa.String(length=36), nullable=False),
    sa.Column('barcode', sa.String(length=32), nullable=False),
    sa.Column('copy_id', sa.String(length=36), nullable=True),
    sa.Column('expected', sa.Boolean(), nullable=False),
    sa.Column('expected_status', sa.String(length=16), nullable=False),
    sa.Column('scanned', sa.Boolean(), nullable=False),
    sa.Column('scanned_shelf', sa.String(length=32), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.PrimaryKeyConstraint('stocktake_id', 'barcode', name=op.f('pk_lib_stocktake_items')),
    info={'projection': True}
    )
    op.create_table('lib_stocktakes',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('centre', sa.String(length=16), nullable=False),
    sa.Column('shelf_from', sa.String(length=32), nullable=False),
    sa.Column('shelf_to', sa.String(length=32), nullable=False),
    sa.Column('opened_at', kanoon_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('closed_at', kanoon_desk.models.base.UTCDateTime(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lib_stocktakes')),
    info={'projection': True}
    )
    with op.batch_alter_table('lib_stocktakes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lib_stocktakes_centre'), ['centre'], unique=False)

    op.create_table('lib_titles',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('publisher', sa.String(length=200), nullable=False),
    sa.Column('isbn', sa.String(length=13), nullable=False),
    sa.Column('age_group', sa.String(length=4), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('added_at', kanoon_desk.models.base.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lib_titles')),
    info={'projection': True}
    )
    with op.batch_alter_table('lib_titles', schema=None) as batch_op:
        batch_op.create_index('ix_lib_titles_isbn', ['isbn'], unique=False)

    # Title search: FTS5 over persian.search_key(title, author, publisher, subject, isbn).
    op.execute("CREATE VIRTUAL TABLE lib_titles_fts USING fts5(title_id UNINDEXED, body, "
               "tokenize = 'unicode61 remove_diacritics 2')")


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS lib_titles_fts")

    with op.batch_alter_table('lib_titles', schema=None) as batch_op:
        batch_op.drop_index('ix_lib_titles_isbn')

    op.drop_table('lib_titles')
    with op.batch_alter_table('lib_stocktakes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lib_stocktakes_centre'))

    op.drop_table('lib_stocktakes')
    op.drop_table('lib_stocktake_items')
    op.drop_table('lib_overrides')
    op.drop_table('lib_override_grants')
    with op.batch_alter_table('lib_members', schema=None) as batch_op:
        batch_op.drop_index('ix_lib_members_national_id')
        batch_op.drop_index('ix_lib_members_name_key')
        batch_op.drop_index('ix_lib_members_member_no')
        batch_op.drop_index(batch_op.f('ix_lib_members_home_centre'))

    op.drop_table('lib_members')
    with op.batch_alter_table('lib_loans', schema=None) as batch_op:
        batch_op.drop_index('ix_lib_loans_out_on')
        batch_op.drop_index('ix_lib_loans_open_due')
        batch_op.drop_index('ix_lib_loans_member')
        batch_op.drop_index('ix_lib_loans_copy')

    op.drop_table('lib_loans')
    op.drop_table('lib_loan_rules')
    with op.batch_alter_table('lib_holds', schema=None) as batch_op:
        batch_op.drop_index('ix_lib_holds_title')
        batch_op.drop_index('ix_lib_holds_member')
        batch_op.drop_index(batch_op.f('ix_lib_holds_copy_id'))

    op.drop_table('lib_holds')
    with op.batch_alter_table('lib_copies', schema=None) as batch_op:
        batch_op.drop_index('ix_lib_copies_title')
        batch_op.drop_index('ix_lib_copies_home')
        batch_op.drop_index('ix_lib_copies_barcode')

    op.drop_table('lib_copies')
