"""The users page after a sync brought in what two desks did apart: no active admin left, one user
name made at both."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from PySide6.QtWidgets import QApplication

from kanoon_desk.eventlog import Actor
from kanoon_desk.ids import new_id
from kanoon_desk.services import accounts
from kanoon_desk.store import Store
from kanoon_desk.ui.admin.users import UsersPage

from ..factories import PASSWORD, make_user
from .shell_support import make_ctx


def both_admins_let_go(store: Store, admin: Actor) -> Actor:
    """«admin2» deactivated at one desk, then «admin» at another, as the sync brings both in."""
    admin2 = make_user(store, admin, "admin2", "admin")
    with store.transaction() as s:  # each desk's own check passed: it still had the other admin
        store.record(s, admin, "user.updated", admin2.user_id, {"active": False})
        store.record(s, admin2, "user.updated", admin.user_id, {"active": False})
    return admin2


def test_the_admin_kept_for_want_of_another_is_said_and_may_stay(fa: QApplication, qtbot: Any, tmp_path: Path,
                                                                  desk: tuple[Store, Any]) -> None:
    store, admin = desk
    both_admins_let_go(store, admin)
    kept = accounts.login(store, "admin", PASSWORD)  # the change that came last is held back
    page = UsersPage(make_ctx(store, kept, tmp_path))
    qtbot.addWidget(page)
    page.resize(900, 420)
    page.show()
    assert page.kept_note.isVisible()
    note = page.kept_note.text().replace("\u2068", "").replace("\u2069", "")  # less the names' isolates
    assert "«مدیر سامانه» (admin) مدیر سامانه فعال می‌ماند تا مدیر سامانه دیگری فعال شود" in note
    page.select_username("admin")
    assert page.model.display(page.selected(), 3) == "فعال، تا مدیر سامانه دیگری فعال شود"
    page.select_username("admin2")
    assert page.model.display(page.selected(), 3) == "غیرفعال"
    page.grab().save("/tmp/fix-C-users-kept.png")
    page.select_username("admin")
    assert page.active_button.text() == "فعال نگه داشتن"
    page.toggle_active()
    assert page.message.text() == "کاربر مدیر سامانه مدیر سامانه فعال ماند."
    assert not page.kept_note.isVisible()
    page.select_username("admin")
    assert page.model.display(page.selected(), 3) == "فعال" and page.active_button.text() == "غیرفعال کردن"
    with store.read() as s:
        assert accounts.stand_in_admin(s) is None  # an admin of its own now, whatever else comes


def test_a_user_name_made_at_two_desks_says_which_account_cannot_log_in(fa: QApplication, qtbot: Any, tmp_path: Path,
                                                                         desk: tuple[Store, Any]) -> None:
    store, admin = desk
    make_user(store, admin, "ali", "clerk")
    with store.transaction() as s:  # the other desk's Ali, as the sync brings him in
        store.record(s, admin, "user.created", new_id(), {
            "office_code": admin.office_code, "username": "ali", "full_name": "علی رضایی",
            "password_hash": "h", "roles": ["librarian"]})
    page = UsersPage(make_ctx(store, admin, tmp_path))
    qtbot.addWidget(page)
    page.resize(1000, 300)
    page.show()
    states = {page.model.display(page.model.row_at(i), 1): page.model.display(page.model.row_at(i), 3)
              for i in range(page.model.rowCount())}
    assert states["کاربر ali"] == "فعال — همین نام کاربری در حساب دیگری هم هست؛ در «ناسازگاری‌ها» حل کنید"
    assert states["علی رضایی"] == ("فعال — نام کاربری حساب دیگری است؛ تا در «ناسازگاری‌ها» حل نشود با آن وارد "
                                   "نمی‌شود")
    assert states["مدیر سامانه"] == "فعال"
    page.grab().save("/tmp/fix-C-users-twin.png")


def test_work_recorded_after_a_users_deactivation_is_said_beside_them(fa: QApplication, qtbot: Any, tmp_path: Path,
                                                                        desk: tuple[Store, Any]) -> None:
    from kanoon_desk.services import secretariat as sec

    from ..secretariat_helpers import case_input

    store, admin = desk
    clerk = make_user(store, admin, "reza", "clerk")
    accounts.update_user(store, admin, clerk.user_id, active=False)
    sec.intake(store, clerk, case_input(1))  # as at a desk that did not know yet (the case and its applicant)
    page = UsersPage(make_ctx(store, admin, tmp_path))
    qtbot.addWidget(page)
    page.resize(1100, 300)
    page.show()
    page.select_username("reza")
    assert page.model.display(page.selected(), 3).replace("\\u2068", "").replace("\\u2069", "") == (
        "غیرفعال — پس از غیرفعال شدن، ۲ مورد در میزی که هنوز خبر نداشت به نام او ثبت شد؛ آن‌ها ماندند")
    page.grab().save("/tmp/fix-C-users-late.png")


def test_a_session_ends_when_a_sync_brings_its_users_deactivation_or_new_roles(
        fa: QApplication, qtbot: Any, tmp_path: Path, desk: tuple[Store, Any]) -> None:
    from PySide6.QtCore import QSettings

    from kanoon_desk.ui.app import Shell
    from kanoon_desk.ui.main_window import MainWindow

    store, admin = desk
    clerk = make_user(store, admin, "reza", "clerk", "expert")
    shell = Shell(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), synchronous_tasks=True)
    shell.open_main(clerk)
    main = shell.main_window
    assert isinstance(main, MainWindow)
    qtbot.addWidget(main)
    main.ctx.bus.changed.emit("sync")  # a round that changed nothing of his: he works on
    assert shell.main_window is main
    with store.transaction() as s:  # another desk took his expert role; the sync folds it in
        store.record(s, admin, "user.updated", clerk.user_id, {"roles": ["clerk"]})
    main.ctx.bus.changed.emit("sync")
    assert shell.main_window is None and shell.login_window is not None
    qtbot.addWidget(shell.login_window)
    assert shell.session_box is not None and shell.session_box.text() == (
        "نقش‌های شما در میز دیگری تغییر کرد و همگام‌سازی آن را به این میز آورد؛ برای کار با نقش‌های تازه دوباره وارد شوید.")
    shell.session_box.grab().save("/tmp/fix-C-session-ended.png")
    # logged in again, as a clerk only; then another desk lets him go
    shell.open_main(accounts.login(store, "reza", PASSWORD))
    again = shell.main_window
    assert isinstance(again, MainWindow) and not again.ctx.actor.has("expert")
    qtbot.addWidget(again)
    with store.transaction() as s:
        store.record(s, admin, "user.updated", clerk.user_id, {"active": False})
    again.ctx.bus.changed.emit("sync")
    assert shell.main_window is None and shell.session_box is not None
    assert shell.session_box.text().startswith("حساب شما در میز دیگری غیرفعال شد")
    qtbot.addWidget(shell.login_window)


def test_a_user_left_with_no_role_by_two_desks_is_flagged(fa: QApplication, qtbot: Any, tmp_path: Path,
                                                          desk: tuple[Store, Any]) -> None:
    store, admin = desk
    sara = make_user(store, admin, "sara", "clerk", "manager")
    with store.transaction() as s:  # each desk took one of her two roles, as the sync brings both in
        store.record(s, admin, "user.updated", sara.user_id, {"roles": ["manager"], "roles_taken": ["clerk"]})
        store.record(s, admin, "user.updated", sara.user_id, {"roles": ["clerk"], "roles_taken": ["manager"]})
    page = UsersPage(make_ctx(store, admin, tmp_path))
    qtbot.addWidget(page)
    page.resize(1000, 300)
    page.show()
    page.select_username("sara")
    assert page.model.display(page.selected(), 2) == "هیچ نقشی"
    assert page.model.display(page.selected(), 3) == "فعال — بی‌نقش: تا نقشی به او داده نشود نمی‌تواند وارد شود"
    page.select_username("admin")
    assert page.model.display(page.selected(), 3) == "فعال"
    page.grab().save("/tmp/fix-C-users-no-roles.png")


def test_the_admin_kept_is_explained_in_the_conflict_inbox(fa: QApplication, qtbot: Any, tmp_path: Path,
                                                           desk: tuple[Store, Any]) -> None:
    from kanoon_desk.ui.conflict_inbox import ConflictInbox

    store, admin = desk
    both_admins_let_go(store, admin)
    kept = accounts.login(store, "admin", PASSWORD)
    inbox = ConflictInbox(make_ctx(store, kept, tmp_path))
    qtbot.addWidget(inbox)
    inbox.resize(1200, 600)
    inbox.show()
    assert inbox.list.count() == 1
    assert inbox.title.text() == "دو میز جداگانه دو مدیر سامانه آخر دفتر را برداشتند؛ یکی مدیر سامانه ماند"
    said = inbox.explained["fixed_manually"].replace("\u2068", "").replace("\u2069", "")
    assert "مدیر سامانه (admin) مدیر سامانه فعال می‌ماند تا مدیر سامانه دیگری فعال شود" in said
    facts = [b.toPlainText() for b in inbox.fact_boxes]
    assert all("ویرایش کاربر" in f and "فعال" in f for f in facts)
    assert sorted("مدیر سامانه (admin)" in f for f in facts) == [False, True]
    assert any("کاربر admin2 (admin2)" in f for f in facts)
    inbox.grab().save("/tmp/fix-C-inbox-kept-admin.png")


def test_a_password_changed_at_two_desks_is_said_in_the_inbox_and_at_log_in(
        fa: QApplication, qtbot: Any, tmp_path: Path, desk: tuple[Store, Any]) -> None:
    from kanoon_desk.models import User
    from kanoon_desk.projections.accounts import password_mark
    from kanoon_desk.ui.conflict_inbox import ConflictInbox
    from kanoon_desk.ui.login import LoginWindow

    store, admin = desk
    sara = make_user(store, admin, "sara", "clerk")
    with store.read() as s:
        known = s.get(User, sara.user_id).password_hash  # type: ignore[union-attr]
    accounts.change_own_password(store, sara, PASSWORD, "sara-own-pass")
    with store.transaction() as s:  # the admin's reset at a desk that still knew the first password
        store.record(s, admin, "user.updated", sara.user_id, {
            "password_hash": PasswordHasher().hash("temporary-99"), "must_change_password": True,
            "password_was": password_mark(known)})
    inbox = ConflictInbox(make_ctx(store, admin, tmp_path))
    qtbot.addWidget(inbox)
    inbox.resize(1200, 600)
    inbox.show()
    assert inbox.list.count() == 1
    assert inbox.title.text() == "گذرواژه یک کاربر در دو میز جداگانه تغییر کرد"
    facts = [b.toPlainText() for b in inbox.fact_boxes]
    assert all("کاربر sara (sara)" in f for f in facts) and not any("$argon2" in f for f in facts)
    assert "گذرواژه تازه" in inbox.explained["fixed_manually"]
    inbox.grab().save("/tmp/fix-C-inbox-password.png")
    login = LoginWindow(store)
    qtbot.addWidget(login)
    login.resize(520, 420)
    login.show()
    login.username.setText("sara")
    login.password.setText("sara-own-pass")
    login.try_login()
    assert "گذرواژه‌ای که دیرتر گذاشته شد" in login.error_text("password")
    login.grab().save("/tmp/fix-C-login-password-replaced.png")


def test_a_full_name_changed_at_two_desks_offers_either_in_the_inbox(
        fa: QApplication, qtbot: Any, tmp_path: Path, desk: tuple[Store, Any]) -> None:
    from kanoon_desk.ui.conflict_inbox import ConflictInbox

    store, admin = desk
    sara = make_user(store, admin, "sara", "clerk")
    accounts.update_user(store, admin, sara.user_id, full_name="سارا رضایی‌نژاد")
    with store.transaction() as s:  # the other desk's correction, made over the name it still knew
        store.record(s, admin, "user.updated", sara.user_id, {"full_name": "سارا رضائی",
                                                              "full_name_was": "کاربر sara"})
    inbox = ConflictInbox(make_ctx(store, admin, tmp_path))
    qtbot.addWidget(inbox)
    inbox.resize(1200, 600)
    inbox.show()
    assert inbox.list.count() == 1
    assert inbox.title.text() == "نام و نام خانوادگی یک کاربر در دو میز جداگانه تغییر کرد"
    facts = [b.toPlainText() for b in inbox.fact_boxes]
    assert any("سارا رضایی‌نژاد" in f for f in facts) and any("سارا رضائی" in f for f in facts)
    assert not any("full_name_was" in f or "کاربر sara" in f.replace("(sara)", "") for f in facts)
    assert set(inbox.explained) == {"keep_first", "keep_second"}
    inbox.grab().save("/tmp/fix-C-inbox-renamed.png")
