"""An agency's answer recorded on the wrong case moved to the right one (`sec.move_answer`): the
wrong case waits for its answer again (its letter open, the agency's clock running as before), the
right one is answered with the same text, day and scanned letter; both timelines say so."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from kanoon_desk.errors import InvariantError, ValidationError
from kanoon_desk.eventlog import projection_digests, refold_all
from kanoon_desk.models.secretariat import Attachment, Forward
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.services.secretariat_answer_move import MSG_MOVE_NOT_ANSWERED

from .secretariat_helpers import Desk, case_input, make_secretariat_desk

DAY = date(2025, 5, 4)


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    d = make_secretariat_desk(tmp_path)
    yield d
    d.store.close()


def _forwarded(desk: Desk, n: int) -> str:
    r = sec.intake(desk.store, desk.clerk, case_input(n), on=DAY)
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
    sec.register(desk.store, desk.clerk, r.case_id, on=DAY)
    sec.refer(desk.store, desk.expert, r.case_id, desk.manager.user_id, on=DAY)
    sec.forward(desk.store, desk.manager, r.case_id, desk.agency.id, on=DAY)
    return r.case_id


def test_an_answer_on_the_wrong_case_moves_to_the_right_one(desk: Desk, tmp_path: Path) -> None:
    wrong, right = _forwarded(desk, 1), _forwarded(desk, 2)
    before = q.get_case(desk.store, desk.clerk, wrong, on=DAY + timedelta(days=3)).case
    scan = tmp_path / "answer.pdf"
    scan.write_bytes(b"%PDF-1.4 the agency's letter\n%%EOF\n")
    sec.record_response(desk.store, desk.clerk, wrong, text="آسفالت کوچه انجام شد", attachment=scan,
                        on=DAY + timedelta(days=3))
    code = q.get_case(desk.store, desk.clerk, right, on=DAY).case["tracking_code"]
    with pytest.raises(ValidationError) as same:
        sec.move_answer(desk.store, desk.clerk, wrong, to_code=before["tracking_code"], reason="x", on=DAY)
    assert same.value.field == "to_code"
    sec.move_answer(desk.store, desk.clerk, wrong, to_code=code, reason="پاسخ نامه پرونده دیگر بود",
                    on=DAY + timedelta(days=3))
    w = q.get_case(desk.store, desk.clerk, wrong, on=DAY + timedelta(days=3))
    r = q.get_case(desk.store, desk.clerk, right, on=DAY + timedelta(days=3))
    assert (w.case["status"], w.case["answered_on"], w.case["response_text"]) == ("forwarded", None, "")
    assert (w.case["clock"], w.case["agency_days"]) == (before["clock"], before["agency_days"])
    assert (r.case["status"], r.case["answered_on"], r.case["response_text"]) == (
        "answered", DAY + timedelta(days=3), "آسفالت کوچه انجام شد")
    assert w.timeline[-1].type in ("case.answer_moved", "case.attachment_removed")
    assert any(t.type == "case.answer_moved" and t.payload["reason"] == "پاسخ نامه پرونده دیگر بود"
               for t in w.timeline)
    assert any(t.type == "case.answered" and t.payload.get("moved_from") == wrong for t in r.timeline)
    with desk.store.read() as s:
        assert [f.status for f in s.query(Forward).filter(Forward.case_id == wrong)] == ["open"]
        assert [a.case_id for a in s.query(Attachment).filter(Attachment.kind == "response")] == [right]
    # the wrong case can be answered by its own letter later
    sec.record_response(desk.store, desk.clerk, wrong, text="پاسخ خودش", on=DAY + timedelta(days=4))
    with desk.store.read() as s:
        digest = projection_digests(s)
    with desk.store.transaction() as s:
        refold_all(s)
    with desk.store.read() as s:
        assert projection_digests(s) == digest


def test_an_answer_the_applicant_was_told_of_stays(desk: Desk) -> None:
    wrong, right = _forwarded(desk, 1), _forwarded(desk, 2)
    sec.record_response(desk.store, desk.clerk, wrong, text="انجام شد", on=DAY)
    sec.notify(desk.store, desk.clerk, wrong, method="phone", on=DAY)
    code = q.get_case(desk.store, desk.clerk, right, on=DAY).case["tracking_code"]
    with pytest.raises(InvariantError) as err:
        sec.move_answer(desk.store, desk.clerk, wrong, to_code=code, reason="x", on=DAY)
    assert err.value.message == MSG_MOVE_NOT_ANSWERED
