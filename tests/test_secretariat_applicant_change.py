"""A request registered on the wrong applicant (a national ID typed wrong matched someone else's)
put on the right one (`sec.change_applicant`): the case found by the right name and ID, notices to
the right mobile, the other person's record given back what the intake wrote over it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from kanoon_desk.errors import PermissionDenied, ValidationError
from kanoon_desk.models.secretariat import Applicant, Case
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.services.secretariat_search import SearchQuery, search
from tests.refold_check import assert_refolds_alike

from .secretariat_helpers import Desk, case_input, make_secretariat_desk, national_id

DAY = date(2025, 5, 4)


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    d = make_secretariat_desk(tmp_path)
    yield d
    d.store.close()


def test_a_case_on_the_wrong_applicant_moves_to_the_right_one_and_the_other_gets_their_record_back(
        desk: Desk) -> None:
    first = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)  # زهرا کریمی, her own ID
    # the clerk typed زهرا's national ID for علی رضایی: the intake reused her record and wrote his
    # name and mobile over hers
    wrong = sec.intake(desk.store, desk.clerk, case_input(2, national_id=national_id(100001), first_name="علی",
                                                          last_name="رضایی", mobile="09351112233"), on=DAY)
    with desk.store.read() as s:
        c = s.get(Case, first.case_id)
        assert c is not None
        hers = s.get(Applicant, c.applicant_id)
        assert hers is not None and (hers.first_name, hers.mobile) == ("علی", "09351112233")
    right = national_id(100002)
    with pytest.raises(ValidationError) as no_reason:
        sec.change_applicant(desk.store, desk.clerk, wrong.case_id, national_id=right, first_name="علی",
                             last_name="رضایی", mobile="09351112233", reason="", on=DAY)
    assert no_reason.value.field == "reason"
    with pytest.raises(ValidationError) as same:
        sec.change_applicant(desk.store, desk.clerk, wrong.case_id, national_id=national_id(100001),
                             first_name="علی", last_name="رضایی", reason="x", on=DAY)
    assert same.value.field == "national_id"
    sec.change_applicant(desk.store, desk.clerk, wrong.case_id, national_id=right, first_name="علی",
                         last_name="رضایی", mobile="09351112233", reason="کد ملی اشتباه تایپ شده بود", on=DAY)
    d = q.get_case(desk.store, desk.clerk, wrong.case_id, on=DAY)
    assert (d.case["applicant_name"], d.case["national_id"]) == ("علی رضایی", right)
    step = d.timeline[-1]
    assert step.type == "case.applicant_changed" and step.payload["from"]["national_id"] == national_id(100001)
    with desk.store.read() as s:
        hers = s.get(Applicant, s.get(Case, first.case_id).applicant_id)  # type: ignore[union-attr]
        assert hers is not None and (hers.first_name, hers.last_name, hers.mobile) == ("زهرا", "کریمی", "09121234567")
        his = s.get(Applicant, s.get(Case, wrong.case_id).applicant_id)  # type: ignore[union-attr]
        assert his is not None and (his.national_id, his.mobile) == (right, "09351112233")
    assert [c.id for c in search(desk.store, desk.clerk, SearchQuery(text=right))] == [wrong.case_id]
    assert_refolds_alike(desk.store)


def test_only_a_clerk_expert_or_manager_changes_the_applicant(desk: Desk) -> None:
    r = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    with pytest.raises(PermissionDenied):
        sec.change_applicant(desk.store, desk.librarian, r.case_id, national_id=national_id(100005),
                             first_name="علی", last_name="رضایی", reason="x", on=DAY)
