"""library: a copy's barcodes before it was relabelled (ix_events_relabelled_from, partial: the
`copy.relabelled` events, by their `previous` barcode)

A copy's barcode can now be corrected (`library.relabel_copy`); an old label scanned at the desk or
at a stock-take says the copy's barcode now, found by the barcode it replaced. Without the index
that look-up read every event of the log (12.8 million on the large store) each time a barcode
was not found; with it, a few rows.

Revision ID: 0003zr
Revises: 0003zf
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003zr"
down_revision: str | Sequence[str] | None = "0003zf"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = ("CREATE INDEX ix_events_relabelled_from ON events (json_extract(payload, '$.previous')) "
         "WHERE type = 'copy.relabelled'")


def upgrade() -> None:
    op.execute(INDEX)


def downgrade() -> None:
    op.drop_index("ix_events_relabelled_from", table_name="events")
