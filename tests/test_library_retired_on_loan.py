"""A copy withdrawn or lost at one centre while another lent it offline: one conflict, the same on
every desk whatever the arrival order, and resolutions that do what they say."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kanoon_desk.errors import InvariantError
from kanoon_desk.eventlog import Actor, ingest, projection_digests, refold_all
from kanoon_desk.models import Conflict, Event
from kanoon_desk.services import accounts
from kanoon_desk.services import circulation as circ
from kanoon_desk.services import conflicts as conf
from kanoon_desk.services import library as lib
from kanoon_desk.store import Store
from tests.factories import PASSWORD
from tests.library_helpers import TODAY, actor_at, make_library


def _events(store: Store, not_in: list[str] | None = None) -> list[Event]:
    with store.read() as s:
        q = select(Event).order_by(Event.hlc, Event.id)
        if not_in is not None:
            q = q.where(Event.id.not_in(not_in))
        rows = list(s.scalars(q))
        for r in rows:
            s.expunge(r)
        return rows


def _clone(ev: Event) -> Event:
    cols = {c.key: getattr(ev, c.key) for c in Event.__table__.columns}
    cols["client_seq"] = None
    return Event(**cols)


def _two_desks(tmp_path: Path, how: str) -> tuple[Store, Store, list[Event]]:
    """Centre 13 withdraws (or marks lost) B0001 while centre 14, offline, lends it; each then
    takes the other's events. Returns both desks and every event."""
    L = make_library(tmp_path)
    base = [e.id for e in _events(L.store)]
    for name in ("a.sqlite3", "b.sqlite3"):
        L.store.backup_to(tmp_path / name)
    a, b = Store(tmp_path / "a.sqlite3"), Store(tmp_path / "b.sqlite3")
    b.set_identity("14", 2)
    circ.checkout(b, actor_at(L.admin, "14"), L.adult.member_no, "B0001", today=TODAY)
    if how == "withdrawn":
        lib.withdraw_copy(a, L.admin, "B0001", "پاره")
    else:
        lib.mark_copy_lost(a, L.admin, "B0001")
    ea, eb = _events(a, base), _events(b, base)
    with a.transaction() as s:
        ingest(s, [_clone(e) for e in eb])
    with b.transaction() as s:
        ingest(s, [_clone(e) for e in ea])
    return a, b, _events(a)


def _conflicts(store: Store) -> list[tuple[str, str, str, list[str]]]:
    with store.read() as s:
        return [(c.kind, c.status, c.office_code, sorted(c.facts["involved"]))
                for c in s.scalars(select(Conflict).order_by(Conflict.id))]


@pytest.mark.parametrize("how", ["withdrawn", "lost"])
def test_one_conflict_the_same_on_every_desk_in_any_order(tmp_path: Path, how: str) -> None:
    a, b, events = _two_desks(tmp_path, how)
    for store in (a, b):
        [(kind, status, _office, involved)] = _conflicts(store)
        assert (kind, status) == ("copy.retired_on_loan", "open")
        assert lib.get_copy(store, "B0001").status == how
    with a.read() as s:
        want = projection_digests(s)
    with b.read() as s:
        assert projection_digests(s) == want
    for seed in (1, 2):  # any arrival order, a few events at a time
        shuffled = list(events)
        random.Random(seed).shuffle(shuffled)
        other = Store(tmp_path / f"o{seed}.sqlite3")
        other.set_identity("99", 9)
        for i in range(0, len(shuffled), 3):
            with other.transaction() as s:
                ingest(s, [_clone(e) for e in shuffled[i:i + 3]])
        with other.read() as s:
            got = projection_digests(s)
        assert sorted(t for t in want if want[t] != got.get(t)) == []
    with a.transaction() as s:
        refold_all(s)
    with a.read() as s:
        assert projection_digests(s) == want


def test_keeping_a_withdrawal_keeps_the_book_off_the_shelf_when_it_comes_back(tmp_path: Path) -> None:
    a, _b, _ = _two_desks(tmp_path, "withdrawn")
    [c] = conf.list_conflicts(a, _admin_of(a))
    assert c.resolutions == ("keep_retired", "reinstate") and c.summary["retired"] == "withdrawn"
    conf.resolve(a, _admin_of(a), c.id, "keep_retired")
    assert lib.get_copy(a, "B0001").status == "withdrawn"  # the loan stays open until the book is back
    back = circ.checkin(a, _admin_of(a), "B0001", today=TODAY + timedelta(days=3))
    assert back.next_action == "withdrawn" and lib.get_copy(a, "B0001").status == "withdrawn"
    assert _conflicts(a)[0][1] == "resolved"


def test_taking_the_withdrawal_back_leaves_it_on_loan_and_syncs(tmp_path: Path) -> None:
    a, b, _ = _two_desks(tmp_path, "withdrawn")
    [c] = conf.list_conflicts(a, _admin_of(a))
    before = [e.id for e in _events(a)]
    conf.resolve(a, _admin_of(a), c.id, "reinstate")
    assert lib.get_copy(a, "B0001").status == "on_loan"
    with b.transaction() as s:
        ingest(s, [_clone(e) for e in _events(a, before)])
    assert lib.get_copy(b, "B0001").status == "on_loan"
    assert [(k, st) for k, st, _o, _i in _conflicts(b)] == [("copy.retired_on_loan", "resolved")]
    assert circ.checkin(b, actor_at(_admin_of(b), "14"), "B0001", today=TODAY).next_action == "send_home"


def test_keeping_a_loss_closes_the_loan_as_lost(tmp_path: Path) -> None:
    a, _b, _ = _two_desks(tmp_path, "lost")
    [c] = conf.list_conflicts(a, _admin_of(a))
    conf.resolve(a, _admin_of(a), c.id, "keep_retired")
    adult = lib.search_members(a, _admin_of(a), "احمدی")[0]
    desk = circ.member_desk(a, _admin_of(a), adult.member_no, today=TODAY + timedelta(days=60))
    assert desk.loans == [] and desk.blocks == [] and desk.history[0].lost
    assert lib.get_copy(a, "B0001").status == "lost"


def test_a_copy_on_loan_here_is_not_withdrawn(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    with pytest.raises(InvariantError) as err:
        lib.withdraw_copy(L.store, L.admin, "B0001", "فرسوده")
    assert err.value.message == lib.MSG_WITHDRAW_ON_LOAN
    assert lib.get_copy(L.store, "B0001").status == "on_loan"


def _admin_of(store: Store) -> Actor:
    return accounts.login(store, "admin", PASSWORD)
