"""secretariat: what a case owes its applicant (cases.notice: due / told), for the work queues;
a reopened case is no longer an agency's

The fold now keeps whether the applicant is to be told ("due": the agency answered, or the request
was rejected, and no notice came after), was told ("told"), or neither (None; a reopen clears it).
The office's queues ("answered, applicant not yet told", rejection notices to send) and the status
text read it. This fills the column of the cases already folded as a re-fold does, in SQL (no
application code: a later model would not match this revision's tables): the last of the case's
events that set it, in fold order (hlc, id), taking only those the fold takes — an answer or a
rejection while the case was closed is a conflict the fold ignores, a reopen of an open case too.

A reopen now also clears the agency and the deadline the case kept from its last forward (it is
the secretariat's again until it is sent on): the cases whose last reopen the fold took came after
any forward it took lose them here.

Revision ID: 0002n
Revises: 0002d
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002n"
down_revision: str | Sequence[str] | None = "0002d"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: the events that close a case (a close with any outcome, a rejection at review)
_CLOSES = """({e}.type = 'case.reviewed' AND json_extract({e}.payload, '$.decision') = 'reject')
    OR ({e}.type = 'case.closed')"""

#: Whether the case was closed just before event `e`: the last close (a close, a rejection at
#: review) or reopen before it, in fold order, is a close. A close of a closed case leaves it
#: closed and a reopen of an open one leaves it open, so the last of them tells.
_CLOSED_BEFORE = f"""COALESCE((SELECT x.type FROM events x
    WHERE x.aggregate_id = e.aggregate_id
      AND ({_CLOSES.format(e='x')} OR x.type = 'case.reopened')
      AND (x.hlc < e.hlc OR (x.hlc = e.hlc AND x.id < e.id))
    ORDER BY x.hlc DESC, x.id DESC LIMIT 1), 'case.reopened') != 'case.reopened'"""

_DUE = """e.type = 'case.answered'
    OR (e.type = 'case.reviewed' AND json_extract(e.payload, '$.decision') = 'reject')
    OR (e.type = 'case.closed' AND json_extract(e.payload, '$.outcome') = 'rejected')"""


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("notice", sa.String(length=8), nullable=True))
        batch_op.create_index("ix_cases_notice", ["notice", "status"], unique=False)
    # only a case answered, told, rejected or reopened can owe anything
    op.execute(f"""UPDATE cases SET notice = (
        SELECT CASE e.type WHEN 'case.notified' THEN 'told' WHEN 'case.reopened' THEN NULL ELSE 'due' END
        FROM events e
        WHERE e.aggregate_id = cases.id
          AND (e.type = 'case.notified'
               OR (e.type = 'case.reopened' AND {_CLOSED_BEFORE})
               OR (({_DUE}) AND NOT ({_CLOSED_BEFORE})))
        ORDER BY e.hlc DESC, e.id DESC LIMIT 1)
        WHERE answered_on IS NOT NULL OR notified_on IS NOT NULL OR status = 'rejected' OR reopen_count > 0""")

    op.execute(f"""UPDATE cases SET agency_id = NULL, deadline = NULL
        WHERE reopen_count > 0 AND agency_id IS NOT NULL AND (
        SELECT e.type FROM events e
        WHERE e.aggregate_id = cases.id
          AND ((e.type = 'case.reopened' AND {_CLOSED_BEFORE})
               OR (e.type = 'case.forwarded' AND NOT ({_CLOSED_BEFORE})))
        ORDER BY e.hlc DESC, e.id DESC LIMIT 1) = 'case.reopened'""")


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_notice")
        batch_op.drop_column("notice")
