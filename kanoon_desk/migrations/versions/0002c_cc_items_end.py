"""secretariat: a CC (رونوشت) leaves the open cartable once read, or when its case closes

The fold now ends a CC item when its receiver reads it (status "seen", at the read) or when the
case is closed (status "closed", at the close), whichever comes first in (hlc, id) order; before,
CC items stayed open for ever. This brings the referral rows of an existing store to what a
re-fold under the new rules gives, in SQL (no application code: a later model would not match
this revision's tables). Only the referrals table changes; no schema change.

Revision ID: 0002c
Revises: 0002p
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002c"
down_revision: str | Sequence[str] | None = "0002p"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: An event's instant as the fold takes it (`projections.secretariat.case_row._at`): the payload's "at"
#: (ISO, UTC "+00:00", as `services.secretariat_common._stamp` writes it), else `recorded_at`; written as
#: the store writes instants ("YYYY-MM-DD HH:MM:SS.ffffff", naive UTC).
_AT = """CASE
    WHEN json_extract({e}.payload, '$.at') IS NULL THEN {e}.recorded_at
    WHEN length(json_extract({e}.payload, '$.at')) >= 26
        THEN replace(substr(json_extract({e}.payload, '$.at'), 1, 26), 'T', ' ')
    ELSE replace(substr(json_extract({e}.payload, '$.at'), 1, 19), 'T', ' ') || '.000000'
END"""

#: The first read of the CC item `r`, and the first close of its case after it was sent.
_READ = """SELECT {cols} FROM events rd
    WHERE rd.type = 'case.referral_read' AND rd.aggregate_id = r.case_id
      AND json_extract(rd.payload, '$.item_id') = r.id
    ORDER BY rd.hlc, rd.id LIMIT 1"""
_CLOSE = """SELECT {cols} FROM events cl, events sent
    WHERE sent.id = r.referral_id AND cl.aggregate_id = r.case_id
      AND (cl.type = 'case.closed'
           OR (cl.type = 'case.reviewed' AND json_extract(cl.payload, '$.decision') = 'reject'))
      AND (cl.hlc > sent.hlc OR (cl.hlc = sent.hlc AND cl.id > sent.id))
    ORDER BY cl.hlc, cl.id LIMIT 1"""


def upgrade() -> None:
    read_key = f"({_READ.format(cols='rd.hlc')})"
    read_id = f"({_READ.format(cols='rd.id')})"
    close_key = f"({_CLOSE.format(cols='cl.hlc')})"
    close_id = f"({_CLOSE.format(cols='cl.id')})"
    read_first = (f"({close_key} IS NULL OR {read_key} < {close_key} "
                  f"OR ({read_key} = {close_key} AND {read_id} < {close_id}))")
    # read before any close: seen, at the read
    op.execute(f"""UPDATE referrals AS r SET status = 'seen',
        closed_at = ({_READ.format(cols=_AT.format(e='rd'))})
        WHERE r.kind = 'cc' AND r.status = 'open' AND {read_key} IS NOT NULL AND {read_first}""")
    # otherwise closed with the case, at the close
    op.execute(f"""UPDATE referrals AS r SET status = 'closed',
        closed_at = ({_CLOSE.format(cols=_AT.format(e='cl'))})
        WHERE r.kind = 'cc' AND r.status = 'open' AND {close_key} IS NOT NULL""")


def downgrade() -> None:
    op.execute("UPDATE referrals SET status = 'open', closed_at = NULL WHERE kind = 'cc' "
               "AND status IN ('seen', 'closed')")
