"""Following up one agency's late cases at once: one letter (one number) or one call for all of
them, all or none, the letter read back from any of its cases."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kanoon_desk.errors import PermissionDenied, ValidationError
from kanoon_desk.eventlog import projection_digests, refold_all
from kanoon_desk.models import Event
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.services.accounts import get_office
from kanoon_desk.services.secretariat_agencies import save_agency
from kanoon_desk.services.secretariat_docs import follow_up_batch_letter_html

from .secretariat_helpers import Desk, case_input, make_secretariat_desk

DAY = date(2025, 5, 4)  # a Sunday; forwarded that day, due 2025-05-21
LATE = date(2025, 5, 25)


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return make_secretariat_desk(tmp_path)


def _forwarded(d: Desk, n: int, agency_id: str | None = None) -> str:
    r = sec.intake(d.store, d.clerk, case_input(n, subject=f"موضوع شماره {n}"), on=DAY)
    sec.review(d.store, d.expert, r.case_id, accept=True, on=DAY)
    sec.register(d.store, d.clerk, r.case_id, on=DAY)
    sec.forward(d.store, d.manager, r.case_id, agency_id or d.agency.id, on=DAY)
    return r.case_id


def _events(d: Desk, kind: str) -> int:
    with d.store.read() as s:
        return int(s.scalar(select(func.count()).select_from(Event).where(Event.type == kind)) or 0)


def test_one_letter_follows_up_the_agencys_late_cases_and_gives_them_a_new_deadline(desk: Desk) -> None:
    ids = [_forwarded(desk, n) for n in (1, 2, 3)]
    assert q.overdue_count(desk.store, desk.expert, on=LATE, agency_id=desk.agency.id) == 3
    batch = sec.follow_up_agency(desk.store, desk.expert, desk.agency.id, ids[:2], method="letter",
                                 note="پاسخ را بفرستید", new_deadline=date(2025, 6, 3), on=LATE)
    assert batch.letter_no.startswith("13-D01-1404-") and batch.agency_name == desk.agency.name
    assert sorted(line.case_id for line in batch.lines) == sorted(ids[:2])
    assert all(line.deadline == date(2025, 5, 21) and line.forward_letter_no for line in batch.lines)
    # the two are no longer late (their new deadline); the third still is
    assert [r.id for r in q.overdue(desk.store, desk.expert, on=LATE)] == [ids[2]]
    for cid in ids[:2]:
        d = q.get_case(desk.store, desk.expert, cid)
        assert [f["letter_no"] for f in d.follow_ups] == [batch.letter_no]
        assert d.case["deadline"] == date(2025, 6, 3) and d.forwards[0]["deadline"] == date(2025, 6, 3)
    # the letter is read back whole from its number (any of its cases prints it again)
    again = sec.follow_up_batch(desk.store, desk.clerk, batch.letter_no)
    assert again is not None and again.lines == batch.lines and again.new_deadline == date(2025, 6, 3)
    assert again.user_name == batch.user_name == "کاربر expert1"
    html = follow_up_batch_letter_html(get_office(desk.store), again)
    assert html.count("موضوع شماره") == 2 and "۱۴۰۴/۰۳/۱۳" in html and "پاسخ را بفرستید" in html
    assert "کاربر expert1<br/>کارشناس بررسی<br/>" in html  # signed with the follower's role
    # the numbers in Latin digits as the agency types them back, each whole in its cell
    from kanoon_desk.services.numbers import unbroken
    for no in [batch.letter_no, *(line.forward_letter_no for line in batch.lines),
               *(line.registration_no for line in batch.lines)]:
        assert f"\u2066{unbroken(no)}\u2069" in html, no
    with desk.store.read() as s:  # the batch's events fold to the same rows again
        before = projection_digests(s)
    with desk.store.transaction() as s:
        refold_all(s)
        assert projection_digests(s) == before


def test_a_batch_is_all_or_nothing_and_names_the_case_that_stops_it(desk: Desk) -> None:
    other = save_agency(desk.store, desk.admin, name="اداره کل آموزش و پرورش", deadline_days=None)
    mine, answered, elsewhere = _forwarded(desk, 1), _forwarded(desk, 2), _forwarded(desk, 3, other.id)
    sec.record_response(desk.store, desk.clerk, answered, text="انجام شد.", on=date(2025, 5, 24))
    reg = q.get_case(desk.store, desk.expert, answered).case["registration_no"]
    with pytest.raises(ValidationError) as err:
        sec.follow_up_agency(desk.store, desk.expert, desk.agency.id, [mine, answered], method="letter", on=LATE)
    assert err.value.field == "case_ids" and err.value.params == {"case": reg}
    with pytest.raises(ValidationError) as err:
        sec.follow_up_agency(desk.store, desk.expert, desk.agency.id, [mine, elsewhere], method="phone", on=LATE)
    assert err.value.field == "case_ids"
    assert _events(desk, "case.followed_up") == 0  # nothing of either refused batch was written
    with pytest.raises(ValidationError) as err:
        sec.follow_up_agency(desk.store, desk.expert, desk.agency.id, [], method="letter", on=LATE)
    assert err.value.field == "case_ids"
    with pytest.raises(ValidationError) as err:
        sec.follow_up_agency(desk.store, desk.expert, desk.agency.id, [mine], method="letter",
                             new_deadline=LATE, on=LATE)
    assert err.value.field == "new_deadline"
    with pytest.raises(PermissionDenied):
        sec.follow_up_agency(desk.store, desk.clerk, desk.agency.id, [mine], method="letter", on=LATE)


def test_a_phone_batch_logs_one_call_on_each_case_without_a_letter(desk: Desk) -> None:
    ids = [_forwarded(desk, n) for n in (1, 2)]
    batch = sec.follow_up_agency(desk.store, desk.manager, desk.agency.id, ids + ids[:1], method="phone",
                                 note="تماس با دبیرخانه دستگاه", on=LATE)
    assert batch.letter_no == "" and len(batch.lines) == 2
    assert _events(desk, "case.followed_up") == 2  # a case chosen twice is followed up once
    for cid in ids:
        fu = q.get_case(desk.store, desk.expert, cid).follow_ups
        assert [(f["method"], f["note"], f["new_deadline"]) for f in fu] == [("phone", "تماس با دبیرخانه دستگاه", None)]
    assert q.overdue_count(desk.store, desk.expert, on=LATE) == 2  # a call gives no new deadline
    assert sec.follow_up_batch(desk.store, desk.expert, "") is None


def test_a_single_follow_up_letter_is_its_own_batch_of_one(desk: Desk) -> None:
    cid = _forwarded(desk, 1)
    sec.follow_up(desk.store, desk.expert, cid, method="letter", on=LATE)
    no = q.get_case(desk.store, desk.expert, cid).follow_ups[0]["letter_no"]
    batch = sec.follow_up_batch(desk.store, desk.expert, no)
    assert batch is not None and [line.case_id for line in batch.lines] == [cid]
