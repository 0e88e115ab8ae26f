"""Forwarding several cases of the manager's cartable to one agency at once: each through the
single forward (one event and one letter each), all of them or none."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kanoon_desk.errors import ValidationError
from kanoon_desk.models import Event
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q

from .secretariat_helpers import Desk, case_input, make_secretariat_desk

DAY = date(2025, 5, 4)  # a Sunday


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return make_secretariat_desk(tmp_path)


def _to_manager(d: Desk, n: int, on: date = DAY) -> str:
    r = sec.intake(d.store, d.clerk, case_input(n, subject=f"موضوع شماره {n}"), on=on)
    sec.review(d.store, d.expert, r.case_id, accept=True, on=on)
    sec.register(d.store, d.clerk, r.case_id, on=on)
    sec.refer(d.store, d.expert, r.case_id, d.manager.user_id, instruction="اقدام شود", on=on)
    return r.case_id


def _events(d: Desk, kind: str) -> int:
    with d.store.read() as s:
        return int(s.scalar(select(func.count()).select_from(Event).where(Event.type == kind)) or 0)


def test_several_cases_are_forwarded_each_as_one_forward_with_its_own_letter(desk: Desk) -> None:
    ids = [_to_manager(desk, n) for n in (1, 2, 3)]
    made = sec.forward_many(desk.store, desk.manager, ids, desk.agency.id, instruction="با فوریت رسیدگی شود",
                            on=DAY)
    assert [f.case_id for f in made] == ids
    assert _events(desk, "case.forwarded") == 3
    assert len({f.letter_no for f in made}) == 3  # one paper, one number, each
    assert {f.deadline for f in made} == {date(2025, 5, 21)}  # the agency's 15 working days, as one forward
    for f in made:
        detail = q.get_case(desk.store, desk.manager, f.case_id)
        assert detail.case["status"] == "forwarded"
        assert sec.forward_instruction(desk.store, detail.forwards[0]["id"]) == "با فوریت رسیدگی شود"
    assert q.cartable_count(desk.store, desk.manager) == 0


def test_one_case_that_cannot_be_forwarded_is_named_and_nothing_is_written(desk: Desk) -> None:
    ids = [_to_manager(desk, n) for n in (1, 2, 3)]
    sec.forward(desk.store, desk.manager, ids[1], desk.agency.id, on=DAY)  # (forwarded meanwhile)
    subject = q.get_case(desk.store, desk.manager, ids[1]).case["registration_no"]
    with pytest.raises(ValidationError) as err:
        sec.forward_many(desk.store, desk.manager, ids, desk.agency.id, on=DAY)
    assert err.value.message == sec.MSG_BATCH_STATE and err.value.params == {"case": subject}
    assert _events(desk, "case.forwarded") == 1
    assert q.cartable_count(desk.store, desk.manager) == 2
    # a case referred to another manager is not in mine: named, nothing written either
    other = _to_manager(desk, 4)
    sec.refer(desk.store, desk.manager, other, desk.manager2.user_id, on=DAY)
    with pytest.raises(ValidationError) as err:
        sec.forward_many(desk.store, desk.manager, [ids[0], other], desk.agency.id, on=DAY)
    assert err.value.message == sec.MSG_BATCH_HOLDER
    assert _events(desk, "case.forwarded") == 1


def test_a_batch_deadline_on_a_friday_is_refused_at_its_field(desk: Desk) -> None:
    ids = [_to_manager(desk, n) for n in (1, 2)]
    with pytest.raises(ValidationError) as err:
        sec.forward_many(desk.store, desk.manager, ids, desk.agency.id, deadline=date(2025, 5, 16), on=DAY)
    assert err.value.field == "deadline" and err.value.message == sec.MSG_DEADLINE_DAY_OFF
    with pytest.raises(ValidationError) as err:
        sec.forward_many(desk.store, desk.manager, [], desk.agency.id, on=DAY)
    assert err.value.field == "case_ids"
    assert _events(desk, "case.forwarded") == 0
