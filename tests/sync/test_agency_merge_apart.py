"""An agency merged into another at one desk while another desk, apart, still forwarded cases to it:
after the sync both desks hold those cases under the survivor, and nothing sent is lost."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx

from kanoon_desk.jalali import jalali_year
from kanoon_desk.services import accounts
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_agencies as agencies
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.services.secretariat_common import today
from kanoon_desk.services.secretariat_reports import build_report, period

from . import desk_pages
from .helpers import PASSWORD, LiveServer
from .test_reference_data_apart import registered
from .test_staff_across_desks import office_of_two_desks, synced

server = desk_pages.server


def test_a_case_forwarded_to_an_agency_merged_meanwhile_at_the_other_desk_ends_with_the_survivor(
        server: LiveServer, tmp_path: Path) -> None:
    d1, d2, _ids = office_of_two_desks(server, tmp_path)
    at_1, at_2 = accounts.login(d1, "admin", PASSWORD), accounts.login(d2, "admin", PASSWORD)
    water = agencies.save_agency(d1, at_1, name="شرکت آب و فاضلاب شهری", deadline_days=10)
    rural = agencies.save_agency(d1, at_1, name="شرکت آب و فاضلاب روستایی", deadline_days=10)
    before, apart = registered(d1, at_1, 1), registered(d1, at_1, 2)
    synced(d1, d2)
    sec.forward(d1, at_1, before, rural.id)
    synced(d1, d2)
    # desk 1 merges; desk 2, not knowing, sends another case to the merged agency
    agencies.merge_agency(d1, at_1, rural.id, water.id)
    sec.forward(d2, at_2, apart, rural.id)
    late_day = today() + timedelta(days=40)
    synced(d1, d2)
    for store, actor in ((d1, at_1), (d2, at_2)):
        assert rural.id not in {a.id for a in agencies.list_agencies(store)}
        for case_id in (before, apart):
            d = q.get_case(store, actor, case_id)
            assert (d.case["status"], d.case["agency_id"], d.agency_name) == ("forwarded", water.id, water.name)
            assert [fw["agency_name"] for fw in d.forwards] == [rural.name]  # its letter as it was sent
        held = {c.id for c in q.overdue(store, actor, on=late_day, agency_id=water.id)}
        assert held == {before, apart}
        assert q.overdue(store, actor, on=late_day, agency_id=rural.id) == []
    # the same in either order of arrival: desk 2 re-folds the cases and the merge alike
    with d1.read() as s1, d2.read() as s2:
        from kanoon_desk.models.secretariat import Agency, Case, Forward

        def rows(s: Any) -> list[Any]:
            return [sorted((c.id, c.agency_id, c.status) for c in s.query(Case)),
                    sorted((f.id, f.agency_id, f.status) for f in s.query(Forward)),
                    sorted((a.id, a.merged_into) for a in s.query(Agency))]
        assert rows(s1) == rows(s2)
    # the applicant's public look-up names the agency that holds the case now
    code = q.get_case(d2, at_2, apart).case["tracking_code"]
    answer = httpx.get(f"{server.url}/v1/status/{code}")
    assert answer.status_code == 200 and answer.json()["agency"] == water.name
    year = jalali_year(today())
    rep = build_report(d2, at_2, period("year", year))
    assert [(a.name, a.forwarded) for a in rep.agencies] == [
        ("شرکت آب و فاضلاب شهری (با «شرکت آب و فاضلاب روستایی» که در آن ادغام شد)", 2)]


def test_cases_ended_apart_keep_their_agency_and_a_merge_undone_apart_gives_the_same_on_both_desks(
        server: LiveServer, tmp_path: Path) -> None:
    """Desk 1 merges while desk 2, apart, answers one of the agency's cases and closes another: on
    both desks, in either order of arrival, they keep the agency they ended with (the merge moved
    them to the survivor). Then desk 1 undoes the merge: both desks give the waiting case back to
    the agency, and the applicant's look-up names it again."""
    d1, d2, _ids = office_of_two_desks(server, tmp_path)
    at_1, at_2 = accounts.login(d1, "admin", PASSWORD), accounts.login(d2, "admin", PASSWORD)
    water = agencies.save_agency(d1, at_1, name="شرکت آب و فاضلاب شهری", deadline_days=10)
    rural = agencies.save_agency(d1, at_1, name="شرکت آب و فاضلاب روستایی", deadline_days=10)
    answered, closed, waiting = (registered(d1, at_1, n) for n in (1, 2, 3))
    for case_id in (answered, closed, waiting):
        sec.forward(d1, at_1, case_id, rural.id)
    synced(d1, d2)
    agencies.merge_agency(d1, at_1, rural.id, water.id)
    sec.record_response(d2, at_2, answered, text="انجام شد")
    sec.close(d2, at_2, closed, outcome="not_responsible", responsible_party="اداره دیگر")
    synced(d1, d2)

    def rows(store: Any) -> list[Any]:
        from kanoon_desk.models.secretariat import Agency, Case, Forward

        with store.read() as s:
            return [sorted((c.id, c.agency_id, c.status) for c in s.query(Case)),
                    sorted((f.id, f.agency_id, f.status) for f in s.query(Forward)),
                    sorted((a.id, a.merged_into) for a in s.query(Agency))]

    assert rows(d1) == rows(d2)
    for store, actor in ((d1, at_1), (d2, at_2)):
        assert [q.get_case(store, actor, c).case["agency_id"] for c in (answered, closed, waiting)] == [
            rural.id, rural.id, water.id]
    agencies.unmerge_agency(d1, at_1, rural.id)
    synced(d1, d2)
    assert rows(d1) == rows(d2)
    for store, actor in ((d1, at_1), (d2, at_2)):
        assert rural.id in {a.id for a in agencies.list_agencies(store)}
        assert [q.get_case(store, actor, c).case["agency_id"] for c in (answered, closed, waiting)] == [
            rural.id, rural.id, rural.id]
    code = q.get_case(d2, at_2, waiting).case["tracking_code"]
    answer = httpx.get(f"{server.url}/v1/status/{code}")
    assert answer.status_code == 200 and answer.json()["agency"] == rural.name
    from kanoon_desk.services import ops

    for store in (d1, d2):  # a whole re-fold in stamp order gives what the desks folded as it came
        assert ops.check(store.path) == []
