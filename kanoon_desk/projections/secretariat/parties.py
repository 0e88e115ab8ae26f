"""Fold of agency and applicant events: the agency directory and the applicants cases name."""

from __future__ import annotations

from datetime import date

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.orm import Session

from ...eventlog import FoldEvent, SqliteStatement, insert_row, kept, projector, refresh_held, resetter
from ...models import table_of
from ...models.secretariat import Agency, Applicant, Case
from .case_row import CaseRow


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


@projector("agency.merged", "agency")
def _agency_merged(s: Session, e: FoldEvent) -> None:
    """The agency went into another (`into`): it stays (its letters and the timelines name it), and
    the cases it holds are the survivor's from now on, at this desk's office whatever arrived when
    (a case forwarded to it at a desk that did not know yet is moved as it is folded: `survivor`)."""
    row = s.get(Agency, e.aggregate_id)
    if row is None:
        row = Agency(id=e.aggregate_id, name=e.payload.get("name", ""), deadline_days=None,
                     address="", phone="", active=True)
        s.add(row)
    row.merged_into = str(e.payload["into"])
    row.merged_on = date.fromisoformat(e.payload["day"]) if e.payload.get("day") else None
    s.flush()
    move_cases_to_survivors(s)


def survivors(s: Session) -> dict[str, str]:
    """Each merged agency → the agency that holds its work now (followed through merges of merges).
    Two desks apart merging A into B and B into A make a ring: its agency of the smallest id is the
    survivor (the same on every desk, in any order of arrival)."""
    into: dict[str, str] = {aid: str(to) for aid, to in s.execute(
        select(Agency.id, Agency.merged_into).where(Agency.merged_into.is_not(None)))}
    out: dict[str, str] = {}
    for start in into:
        seen: list[str] = [start]
        at = start
        while at in into and into[at] not in seen:
            at = into[at]
            seen.append(at)
        if at in into:  # a ring: `into[at]` is in it already
            ring = seen[seen.index(into[at]):]
            at = min(ring)
        if at != start:
            out[start] = at
    return out


_MERGED_INTO = SqliteStatement(select(table_of(Agency).c.merged_into).where(table_of(Agency).c.id == bindparam("id")))


def survivor(s: Session, agency_id: str) -> str:
    """The agency that holds the work of `agency_id` now: itself unless it was merged."""
    held = _MERGED_INTO.first(s, id=agency_id)
    if held is None or held[0] is None:  # (the common case: one read of the agency's row)
        return agency_id
    return survivors(s).get(agency_id, agency_id)


def move_cases_to_survivors(s: Session) -> None:
    """Cases held by a merged agency are held by its survivor (one UPDATE per merged agency that
    holds any; the rows the transaction keeps for the case fold take the new value)."""
    moved: dict[str, str] = {}
    for gone, final in survivors(s).items():
        for (case_id,) in s.execute(update(Case).where(Case.agency_id == gone).values(agency_id=final)
                                    .returning(Case.id).execution_options(synchronize_session=False)):
            moved[case_id] = final
    if not moved:
        return
    for key, row in kept(s).items():
        if key[0] is CaseRow and key[1] in moved:
            row._values["agency_id"] = moved[key[1]]
    for case_id, final in moved.items():
        refresh_held(s, Case, case_id, {"agency_id": final})


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
