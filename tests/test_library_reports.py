"""Overdue list and lending reports over Jalali periods."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kanoon_desk.services import circulation as circ
from kanoon_desk.services import library as lib
from kanoon_desk.services import library_reports as rep
from kanoon_desk.store import Store
from tests.library_helpers import TODAY, actor_at, make_library


def test_overdue_list_most_late_first_with_phones(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    circ.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY - timedelta(days=40))
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0002", today=TODAY - timedelta(days=25))
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0003", today=TODAY, override=True, note="آزمون")
    assert rep.overdue_count(L.store, today=TODAY) == 2
    rows = rep.overdue_page(L.store, L.admin, today=TODAY)
    assert [r.barcode for r in rows] == ["B0001", "B0002"]
    child = rows[0]
    assert (child.guardian_name, child.guardian_phone, child.member_name) == ("علی محمدی", "09121234567", "زهرا محمدی")
    # days late are working days: 26 days from 1404/01/20 to 1404/02/15, of which four Fridays
    assert (TODAY - child.due_on).days == 26 and child.days == 22 > rows[1].days > 0
    assert rep.overdue_page(L.store, L.admin, today=TODAY, offset=1, limit=1)[0].barcode == "B0002"
    assert rep.overdue_count(L.store, today=TODAY, centre="14") == 0
    assert "ماهی سیاه کوچولو" in rep.overdue_notice_text(child)


def test_a_centres_overdue_loans_are_counted_from_the_index_alone(tmp_path: Path) -> None:
    """The overdue list narrowed to one centre (82,000 overdue loans of 108,000 open, at 30 centres)
    counted its loans by looking each overdue loan up in the loans table for its centre: choosing a
    centre held the page 330-360 ms. The open loans' index holds the centre: the count reads the
    index alone, and the page reads the centre's loans in due order from it."""
    from .query_plans import plans

    L = make_library(tmp_path)
    circ.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY - timedelta(days=40))
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0002", today=TODAY - timedelta(days=25))
    centre = rep.overdue_page(L.store, L.admin, today=TODAY)[0].centre
    with plans(L.store) as seen:
        count = rep.overdue_count(L.store, today=TODAY, centre=centre)
        rows = rep.overdue_page(L.store, L.admin, today=TODAY, centre=centre)
    assert count == 2 and [r.barcode for r in rows] == ["B0001", "B0002"]
    loans = [(sql, line) for sql, lines in seen for line in lines if " lib_loans " in line + " "]
    assert len(loans) == 2
    assert "USING COVERING INDEX ix_lib_loans_open_due (returned_at=? AND due_on<?)" in loans[0][1], loans[0]
    assert "USING INDEX ix_lib_loans_open_due (returned_at=? AND due_on<?)" in loans[1][1], loans[1]

def test_reports_over_a_jalali_month(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    other = lib.add_title(L.store, L.admin, lib.TitleInput(title="خمره", age_group="ج"))
    lib.add_copy(L.store, L.admin, other.id, barcode="K1")
    at_b = actor_at(L.admin, "14")
    lib.add_copy(L.store, at_b, L.title.id, barcode="C1")
    day = date(2025, 5, 5)  # 1404/02/15
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=day)
    circ.checkin(L.store, L.admin, "B0001", today=day)
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=day)
    k1 = circ.checkout(L.store, L.admin, L.child.member_no, "K1", today=day)
    circ.checkout(L.store, at_b, L.child.member_no, "C1", today=day)
    start, end = rep.period_bounds("month", 1404, 2)
    assert (start, end) == (date(2025, 4, 21), date(2025, 5, 21))
    pop = rep.popular_titles(L.store, start, end)
    assert [(c.label, c.count) for c in pop] == [("ماهی سیاه کوچولو", 3), ("خمره", 1)]
    assert [(c.key, c.count) for c in rep.popular_titles(L.store, start, end, centre="14")] == [(L.title.id, 1)]
    readers = rep.active_readers(L.store, L.admin, start, end)
    assert [(c.key, c.count) for c in readers] == [(L.adult.id, 2), (L.child.id, 2)] or \
        sorted((c.key, c.count) for c in readers) == sorted([(L.adult.id, 2), (L.child.id, 2)])
    centres = rep.active_centres(L.store, start, end)
    assert [(c.key, c.count, c.detail) for c in centres] == [("13", 3, 2), ("14", 1, 1)]
    ages = rep.loans_by_age_group(L.store, start, end)
    assert [(c.key, c.count) for c in ages] == [("الف", 0), ("ب", 3), ("ج", 1), ("د", 0), ("ه", 0)]
    rate = rep.overdue_rate(L.store, start, end, today=day + timedelta(days=60))
    assert (rate.loans, rate.late, rate.lost) == (4, 3, 0)  # the returned one came back on time
    # the child lost K1: counted as lost, no longer as late (the day it was recorded is no return)
    circ.mark_loan_lost(L.store, L.admin, k1.id, note="گم شد", today=day + timedelta(days=40))
    rate = rep.overdue_rate(L.store, start, end, today=day + timedelta(days=60))
    assert (rate.loans, rate.late, rate.lost) == (4, 2, 1)
    assert rep.popular_titles(L.store, *rep.period_bounds("year", 1390)) == []


def test_excel_export(tmp_path: Path) -> None:
    from openpyxl import load_workbook
    path = tmp_path / "r.xlsx"
    rep.export_xlsx(path, ["عنوان", "امانت"], [["خمره", 3]], title="پرامانت‌ترین")
    wb = load_workbook(path)
    ws = wb.active
    assert ws is not None and ws.sheet_view.rightToLeft and ws.cell(2, 2).value == 3
    wb.close()


def test_overdue_notices_are_queued_once_a_week_to_the_guardian(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    circ.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY - timedelta(days=40))
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0002", today=TODAY - timedelta(days=40))
    assert rep.queue_overdue_notices(L.store, L.admin, today=TODAY) == 2
    assert rep.queue_overdue_notices(L.store, L.admin, today=TODAY + timedelta(days=3)) == 0
    assert rep.queue_overdue_notices(L.store, L.admin, today=TODAY + timedelta(days=8)) == 2
    queued = rep.queued_notices(L.store)
    phones = {p for p, _t, _d in queued}
    assert phones == {"09121234567", "09351234567"}  # the child's guardian, the adult's own
    assert any("علی محمدی گرامی" in t for _p, t, _d in queued)


def test_one_sms_a_member_names_all_their_late_books(tmp_path: Path) -> None:
    """A child with two late books: the guardian's phone gets one SMS naming both (the most late
    first), each loan shows it in the overdue list, and a week later one more, not two."""
    L = make_library(tmp_path)
    other = lib.add_title(L.store, L.admin, lib.TitleInput(title="خمره", age_group="ج"))
    lib.add_copy(L.store, L.admin, other.id, barcode="K1")
    circ.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY - timedelta(days=40))
    circ.checkout(L.store, L.admin, L.child.member_no, "K1", today=TODAY - timedelta(days=30))
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0002", today=TODAY - timedelta(days=40))
    assert rep.queue_overdue_notices(L.store, L.admin, today=TODAY) == 2
    texts = {p: t for p, t, _d in rep.queued_notices(L.store)}
    child = texts["09121234567"]
    assert "۲ کتاب امانت زهرا محمدی دیرکرد دارد" in child
    assert child.index("ماهی سیاه کوچولو") < child.index("خمره")  # the most late first
    assert "کتاب «ماهی سیاه کوچولو» امانت حسین احمدی از تاریخ" in texts["09351234567"]  # one book: as before
    rows = rep.overdue_page(L.store, L.admin, today=TODAY)
    assert len(rows) == 3 and {(r.notice_on, r.notice_status) for r in rows} == {(TODAY, "queued")}
    # a new late book of the week does not ring again before the week is out
    circ.checkout(L.store, L.admin, L.child.member_no, "B0003", today=TODAY - timedelta(days=20), override=True,
                  note="آزمون")
    assert rep.queue_overdue_notices(L.store, L.admin, today=TODAY + timedelta(days=3)) == 0
    assert rep.queue_overdue_notices(L.store, L.admin, today=TODAY + timedelta(days=8)) == 2
    latest = [t for p, t, d in rep.queued_notices(L.store) if p == "09121234567" and d == TODAY + timedelta(days=8)]
    assert len(latest) == 1 and "۳ کتاب امانت زهرا محمدی" in latest[0]
    b3 = next(r for r in rep.overdue_page(L.store, L.admin, today=TODAY + timedelta(days=8)) if r.barcode == "B0003")
    assert b3.notice_on == TODAY + timedelta(days=8)


def test_an_sms_names_a_few_titles_and_counts_the_rest() -> None:
    rows = [rep.OverdueRow(f"l{i}", 10 + i, TODAY, "m", "1", "زهرا محمدی", "", "علی محمدی", "0912", f"کتاب {i}",
                           f"B{i}", "13") for i in range(5)]
    text = rep.overdue_notice_text(rows)
    assert text.startswith("علی محمدی گرامی، ۵ کتاب امانت زهرا محمدی")
    assert "«کتاب 4» (۱۴ روز)، «کتاب 3» (۱۳ روز)، «کتاب 2» (۱۲ روز) و ۲ کتاب دیگر." in text
    assert "کتاب 1" not in text


def test_period_reports_count_loans_from_one_index(tmp_path: Path) -> None:
    """With 2 million loans a year's popular titles, readers, centres and age groups took 2-3.4 s
    each, looking every loan of the period up in its table; they count from the loans' period index
    alone (a loan's day, centre, member and title; and its return stamp, which tells a voided loan
    left out, 0003zv), and the figures stay."""
    from .query_plans import plans

    L = make_library(tmp_path)
    day = TODAY - timedelta(days=3)
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=day)
    start, end = day - timedelta(days=5), day + timedelta(days=5)
    centre = rep.active_centres(L.store, start, end)[0].key
    with plans(L.store) as seen:
        titles = rep.popular_titles(L.store, start, end)
        readers = rep.active_readers(L.store, L.admin, start, end, centre=centre)
        centres = rep.active_centres(L.store, start, end)
        ages = rep.loans_by_age_group(L.store, start, end)
    assert [t.count for t in titles] == [1] and [r.count for r in readers] == [1] and centres[0].detail == 1
    assert sum(a.count for a in ages) == 1
    loans = [(sql, line) for sql, lines in seen for line in lines if " lib_loans " in line + " "]
    assert len(loans) == 4
    for sql, line in loans:
        assert "USING COVERING INDEX ix_lib_loans_period" in line, (line, sql)
        assert "returned_hlc" in sql, sql  # a voided loan is no loan



@pytest.fixture(scope="module")
def lent_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """Two years of two centres' lending (the demo's bulk path): 300 copies lent 2,000 times, so
    that titles share counts and the order falls to their names and ids."""
    import random

    from kanoon_desk.demo import library as demo
    from tests.factories import make_desk

    store, admin = make_desk(tmp_path_factory.mktemp("lent") / "d.sqlite3")
    for code, name in (("1301", "مرکز فرهنگی هنری شماره ۱"), ("1302", "مرکز فرهنگی هنری شماره ۲")):
        lib.add_centre(store, admin, code, name)
    old = demo.BULK_FROM
    demo.BULK_FROM = 1
    try:
        demo.generate(store, random.Random(5), centres=["1301", "1302"], members=60, copies=300, loans=2000,
                      today=TODAY)
    finally:
        demo.BULK_FROM = old
    yield store
    store.close()


@given(first=st.integers(0, 800), days=st.integers(0, 400), centre=st.sampled_from([None, "1301", "1302", "99"]),
       limit=st.sampled_from([1, 3, 10, 50]))
@settings(max_examples=40)
def test_title_figures_are_the_popular_titles_and_age_groups(lent_store: Store, first: int, days: int,
                                                            centre: str | None, limit: int) -> None:
    """The report page counts a period's loans by title once for both lists (a year of all centres
    had them counted twice, 0.7 s of its 1.5-1.9 s): the same titles in the same order, ties by name
    in the Persian alphabet then by id, and the same age groups, as the two functions give apart."""
    start = TODAY - timedelta(days=800) + timedelta(days=first)
    end = start + timedelta(days=days)
    popular, ages = rep.title_figures(lent_store, start, end, centre=centre, limit=limit)
    assert popular == rep.popular_titles(lent_store, start, end, centre=centre, limit=limit)
    assert ages == rep.loans_by_age_group(lent_store, start, end, centre=centre)


def test_the_lent_store_has_ties_to_order(lent_store: Store) -> None:
    start, end = TODAY - timedelta(days=800), TODAY
    counts = [c.count for c in rep.popular_titles(lent_store, start, end, limit=50)]
    assert len(counts) >= 20 and len(set(counts)) < len(counts)  # titles lent as often: order by name
    assert sum(a.count for a in rep.loans_by_age_group(lent_store, start, end)) > 1500
