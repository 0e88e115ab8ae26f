"""A letter number is one number however it was typed: «۱۲۳ / ۴۵», «١٢٣/٤٥» and «123/45» are the
same forwarding letter, stored once as «123/45» and found by any of them; a desk whose older
release stored the number as typed is brought up to date once when this version opens it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kanoon_desk import eventlog
from kanoon_desk.models.secretariat import FollowUp, Forward
from kanoon_desk.persian import letter_number, normalize
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.services.ops import check
from kanoon_desk.store import Store

from .secretariat_helpers import Desk, case_input, make_secretariat_desk

DAY = date(2025, 5, 4)


def _registered(d: Desk, n: int) -> str:
    r = sec.intake(d.store, d.clerk, case_input(n), on=DAY)
    sec.review(d.store, d.expert, r.case_id, accept=True, on=DAY)
    sec.register(d.store, d.clerk, r.case_id, on=DAY)
    return r.case_id


def _found(d: Desk | Store, actor: object, text: str) -> list[str]:
    store = d.store if isinstance(d, Desk) else d
    return [r.id for r in q.search(store, actor, q.SearchQuery(text=text))]  # type: ignore[arg-type]


@pytest.mark.parametrize(("typed", "stored"), [
    ("۱۲۳ / ۴۵", "123/45"), ("١٢٣/٤٥", "123/45"), (" 123 /45 ", "123/45"), ("۱۲۳۴ / ص / ۱۴۰۴", "1234/ص/1404"),
    ("۵۶ - ۷۸", "56-78"), ("56 – 78", "56-78"), ("12 ∕ 3", "12/3"), ("ص/۱۲ ۳", "ص/12 3"),
])
def test_a_letter_number_is_stored_as_one_number_however_typed(typed: str, stored: str) -> None:
    assert letter_number(typed) == stored and letter_number(stored) == stored


def test_a_forward_and_a_follow_up_typed_with_spaces_are_found_by_the_number_as_written(tmp_path: Path) -> None:
    d = make_secretariat_desk(tmp_path)
    first, second = _registered(d, 1), _registered(d, 2)
    fw = sec.forward(d.store, d.manager, first, d.agency.id, letter_no="۱۲۳ / ۴۵", on=DAY)
    assert fw.letter_no == "123/45"
    sec.forward(d.store, d.manager, second, d.agency.id, letter_no="۹۰۱-۲", on=DAY)
    sec.follow_up(d.store, d.expert, second, method="letter", letter_no="۵۶ – ۷۸", on=date(2025, 5, 25))
    for typed in ("123/45", "۱۲۳ / ۴۵", "١٢٣/٤٥", "123 /45"):
        assert _found(d, d.expert, typed) == [first], typed
    for typed in ("56-78", "۵۶ - ۷۸", "901 - 2"):
        assert _found(d, d.expert, typed) == [second], typed
    batch = sec.follow_up_batch(d.store, d.expert, "56 - 78")
    assert batch is not None and batch.letter_no == "56-78"
    assert [(x.case_id, x.forward_letter_no) for x in batch.lines] == [(second, "901-2")]


def test_an_older_desks_numbers_typed_with_spaces_are_brought_up_to_date_when_opened(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As an older release recorded and folded them (the number only `normalize`d: «123 / 45»), then
    opened by this version: the stored numbers are the ones a fold makes now, found by «123/45»,
    and `check` finds the projections as a re-fold makes them."""
    from kanoon_desk.projections.secretariat import cases as case_fold
    from kanoon_desk.services import secretariat_followups

    d = make_secretariat_desk(tmp_path)
    case_id = _registered(d, 1)
    old = lambda text: normalize(text or "")  # noqa: E731 - the older release's reading
    for module in (sec, case_fold, secretariat_followups):
        monkeypatch.setattr(module, "letter_number", old)
    sec.forward(d.store, d.manager, case_id, d.agency.id, letter_no="۱۲۳ / ۴۵", on=DAY)
    sec.follow_up(d.store, d.expert, case_id, method="letter", letter_no="۵۶ - ۷۸", on=date(2025, 5, 25))
    with d.store.read() as s:
        assert [f.letter_no for f in s.query(Forward)] == ["123 / 45"]
        assert [f.letter_no for f in s.query(FollowUp)] == ["56 - 78"]
    monkeypatch.undo()
    done = sorted(set(eventlog.REFOLDS) | set(eventlog.REKEYS))  # (an older release knew no renumbering)
    with d.store.transaction() as s:
        d.store.set_state(s, eventlog.K_REFOLDS_DONE, json.dumps(done))
    path = d.store.path
    d.store.close()
    again = Store(path)
    try:
        with again.read() as s:
            assert [f.letter_no for f in s.query(Forward)] == ["123/45"]
            assert [f.letter_no for f in s.query(FollowUp)] == ["56-78"]
        assert _found(again, d.expert, "123/45") == [case_id]
        assert _found(again, d.expert, "۵۶-۷۸") == [case_id]
        assert "letter_numbers" in json.loads(again.get_state(eventlog.K_REFOLDS_DONE) or "[]")
    finally:
        again.close()
    assert check(path) == []
