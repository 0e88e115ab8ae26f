"""A case sent to the wrong agency taken back by its manager (`sec.withdraw_forward`) at one desk,
while another desk, not yet told, records the agency's answer to that letter: whichever came first,
both desks end alike, the answer stands (the case «answered», in no one's cartable) and the inbox
holds one conflict naming both; the withdrawal alone reaches the other desk as any step."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from kanoon_desk.models import Conflict
from kanoon_desk.models.secretariat import Case, Forward
from kanoon_desk.services import conflicts
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.store import Store
from tests.secretariat_helpers import Desk

from .test_conflict_resolutions import (
    DAY,
    converges_in_any_order,
    digests,
    exchange,
    only_conflict,
    twin_desks,
)


def _forwarded_twins(tmp_path: Path) -> tuple[sec.ForwardView, Desk, Store, str]:
    desk, other, case_id = twin_desks(tmp_path)
    sec.refer(desk.store, desk.expert, case_id, desk.manager.user_id, on=DAY)
    fw = sec.forward(desk.store, desk.manager, case_id, desk.agency.id, on=DAY)
    exchange(desk.store, other)
    return fw, desk, other, case_id


def test_the_withdrawal_reaches_the_other_desk(tmp_path: Path) -> None:
    _fw, desk, other, case_id = _forwarded_twins(tmp_path)
    sec.withdraw_forward(desk.store, desk.manager, case_id, reason="دستگاه نادرست", on=DAY)
    exchange(desk.store, other)
    assert digests(desk.store) == digests(other)
    d = q.get_case(other, desk.manager, case_id, on=DAY)
    assert (d.case["status"], d.case["holder_user_id"]) == ("referred", desk.manager.user_id)
    assert [i.case_id for i in q.cartable(other, desk.manager)] == [case_id]


@pytest.mark.parametrize("answer_first", [False, True])
def test_an_answer_recorded_apart_on_a_withdrawn_forward_stands_and_is_a_conflict(
        tmp_path: Path, answer_first: bool) -> None:
    fw, desk, other, case_id = _forwarded_twins(tmp_path)
    if answer_first:
        sec.record_response(other, desk.clerk, case_id, text="انجام شد", on=DAY)
    sec.withdraw_forward(desk.store, desk.manager, case_id, reason="دستگاه نادرست", on=DAY)
    if not answer_first:
        sec.record_response(other, desk.clerk, case_id, text="انجام شد", on=DAY)
    exchange(desk.store, other)
    assert digests(desk.store) == digests(other)
    for store in (desk.store, other):
        with store.read() as s:
            c = s.get(Case, case_id)
            assert c is not None and (c.status, c.holder_user_id, c.response_text) == ("answered", None, "انجام شد")
            assert [k for (k,) in s.execute(select(Conflict.kind))] == ["case.answered_withdrawn"]
        assert q.cartable(store, desk.manager) == []
    with desk.store.read() as s:
        forward = s.get(Forward, fw.id)
        assert forward is not None and forward.status == ("answered" if answer_first else "withdrawn")
    c = only_conflict(desk.store, desk.admin, "case.answered_withdrawn")
    conflicts.resolve(desk.store, desk.admin, c.id, "fixed_manually", "پاسخ از همان دستگاه درست بود")
    converges_in_any_order(desk.store, other, tmp_path)
