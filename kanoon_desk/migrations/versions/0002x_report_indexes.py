"""secretariat: the period report reads from indexes: the clock events of a case with the payload
fields the clock reads (ix_events_case_clock, a partial index), a period's cases by the day they
were received, accepted, closed (with the figures the report counts), the forwarding letters by
their date and by their deadline

A season's report (100,000 closed cases, 370,000 clock events in a store of 12.8 million events)
parsed every clock event's payload and looked every case and letter up in its table.

Revision ID: 0002x
Revises: 0002v
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002x"
down_revision: str | Sequence[str] | None = "0002v"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CLOCK = ("CREATE INDEX ix_events_case_clock ON events (aggregate_id, hlc, id, type, "
         "json_extract(payload, '$.day'), json_extract(payload, '$.letter_date'), "
         "json_extract(payload, '$.decision')) "
         "WHERE type IN ('case.forwarded', 'case.answered', 'case.closed', 'case.reviewed', 'case.reopened')")


def upgrade() -> None:
    op.execute(CLOCK)
    op.drop_index("ix_cases_received", table_name="cases")
    op.create_index("ix_cases_received", "cases", ["received_date", "applicant_id", "visits"], unique=False)
    op.drop_index("ix_cases_closed", table_name="cases")
    op.create_index("ix_cases_closed", "cases", ["closed_on", "outcome", "received_date", "id"], unique=False)
    op.create_index("ix_cases_accepted", "cases", ["accepted_on"], unique=False)
    op.create_index("ix_forwards_letter_date", "forwards",
                    ["letter_date", "status", "agency_id", "answered_on", "original_deadline"], unique=False)
    op.create_index("ix_forwards_deadline", "forwards",
                    ["original_deadline", "status", "agency_id", "case_id", "answered_on"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_forwards_deadline", table_name="forwards")
    op.drop_index("ix_forwards_letter_date", table_name="forwards")
    op.drop_index("ix_cases_accepted", table_name="cases")
    op.drop_index("ix_cases_closed", table_name="cases")
    op.create_index("ix_cases_closed", "cases", ["closed_on"], unique=False)
    op.drop_index("ix_cases_received", table_name="cases")
    op.create_index("ix_cases_received", "cases", ["received_date"], unique=False)
    op.execute("DROP INDEX ix_events_case_clock")
