"""Log-in (argon2), roles enforced in services, user administration, holidays."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kanoon_desk.errors import FieldErrors, PermissionDenied, ValidationError
from kanoon_desk.services import accounts
from kanoon_desk.store import Store

from .factories import PASSWORD, make_desk, make_user


def test_login_and_wrong_password(tmp_path: Path) -> None:
    store, admin = make_desk(tmp_path / "d.sqlite3")
    assert admin.has("admin") and admin.office_code == "13"
    with pytest.raises(ValidationError) as err:
        accounts.login(store, "admin", "wrong-password")
    assert err.value.field == "password" and "گذرواژه" in err.value.message


def test_role_refusal_is_in_the_service(tmp_path: Path) -> None:
    store, admin = make_desk(tmp_path / "d.sqlite3")
    librarian = make_user(store, admin, "lib1", "librarian")
    with pytest.raises(PermissionDenied):
        accounts.create_user(store, librarian, username="x", full_name="x", password=PASSWORD,
                             roles={"clerk"})
    with pytest.raises(PermissionDenied):
        accounts.set_holiday(store, librarian, date(2025, 3, 21), "نوروز")


def test_disable_user_and_last_admin_is_protected(tmp_path: Path) -> None:
    store, admin = make_desk(tmp_path / "d.sqlite3")
    clerk = make_user(store, admin, "clerk1", "clerk")
    accounts.update_user(store, admin, clerk.user_id, active=False)
    with pytest.raises(PermissionDenied):
        accounts.login(store, "clerk1", PASSWORD)
    with pytest.raises(ValidationError):
        accounts.update_user(store, admin, admin.user_id, active=False)
    from kanoon_desk.eventlog import system_actor

    with pytest.raises(ValidationError) as last:  # not even set-up code disables the last admin
        accounts.update_user(store, system_actor("13"), admin.user_id, active=False)
    assert last.value.message == accounts.MSG_LAST_ADMIN


def test_an_admin_neither_disables_themselves_nor_drops_their_own_admin_role(tmp_path: Path) -> None:
    store, admin = make_desk(tmp_path / "d.sqlite3")
    other = make_user(store, admin, "admin2", "admin")  # another admin: not the last one
    with pytest.raises(ValidationError) as refused:
        accounts.update_user(store, admin, admin.user_id, active=False)
    assert refused.value.field == "active" and "مدیر سامانه دیگری" in refused.value.message
    with pytest.raises(ValidationError) as own_role:
        accounts.update_user(store, admin, admin.user_id, roles={"clerk"})
    assert own_role.value.field == "roles" and "از خودتان" in own_role.value.message
    accounts.update_user(store, admin, admin.user_id, roles={"admin", "clerk"})  # keeping admin is fine
    assert accounts.login(store, "admin", PASSWORD).roles == frozenset({"admin", "clerk"})
    accounts.update_user(store, other, admin.user_id, active=False)  # another admin does it
    with pytest.raises(PermissionDenied):
        accounts.login(store, "admin", PASSWORD)


def test_an_admin_disabled_or_demoted_elsewhere_manages_no_account_in_the_session_they_hold(tmp_path: Path) -> None:
    """The session keeps the roles it logged in with; the account services ask the store."""
    store, admin = make_desk(tmp_path / "d.sqlite3")
    other = make_user(store, admin, "admin2", "admin")
    clerk = make_user(store, admin, "clerk1", "clerk")
    accounts.update_user(store, admin, other.user_id, roles={"clerk"})  # admin2's session still says admin
    assert other.has("admin")
    calls = [
        lambda: accounts.create_user(store, other, username="ghost", full_name="شبح", password=PASSWORD,
                                     roles={"admin"}),
        lambda: accounts.update_user(store, other, clerk.user_id, roles={"admin"}),
        lambda: accounts.update_user(store, other, admin.user_id, active=False),
        lambda: accounts.reset_password(store, other, admin.user_id, "taken-over-1"),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied) as refused:
            call()
        assert "دوباره وارد شوید" in refused.value.message
    accounts.update_user(store, admin, other.user_id, roles={"admin"})
    accounts.update_user(store, admin, other.user_id, active=False)  # disabled: refused just the same
    with pytest.raises(PermissionDenied):
        accounts.create_user(store, other, username="ghost", full_name="شبح", password=PASSWORD, roles={"admin"})
    assert {u.username for u in accounts.list_users(store, admin)} == {"admin", "admin2", "clerk1"}
    assert accounts.login(store, "admin", PASSWORD).has("admin")
    assert accounts.login(store, "clerk1", PASSWORD).roles == frozenset({"clerk"})


def test_reset_password(tmp_path: Path) -> None:
    store, admin = make_desk(tmp_path / "d.sqlite3")
    clerk = make_user(store, admin, "clerk1", "clerk")
    accounts.reset_password(store, admin, clerk.user_id, "temporary-99")
    with pytest.raises(ValidationError):
        accounts.login(store, "clerk1", PASSWORD)
    assert accounts.login(store, "clerk1", "temporary-99").user_id == clerk.user_id
    users = {u.username: u for u in accounts.list_users(store, admin)}
    assert users["clerk1"].must_change_password


@pytest.mark.parametrize(("field", "kwargs"), [
    ("username", {"username": "علی"}),
    ("password", {"password": "short"}),
    ("full_name", {"full_name": "  "}),
    ("roles", {"roles": set()}),
])
def test_create_user_validation_names_the_field(tmp_path: Path, field: str, kwargs: dict) -> None:
    store, admin = make_desk(tmp_path / "d.sqlite3")
    args = {"username": "ok_user", "full_name": "نام", "password": PASSWORD, "roles": {"clerk"}} | kwargs
    with pytest.raises(ValidationError) as err:
        accounts.create_user(store, admin, **args)
    assert err.value.field == field


def test_holiday_titles_change_and_removals_fold_the_same_as_a_refold(tmp_path: Path) -> None:
    from kanoon_desk import eventlog

    store, admin = make_desk(tmp_path / "d.sqlite3")
    accounts.set_holiday(store, admin, date(2025, 3, 26), "تعطیلی")
    accounts.set_holiday(store, admin, date(2025, 3, 27), "تعطیلی")
    accounts.set_holiday(store, admin, date(2025, 4, 6), "روز دیگر")
    accounts.set_holiday(store, admin, date(2025, 3, 27), "تعطیلی دیگر")  # a new title replaces the old
    assert accounts.holiday_title(store, date(2025, 3, 27)) == "تعطیلی دیگر"
    accounts.remove_holiday(store, admin, date(2025, 3, 26))
    accounts.remove_holiday(store, admin, date(2025, 5, 1))  # never a holiday: nothing to remove
    assert accounts.holiday_title(store, date(2025, 3, 26)) is None
    expected = [(date(2025, 3, 27), "تعطیلی دیگر"), (date(2025, 4, 6), "روز دیگر")]
    assert accounts.list_holidays(store) == expected
    with store.transaction() as s:
        eventlog.refold_all(s)
    assert accounts.list_holidays(store) == expected


@pytest.mark.parametrize(("day", "said"), [
    (date(2025, 3, 21), "۱۴۰۴/۰۱/۰۱ از تعطیلات رسمی ثابت"),  # Nowruz (a Friday too)
    (date(2025, 4, 1), "۱۴۰۴/۰۱/۱۲ از تعطیلات رسمی ثابت"),  # Islamic Republic Day, a Tuesday
    (date(2025, 7, 4), "۱۴۰۴/۰۴/۱۳ جمعه است"),
], ids=["nowruz", "republic-day", "friday"])
def test_a_friday_or_a_fixed_holiday_is_off_already_and_not_entered(tmp_path: Path, day: date, said: str) -> None:
    store, admin = make_desk(tmp_path / "d.sqlite3")
    with pytest.raises(ValidationError) as refused:
        accounts.set_holiday(store, admin, day, "تعطیلی")
    assert refused.value.field == "day"
    assert str(refused.value).startswith(said) and str(refused.value).endswith("چیزی افزوده نشد.")
    assert accounts.list_holidays(store) == []


def test_holidays_shape_the_working_calendar(tmp_path: Path) -> None:
    store, admin = make_desk(tmp_path / "d.sqlite3")
    # 1404/04/13 is Friday 2025-07-04; Saturday 5th (Tasua) made a holiday
    accounts.set_holiday(store, admin, date(2025, 7, 5), "تاسوعا")
    cal = accounts.working_calendar(store)
    assert not cal.is_working_day(date(2025, 7, 4))  # Friday
    assert not cal.is_working_day(date(2025, 7, 5))  # holiday
    assert cal.is_working_day(date(2025, 7, 6))
    # the fixed holidays need no entry: 1404/01/03 (Nowruz) is off in any store
    assert not cal.is_working_day(date(2025, 3, 23))


def test_an_empty_setup_is_refused_at_every_field_at_once(tmp_path: Path) -> None:
    store = Store(tmp_path / "new.sqlite3")
    try:
        with pytest.raises(FieldErrors) as err:
            accounts.setup_desk(store, office_code="", office_name=" ", admin_username="", admin_full_name="",
                                admin_password="", admin_password_again="x")
        assert [e.field for e in err.value.errors] == ["office_code", "office_name", "username", "full_name",
                                                      "password", "password2"]
        assert err.value.field == "office_code"  # read as one error: the first, as before
        assert not store.is_initialised
    finally:
        store.close()


def test_create_user_refuses_every_wrong_field_at_once_and_one_alone_as_before(tmp_path: Path) -> None:
    store, admin = make_desk(tmp_path / "d.sqlite3")
    with pytest.raises(FieldErrors) as err:
        accounts.create_user(store, admin, username="", full_name="", password="", password_again="",
                             roles=set())
    assert [e.field for e in err.value.errors] == ["username", "full_name", "password", "roles"]
    with pytest.raises(ValidationError) as one:
        accounts.create_user(store, admin, username="ok_user", full_name="نام", password=PASSWORD,
                             password_again=PASSWORD + "x", roles={"clerk"})
    assert not isinstance(one.value, FieldErrors) and one.value.field == "password2"
    with pytest.raises(FieldErrors) as both:
        accounts.update_user(store, admin, admin.user_id, full_name=" ", roles=set())
    assert [e.field for e in both.value.errors] == ["full_name", "roles"]


def test_work_after_a_role_taken_is_withdrawn_when_the_role_given_back_before_it_arrives_late(
        tmp_path: Path) -> None:
    """The take, then the step, reach a desk; the change giving the role back before the step comes
    last: the conflict raised meanwhile goes, as a re-fold (which meets all three) never raises it."""
    import shutil

    from sqlalchemy import select

    from kanoon_desk import eventlog
    from kanoon_desk.models import Event
    from kanoon_desk.services import conflicts, ops
    from kanoon_desk.services import secretariat as sec

    from .secretariat_helpers import case_input, make_secretariat_desk

    (tmp_path / "a").mkdir()
    d = make_secretariat_desk(tmp_path / "a")
    case = sec.intake(d.store, d.clerk, case_input(1)).case_id
    d.store.close()
    shutil.copyfile(tmp_path / "a" / "d.sqlite3", tmp_path / "b.sqlite3")
    a = Store(tmp_path / "a" / "d.sqlite3")
    with a.transaction() as s:
        taken = a.record(s, d.admin, "user.updated", d.expert.user_id, {"roles": ["clerk"], "roles_taken": ["expert"]})
        given = a.record(s, d.admin, "user.updated", d.expert.user_id, {"roles": ["clerk", "expert"],
                                                                       "roles_given": ["expert"]})
    sec.review(a, d.expert, case, accept=True)
    assert conflicts.list_conflicts(a, d.admin) == []
    with a.read() as s:
        reviewed = s.scalar(select(Event).where(Event.type == "case.reviewed"))
        rows = {e.id: eventlog.EventRecord(**{c: getattr(e, c) for c in eventlog.EventRecord.__dataclass_fields__})
                for e in s.scalars(select(Event).where(Event.id.in_([taken.id, given.id, reviewed.id])))}
    b = Store(tmp_path / "b.sqlite3")
    with b.transaction() as s:
        eventlog.ingest(s, [rows[taken.id], rows[reviewed.id]])
    [c] = conflicts.list_conflicts(b, d.admin)
    assert c.kind == conflicts.ACTED_AFTER_ROLE_TAKEN
    with b.transaction() as s:
        eventlog.ingest(s, [rows[given.id]])
    assert conflicts.list_conflicts(b, d.admin) == []
    for store in (a, b):
        store.close()
    assert ops.check(tmp_path / "b.sqlite3") == []
