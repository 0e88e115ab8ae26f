"""An acceptance undone at one desk (`sec.undo_accept`) reaches the others as any step; when the
manager, at a desk not yet told, forwarded the case meanwhile, the manager's step stands on both
desks (whichever came first) and the inbox holds one conflict naming both."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from kanoon_desk.models import Conflict
from kanoon_desk.models.secretariat import Case
from kanoon_desk.services import conflicts
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q

from .test_conflict_resolutions import (
    DAY,
    converges_in_any_order,
    digests,
    exchange,
    only_conflict,
    twin_desks,
)


def test_the_undo_reaches_the_other_desk(tmp_path: Path) -> None:
    desk, other, case_id = twin_desks(tmp_path)
    sec.refer(desk.store, desk.expert, case_id, desk.manager.user_id, on=DAY)
    exchange(desk.store, other)
    assert [i.case_id for i in q.cartable(other, desk.manager)] == [case_id]
    sec.undo_accept(desk.store, desk.expert, case_id, reason="پذیرش اشتباه", on=DAY)
    exchange(desk.store, other)
    assert digests(desk.store) == digests(other)
    assert q.get_case(other, desk.expert, case_id, on=DAY).case["status"] == "received"
    assert q.cartable(other, desk.manager) == []


@pytest.mark.parametrize("forward_first", [False, True])
def test_a_forward_made_apart_stands_against_the_undo_and_is_a_conflict(tmp_path: Path, forward_first: bool) -> None:
    desk, other, case_id = twin_desks(tmp_path)
    sec.refer(desk.store, desk.expert, case_id, desk.manager.user_id, on=DAY)
    exchange(desk.store, other)
    if forward_first:
        sec.forward(other, desk.manager, case_id, desk.agency.id, on=DAY)
    sec.undo_accept(desk.store, desk.expert, case_id, reason="پذیرش اشتباه", on=DAY)
    if not forward_first:
        sec.forward(other, desk.manager, case_id, desk.agency.id, on=DAY)
    exchange(desk.store, other)
    assert digests(desk.store) == digests(other)
    for store in (desk.store, other):
        with store.read() as s:
            c = s.get(Case, case_id)
            assert c is not None and c.status == "forwarded"
            assert [k for (k,) in s.execute(select(Conflict.kind))] == ["case.review_undone_late"]
    c = only_conflict(desk.store, desk.admin, "case.review_undone_late")
    assert c.explanations and all(c.explanations)
    conflicts.resolve(desk.store, desk.admin, c.id, "fixed_manually", "مدیر ارسال را درست دانست")
    converges_in_any_order(desk.store, other, tmp_path)
