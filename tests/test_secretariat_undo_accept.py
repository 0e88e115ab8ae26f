"""A request accepted by mistake back in the review queue (`sec.undo_accept`), before the manager
acts on it: the item in the manager's cartable taken back, the registration number kept and
explained, the step on the timeline with who, when and why."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from kanoon_desk.errors import InvariantError, PermissionDenied, ValidationError
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.services import secretariat_undo as undo
from kanoon_desk.services.secretariat_cartable import cartable_count
from tests.refold_check import assert_refolds_alike

from .secretariat_helpers import Desk, case_input, make_secretariat_desk

DAY = date(2025, 5, 4)


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    d = make_secretariat_desk(tmp_path)
    yield d
    d.store.close()


def test_an_accepted_registered_and_referred_case_goes_back_to_review_keeping_its_number(desk: Desk) -> None:
    r = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
    number = sec.register(desk.store, desk.clerk, r.case_id, on=DAY)
    sec.refer(desk.store, desk.expert, r.case_id, desk.manager.user_id, on=DAY)
    assert cartable_count(desk.store, desk.manager) == 1
    assert sec.may_undo_accept(desk.store, r.case_id)
    with pytest.raises(ValidationError) as no_reason:
        sec.undo_accept(desk.store, desk.expert, r.case_id, reason=" ", on=DAY)
    assert no_reason.value.field == "reason"
    sec.undo_accept(desk.store, desk.expert, r.case_id, reason="مدارک پیوست نشده بود", on=DAY)
    d = q.get_case(desk.store, desk.expert, r.case_id, on=DAY)
    assert (d.case["status"], d.case["registration_no"], d.case["holder_user_id"]) == ("received", number, None)
    assert cartable_count(desk.store, desk.manager) == 0  # gone from the manager's cartable
    step = d.timeline[-1]
    assert (step.type, step.user_name, step.payload["reason"], step.payload["registration_no"]) == (
        "case.review_undone", "کاربر expert1", "مدارک پیوست نشده بود", number)
    # accepted again: registered under the number it kept (no second number)
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
    d = q.get_case(desk.store, desk.expert, r.case_id, on=DAY)
    assert (d.case["status"], d.case["registration_no"]) == ("registered", number)
    assert_refolds_alike(desk.store)


def test_once_the_manager_acted_the_acceptance_stands(desk: Desk) -> None:
    r = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
    sec.register(desk.store, desk.clerk, r.case_id, on=DAY)
    sec.refer(desk.store, desk.expert, r.case_id, desk.manager.user_id, on=DAY)
    sec.forward(desk.store, desk.manager, r.case_id, desk.agency.id, on=DAY)
    assert not sec.may_undo_accept(desk.store, r.case_id)
    with pytest.raises(InvariantError) as err:
        sec.undo_accept(desk.store, desk.expert, r.case_id, reason="x", on=DAY)
    assert err.value.message == undo.MSG_UNDO_ACCEPT_STATE
    r2 = sec.intake(desk.store, desk.clerk, case_input(2), on=DAY)
    with pytest.raises(InvariantError) as not_yet:  # not accepted: nothing to undo
        sec.undo_accept(desk.store, desk.expert, r2.case_id, reason="x", on=DAY)
    assert not_yet.value.message == undo.MSG_UNDO_ACCEPT_STATE
    sec.review(desk.store, desk.expert, r2.case_id, accept=True, on=DAY)
    sec.register(desk.store, desk.clerk, r2.case_id, on=DAY)
    sec.refer(desk.store, desk.expert, r2.case_id, desk.manager.user_id, on=DAY)
    sec.refer(desk.store, desk.manager, r2.case_id, desk.expert.user_id, on=DAY)  # the manager acted
    with pytest.raises(InvariantError) as acted:
        sec.undo_accept(desk.store, desk.expert, r2.case_id, reason="x", on=DAY)
    assert acted.value.message == undo.MSG_UNDO_ACCEPT_ACTED


def test_a_clerk_cannot_send_a_case_back_to_review(desk: Desk) -> None:
    r = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
    with pytest.raises(PermissionDenied):
        sec.undo_accept(desk.store, desk.clerk, r.case_id, reason="x", on=DAY)
    assert q.get_case(desk.store, desk.expert, r.case_id, on=DAY).case["status"] == "accepted"
