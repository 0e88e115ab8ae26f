"""A manager leaves (or their role goes to another): the cases waiting in their cartable are handed
over by the admin to whoever takes the work, who can then act on them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kanoon_desk.errors import PermissionDenied, ValidationError
from kanoon_desk.services import accounts
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q

from .secretariat_helpers import Desk, case_input, make_secretariat_desk

DAY = date(2025, 5, 4)


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return make_secretariat_desk(tmp_path)


def _in_managers_cartable(d: Desk, n: int) -> str:
    r = sec.intake(d.store, d.clerk, case_input(n), on=DAY)
    sec.review(d.store, d.expert, r.case_id, accept=True, on=DAY)
    sec.register(d.store, d.clerk, r.case_id, on=DAY)
    sec.refer(d.store, d.expert, r.case_id, d.manager.user_id, instruction="پیگیری فوری", on=DAY)
    return r.case_id


def test_the_cases_of_a_manager_who_left_are_handed_to_the_new_one(desk: Desk) -> None:
    d = desk
    cases = [_in_managers_cartable(d, n) for n in (1, 2)]
    # the manager leaves; manager2 takes the role over, but not the cases
    accounts.update_user(d.store, d.admin, d.manager.user_id, active=False)
    assert q.cartable_count(d.store, d.manager2, include_cc=False) == 0
    with pytest.raises(PermissionDenied):
        sec.refer_back(d.store, d.manager2, cases[0], on=DAY)
    assert sec.open_items_count(d.store, d.admin, d.manager.user_id) == 2
    assert sec.hand_over(d.store, d.admin, d.manager.user_id, d.manager2.user_id, on=DAY) == 2
    assert sec.open_items_count(d.store, d.admin, d.manager.user_id) == 0
    items = q.cartable(d.store, d.manager2, include_cc=False)
    assert sorted(i.case_id for i in items) == sorted(cases)
    assert {i.instruction for i in items} == {"پیگیری فوری"}  # the instruction travels with it
    assert {i.from_user_name for i in items} == {"کاربر expert1"}  # and its sender
    # the new manager acts on them
    sec.refer_back(d.store, d.manager2, cases[0], on=DAY)
    assert q.get_case(d.store, d.expert, cases[0], on=DAY).case["holder_user_id"] == d.expert.user_id
    # the hand-over is a step of the case's course, by the admin, by name
    steps = q.get_case(d.store, d.admin, cases[1], on=DAY).timeline
    assert steps[-1].type == "case.referred" and steps[-1].user_name == "مدیر سامانه"


def test_a_hand_over_is_refused_at_the_receiver(desk: Desk) -> None:
    d = desk
    _in_managers_cartable(d, 1)
    with pytest.raises(PermissionDenied):
        sec.hand_over(d.store, d.manager2, d.manager.user_id, d.manager2.user_id)
    for to in (d.manager.user_id, d.clerk.user_id):  # the same user; a clerk's cartable takes no case
        with pytest.raises(ValidationError) as refused:
            sec.hand_over(d.store, d.admin, d.manager.user_id, to)
        assert refused.value.field == "to_user_id"
    accounts.update_user(d.store, d.admin, d.manager2.user_id, active=False)
    with pytest.raises(ValidationError):  # nor to one who left
        sec.hand_over(d.store, d.admin, d.manager.user_id, d.manager2.user_id)
    with pytest.raises(ValidationError) as refused:  # nothing waiting
        sec.hand_over(d.store, d.admin, d.manager2.user_id, d.expert.user_id)
    assert refused.value.field == "to_user_id"
    assert sec.open_items_count(d.store, d.admin, d.manager.user_id) == 1
