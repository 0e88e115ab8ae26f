"""Merging an agency into another: what moves to the survivor, what keeps the old name, the
reports over a period with the merge in the middle, and two agencies of one name kept apart."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from kanoon_desk.errors import PermissionDenied, ValidationError
from kanoon_desk.ids import new_id
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_agencies as ag
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.services.secretariat_reports import build_report, period

from .secretariat_helpers import Desk, case_input, make_secretariat_desk

DAY = date(2025, 5, 4)  # 14 Ordibehesht 1404 (spring 1404)
MERGED_ON = date(2025, 5, 25)


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return make_secretariat_desk(tmp_path)


def forwarded(d: Desk, n: int, agency_id: str, on: date = DAY, deadline: date | None = None) -> str:
    r = sec.intake(d.store, d.clerk, case_input(n), on=on)
    sec.review(d.store, d.expert, r.case_id, accept=True, on=on)
    sec.register(d.store, d.clerk, r.case_id, on=on)
    sec.forward(d.store, d.manager, r.case_id, agency_id, deadline=deadline, on=on)
    return r.case_id


def test_a_merged_agency_hands_its_open_and_late_cases_to_the_survivor_and_keeps_its_name_on_its_letters(
        desk: Desk) -> None:
    water = ag.save_agency(desk.store, desk.admin, name="شرکت آب و فاضلاب شهری")
    rural = ag.save_agency(desk.store, desk.admin, name="شرکت آب و فاضلاب روستایی")
    late = forwarded(desk, 1, rural.id, deadline=date(2025, 5, 18))
    waiting = forwarded(desk, 2, rural.id, deadline=date(2025, 6, 30))
    answered = forwarded(desk, 3, rural.id, deadline=date(2025, 5, 20))
    sec.record_response(desk.store, desk.clerk, answered, text="انجام شد", on=date(2025, 5, 10))
    plan = ag.merge_plan(desk.store, desk.admin, rural.id, water.id, on=MERGED_ON)
    assert (plan.agency.name, plan.into.name, plan.open_cases, plan.overdue_cases, plan.letters) == (
        rural.name, water.name, 2, 1, 3)
    kept = ag.merge_agency(desk.store, desk.admin, rural.id, water.id, on=MERGED_ON)
    assert kept.id == water.id
    # the merged one can no longer be chosen, nor put back
    assert rural.id not in {a.id for a in ag.list_agencies(desk.store)}
    gone = ag.get_agency(desk.store, rural.id)
    assert (gone.active, gone.merged_into, gone.merged_into_name, gone.merged_on) == (
        False, water.id, water.name, MERGED_ON)
    with pytest.raises(ValidationError) as err:
        ag.set_agency_active(desk.store, desk.admin, rural.id, True)
    assert err.value.field == "active"
    fresh = sec.intake(desk.store, desk.clerk, case_input(9), on=MERGED_ON)
    sec.review(desk.store, desk.expert, fresh.case_id, accept=True, on=MERGED_ON)
    sec.register(desk.store, desk.clerk, fresh.case_id, on=MERGED_ON)
    with pytest.raises(ValidationError) as err:
        sec.forward(desk.store, desk.manager, fresh.case_id, rural.id, on=MERGED_ON)
    assert err.value.field == "agency_id" and err.value.params == {"name": rural.name, "into": water.name}
    # its late case is on the survivor's overdue list, and followed up with it in one letter
    assert [c.id for c in q.overdue(desk.store, desk.expert, on=MERGED_ON, agency_id=water.id)] == [late]
    assert q.overdue(desk.store, desk.expert, on=MERGED_ON, agency_id=rural.id) == []
    batch = sec.follow_up_agency(desk.store, desk.expert, water.id, [late], method="letter", on=MERGED_ON)
    assert batch.agency_name == water.name
    # the case is held by the survivor now; its forwarding letter and timeline keep the old name
    view = q.get_case(desk.store, desk.manager, waiting, on=MERGED_ON)
    assert view.agency_name == water.name and view.case["deadline"] == date(2025, 6, 30)
    assert [fw["agency_name"] for fw in view.forwards] == [rural.name]
    assert [t.payload.get("agency_name") for t in view.timeline if t.type == "case.forwarded"] == [rural.name]
    assert q.get_case(desk.store, desk.manager, answered).case["status"] == "answered"


def test_merging_is_the_admins_and_refuses_what_cannot_be_merged(desk: Desk) -> None:
    a = ag.save_agency(desk.store, desk.admin, name="اداره کل بهزیستی")
    b = ag.save_agency(desk.store, desk.admin, name="اداره کل امور اجتماعی")
    c = ag.save_agency(desk.store, desk.admin, name="اداره کل کار")
    with pytest.raises(PermissionDenied):
        ag.merge_agency(desk.store, desk.manager, a.id, b.id)
    with pytest.raises(PermissionDenied):
        ag.merge_plan(desk.store, desk.manager, a.id, b.id)
    for into, field in ((a.id, "into_id"), ("", "into_id")):
        with pytest.raises(ValidationError) as err:
            ag.merge_agency(desk.store, desk.admin, a.id, into)
        assert err.value.field == field
    ag.set_agency_active(desk.store, desk.admin, c.id, False)
    with pytest.raises(ValidationError) as err:
        ag.merge_agency(desk.store, desk.admin, a.id, c.id)
    assert err.value.field == "into_id"  # taken out of the list: put it back first
    ag.merge_agency(desk.store, desk.admin, a.id, b.id)
    with pytest.raises(ValidationError) as err:
        ag.merge_agency(desk.store, desk.admin, a.id, desk.agency.id)
    assert err.value.field == "agency_id" and err.value.params == {"name": a.name, "into": b.name}
    with pytest.raises(ValidationError) as err:
        ag.merge_agency(desk.store, desk.admin, desk.agency.id, a.id)
    assert err.value.field == "into_id" and err.value.params == {"name": a.name, "into": b.name}
    # a merge of the survivor later: the first one's work follows to the last
    ag.merge_agency(desk.store, desk.admin, b.id, desk.agency.id)
    assert ag.get_agency(desk.store, a.id).merged_into == desk.agency.id


def test_the_reports_over_a_period_with_the_merge_in_the_middle_count_both_under_the_survivor(
        desk: Desk) -> None:
    water = ag.save_agency(desk.store, desk.admin, name="شرکت آب و فاضلاب شهری")
    rural = ag.save_agency(desk.store, desk.admin, name="شرکت آب و فاضلاب روستایی")
    forwarded(desk, 1, rural.id, deadline=date(2025, 5, 18))  # late, before the merge
    forwarded(desk, 2, water.id, deadline=date(2025, 5, 18))  # late too
    forwarded(desk, 3, desk.agency.id, deadline=date(2025, 5, 18))
    ag.merge_agency(desk.store, desk.admin, rural.id, water.id, on=MERGED_ON)
    forwarded(desk, 4, water.id, on=date(2025, 6, 1), deadline=date(2025, 6, 10))  # after it
    rep = build_report(desk.store, desk.manager, period("season", 1404, 1), on=date(2025, 6, 15))
    row = "شرکت آب و فاضلاب شهری (با «شرکت آب و فاضلاب روستایی» که در آن ادغام شد)"
    assert rep.overdue_by_agency == [(row, 3), ("شهرداری مرکز استان", 1)]
    assert [(a.name, a.forwarded, a.waiting) for a in rep.agencies] == [(row, 3, 3), ("شهرداری مرکز استان", 1, 1)]


def test_two_agencies_of_one_name_made_at_two_desks_apart_are_two_rows_of_the_reports(desk: Desk) -> None:
    # another desk added the same agency while the two were apart (the form refuses it at one desk)
    other = new_id()
    with desk.store.transaction() as s:
        desk.store.record(s, desk.admin, "agency.set", other,
                          {"name": desk.agency.name, "deadline_days": None, "address": "", "phone": "021-55443322",
                           "active": True}, subject=desk.agency.name)
    forwarded(desk, 1, desk.agency.id, deadline=date(2025, 5, 18))
    forwarded(desk, 2, other, deadline=date(2025, 5, 18))
    forwarded(desk, 3, other, deadline=date(2025, 5, 18))
    rep = build_report(desk.store, desk.manager, period("season", 1404, 1), on=date(2025, 6, 15))
    twin = "شهرداری مرکز استان (تلفن 021-55443322)"
    first = f"شهرداری مرکز استان (شناسه {desk.agency.id[-6:]})"
    assert rep.overdue_by_agency == [(twin, 2), (first, 1)]
    assert [(a.name, a.forwarded) for a in rep.agencies] == [(twin, 2), (first, 1)]
    # the admin merges them: one row again, of the name they share, with no note
    ag.merge_agency(desk.store, desk.admin, other, desk.agency.id, on=MERGED_ON)
    rep = build_report(desk.store, desk.manager, period("season", 1404, 1), on=date(2025, 6, 15))
    assert rep.overdue_by_agency == [("شهرداری مرکز استان", 3)]
    assert [(a.name, a.forwarded) for a in rep.agencies] == [("شهرداری مرکز استان", 3)]


def test_a_forward_to_the_merged_agency_folded_after_the_merge_goes_to_the_survivor(desk: Desk) -> None:
    """What a desk that had not heard of the merge sends: its forward names the merged agency."""
    rural = ag.save_agency(desk.store, desk.admin, name="شرکت آب و فاضلاب روستایی")
    r = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
    sec.register(desk.store, desk.clerk, r.case_id, on=DAY)
    ag.merge_agency(desk.store, desk.admin, rural.id, desk.agency.id, on=DAY)
    with desk.store.transaction() as s:
        desk.store.record(s, desk.manager, "case.forwarded", r.case_id, {
            "agency_id": rural.id, "agency_name": rural.name, "letter_no": "نامه-۱", "letter_date": DAY.isoformat(),
            "deadline": (DAY + timedelta(days=20)).isoformat(), "day": DAY.isoformat(),
            "at": "2025-05-04T06:00:00+00:00"}, subject="x")
    view = q.get_case(desk.store, desk.manager, r.case_id, on=DAY)
    assert view.case["agency_id"] == desk.agency.id and view.agency_name == desk.agency.name
    assert view.forwards[0]["agency_name"] == rural.name


def test_two_agencies_merged_into_each_other_at_two_desks_apart_leave_one_of_them(desk: Desk) -> None:
    """Desk 1 merged A into B while desk 2 merged B into A: whatever order they arrive in, the one of
    the smaller id survives, holds both's cases and can be chosen; the other cannot."""
    a = ag.save_agency(desk.store, desk.admin, name="اداره کل بهزیستی")
    b = ag.save_agency(desk.store, desk.admin, name="اداره کل امور اجتماعی")
    case_a = forwarded(desk, 1, a.id)
    case_b = forwarded(desk, 2, b.id)
    with desk.store.transaction() as s:  # as the two desks' events arrive: each merge recorded apart
        for gone, into in ((a, b), (b, a)):
            desk.store.record(s, desk.admin, "agency.merged", gone.id,
                              {"into": into.id, "into_name": into.name, "name": gone.name, "day": DAY.isoformat()},
                              subject=gone.name)
    kept, lost = (a, b) if a.id < b.id else (b, a)
    assert {x.id for x in ag.list_agencies(desk.store)} == {kept.id, desk.agency.id}
    assert ag.get_agency(desk.store, lost.id).merged_into == kept.id
    for case_id in (case_a, case_b):
        assert q.get_case(desk.store, desk.manager, case_id).case["agency_id"] == kept.id


def test_a_merge_into_an_agency_this_desk_has_not_heard_of_yet_loses_nothing_from_the_reports(desk: Desk) -> None:
    rural = ag.save_agency(desk.store, desk.admin, name="شرکت آب و فاضلاب روستایی")
    forwarded(desk, 1, rural.id, deadline=date(2025, 5, 18))
    with desk.store.transaction() as s:  # the survivor's own record is still on its way
        desk.store.record(s, desk.admin, "agency.merged", rural.id,
                          {"into": new_id(), "into_name": "شرکت آب و فاضلاب استان", "name": rural.name,
                           "day": MERGED_ON.isoformat()}, subject=rural.name)
    rep = build_report(desk.store, desk.manager, period("season", 1404, 1), on=date(2025, 6, 15))
    assert rep.overdue_by_agency == [(rural.name, 1)]
    assert [(a.name, a.forwarded) for a in rep.agencies] == [(rural.name, 1)]


def test_cases_answered_or_closed_keep_the_agency_they_were_answered_or_closed_with(desk: Desk) -> None:
    """The merge moved every case that ever named the merged agency to the survivor: a case closed
    a month before read the survivor's name in the case view and the lists. Only the cases still
    waiting move; those answered or closed, before or after the merge, name the agency their
    letter went to."""
    from kanoon_desk.services import secretariat_search as search

    water = ag.save_agency(desk.store, desk.admin, name="شرکت آب و فاضلاب شهری")
    rural = ag.save_agency(desk.store, desk.admin, name="شرکت آب و فاضلاب روستایی")
    closed = forwarded(desk, 1, rural.id, deadline=date(2025, 5, 20))
    sec.record_response(desk.store, desk.clerk, closed, text="انجام شد", on=date(2025, 5, 10))
    sec.close(desk.store, desk.manager, closed, outcome="resolved", on=date(2025, 5, 11))
    answered = forwarded(desk, 2, rural.id, deadline=date(2025, 5, 20))
    sec.record_response(desk.store, desk.clerk, answered, text="انجام شد", on=date(2025, 5, 12))
    waiting = forwarded(desk, 3, rural.id, deadline=date(2025, 6, 30))
    later = forwarded(desk, 4, rural.id, deadline=date(2025, 6, 30))
    ag.merge_agency(desk.store, desk.admin, rural.id, water.id, on=MERGED_ON)
    sec.record_response(desk.store, desk.clerk, later, text="پاسخ پس از ادغام", on=date(2025, 6, 1))

    def agency_of(case_id: str) -> str | None:
        return q.get_case(desk.store, desk.manager, case_id, on=MERGED_ON).agency_name

    assert [agency_of(c) for c in (closed, answered, waiting, later)] == [rural.name, rural.name, water.name, rural.name]
    rows = {r.id: r.agency_name for r in search.search(desk.store, desk.manager, search.SearchQuery(text=""))}
    assert [rows[c] for c in (closed, answered, waiting, later)] == [rural.name, rural.name, water.name, rural.name]


def test_a_report_of_a_period_ended_before_the_merge_reads_as_it_was_printed(desk: Desk) -> None:
    """Last month's report, printed again after the merge, counted the merged agency's letters under
    the survivor (its row gone): it keeps each agency's own row; the season that holds the merge
    counts both under the survivor, with the note."""
    water = ag.save_agency(desk.store, desk.admin, name="شرکت آب و فاضلاب شهری")
    rural = ag.save_agency(desk.store, desk.admin, name="شرکت آب و فاضلاب روستایی")
    forwarded(desk, 1, rural.id, deadline=date(2025, 5, 10))
    forwarded(desk, 2, water.id, deadline=date(2025, 5, 10))
    month = period("month", 1404, 2)  # Ordibehesht 1404: 21 April – 21 May 2025, before the merge
    before = build_report(desk.store, desk.manager, month, on=date(2025, 5, 22))
    ag.merge_agency(desk.store, desk.admin, rural.id, water.id, on=MERGED_ON)
    after = build_report(desk.store, desk.manager, month, on=date(2025, 5, 22))
    assert after.overdue_by_agency == before.overdue_by_agency == [(rural.name, 1), (water.name, 1)]
    assert [(a.name, a.forwarded) for a in after.agencies] == [(a.name, a.forwarded) for a in before.agencies]
    season = build_report(desk.store, desk.manager, period("season", 1404, 1), on=date(2025, 6, 15))
    assert season.overdue_by_agency == [(f"{water.name} (با «{rural.name}» که در آن ادغام شد)", 2)]


def test_the_merge_is_in_the_agencys_history_and_in_each_waiting_cases_timeline(desk: Desk) -> None:
    """Who merged it, when and into which was said nowhere: the agency's history lists the merge (and
    its undoing), and a case waiting on it says in its timeline that its agency was merged (so a
    clerk reading it sees why the name changed); a case closed before says nothing of it."""
    from kanoon_desk.services import history

    water = ag.save_agency(desk.store, desk.admin, name="شرکت آب و فاضلاب شهری")
    rural = ag.save_agency(desk.store, desk.admin, name="شرکت آب و فاضلاب روستایی")
    closed = forwarded(desk, 1, rural.id, deadline=date(2025, 5, 20))
    sec.close(desk.store, desk.manager, closed, outcome="not_responsible", responsible_party="اداره دیگر",
              on=date(2025, 5, 11))
    waiting = forwarded(desk, 2, rural.id, deadline=date(2025, 6, 30))
    ag.merge_agency(desk.store, desk.admin, rural.id, water.id, on=MERGED_ON)
    [merge] = [c for c in history.field_history(desk.store, desk.admin, "agency", rural.id) if c.field == "merged_into"]
    assert merge.value == {"into_name": water.name, "day": MERGED_ON.isoformat(), "undone": False}
    assert merge.in_force and merge.user == desk.admin.full_name
    assert not [c for c in history.field_history(desk.store, desk.admin, "agency", rural.id)
                if c.field == "name" and not c.in_force]  # (the merge is not a rename)
    steps = q.get_case(desk.store, desk.manager, waiting, on=MERGED_ON).timeline
    assert [t.type for t in steps][-2:] == ["case.forwarded", "agency.merged"]
    assert (steps[-1].payload["name"], steps[-1].payload["into_name"], steps[-1].day) == (
        rural.name, water.name, MERGED_ON)
    assert "agency.merged" not in [t.type for t in q.get_case(desk.store, desk.manager, closed).timeline]


def test_a_merge_made_by_mistake_is_undone_and_gives_back_only_what_still_waits(desk: Desk) -> None:
    """A mistaken merge could not be undone. Undoing gives the agency back its waiting cases (a case
    forwarded to it at a desk that had not heard, too), leaves those answered meanwhile as they
    ended, makes it choosable again and its own row of the reports; the history and the timeline
    say both steps, and undoing twice, or what was never merged, is refused with why."""
    from kanoon_desk.services import history

    water = ag.save_agency(desk.store, desk.admin, name="شرکت آب و فاضلاب شهری")
    rural = ag.save_agency(desk.store, desk.admin, name="شرکت آب و فاضلاب روستایی")
    late = forwarded(desk, 1, rural.id, deadline=date(2025, 5, 18))
    answered = forwarded(desk, 2, rural.id, deadline=date(2025, 6, 30))
    direct = forwarded(desk, 3, water.id, deadline=date(2025, 6, 30))
    ag.merge_agency(desk.store, desk.admin, rural.id, water.id, on=MERGED_ON)
    sec.record_response(desk.store, desk.clerk, answered, text="انجام شد", on=date(2025, 5, 26))
    plan = ag.unmerge_plan(desk.store, desk.admin, rural.id, on=date(2025, 5, 27))
    assert (plan.agency.name, plan.into_name, plan.open_cases, plan.overdue_cases) == (rural.name, water.name, 1, 1)
    back = ag.unmerge_agency(desk.store, desk.admin, rural.id, on=date(2025, 5, 27))
    assert (back.active, back.merged_into) == (True, None)
    assert rural.id in {a.id for a in ag.list_agencies(desk.store)}
    agency = {c: q.get_case(desk.store, desk.manager, c, on=date(2025, 5, 27)).agency_name for c in (late, answered, direct)}
    assert agency == {late: rural.name, answered: rural.name, direct: water.name}
    assert [c.id for c in q.overdue(desk.store, desk.expert, on=date(2025, 5, 27), agency_id=rural.id)] == [late]
    assert [c.value["undone"] for c in history.field_history(desk.store, desk.admin, "agency", rural.id)
            if c.field == "merged_into"] == [True, False]
    steps = [t.type for t in q.get_case(desk.store, desk.manager, late, on=date(2025, 5, 27)).timeline]
    assert steps[-2:] == ["agency.merged", "agency.unmerged"]
    rep = build_report(desk.store, desk.manager, period("season", 1404, 1), on=date(2025, 6, 15))
    assert rep.overdue_by_agency == [(rural.name, 1)]
    assert sorted((a.name, a.forwarded) for a in rep.agencies) == sorted([(rural.name, 2), (water.name, 1)])
    for agency_id in (rural.id, water.id):
        with pytest.raises(ValidationError) as err:
            ag.unmerge_agency(desk.store, desk.admin, agency_id)
        assert err.value.field == "agency_id"
    with pytest.raises(PermissionDenied):
        ag.unmerge_agency(desk.store, desk.manager, rural.id)
    # merged again later: a case forwarded to it meanwhile goes with it, and comes back if undone again
    ag.merge_agency(desk.store, desk.admin, rural.id, water.id, on=date(2025, 6, 1))
    assert q.get_case(desk.store, desk.manager, late).agency_name == water.name
