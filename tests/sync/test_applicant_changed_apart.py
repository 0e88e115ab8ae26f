"""A case put on the right applicant at one desk (`sec.change_applicant`) reaches the other desk
as any step: the case, its applicant and the other person's record given back alike."""

from __future__ import annotations

from pathlib import Path

from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from tests.secretariat_helpers import case_input, national_id

from .test_conflict_resolutions import DAY, digests, exchange, twin_desks


def test_the_applicant_change_reaches_the_other_desk(tmp_path: Path) -> None:
    desk, other, case_id = twin_desks(tmp_path)
    wrong = sec.intake(desk.store, desk.clerk, case_input(2, national_id=national_id(100001), first_name="علی",
                                                          last_name="رضایی"), on=DAY)
    exchange(desk.store, other)
    sec.change_applicant(desk.store, desk.clerk, wrong.case_id, national_id=national_id(100002), first_name="علی",
                         last_name="رضایی", reason="کد ملی اشتباه", on=DAY)
    exchange(desk.store, other)
    assert digests(desk.store) == digests(other)
    assert q.get_case(other, desk.clerk, wrong.case_id, on=DAY).case["national_id"] == national_id(100002)
    assert q.get_case(other, desk.clerk, case_id, on=DAY).case["applicant_name"] == "زهرا کریمی"
