"""CC items (رونوشت): several receivers, out of the open cartable once read or when the case closes,
and the migration that brings an older store's CC rows to what a re-fold gives."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from kanoon_desk.errors import ValidationError
from kanoon_desk.eventlog import projection_digests, refold_all
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.store import Store, alembic_config, make_engine

from .secretariat_helpers import Desk, case_input, make_secretariat_desk

DAY = date(2025, 5, 4)


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return make_secretariat_desk(tmp_path)


def _registered(d: Desk, n: int) -> str:
    r = sec.intake(d.store, d.clerk, case_input(n), on=DAY)
    sec.review(d.store, d.expert, r.case_id, accept=True, on=DAY)
    sec.register(d.store, d.clerk, r.case_id, on=DAY)
    return r.case_id


def _cc_item(d: Desk, user_id: str, case_id: str) -> q.CartableItem:
    from kanoon_desk.eventlog import Actor

    actor = Actor(user_id, "", "", d.admin.office_code, frozenset({"manager", "expert"}))
    [item] = [i for i in q.cartable(d.store, actor) if i.case_id == case_id and i.kind == "cc"]
    return item


def test_a_cc_leaves_the_open_cartable_once_read_and_stays_while_the_case_moves_on(desk: Desk) -> None:
    case_id = _registered(desk, 1)
    sec.refer(desk.store, desk.expert, case_id, desk.manager.user_id, instruction="بررسی شود",
              cc=[desk.manager2.user_id, desk.admin.user_id], on=DAY)
    assert q.cartable_count(desk.store, desk.manager2) == 1 and q.cartable_count(desk.store, desk.admin) == 1
    sec.forward(desk.store, desk.manager, case_id, desk.agency.id, on=DAY)  # acting ends the action item only
    assert q.cartable_count(desk.store, desk.manager) == 0
    assert q.cartable_count(desk.store, desk.manager2) == 1
    item = _cc_item(desk, desk.manager2.user_id, case_id)
    sec.mark_read(desk.store, desk.manager2, item.item_id)
    assert q.cartable_count(desk.store, desk.manager2) == 0  # read: out of the open cartable
    assert q.cartable_count(desk.store, desk.admin) == 1  # the other receiver's copy is still there
    sec.record_response(desk.store, desk.clerk, case_id, text="انجام شد", on=DAY)
    sec.close(desk.store, desk.expert, case_id, outcome="resolved", on=DAY)
    assert q.cartable_count(desk.store, desk.admin) == 0  # the case closed: unread copies end too


def test_a_refer_with_no_cc_and_a_cc_to_the_receiver_himself_make_one_item(desk: Desk) -> None:
    case_id = _registered(desk, 2)
    sec.refer(desk.store, desk.expert, case_id, desk.manager.user_id, cc=[desk.manager.user_id], on=DAY)
    assert q.cartable_count(desk.store, desk.manager) == 1


def test_the_migration_ends_the_cc_items_of_an_older_store_as_a_refold_does(desk: Desk) -> None:
    read_first, closed_first, never = (_registered(desk, n) for n in (1, 2, 3))
    for case_id in (read_first, closed_first, never):
        sec.refer(desk.store, desk.expert, case_id, desk.manager.user_id, cc=[desk.manager2.user_id], on=DAY)
    sec.mark_read(desk.store, desk.manager2, _cc_item(desk, desk.manager2.user_id, read_first).item_id)
    sec.close(desk.store, desk.manager, read_first, outcome="unresolved", on=DAY)
    late = _cc_item(desk, desk.manager2.user_id, closed_first).item_id
    sec.close(desk.store, desk.manager, closed_first, outcome="unresolved", on=DAY)
    sec.mark_read(desk.store, desk.manager2, late)  # read after the close: it ended with the close
    path = desk.store.path
    with desk.store.transaction() as s:  # older desks wrote a read without its instant
        s.execute(text(
            "UPDATE events SET payload = json_remove(payload, '$.at') WHERE type = 'case.referral_read'"))
        refold_all(s)
    with desk.store.read() as s:
        expected = projection_digests(s)
        statuses = dict(s.execute(text(
            "SELECT case_id, status FROM referrals WHERE kind = 'cc'")).all())
    assert statuses == {read_first: "seen", closed_first: "closed", never: "open"}
    desk.store.close()
    engine = make_engine(path)  # back to the revision before 0002c (later ones undone first)
    command.downgrade(alembic_config(engine), "0002p")
    engine.dispose()
    with closing(sqlite3.connect(str(path))) as conn:  # the rows as the old fold left them
        conn.execute("UPDATE referrals SET status = 'open', closed_at = NULL WHERE kind = 'cc'")
        conn.commit()
    store = Store(path)
    try:
        with store.read() as s:
            assert projection_digests(s) == expected
    finally:
        store.close()


def test_the_cartable_word_filter_reads_a_half_space_as_the_subject_has_it(desk: Desk) -> None:
    from kanoon_desk.services.numbers import format_tracking_code

    r = sec.intake(desk.store, desk.clerk, case_input(7, subject="برق محله هر شب قطع می‌شود"), on=DAY)
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
    sec.register(desk.store, desk.clerk, r.case_id, on=DAY)
    sec.refer(desk.store, desk.expert, r.case_id, desk.manager.user_id, on=DAY)
    for words in ("قطع می‌شود", "قطع می شود", "قطع مي‌شود", format_tracking_code(r.tracking_code), "100%"):
        expected = 0 if words == "100%" else 1
        assert q.cartable_count(desk.store, desk.manager, words=words) == expected, words
        assert len(q.cartable(desk.store, desk.manager, words=words)) == expected, words


def test_the_cartable_filter_finds_a_case_by_the_registration_number_it_shows(desk: Desk) -> None:
    """The manager is told «case 1404-000002» and types it (or its tail, in Persian digits) in the
    cartable's filter: the list shows that number, so the filter finds by it too."""
    numbers = []
    for n in (1, 2):
        r = sec.intake(desk.store, desk.clerk, case_input(n, subject=f"درخواست شماره {n}"), on=DAY)
        sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
        numbers.append(sec.register(desk.store, desk.clerk, r.case_id, on=DAY))
        sec.refer(desk.store, desk.expert, r.case_id, desk.manager.user_id, on=DAY)
    second = numbers[1]  # 13-D01-1404-000002
    for words in (second, second.split("-", 2)[2], "۱۴۰۴-۰۰۰۰۰۲", second.lower()):
        assert [i.registration_no for i in q.cartable(desk.store, desk.manager, words=words)] == [second], words
        assert q.cartable_count(desk.store, desk.manager, words=words) == 1, words


def test_a_referral_goes_only_to_an_expert_or_a_manager_and_a_cc_to_the_secretariat(desk: Desk) -> None:
    case_id = _registered(desk, 1)
    for receiver in (desk.librarian, desk.clerk):  # a librarian's cartable cannot open it; a clerk acts on none
        with pytest.raises(ValidationError) as err:
            sec.refer(desk.store, desk.expert, case_id, receiver.user_id, on=DAY)
        assert err.value.field == "to_user_id" and "کارشناس یا مدیر" in str(err.value)
    with pytest.raises(ValidationError) as err:
        sec.refer(desk.store, desk.expert, case_id, desk.manager.user_id, cc=[desk.librarian.user_id], on=DAY)
    assert err.value.field == "cc"
    assert q.get_case(desk.store, desk.expert, case_id).case["status"] == "registered"  # nothing recorded
    sec.refer(desk.store, desk.expert, case_id, desk.manager.user_id, cc=[desk.clerk.user_id], on=DAY)
    [item] = q.cartable(desk.store, desk.clerk)  # the clerk reads the copy in their own cartable
    assert item.kind == "cc" and item.case_id == case_id


def test_the_cartable_sorted_by_applicant_follows_the_persian_alphabet(desk: Desk) -> None:
    """Sorted by the applicant's name the cartable read «مریم, پریا, ژاله» (by code point پ and ژ
    come after م); a manager reads it as a dictionary orders it, either way round."""
    for n, first in enumerate(("مریم", "ژاله", "پریا", "Sara", "آرش"), start=1):
        r = sec.intake(desk.store, desk.clerk, case_input(n, first_name=first), on=DAY)
        sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
        sec.register(desk.store, desk.clerk, r.case_id, on=DAY)
        sec.refer(desk.store, desk.expert, r.case_id, desk.manager.user_id, on=DAY)
    names = [i.applicant_name.split()[0] for i in q.cartable(desk.store, desk.manager, sort="applicant")]
    assert names == ["Sara", "آرش", "پریا", "ژاله", "مریم"]
    assert [i.applicant_name.split()[0] for i in q.cartable(desk.store, desk.manager, sort="applicant",
                                                              descending=True)] == names[::-1]
