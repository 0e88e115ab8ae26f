"""A case's intake corrected at two desks apart (`sec.correct_case`): the same correction, or two
fields, meet quietly; one field set to two different values is a conflict in the inbox, the same on
both desks whatever the arrival order, and the later correction stands until a person decides."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

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


def _case(store: object, case_id: str) -> Case:
    with store.read() as s:  # type: ignore[attr-defined]
        c = s.get(Case, case_id)
        assert c is not None
        s.expunge(c)
        return c


def test_two_fields_corrected_apart_both_stand_with_no_conflict(tmp_path: Path) -> None:
    desk, other, case_id = twin_desks(tmp_path)
    sec.correct_case(desk.store, desk.clerk, case_id, subject="قطعی برق شبانه", reason="موضوع نادرست", on=DAY)
    sec.correct_case(other, desk.clerk, case_id, channel="post", reason="پستی بود", on=DAY)
    sec.forward(other, desk.admin, case_id, desk.agency.id, letter_no="B-1", on=DAY + timedelta(days=1))
    exchange(desk.store, other)
    assert digests(desk.store) == digests(other)
    c = _case(other, case_id)
    assert (c.subject, c.channel, c.visits, c.status) == ("قطعی برق شبانه", "post", 0, "forwarded")
    with other.read() as s:
        assert list(s.scalars(select(Conflict))) == []


def test_one_field_corrected_to_two_values_apart_is_a_conflict(tmp_path: Path) -> None:
    desk, other, case_id = twin_desks(tmp_path)
    sec.correct_case(desk.store, desk.clerk, case_id, category="آب و برق", reason="دسته نادرست", on=DAY)
    sec.correct_case(other, desk.clerk, case_id, category="راه و ترابری", reason="دسته نادرست", on=DAY)
    exchange(desk.store, other)
    assert digests(desk.store) == digests(other)
    c = only_conflict(desk.store, desk.admin, "case.corrected_apart")
    assert c.resolutions == ("fixed_manually",)
    later = c.facts[1].payload["changes"]["category"]["to"]
    assert _case(desk.store, case_id).category == _case(other, case_id).category == later
    # the manager writes the right one and records the decision; the other desk agrees
    sec.correct_case(desk.store, desk.manager, case_id, category="آب و برق", reason="پس از بررسی", on=DAY)
    conflicts.resolve(desk.store, desk.admin, c.id, "fixed_manually", "دسته درست نوشته شد")
    converges_in_any_order(desk.store, other, tmp_path)
    timeline = q.get_case(desk.store, desk.clerk, case_id, on=DAY).timeline
    assert [t.payload["changes"]["category"]["to"] for t in timeline if t.type == "case.corrected"][-1] == "آب و برق"


def test_the_same_correction_made_at_both_desks_is_no_conflict(tmp_path: Path) -> None:
    desk, other, case_id = twin_desks(tmp_path)
    for store in (desk.store, other):
        sec.correct_case(store, desk.clerk, case_id, subject="قطعی برق", reason="غلط تایپی", on=DAY)
    exchange(desk.store, other)
    with desk.store.read() as s:
        assert list(s.scalars(select(Conflict))) == []
    assert _case(desk.store, case_id).subject == "قطعی برق"
