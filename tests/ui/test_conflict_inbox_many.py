"""The conflict inbox after a week offline at two centres: many conflicts, worked down one after
another, each fact reading as a person reads it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kanoon_desk.eventlog import Actor
from kanoon_desk.services import circulation
from kanoon_desk.services import library as lib
from kanoon_desk.store import Store
from kanoon_desk.ui.conflict_inbox import ConflictInbox
from tests.library_helpers import NATIONAL_IDS, TODAY
from tests.sync.test_conflict_resolutions import exchange, two_centres

from .shell_support import make_ctx


def lent_at_both(tmp_path: Path) -> tuple[Any, Store, Store, Actor, Actor]:
    """Two centres apart, every copy lent at both (the child at 13, the adult at 14), not yet
    exchanged: `two_centres`' set-up and desks."""
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    for copy in L.copies:
        circulation.checkout(a, admin_a, L.child.member_no, copy.barcode, today=TODAY)
        circulation.checkout(b, admin_b, L.adult.member_no, copy.barcode, today=TODAY)
    return L, a, b, admin_a, admin_b


def _inbox(qtbot: Any, store: Store, admin: Actor, tmp_path: Path) -> ConflictInbox:
    inbox = ConflictInbox(make_ctx(store, admin, tmp_path))
    qtbot.addWidget(inbox)
    return inbox


def test_after_a_decision_the_next_conflict_in_the_list_is_shown(qtbot: Any, tmp_path: Path) -> None:
    """The three copies lent at both centres: three conflicts. Deciding the second showed the
    first again (the top of the list), so an admin working down 200 went back up after each."""
    L, a, b, admin_a, admin_b = lent_at_both(tmp_path)
    exchange(a, b)
    inbox = _inbox(qtbot, a, admin_a, tmp_path)
    assert inbox.list.count() == 3
    inbox.list.setCurrentRow(1)
    decided, following = inbox.items[1], inbox.items[2]
    inbox.ask_resolve = lambda _choice, _explained: True  # type: ignore[method-assign]
    inbox.resolve(decided.id, "keep_first")
    assert inbox.list.count() == 2
    assert inbox.current_id() == following.id
    assert following.subject in inbox.list.currentItem().text()
    # the last one decided: the one before it (now the last) is shown
    inbox.resolve(following.id, "keep_first")
    assert inbox.list.count() == 1 and inbox.current_id() == inbox.items[0].id


def test_a_fact_has_no_raw_field_names_or_nulls(qtbot: Any, tmp_path: Path) -> None:
    """An adult registered at both centres (no birth date, no guardian) and a copy lent past the
    member's limit: the facts read «null», «guardian_national_id», «overridden: limit»."""
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    adult = lib.MemberInput(first_name="سارا", last_name="رضایی", national_id=NATIONAL_IDS[2], category="adult",
                            phone="09121112233")
    lib.register_member(a, admin_a, adult, today=TODAY)
    lib.register_member(b, admin_b, adult, today=TODAY)
    exchange(a, b)
    inbox = _inbox(qtbot, a, admin_a, tmp_path)
    assert inbox.list.count() == 1
    fact = inbox.fact_boxes[0].toPlainText()
    assert "سارا" in fact and "کد ملی ولی" in fact and "بزرگسال" in fact
    for raw in ("null", "None", "guardian_national_id", "adult"):
        assert raw not in fact, raw
    assert "—" in fact  # the birth date and the guardian's fields, empty


def test_a_loan_lent_past_a_refusal_names_the_refusal(qtbot: Any, tmp_path: Path) -> None:
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    from kanoon_desk.services import library_rules

    library_rules.set_rule(a, admin_a, "adult", period_days=14, max_loans=2, max_renewals=1)
    for copy in L.copies:  # the adult's limit reached at centre 13, the last lent anyway
        circulation.checkout(a, admin_a, L.adult.member_no, copy.barcode, today=TODAY, override=True, note="آشنا")
    circulation.checkout(b, admin_b, L.child.member_no, L.copies[-1].barcode, today=TODAY)
    exchange(a, b)
    inbox = _inbox(qtbot, a, admin_a, tmp_path)
    text = " ".join(box.toPlainText() for box in inbox.fact_boxes)
    assert "امانت استثنا با وجود" in text
    assert "overridden" not in text and "limit" not in text


def test_an_admin_finds_conflicts_by_kind_centre_and_what_they_are_about(qtbot: Any, tmp_path: Path, fa: Any) -> None:
    """Hundreds after a week offline were one list to scroll: no kind, centre or book to pick by."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from kanoon_desk.eventlog import system_actor
    from kanoon_desk.ids import new_id

    L, a, b, admin_a, admin_b = lent_at_both(tmp_path)
    adult = lib.MemberInput(first_name="سارا", last_name="رضایی", national_id=NATIONAL_IDS[2], category="adult",
                            phone="09121112233")
    lib.register_member(a, admin_a, adult, today=TODAY)
    lib.register_member(b, admin_b, adult, today=TODAY)
    exchange(a, b)
    for _ in range(2):  # one user name made twice at the office (13) alone
        with a.transaction() as s:
            a.record(s, system_actor("13"), "user.created", new_id(), {
                "office_code": "13", "username": "ali", "full_name": "علی", "password_hash": "h",
                "roles": ["clerk"]})
    inbox = _inbox(qtbot, a, admin_a, tmp_path)
    inbox.show()
    inbox.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is inbox)
    assert inbox.list.count() == 5 and inbox.count.text() == "۵ از ۵ ناسازگاری باز"
    # by kind: the three copies lent at both centres, counted in the choice
    kinds = {inbox.kind_filter.itemData(i): inbox.kind_filter.itemText(i) for i in range(inbox.kind_filter.count())}
    assert kinds[None].endswith("(۵)") and kinds["copy.double_loan"].endswith("(۳)")
    inbox.kind_filter.setCurrentIndex(inbox.kind_filter.findData("copy.double_loan"))
    assert [c.kind for c in inbox.items] == ["copy.double_loan"] * 3 and inbox.list.count() == 3
    assert inbox.count.text() == "۳ از ۵ ناسازگاری باز"
    # one book by its barcode (typed with Persian digits, as a Persian keyboard gives them), found from the keyboard
    inbox.list.setFocus()
    qtbot.keyClick(inbox.list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert inbox.search.hasFocus()
    inbox.search.setText("B۰۰۰۲")
    assert [c.subject for c in inbox.items] == ["B0002"]
    assert "B0002" in inbox.fact_boxes[0].toPlainText()  # shown, its facts read
    inbox.search.clear()
    inbox.kind_filter.setCurrentIndex(0)
    # by centre: centre 14 took part in four; the user name made twice at office 13 is not among them
    inbox.centre_filter.setCurrentIndex(inbox.centre_filter.findData("14"))
    assert sorted(c.kind for c in inbox.items) == ["copy.double_loan"] * 3 + ["member.registered_twice"]
    assert "مرکز فرهنگی هنری شماره ۲" in inbox.centre_filter.currentText()
    # a decision keeps the filter: the next one of centre 14 is shown
    inbox.ask_resolve = lambda _choice, _explained: True  # type: ignore[method-assign]
    inbox.resolve(inbox.items[0].id, "keep_first")
    assert inbox.centre_filter.currentData() == "14" and inbox.list.count() == 3
    assert inbox.count.text() == "۳ از ۴ ناسازگاری باز"
    # nothing left for a choice: said so, the filters still there to change
    inbox.search.setText("nothing-like-this")
    assert inbox.list.count() == 0 and "با این گزینش" in inbox.title.text()
    assert inbox.kind_filter.isVisible() and inbox.search.isVisible()


def test_one_conflict_decided_apart_on_two_desks_says_what_each_decision_meant(qtbot: Any, tmp_path: Path) -> None:
    """Centre 13 kept the first loan, centre 14 the second, before either synced. Each desk's inbox
    showed two bare «رویداد نخست درست است» / «رویداد دوم درست است» about a conflict no longer in
    the list: first and second of what? Now the conflict decided twice and its two loans are named,
    and each decision says what it did."""
    from kanoon_desk.services import conflicts

    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    circulation.checkout(a, admin_a, L.child.member_no, "B0001", today=TODAY)
    circulation.checkout(b, admin_b, L.adult.member_no, "B0001", today=TODAY)
    exchange(a, b)
    decided = conflicts.list_conflicts(a, admin_a)[0]
    conflicts.resolve(a, admin_a, decided.id, "keep_first")
    conflicts.resolve(b, admin_b, decided.id, "keep_second")
    exchange(a, b)
    for desk, admin in ((a, admin_a), (b, admin_b)):  # the same on both desks, the first one closed
        inbox = ConflictInbox(make_ctx(desk, admin, tmp_path / desk.identity.device_id))
        qtbot.addWidget(inbox)
        assert [c.kind for c in inbox.items] == ["conflict.resolved_twice"]
        title = inbox.title.text()
        assert "یک نسخه در دو مرکز امانت داده شده است" in title and "B0001" in title
        assert L.child.first_name in title and L.adult.first_name in title  # whose loan was first, whose second
        assert "(13)" in title and "(14)" in title  # at which centre each
        meant = sorted(box.toPlainText() for box in inbox.fact_boxes)
        assert sum("امانت دوم باطل می‌شود" in text for text in meant) == 1  # keep_first's
        assert sum("امانت نخست باطل می‌شود" in text for text in meant) == 1  # keep_second's


def test_several_alike_decided_at_once_from_the_keyboard(qtbot: Any, tmp_path: Path, fa: Any) -> None:
    """170 copies lent at both centres were 170 decisions, each a click, a question and an answer.
    The kind picked, Ctrl+A, the centre whose loans are right, one question: each decided as its
    own button would, a refused one left open and named with why."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    L, a, b, admin_a, admin_b = lent_at_both(tmp_path)
    circulation.checkin(a, admin_a, "B0003", today=TODAY)  # centre 13's B0003 loan already closed
    exchange(a, b)
    inbox = _inbox(qtbot, a, admin_a, tmp_path)
    inbox.show()
    inbox.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is inbox)
    assert not inbox.many.isVisible()  # one at a time: its own buttons
    inbox.list.setFocus()
    qtbot.keyClick(inbox.list, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(inbox.selected()) == 3 and inbox.many.isVisible()
    assert "۳ ناسازگاری گزیده" in inbox.many_label.text()
    offices = [inbox.many_office.itemData(i) for i in range(inbox.many_office.count())]
    assert sorted(offices) == ["13", "14"]
    inbox.many_office.setCurrentIndex(inbox.many_office.findData("14"))
    assert "مرکز فرهنگی هنری شماره ۲" in inbox.many_office.currentText()
    asked: list[tuple[int, str]] = []
    inbox.ask_many = lambda count, choice: asked.append((count, choice)) or True  # type: ignore[method-assign]
    inbox.many_button.setFocus()
    qtbot.keyClick(inbox.many_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(asked))
    assert len(asked) == 1 and asked[0][0] == 3 and "مرکز فرهنگی هنری شماره ۲" in asked[0][1]
    # centre 14's loan kept: centre 13's voided for B0001 and B0002; B0003's closed, so it stays
    assert [c.subject for c in inbox.items] == ["B0003"]
    text = inbox.message.text()
    assert "۲ ناسازگاری حل شد" in text and "۱ ناسازگاری باز ماند" in text and "B0003" in text
    assert "پیش‌تر با بازگشت" not in text and "پیش‌تر بسته شده است" in text  # why, as one at a time says
    assert not inbox.many.isVisible()
    inbox.list.selectAll()
    assert not inbox.many.isVisible()  # (one left: its own buttons)


def test_the_list_as_filtered_is_printed_and_exported(qtbot: Any, tmp_path: Path, fa: Any) -> None:
    """No way to hand the list to the centres or keep it: it printed nothing and wrote no sheet."""
    from openpyxl import load_workbook

    from kanoon_desk.ui.printing import document_from_html

    L, a, b, admin_a, admin_b = lent_at_both(tmp_path)
    exchange(a, b)
    inbox = _inbox(qtbot, a, admin_a, tmp_path)
    inbox.search.setText("B0002")
    printed = document_from_html(inbox.list_html()).toPlainText()
    assert "B0002" in printed and "B0001" not in printed and "مرکز فرهنگی هنری شماره ۲ (۱۴)" in printed
    assert "یک نسخه در دو مرکز امانت داده شده است" in printed
    inbox.search.clear()
    assert inbox.export(tmp_path / "conflicts.xlsx") == 3
    sheet = load_workbook(tmp_path / "conflicts.xlsx").active
    assert sheet is not None
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == inbox.list_headers() and sorted(r[1] for r in rows[1:]) == ["B0001", "B0002", "B0003"]
    assert all("مرکز فرهنگی هنری شماره ۱ (۱۳)" in str(r[2]) for r in rows[1:])


def test_a_barcode_given_to_two_copies_apart_shows_each_correction_with_the_barcode_it_replaced(
        qtbot: Any, tmp_path: Path, lang: str) -> None:
    """Two desks apart corrected two copies to one barcode: each fact is the correction, its old
    barcode named as a field (it read «previous», the payload's key)."""
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    lib.relabel_copy(a, admin_a, "B0001", "K0700")
    lib.relabel_copy(b, admin_b, "B0002", "K0700")
    exchange(a, b)
    inbox = _inbox(qtbot, a, admin_a, tmp_path)
    inbox.list.setCurrentRow(0)
    facts = [box.toPlainText() for box in inbox.fact_boxes]
    label = "مقدار پیشین" if lang == "fa" else "Previous value"
    assert all(label in text and "previous" not in text for text in facts), facts
    assert "B0001" in "".join(facts) and "B0002" in "".join(facts)
