"""Log-in after wrong passwords: a wait per user name that holds across a restart, the same for
a name that does not exist, lifted by a good log-in or an admin's new password."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from kanoon_desk.errors import ValidationError
from kanoon_desk.models import acting_at, utcnow
from kanoon_desk.services import accounts
from kanoon_desk.store import Store

from .factories import PASSWORD, make_desk, make_user


def _fail(store: Store, username: str, times: int) -> list[str]:
    messages = []
    for _ in range(times):
        with pytest.raises(ValidationError) as err:
            accounts.login(store, username, "wrong-guess-1")
        messages.append(err.value.message)
    return messages


def test_wrong_passwords_in_a_row_make_the_right_one_wait(tmp_path: Path) -> None:
    store, admin = make_desk(tmp_path / "d.sqlite3")
    make_user(store, admin, "clerk1", "clerk")
    start = utcnow()
    with acting_at(start):
        assert set(_fail(store, "clerk1", accounts.FREE_ATTEMPTS)) == {accounts.MSG_BAD_LOGIN}
        with pytest.raises(ValidationError) as err:
            accounts.login(store, "clerk1", PASSWORD)  # the right password, but too soon
        assert err.value.message == accounts.MSG_LOGIN_LOCKED and err.value.field == "password"
        assert err.value.params == {"n": 1}
        accounts.login(store, "admin", PASSWORD)  # another user is not held up
    with acting_at(start + accounts.FIRST_WAIT + timedelta(seconds=1)):
        assert accounts.login(store, "clerk1", PASSWORD).username == "clerk1"
        # a good log-in starts the count again: the next wrong password is an ordinary one
        assert _fail(store, "clerk1", 1) == [accounts.MSG_BAD_LOGIN]


def test_the_wait_doubles_and_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    store, admin = make_desk(path)
    make_user(store, admin, "clerk1", "clerk")
    start = utcnow()
    with acting_at(start):
        _fail(store, "clerk1", accounts.FREE_ATTEMPTS)
    at = start + accounts.FIRST_WAIT + timedelta(seconds=1)
    with acting_at(at):
        _fail(store, "clerk1", 1)  # the sixth: the wait is now twice as long
    store.close()
    store = Store(path)  # the app closed and started again
    with acting_at(at + accounts.FIRST_WAIT + timedelta(seconds=1)):
        with pytest.raises(ValidationError) as err:
            accounts.login(store, "clerk1", PASSWORD)
        assert err.value.message == accounts.MSG_LOGIN_LOCKED
    with acting_at(at + 2 * accounts.FIRST_WAIT + timedelta(seconds=1)):
        assert accounts.login(store, "clerk1", PASSWORD).username == "clerk1"


def test_the_wait_has_a_ceiling(tmp_path: Path) -> None:
    store, admin = make_desk(tmp_path / "d.sqlite3")
    make_user(store, admin, "clerk1", "clerk")
    at = utcnow()
    for _ in range(12):  # each wrong password after its wait
        with acting_at(at):
            _fail(store, "clerk1", 1)
            with store.read() as s:
                wait = accounts.login_wait(s, "clerk1")
        assert wait <= accounts.LONGEST_WAIT
        at += wait + timedelta(seconds=1)
    assert wait == accounts.LONGEST_WAIT


def test_an_unknown_name_is_answered_as_a_known_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, admin = make_desk(tmp_path / "d.sqlite3")
    make_user(store, admin, "clerk1", "clerk")
    checked: list[str] = []
    real = accounts._hasher

    class Counting:
        def verify(self, hash: str, password: str) -> Any:
            checked.append(hash)
            return real.verify(hash, password)

        def hash(self, password: str) -> str:
            return real.hash(password)

    monkeypatch.setattr(accounts, "_hasher", Counting())
    with acting_at(utcnow()):
        known = _fail(store, "clerk1", accounts.FREE_ATTEMPTS + 1)
        unknown = _fail(store, "nobody", accounts.FREE_ATTEMPTS + 1)
    assert known == unknown  # the same words, the same wait
    # an unknown name spends an argon2 check as a known one does, so the time does not tell
    assert len(checked) == 2 * accounts.FREE_ATTEMPTS


def test_an_admins_new_password_lifts_the_wait(tmp_path: Path) -> None:
    store, admin = make_desk(tmp_path / "d.sqlite3")
    clerk = make_user(store, admin, "clerk1", "clerk")
    with acting_at(utcnow()):
        _fail(store, "clerk1", accounts.FREE_ATTEMPTS + 2)
        accounts.reset_password(store, admin, clerk.user_id, "temporary-99")
        assert accounts.login(store, "clerk1", "temporary-99").user_id == clerk.user_id


def test_an_inactive_user_with_the_right_password_is_told_why_each_time_and_never_made_to_wait(
        tmp_path: Path) -> None:
    from kanoon_desk.errors import PermissionDenied

    store, admin = make_desk(tmp_path / "d.sqlite3")
    clerk = make_user(store, admin, "clerk1", "clerk")
    accounts.update_user(store, admin, clerk.user_id, active=False)
    with acting_at(utcnow()):
        for _ in range(accounts.FREE_ATTEMPTS + 3):  # they try again and again, as people do
            with pytest.raises(PermissionDenied) as refused:
                accounts.login(store, "clerk1", PASSWORD)
            assert refused.value.message == accounts.MSG_DISABLED and refused.value.field == "username"
        # the admin lets them back in: they log in at once, with no wait to sit out
        accounts.update_user(store, admin, clerk.user_id, active=True)
        assert accounts.login(store, "clerk1", PASSWORD).user_id == clerk.user_id
        # a wrong password is still a wrong guess, counted as ever
        assert set(_fail(store, "clerk1", accounts.FREE_ATTEMPTS)) == {accounts.MSG_BAD_LOGIN}
        with pytest.raises(ValidationError) as err:
            accounts.login(store, "clerk1", PASSWORD)
        assert err.value.message == accounts.MSG_LOGIN_LOCKED


def test_a_failed_log_in_is_on_the_audit_chain(tmp_path: Path) -> None:
    from sqlalchemy import select

    from kanoon_desk.models import AuditEntry

    store, _admin = make_desk(tmp_path / "d.sqlite3")
    _fail(store, "admin", 1)
    with store.read() as s:
        last = s.execute(select(AuditEntry.action, AuditEntry.username).order_by(AuditEntry.seq.desc())).first()
    assert tuple(last or ()) == ("login.failed", "admin")


def test_the_change_password_dialog_is_no_way_round_the_wait(tmp_path: Path) -> None:
    store, admin = make_desk(tmp_path / "d.sqlite3")
    clerk = make_user(store, admin, "clerk1", "clerk")
    start = utcnow()
    with acting_at(start):
        for _ in range(accounts.FREE_ATTEMPTS):
            with pytest.raises(ValidationError) as err:
                accounts.change_own_password(store, clerk, "a-guess-at-it", "new-password-1")
            assert err.value.field == "old_password"
        with pytest.raises(ValidationError) as err:  # the right one, too soon
            accounts.change_own_password(store, clerk, PASSWORD, "new-password-1")
        assert err.value.message == accounts.MSG_LOGIN_LOCKED and err.value.field == "old_password"
        with pytest.raises(ValidationError):  # and the log-in waits as well: one count
            accounts.login(store, "clerk1", PASSWORD)
    with acting_at(start + accounts.FIRST_WAIT + timedelta(seconds=1)):
        accounts.change_own_password(store, clerk, PASSWORD, "new-password-1")
        assert accounts.login(store, "clerk1", "new-password-1").user_id == clerk.user_id


def test_a_password_typed_as_the_user_name_is_not_kept_on_the_chain(tmp_path: Path) -> None:
    from sqlalchemy import select

    from kanoon_desk.models import AuditEntry

    store, _admin = make_desk(tmp_path / "d.sqlite3")
    _fail(store, "Kanoon.Secret_99", 1)  # the password, typed one box too early
    with store.read() as s:
        rows = s.execute(select(AuditEntry.username, AuditEntry.subject, AuditEntry.detail)).all()
    assert not [r for r in rows if "secret_99" in " ".join(r).lower()]
    assert accounts.unknown_name("kanoon.secret_99") in {r[0] for r in rows}
