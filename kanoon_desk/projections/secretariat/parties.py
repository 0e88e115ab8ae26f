"""Fold of agency and applicant events: the agency directory and the applicants cases name."""

from __future__ import annotations

from sqlalchemy import bindparam, delete, select
from sqlalchemy.orm import Session

from ...eventlog import FoldEvent, SqliteStatement, insert_row, projector, resetter
from ...models import table_of
from ...models.secretariat import Agency, Applicant


@projector("agency.set", "agency")
def _agency_set(s: Session, e: FoldEvent) -> None:
    row = s.get(Agency, e.aggregate_id)
    if row is None:
        row = Agency(id=e.aggregate_id, name=e.payload.get("name", ""), deadline_days=None,
                     address="", phone="", active=True)
        s.add(row)
    for key in ("name", "deadline_days", "address", "phone", "active"):
        if key in e.payload:
            setattr(row, key, e.payload[key])
    s.flush()


@resetter("agency")
def _agency_reset(s: Session, agency_id: str) -> None:
    s.execute(delete(Agency).where(Agency.id == agency_id))


_APPLICANT_HELD = SqliteStatement(select(table_of(Applicant).c.id).where(table_of(Applicant).c.id == bindparam("id")))
_FIELDS = ("national_id", "first_name", "last_name", "mobile", "address")


@projector("applicant.set", "applicant")
def _applicant_set(s: Session, e: FoldEvent) -> None:
    s.flush()
    if _APPLICANT_HELD.first(s, id=e.aggregate_id) is None:
        # a new applicant, at every intake of someone not met before: one plain INSERT
        insert_row(s, Applicant(id=e.aggregate_id, **{k: e.payload.get(k, "") for k in _FIELDS}))
        return
    row = s.get(Applicant, e.aggregate_id)
    assert row is not None
    for key in _FIELDS:
        if key in e.payload:
            setattr(row, key, e.payload[key])
    s.flush()


@resetter("applicant")
def _applicant_reset(s: Session, applicant_id: str) -> None:
    s.execute(delete(Applicant).where(Applicant.id == applicant_id))
