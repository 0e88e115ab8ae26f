"""The cartable's words filter reads each case's subject key as the fold keeps it (`case_keys`), not
the subject folded again in SQL for every item (`fa_search_key`, a Python call per row: about a
second a look-up in a cartable of 100,000; `bench/bench_secretariat.py`, `cartable_words`)."""

from __future__ import annotations

import gzip
import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

import kanoon_desk.store as store_module
from kanoon_desk.persian import search_key
from kanoon_desk.services import ops
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.store import Store

from .secretariat_helpers import Desk, case_input, make_secretariat_desk

DAY = date(2025, 5, 4)  # 1404/02/14
FIXTURES = Path(__file__).parent / "fixtures"


def _to_manager(desk: Desk, n: int, subject: str) -> str:
    r = sec.intake(desk.store, desk.clerk, case_input(n, subject=subject), on=DAY)
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
    sec.register(desk.store, desk.clerk, r.case_id, on=DAY)
    sec.refer(desk.store, desk.expert, r.case_id, desk.manager.user_id, instruction="بررسی شود", on=DAY)
    return r.case_id


def test_the_cartable_filter_folds_no_subject_per_item(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    desk = make_secretariat_desk(tmp_path)
    ids = [_to_manager(desk, n, s) for n, s in enumerate(
        ("تأخیر در پرداخت یارانه", "قطعی مکرر برق در محله", "عدم جمع‌آوری پسماند", "رؤیای کودکان"), start=1)]
    path = desk.store.path
    desk.store.close()
    folded: list[str] = []
    counting: Callable[[str | None], str | None] = store_module._search_key_sql

    def spy(value: str | None) -> str | None:
        folded.append(str(value))
        return counting(value)

    monkeypatch.setattr(store_module, "_search_key_sql", spy)  # the SQL function of the store opened now
    store = Store(path)
    try:
        for words, found in (("تاخیر", ids[0]), ("جمع آوری", ids[2]), ("رویا", ids[3]), ("برق", ids[1])):
            assert [i.case_id for i in q.cartable(store, desk.manager, words=words)] == [found], words
            assert q.cartable_count(store, desk.manager, words=words) == 1, words
        assert q.cartable(store, desk.manager, words="آسفالت") == []
    finally:
        store.close()
    assert folded == []  # not one subject folded per item: the stored keys were read


def test_a_corrected_subject_is_found_by_its_new_words_and_not_its_old_ones(tmp_path: Path) -> None:
    desk = make_secretariat_desk(tmp_path)
    case_id = _to_manager(desk, 1, "قطعی مکرر برگ")
    sec.correct_case(desk.store, desk.clerk, case_id, subject="رؤیای قطعی برق", reason="غلط تایپی", on=DAY)
    assert [i.case_id for i in q.cartable(desk.store, desk.manager, words="رویای قطعی")] == [case_id]
    assert q.cartable(desk.store, desk.manager, words="برگ") == []
    desk.store.close()
    assert ops.check(desk.store.path) == []  # the kept key is what a re-fold makes


def test_a_store_of_a_release_before_case_keys_gets_every_case_s_key(tmp_path: Path) -> None:
    """A store made before the keys were kept (a release's small demo) has them made once, as the
    fold makes them («عدم جمع‌آوری» with a space, «تأخیر» as «تاخیر»)."""
    path = tmp_path / "released.sqlite3"
    path.write_bytes(gzip.decompress((FIXTURES / "desk_0003m_cb3c270.sqlite3.gz").read_bytes()))
    Store(path).close()
    with closing(sqlite3.connect(str(path))) as conn:
        subjects = dict(conn.execute("SELECT id, subject FROM cases").fetchall())
        keys = dict(conn.execute("SELECT case_id, subject_key FROM case_keys").fetchall())
    assert len(subjects) == 4
    assert keys == {case_id: search_key(subject) for case_id, subject in subjects.items()}
    assert "عدم جمع اوری پسماند" in keys.values() and "تاخیر در پرداخت یارانه بیمه" in keys.values()
