"""Fold of agency and applicant events: the agency directory and the applicants cases name."""

from __future__ import annotations

from datetime import date

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.orm import Session

from ...eventlog import FoldEvent, SqliteStatement, insert_row, kept, projector, refresh_held, resetter
from ...models import table_of
from ...models.secretariat import Agency, Applicant, Case, Forward
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


@projector("agency.unmerged", "agency")
def _agency_unmerged(s: Session, e: FoldEvent) -> None:
    """A merge undone (`unmerge_agency`: made by mistake): the agency is its own again, and the
    cases still waiting on a letter sent to it (moved to the survivor by the merge, or forwarded to
    it at a desk that had not heard) are held by it again. Only the merge it names (`into`) is
    undone: a later merge of the same agency, made at a desk apart, stands."""
    row = s.get(Agency, e.aggregate_id)
    if row is None or row.merged_into != e.payload.get("into"):
        return
    row.merged_into, row.merged_on = None, None
    s.flush()
    move_cases_to_survivors(s)


def survivors(s: Session, *, by: date | None = None) -> dict[str, str]:
    """Each merged agency → the agency that holds its work now (followed through merges of merges);
    with `by`, only the merges dated on or before that day (what a report of a period ended then
    counted). Two desks apart merging A into B and B into A make a ring: its agency of the smallest
    id is the survivor (the same on every desk, in any order of arrival)."""
    merged = select(Agency.id, Agency.merged_into).where(Agency.merged_into.is_not(None))
    if by is not None:
        merged = merged.where((Agency.merged_on.is_(None)) | (Agency.merged_on <= by))
    into: dict[str, str] = {aid: str(to) for aid, to in s.execute(merged)}
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
    """Cases waiting on an agency (forwarded) are held by the survivor of the agency their open
    letter went to: a merged agency's by its survivor, and, a merge undone, by that agency again
    (one UPDATE per agency whose cases move; the rows the transaction keeps for the case fold take
    the new value). A case answered or closed keeps the agency its letter went to (`cases`): the
    merge does not rewrite who answered it, in any order the events arrive."""
    moved: dict[str, str] = {}
    into = survivors(s)
    waiting = (Case.status == "forwarded",)
    for gone, final in into.items():
        for (case_id,) in s.execute(update(Case).where(Case.agency_id == gone, *waiting).values(agency_id=final)
                                    .returning(Case.id).execution_options(synchronize_session=False)):
            moved[case_id] = final
    # held by an agency that is not the survivor of their letter's (a merge undone): given back
    # (a case with two letters open, a conflict not decided yet, is held by either's)
    letters: dict[str, tuple[str | None, set[str], str]] = {}
    for case_id, held, sent in s.execute(
            select(Case.id, Case.agency_id, Forward.agency_id).join(Forward, Forward.case_id == Case.id)
            .where(*waiting, Forward.status == "open", Case.agency_id.is_not(None))
            .order_by(Case.id, Forward.letter_date, Forward.id)).all():
        final = into.get(sent, sent)
        _held, finals, _last = letters.get(case_id, (held, set(), final))
        letters[case_id] = (held, finals | {final}, final)
    for case_id, (held, finals, last) in letters.items():
        if held not in finals and case_id not in moved:
            s.execute(update(Case).where(Case.id == case_id).values(agency_id=last)
                      .execution_options(synchronize_session=False))
            moved[case_id] = last
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
