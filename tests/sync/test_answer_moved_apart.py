"""An agency's answer moved to the right case at one desk (`sec.move_answer`) reaches the other
desk as any steps: the wrong case waiting again, the right one answered, alike on both."""

from __future__ import annotations

from pathlib import Path

from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from tests.secretariat_helpers import case_input

from .test_conflict_resolutions import DAY, digests, exchange, twin_desks


def test_the_moved_answer_reaches_the_other_desk(tmp_path: Path) -> None:
    desk, other, wrong = twin_desks(tmp_path)
    right = sec.intake(desk.store, desk.clerk, case_input(2), on=DAY).case_id
    for case_id in (wrong, right):
        if case_id == right:
            sec.review(desk.store, desk.expert, right, accept=True, on=DAY)
            sec.register(desk.store, desk.clerk, right, on=DAY)
        sec.refer(desk.store, desk.expert, case_id, desk.manager.user_id, on=DAY)
        sec.forward(desk.store, desk.manager, case_id, desk.agency.id, on=DAY)
    sec.record_response(desk.store, desk.clerk, wrong, text="انجام شد", on=DAY)
    exchange(desk.store, other)
    code = q.get_case(desk.store, desk.clerk, right, on=DAY).case["tracking_code"]
    sec.move_answer(desk.store, desk.clerk, wrong, to_code=code, reason="پرونده نادرست", on=DAY)
    exchange(desk.store, other)
    assert digests(desk.store) == digests(other)
    assert q.get_case(other, desk.clerk, wrong, on=DAY).case["status"] == "forwarded"
    assert q.get_case(other, desk.clerk, right, on=DAY).case["status"] == "answered"
