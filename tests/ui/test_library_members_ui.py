"""The members page: the card printed, home centre, expiry and photo in the form."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kanoon_desk.ui.library.members import MembersPage
from tests.library_helpers import Lib, make_library
from tests.ui.shell_support import language, make_ctx


@pytest.fixture(autouse=True)
def persian_app(qapp: Any) -> Any:
    with language(qapp, "fa"):
        yield


@pytest.fixture
def page(tmp_path: Path, qtbot: Any) -> tuple[Lib, MembersPage]:
    L = make_library(tmp_path)
    p = MembersPage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    return L, p


def _find(qtbot: Any, p: MembersPage, code: str) -> None:
    p.query.clear()
    qtbot.keyClicks(p.query, code)
    qtbot.keyClick(p.query, Qt.Key.Key_Return)


def test_the_card_is_printed_at_its_size(qtbot: Any, page: tuple[Lib, MembersPage],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from kanoon_desk.ui.library import members as members_ui

    L, p = page
    _find(qtbot, p, L.child.member_no)
    assert p.current is not None and p.current.id == L.child.id
    assert p.list_title.text() == "۱ عضو پیدا شد"
    printed: list[str] = []
    monkeypatch.setattr(members_ui, "print_dialog", lambda _parent, html: printed.append(html) or True)
    qtbot.mouseClick(p.print_card, Qt.MouseButton.LeftButton)
    assert len(printed) == 1 and 'width="324" height="204"' in printed[0]


def _face(path: Path) -> Path:
    from PySide6.QtGui import QColor, QImage

    image = QImage(120, 160, QImage.Format.Format_RGB32)
    image.fill(QColor("#3f51b5"))
    image.save(str(path))
    return path


def test_register_with_centre_expiry_and_photo_then_correct_without_losing_the_photo(
        qtbot: Any, page: tuple[Lib, MembersPage], tmp_path: Path, type_persian: Any) -> None:
    from datetime import date

    from PySide6.QtGui import QColor

    from kanoon_desk.services import library as lib
    from tests.library_helpers import NATIONAL_IDS

    L, p = page
    assert p.centre.currentData() == "13"  # this desk's centre by default
    type_persian(p.first, "مریم")
    type_persian(p.last, "رضایی")
    qtbot.keyClicks(p.nid, NATIONAL_IDS[2])
    p.category.setCurrentIndex(p.category.findData("adult"))
    p.centre.setCurrentIndex(p.centre.findData("14"))
    p.expires.set_value(date(2027, 3, 20))
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    assert not p.choose_photo(tmp_path / "scan.pdf")
    assert p.form.error_of("photo") == "عکس عضو باید پرونده JPEG یا PNG باشد."
    assert p.choose_photo(_face(tmp_path / "face.png"))
    assert p.form.error_of("photo") == "" and not p.photo_view.pixmap().isNull()
    qtbot.mouseClick(p.register_button, Qt.MouseButton.LeftButton)
    assert p.message.text().startswith("عضو ثبت شد")
    member = lib.lookup_member(L.store, L.admin, NATIONAL_IDS[2])
    assert member is not None
    assert (member.home_centre, member.expires_on) == ("14", date(2027, 3, 20)) and member.photo == p.current.photo
    # the card on the page carries the photo (top left, inside its frame)
    card = p.card.pixmap().toImage()
    assert QColor(card.pixel(50, 100)).name() == "#3f51b5"
    # a correction that does not touch the photo keeps it
    qtbot.mouseClick(p.edit_button, Qt.MouseButton.LeftButton)
    assert (p.centre.currentData(), p.expires.value()) == ("14", date(2027, 3, 20))
    assert not p.photo_view.pixmap().isNull()
    p.phone.clear()
    qtbot.keyClicks(p.phone, "09121112233")
    qtbot.mouseClick(p.register_button, Qt.MouseButton.LeftButton)
    fixed = lib.get_member(L.store, L.admin, member.id)
    assert fixed.phone == "09121112233" and fixed.photo == member.photo
    qtbot.mouseClick(p.edit_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(p.no_photo, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(p.register_button, Qt.MouseButton.LeftButton)
    assert lib.get_member(L.store, L.admin, member.id).photo == ""


def test_the_page_opens_on_the_members_registered_last_here(qtbot: Any, tmp_path: Path) -> None:
    from kanoon_desk.services import library as lib
    from kanoon_desk.ui.library.common import desk_centre_key
    from tests.library_helpers import NATIONAL_IDS, TODAY, actor_at

    L = make_library(tmp_path)
    at_b = actor_at(L.admin, "14")
    elsewhere = lib.register_member(L.store, at_b, lib.MemberInput(first_name="سارا", last_name="کریمی",
                                                                   national_id=NATIONAL_IDS[3], category="adult"),
                                    today=TODAY)
    p = MembersPage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(p)
    assert [m.id for m in p.results] == [L.adult.id, L.child.id]  # this centre's, newest first
    assert p.current is not None and p.current.id == L.adult.id and not p.card.pixmap().isNull()
    assert p.edit_button.isEnabled() and p.print_card.isEnabled()
    # a desk whose office is not a centre works at the centre picked on its circulation desk
    ctx = make_ctx(L.store, actor_at(L.admin, "99"), tmp_path)
    ctx.settings.setValue(desk_centre_key(L.store), "14")
    other = MembersPage(ctx)
    qtbot.addWidget(other)
    assert [m.id for m in other.results] == [elsewhere.id]
    p.query.setText("  ")
    qtbot.keyClick(p.query, Qt.Key.Key_Return)  # an empty search goes back to them
    assert p.list_title.text() == "آخرین اعضای ثبت‌شده" and len(p.results) == 2
    # a membership that has ended is written in red (renew before lending); a running one is not
    from PySide6.QtGui import QColor

    from kanoon_desk.ui.widgets import today

    lib.renew_membership(L.store, L.admin, L.adult.id, date(2099, 1, 1))
    ended = lib.renew_membership(L.store, L.admin, L.child.id, today() - timedelta(days=1))
    p.show_recent()
    colours = {m.id: p.table.model().index(r, 1).data(Qt.ItemDataRole.ForegroundRole) for r, m in enumerate(p.results)}
    assert colours == {L.adult.id: None, L.child.id: QColor("#b00020")} and ended.expires_on < today()


@pytest.mark.parametrize("overdue", [True, False])
def test_the_refusal_screenshot_stages_a_real_refusal(qtbot: Any, tmp_path: Path, overdue: bool) -> None:
    from datetime import date, timedelta

    from kanoon_desk.services import circulation as circ
    from kanoon_desk.services import library as lib
    from kanoon_desk.ui.library.screens import refusal_desk
    from kanoon_desk.ui.widgets import today

    L = make_library(tmp_path)
    for m in (L.adult, L.child):
        lib.renew_membership(L.store, L.admin, m.id, date(2099, 1, 1))
    if overdue:
        circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=today() - timedelta(days=60))
    desk = refusal_desk(make_ctx(L.store, L.admin, tmp_path))
    assert desk is not None
    qtbot.addWidget(desk)
    why = "این عضو کتاب دیرکرد دارد." if overdue else "عضویت این عضو به پایان رسیده است."
    said = desk.message.text()
    assert f"امانت داده نشد: {why}" in said  # (a late book is named, with the centre that lent it)
    assert said.endswith(" روز)") if overdue else said.endswith(why)
    assert desk.override_button.isVisibleTo(desk)  # an admin may go ahead, with a reason
    assert [r.max_loans for r in lib.list_rules(L.store)] == [3, 4, 5]  # no rule lowered to stage it


def test_the_refusal_screenshot_passes_over_a_book_due_on_a_day_made_a_holiday(qtbot: Any, tmp_path: Path) -> None:
    """A book due on a Saturday the centres turned out closed is not late on the Sunday (0fda074):
    the screenshot's refusal stages an ended membership then, not a book the desk would lend past."""
    from datetime import UTC, datetime

    from kanoon_desk.models import acting_at
    from kanoon_desk.services import accounts
    from kanoon_desk.services import circulation as circ
    from kanoon_desk.services import library as lib
    from kanoon_desk.ui.library.screens import refusal_desk
    from tests.library_helpers import TODAY

    L = make_library(tmp_path)
    for m in (L.adult, L.child):
        lib.renew_membership(L.store, L.admin, m.id, date(2099, 1, 1))
    due = circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY).due_on  # Saturday 1404/02/27
    accounts.set_holiday(L.store, L.admin, due, "تعطیلی اعلام‌شده")
    with acting_at(datetime(due.year, due.month, due.day + 1, 8, 0, tzinfo=UTC)):  # the Sunday after
        desk = refusal_desk(make_ctx(L.store, L.admin, tmp_path))
        assert desk is not None
        qtbot.addWidget(desk)
        assert "امانت داده نشد: عضویت این عضو به پایان رسیده است." in desk.message.text()


def test_the_form_names_who_has_a_national_id_and_the_birth_date_sets_the_category(
        qtbot: Any, page: tuple[Lib, MembersPage], type_persian: Any) -> None:
    from datetime import timedelta

    from kanoon_desk.ui.widgets import today
    from tests.library_helpers import NATIONAL_IDS

    L, p = page
    type_persian(p.first, "مریم")
    type_persian(p.last, "رضایی")
    qtbot.keyClicks(p.nid, NATIONAL_IDS[0])  # the child's
    p.category.setCurrentIndex(p.category.findData("adult"))
    qtbot.mouseClick(p.register_button, Qt.MouseButton.LeftButton)
    no = L.child.member_no.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    assert p.form.error_of("national_id") == f"این کد ملی پیش‌تر برای زهرا محمدی (شماره عضویت {no}) ثبت شده است."
    assert p.first.text() == "مریم"  # kept
    p.has_birth.setChecked(True)
    p.birth.set_value(today() - timedelta(days=15 * 365 + 40))  # type: ignore[attr-defined]  # fifteen
    assert p.category.currentData() == "teen" and not p.category.isEnabled()
    p.has_birth.setChecked(False)
    assert p.category.isEnabled()


def test_a_registered_member_leaves_an_empty_form_and_the_same_child_is_refused_at_the_guardians_id(
        qtbot: Any, page: tuple[Lib, MembersPage], type_persian: Any) -> None:
    from kanoon_desk.services import library as lib
    from tests.library_helpers import NATIONAL_IDS

    L, p = page

    def fill() -> None:
        type_persian(p.first, "سارا")
        type_persian(p.last, "نیکو")
        p.category.setCurrentIndex(p.category.findData("child"))
        type_persian(p.guardian, "رضا نیکو")
        qtbot.keyClicks(p.guardian_phone, "09120000000")
        qtbot.keyClicks(p.guardian_nid, NATIONAL_IDS[3])

    fill()
    qtbot.mouseClick(p.register_button, Qt.MouseButton.LeftButton)
    [sara] = lib.search_members(L.store, L.admin, "سارا نیکو")
    no = sara.member_no.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    assert p.message.text() == f"عضو ثبت شد؛ شماره عضویت {no}"
    assert p.current is not None and p.current.id == sara.id  # their card beside the form
    typed = [p.first, p.last, p.nid, p.phone, p.guardian, p.guardian_phone, p.guardian_nid]
    assert [w.text() for w in typed] == [""] * 7  # type: ignore[attr-defined]
    assert p.first.hasFocus()
    qtbot.mouseClick(p.register_button, Qt.MouseButton.LeftButton)  # a second click: nothing to register
    assert p.form.error_of("first_name") == "این خانه را پر کنید."
    fill()  # the same child typed again: named, not registered twice
    qtbot.mouseClick(p.register_button, Qt.MouseButton.LeftButton)
    assert p.form.error_of("guardian_national_id") == f"سارا نیکو با همین نام و کد ملی ولی پیش‌تر عضو شده است (شماره عضویت {no})."
    assert p.message.text() == ""  # «عضو ثبت شد…» was about the one before
    assert p.first.text() == "سارا"  # type: ignore[attr-defined]  # kept
    assert [m.id for m in lib.search_members(L.store, L.admin, "سارا نیکو")] == [sara.id]
    p.grab().save(str(Path(p.ctx.settings.fileName()).parent / "members-twice.png"))


def test_a_new_member_half_typed_comes_back_and_a_correction_is_never_a_draft(
        qtbot: Any, page: tuple[Lib, MembersPage], tmp_path: Path, type_persian: Any) -> None:
    from kanoon_desk.ui.drafts import DELAY_MS
    from tests.library_helpers import NATIONAL_IDS

    L, p = page
    type_persian(p.first, "نیلوفر")
    type_persian(p.last, "کاظمی")
    qtbot.keyClicks(p.nid, NATIONAL_IDS[2])
    p.category.setCurrentIndex(p.category.findData("adult"))
    qtbot.keyClicks(p.phone, "09121112233")
    qtbot.wait(DELAY_MS + 200)
    p.hide()  # the app dies: nothing was registered
    again = MembersPage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(again)
    assert (again.first.text(), again.last.text(), again.nid.text(), again.phone.text()) == (  # type: ignore[attr-defined]
        "نیلوفر", "کاظمی", NATIONAL_IDS[2], "09121112233")
    assert again.category.currentData() == "adult"
    assert again.message.text().startswith("عضو تازه‌ای که پیش‌تر نیمه‌کاره")
    qtbot.mouseClick(again.register_button, Qt.MouseButton.LeftButton)
    assert again.message.text().startswith("عضو ثبت شد")
    # registered: no draft; and correcting an existing member is never kept as one
    again.start_edit()
    type_persian(again.first, "نیلوفر سادات")
    qtbot.wait(DELAY_MS + 200)
    third = MembersPage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(third)
    assert third.first.text() == "" and third.message.text() == ""  # type: ignore[attr-defined]


def test_a_new_member_half_typed_comes_back_after_correcting_another(
        qtbot: Any, page: tuple[Lib, MembersPage], tmp_path: Path, type_persian: Any) -> None:
    """Correcting a member while a new one is half typed (its draft not yet written) takes the
    form; saving or cancelling the correction gives the new one back, on screen and on disk."""
    L, p = page
    type_persian(p.first, "نیلوفر")
    qtbot.keyClicks(p.phone, "09121112233")  # at once, before the draft's pause
    p.select(0)
    p.start_edit()
    assert p.first.text() == p.current.first_name != "نیلوفر"  # type: ignore[attr-defined,union-attr]
    qtbot.mouseClick(p.cancel_edit_button, Qt.MouseButton.LeftButton)
    assert (p.first.text(), p.phone.text()) == ("نیلوفر", "09121112233")  # type: ignore[attr-defined]
    assert p.message.text().startswith("عضو تازه‌ای که پیش‌تر نیمه‌کاره")
    p.select(0)
    p.start_edit()
    p.guardian.clear()  # type: ignore[attr-defined]
    type_persian(p.guardian, "مریم کاظمی")
    qtbot.mouseClick(p.register_button, Qt.MouseButton.LeftButton)
    assert p.message.text().startswith("تغییرات ") and "عضو تازه‌ای که پیش‌تر نیمه‌کاره" in p.message.text()
    assert p.first.text() == "نیلوفر" and p.editing is None  # type: ignore[attr-defined]
    p.hide()  # and the app dies: the new member is still a draft
    again = MembersPage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(again)
    assert (again.first.text(), again.phone.text()) == ("نیلوفر", "09121112233")  # type: ignore[attr-defined]


def test_an_expired_membership_is_red_and_says_why_on_hover(qtbot: Any, page: tuple[Lib, MembersPage],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from kanoon_desk.ui.library import members as members_ui

    L, p = page
    for day, expired in ((L.child.expires_on - timedelta(days=1), False), (L.child.expires_on + timedelta(days=1), True)):
        monkeypatch.setattr(members_ui, "today", lambda day=day: day)
        _find(qtbot, p, L.child.member_no)
        cell = p.table.model().index(0, 1)
        tip = cell.data(Qt.ItemDataRole.ToolTipRole)
        assert (cell.data(Qt.ItemDataRole.ForegroundRole) is not None) is expired
        assert tip.startswith(L.child.full_name)  # the cell's own text first, as on any cut cell
        assert ("عضویت به پایان رسیده است" in tip) is expired


def test_the_arrow_keys_walk_the_list_and_its_card_follows(qtbot: Any, page: tuple[Lib, MembersPage]) -> None:
    """A list read with the keyboard shows its member as a click would (only a click did)."""
    L, p = page
    p.show_recent()
    assert len(p.results) >= 2 and p.current is not None and p.current.id == p.results[0].id
    p.table.setFocus()
    qtbot.keyClick(p.table, Qt.Key.Key_Down)
    assert p.current.id == p.results[1].id and p.edit_button.isEnabled()
    qtbot.keyClick(p.table, Qt.Key.Key_Up)
    assert p.current.id == p.results[0].id


def test_down_in_the_search_box_steps_into_the_list(qtbot: Any, page: tuple[Lib, MembersPage]) -> None:
    L, p = page
    p.activateWindow()
    qtbot.waitUntil(p.isActiveWindow)
    p.query.setFocus()
    qtbot.keyClick(p.query, Qt.Key.Key_Down)
    assert p.table.hasFocus() and p.current is not None and p.current.id == p.results[0].id
    qtbot.keyClick(p.table, Qt.Key.Key_Down)
    assert p.current.id == p.results[1].id


def test_a_photo_dragged_from_a_folder_is_the_members_photo(qtbot: Any, page: tuple[Lib, MembersPage],
                                                            tmp_path: Path) -> None:
    from tests.ui.shell_support import drop_files

    _L, p = page
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    assert drop_files(p.photo_view, tmp_path / "scan.pdf")  # taken, and refused at the field as a chosen one is
    assert p.form.error_of("photo") == "عکس عضو باید پرونده JPEG یا PNG باشد." and p.photo is None
    assert not drop_files(p.photo_view, tmp_path)  # a folder: not taken
    assert drop_files(p.photo_view, _face(tmp_path / "face.png"))
    assert p.photo and p.form.error_of("photo") == "" and not p.photo_view.pixmap().isNull()


def test_a_second_click_while_the_member_is_saved_registers_one_member(
        qtbot: Any, page: tuple[Lib, MembersPage], type_persian: Any) -> None:
    from kanoon_desk.services import library as lib
    from tests.library_helpers import NATIONAL_IDS
    from tests.ui.shell_support import HeldRunner

    L, p = page
    p.ctx.tasks = runner = HeldRunner()
    type_persian(p.first, "نیما")
    type_persian(p.last, "کاظمی")
    qtbot.keyClicks(p.nid, NATIONAL_IDS[2])
    p.category.setCurrentIndex(p.category.findData("adult"))
    qtbot.keyClicks(p.phone, "09121112233")
    qtbot.mouseClick(p.register_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(p.register_button, Qt.MouseButton.LeftButton)  # the save has not come back yet
    assert len(runner.held) == 1
    runner.release()
    assert [m.full_name for m in lib.search_members(L.store, L.admin, "نیما کاظمی")] == ["نیما کاظمی"]
    assert p.message.text().startswith("عضو ثبت شد")
    qtbot.mouseClick(p.register_button, Qt.MouseButton.LeftButton)  # saved: the next click is heard
    assert len(runner.held) == 1


def test_enter_in_the_member_form_registers_and_a_refusal_is_said_at_its_field(
        qtbot: Any, page: tuple[Lib, MembersPage], type_persian: Any) -> None:
    """Keyboard only: Enter in the form's boxes saves, as the button does (it did nothing); a
    refusal stands at its field with everything typed kept, and a correction is saved with Enter too."""
    from kanoon_desk.services import library as lib
    from tests.library_helpers import NATIONAL_IDS

    L, p = page
    type_persian(p.first, "نیما")
    type_persian(p.last, "کاظمی")
    qtbot.keyClicks(p.nid, NATIONAL_IDS[2])
    p.category.setCurrentIndex(p.category.findData("adult"))
    qtbot.keyClicks(p.phone, "0912")
    qtbot.keyClick(p.phone, Qt.Key.Key_Return)
    assert p.form.error_of("phone") == "شماره همراه درست نیست (۰۹xxxxxxxxx)."
    assert (p.first.text(), p.phone.text()) == ("نیما", "0912")
    qtbot.keyClicks(p.phone, "09121112233")  # the refused number is selected: typed over
    qtbot.keyClick(p.phone, Qt.Key.Key_Return)
    [added] = lib.search_members(L.store, L.admin, "نیما کاظمی")
    assert p.message.text().startswith("عضو ثبت شد") and p.first.text() == ""
    p.start_edit()
    p.phone.clear()
    qtbot.keyClicks(p.phone, "09351112233")
    qtbot.keyClick(p.phone, Qt.Key.Key_Return)
    assert lib.get_member(L.store, L.admin, added.id).phone == "09351112233" and p.editing is None


def _national_id(n: int) -> str:
    """A valid national ID made from a number (its check digit computed)."""
    body = f"{n:09d}"
    r = sum(int(c) * (10 - i) for i, c in enumerate(body)) % 11
    return body + str(r if r < 2 else 11 - r)


def test_a_broad_search_says_the_list_holds_only_the_first_members_found(
        qtbot: Any, page: tuple[Lib, MembersPage], type_persian: Any) -> None:
    """«م» matches more members than the list holds: it said «۵۰ عضو پیدا شد», as if there were no more."""
    from kanoon_desk.services import library as lib

    L, p = page
    for i in range(51):
        lib.register_member(L.store, L.admin, lib.MemberInput(
            first_name="مریم", last_name=f"رضایی {i}", national_id=_national_id(1000 + i), category="adult"))
    type_persian(p.query, "مریم")
    qtbot.keyClick(p.query, Qt.Key.Key_Return)
    assert len(p.results) == 50
    assert p.list_title.text() == "بیش از ۵۰ عضو پیدا شد؛ ۵۰ عضو نخست در فهرست است. جست‌وجو را دقیق‌تر بنویسید."
    p.query.clear()
    type_persian(p.query, "مریم رضایی 1")
    qtbot.keyClick(p.query, Qt.Key.Key_Return)
    assert p.list_title.text() == "۱۱ عضو پیدا شد"  # 1, 10–19


def test_a_form_left_open_past_midnight_offers_a_year_from_the_new_day(qtbot: Any, tmp_path: Path) -> None:
    """The page is built at log-in and stays open: the next morning the form still offered a year
    from yesterday, and the first member registered ended a day early. An untouched default moves
    with the day (Tehran's midnight); a date the clerk chose stays."""
    from datetime import UTC, datetime

    from kanoon_desk.models import acting_at

    L = make_library(tmp_path)
    evening = datetime(2026, 3, 20, 15, 0, tzinfo=UTC)  # 18:30 on 29 Esfand 1404 in Tehran
    night = datetime(2026, 3, 20, 21, 0, tzinfo=UTC)  # 00:30 on Nowruz 1405
    with acting_at(evening):
        p = MembersPage(make_ctx(L.store, L.admin, tmp_path))
        qtbot.addWidget(p)
        chosen = MembersPage(make_ctx(L.store, L.admin, tmp_path))
        qtbot.addWidget(chosen)
        assert p.expires.value() == date(2027, 3, 20)  # type: ignore[attr-defined]
        chosen.expires.set_value(date(2026, 9, 22))  # type: ignore[attr-defined]
    with acting_at(night):
        for page in (p, chosen):
            page.today.check()  # what its minute timer does
    assert p.expires.value() == date(2027, 3, 21)  # type: ignore[attr-defined]
    assert chosen.expires.value() == date(2026, 9, 22)  # type: ignore[attr-defined]


def _sideways_phone_photo(path: Path) -> Path:
    """A phone's photo of a face (red forehead, blue below) taken upright: kept as the sensor read
    it, lying on its side, with the EXIF note (orientation 6) that says to turn it a quarter
    clockwise."""
    import struct

    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage, QPainter, QTransform

    upright = QImage(300, 400, QImage.Format.Format_RGB32)
    upright.fill(QColor("blue"))
    painter = QPainter(upright)
    painter.fillRect(0, 0, 300, 120, QColor("red"))
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    upright.transformed(QTransform().rotate(-90)).save(buffer, "JPG")  # type: ignore[call-overload]
    jpeg = bytes(buffer.data().data())
    tiff = (b"MM\x00\x2a" + struct.pack(">IH", 8, 1) + struct.pack(">HHIHH", 0x0112, 3, 1, 6, 0)
            + struct.pack(">I", 0))
    exif = b"Exif\x00\x00" + tiff
    path.write_bytes(jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif + jpeg[2:])
    return path


def test_a_phone_photo_taken_upright_stands_upright_in_the_form_and_on_the_card(
        qtbot: Any, page: tuple[Lib, MembersPage], tmp_path: Path) -> None:
    from PySide6.QtGui import QColor

    _L, p = page
    assert p.choose_photo(_sideways_phone_photo(tmp_path / "IMG_2041.jpg"))
    shown = p.photo_view.pixmap()
    assert shown.height() > shown.width()  # a portrait in the form, not lying on its side
    p.first.setText("Sara")
    p.last.setText("Rahimi")
    p.category.setCurrentIndex(p.category.findData("adult"))
    from tests.library_helpers import NATIONAL_IDS
    p.nid.setText(NATIONAL_IDS[2])
    qtbot.mouseClick(p.register_button, Qt.MouseButton.LeftButton)
    assert p.message.text().startswith("عضو ثبت شد")
    card = p.card_image(scale=1.0)  # the photo's frame: 72 × 96 from (20, 56)
    top, below = QColor(card.pixel(56, 70)), QColor(card.pixel(56, 140))
    assert top.red() > 200 and top.blue() < 60  # the forehead at the top (a JPEG's colours are near)
    assert below.blue() > 200 and below.red() < 60


def test_a_birth_date_typed_in_persian_digits_is_the_members_without_ticking_the_box(
        qtbot: Any, page: tuple[Lib, MembersPage], type_persian: Any) -> None:
    from kanoon_desk import persian
    from kanoon_desk.services import library as lib
    from kanoon_desk.ui.widgets import today
    from tests.library_helpers import NATIONAL_IDS

    L, p = page
    qtbot.waitActive(p)
    type_persian(p.first, "سارا")
    type_persian(p.last, "نیکو")
    qtbot.keyClicks(p.nid, NATIONAL_IDS[2])
    assert not p.has_birth.isChecked()
    p.birth.setFocus()
    p.birth.setSelectedSection(p.birth.Section.YearSection)  # type: ignore[attr-defined]
    type_persian(p.birth, "۱۳۹۰/۰۶/۰۱")  # the birth date as the birth certificate writes it
    born = persian.parse_jalali_date("1390/06/01")
    assert p.has_birth.isChecked() and p.category.currentData() == lib.category_for(born, today())
    type_persian(p.guardian, "رضا نیکو")
    qtbot.keyClicks(p.guardian_phone, "09120000000")
    qtbot.mouseClick(p.register_button, Qt.MouseButton.LeftButton)
    assert p.message.text().startswith("عضو ثبت شد")
    member = lib.lookup_member(L.store, L.admin, NATIONAL_IDS[2])
    assert member is not None and member.birth_date == born  # not dropped for an unticked box
    # a correction's date put in the form by the page, not typed, ticks nothing by itself
    qtbot.mouseClick(p.edit_button, Qt.MouseButton.LeftButton)
    assert p.has_birth.isChecked() and p.birth.value() == born  # type: ignore[attr-defined]
    p.end_edit()
    p.birth.set_value(today())  # type: ignore[attr-defined]
    assert not p.has_birth.isChecked()


def test_a_cameras_photo_too_large_to_keep_is_kept_smaller_not_refused(
        qtbot: Any, page: tuple[Lib, MembersPage], tmp_path: Path) -> None:
    import random

    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage, QPainter

    from kanoon_desk.services import library as lib
    from kanoon_desk.services.secretariat_files import attachment_path

    _L, p = page
    width, height = 1800, 2400  # a phone's portrait: grain a JPEG cannot squeeze, so several MB
    noise = random.Random(7).randbytes(width * height * 3)
    photo = QImage(noise, width, height, width * 3, QImage.Format.Format_RGB888).copy()
    painter = QPainter(photo)
    painter.fillRect(0, 0, width, 600, QColor("red"))  # the forehead, for which way up it is kept
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    photo.save(buffer, "JPG", 95)  # type: ignore[call-overload]
    big = tmp_path / "IMG_20250505_101500.jpg"
    big.write_bytes(bytes(buffer.data().data()))
    assert big.stat().st_size > lib.MAX_PHOTO_BYTES
    assert p.choose_photo(big)
    assert p.form.error_of("photo") == "" and p.photo
    kept = QImage(str(attachment_path(p.ctx.store, p.photo)))
    assert attachment_path(p.ctx.store, p.photo).stat().st_size <= lib.MAX_PHOTO_BYTES
    assert (kept.width(), kept.height()) == (600, 800)  # enough for the card, still a portrait
    assert QColor(kept.pixel(300, 50)).red() > 200
    assert not p.photo_view.pixmap().isNull()
    # a PNG too large to keep, transparent round the face, is kept on white, not on black
    grain = random.Random(8).randbytes(1000 * 1300 * 4)
    clear = QImage(grain, 1000, 1300, 1000 * 4, QImage.Format.Format_ARGB32).copy()
    painter = QPainter(clear)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
    painter.fillRect(0, 0, 1000, 300, QColor(0, 0, 0, 0))
    painter.end()
    clear.save(str(tmp_path / "scan.png"))
    assert (tmp_path / "scan.png").stat().st_size > lib.MAX_PHOTO_BYTES
    assert p.choose_photo(tmp_path / "scan.png")
    kept = QImage(str(attachment_path(p.ctx.store, p.photo)))
    assert attachment_path(p.ctx.store, p.photo).stat().st_size <= lib.MAX_PHOTO_BYTES
    assert QColor(kept.pixel(300, 50)).lightness() > 240


def test_a_membership_for_a_year_ends_on_the_same_jalali_day_across_a_leap_year(
        qtbot: Any, tmp_path: Path) -> None:
    """1403 is a leap year: 365 days from 1403/05/10 ended on 1404/05/09, on the form, on renewal
    and on the card; a year on is the same day of the next Jalali year."""
    from datetime import UTC, datetime

    from kanoon_desk import persian
    from kanoon_desk.models import acting_at
    from kanoon_desk.services import library as lib

    J = persian.parse_jalali_date
    L = make_library(tmp_path)
    lib.renew_membership(L.store, L.admin, L.adult.id, J("1403/12/30"))  # to be renewed early
    lib.renew_membership(L.store, L.admin, L.child.id, J("1403/02/01"))  # ended: renewed late
    with acting_at(datetime(2024, 7, 31, 8, 0, tzinfo=UTC)):  # 1403/05/10 in Tehran
        p = MembersPage(make_ctx(L.store, L.admin, tmp_path))
        qtbot.addWidget(p)
        assert p.expires.value() == J("1404/05/10")  # type: ignore[attr-defined]
        for member, ends in ((L.child, "1404/05/10"), (L.adult, "1404/12/29")):  # 1404 has no Esfand 30
            _find(qtbot, p, member.member_no)
            qtbot.mouseClick(p.renew_button, Qt.MouseButton.LeftButton)
            assert lib.get_member(L.store, L.admin, member.id).expires_on == J(ends)
            assert p.message.text() == f"عضویت تا {persian.format_jalali_date(J(ends))} تمدید شد."
    m = lib.register_member(L.store, L.admin, lib.MemberInput(
        first_name="مریم", last_name="رضایی", national_id="0790419904", category="adult"), today=J("1403/05/10"))
    assert m.expires_on == J("1404/05/10")  # the service's own default too


def test_the_guardian_is_given_what_the_desk_holds_and_the_admin_erases_after_asking(
        qtbot: Any, page: tuple[Lib, MembersPage], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """«اطلاعات نگه‌داشته» shows the child's details and loans in Persian with Jalali dates, to print or
    save as PDF; «پایان عضویت و حذف مشخصات…» asks first (No: nothing happens), says a book out as the
    reason, and once the book is back removes the details, the record left under its number."""
    from kanoon_desk.services import circulation as circ
    from kanoon_desk.ui.library import member_record as record_ui
    from tests.library_helpers import TODAY

    L, p = page
    circ.checkout(L.store, L.admin, L.child.member_no, L.copies[0].barcode, today=TODAY)
    _find(qtbot, p, L.child.member_no)
    assert p.erase_button.isVisible() and p.erase_button.isEnabled()
    dialog = p.show_record()
    assert dialog is not None
    qtbot.addWidget(dialog)
    html = dialog.html
    for shown in ("زهرا", "محمدی", "علی محمدی", "ماهی سیاه کوچولو", "B0001", "۱۴۰۴/۰۲/۱۵", "در امانت"):
        assert shown in html, shown
    assert "\u20660013542419\u2069" in html and "2025" not in html  # the national ID kept left to right; Jalali only
    dialog.grab().save(str(tmp_path / "record.png"))
    saved: list[Path] = []
    monkeypatch.setattr(record_ui.QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / "m.pdf"), ""))
    monkeypatch.setattr(record_ui, "save_to", lambda _parent, path, write: saved.append(write(path)))
    dialog.save_pdf_dialog()
    assert saved == [tmp_path / "m.pdf"] and (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")

    asked: list[str] = []
    monkeypatch.setattr(p, "ask_erase", lambda m: asked.append(m.member_no) and False)
    qtbot.mouseClick(p.erase_button, Qt.MouseButton.LeftButton)
    assert asked == [L.child.member_no] and p.current is not None and p.current.erased_on is None
    monkeypatch.setattr(p, "ask_erase", lambda m: True)
    qtbot.mouseClick(p.erase_button, Qt.MouseButton.LeftButton)
    assert "«ماهی سیاه کوچولو»" in p.message.text() and p.current.erased_on is None  # a book out: refused
    circ.checkin(L.store, L.admin, L.copies[0].barcode, today=TODAY)
    qtbot.mouseClick(p.erase_button, Qt.MouseButton.LeftButton)
    assert p.current is not None and p.current.erased_on is not None
    assert p.current.full_name == "عضو حذف‌شده" and p.current.national_id == ""
    assert "پایان یافت" in p.message.text()
    for button in (p.edit_button, p.renew_button, p.print_card, p.save_card, p.erase_button):
        assert not button.isEnabled()
    assert p.record_button.isEnabled() and p.history_button.isEnabled()
    p.grab().save(str(tmp_path / "erased.png"))
    shown = p.show_history()
    assert shown is not None
    qtbot.addWidget(shown)
    cells = [shown.model.index(r, 1).data() for r in range(shown.model.rowCount())]
    assert "(حذف شد)" in cells and not any("محمدی" in str(c) or "۰۰۱۳۵۴۲۴۱۹" in str(c) for c in cells)
    assert "به درخواست ولی حذف شده است" in shown.findChild(QLabel, "field-history-note").text()
    shown.grab().save(str(tmp_path / "history.png"))


def test_a_librarian_does_not_see_the_erasure(qtbot: Any, tmp_path: Path) -> None:
    from kanoon_desk.eventlog import Actor

    L = make_library(tmp_path)
    librarian = Actor("u-l", "librarian1", "کتابدار", L.admin.office_code, frozenset({"librarian"}))
    p = MembersPage(make_ctx(L.store, librarian, tmp_path))
    qtbot.addWidget(p)
    p.show()
    assert not p.erase_button.isVisible() and p.record_button.isVisible()
