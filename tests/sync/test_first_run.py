"""A desk that joins its office's server on first run: enrol an open, empty store; the first admin
of an office new on the server; the refusals a person can meet (bad address, bad or spent code)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kanoon_desk import persian
from kanoon_desk.errors import PermissionDenied, ValidationError
from kanoon_desk.services import accounts
from kanoon_desk.store import Store
from kanoon_desk.sync import client
from kanoon_desk.sync import errors as e

from .helpers import PASSWORD, LiveServer, bootstrap_admin, enrol


def test_an_empty_store_enrols_and_its_office_new_on_the_server_gets_a_first_admin(
        server: LiveServer, tmp_path: Path) -> None:
    store = Store(tmp_path / "first.sqlite3")  # opened by the app before anything was set up
    try:
        assert not store.is_initialised and not accounts.needs_first_admin(store)
        report = client.enroll_store(store, server.url + "/", server.code("21"), label="میز ۱")
        assert report.ok, report.summary_line()
        assert store.identity.office_code == "21" and client.first_sync_done(store)
        assert store.get_state(client.K_SERVER) == server.url  # kept without the trailing slash
        # nobody of office 21 exists anywhere yet: the desk asks for its first admin
        assert accounts.needs_first_admin(store) and accounts.get_office(store) is None
        with pytest.raises(ValidationError) as no_name:
            accounts.create_first_admin(store, admin_username="boss", admin_full_name="مریم رضایی",
                                        admin_password=PASSWORD)
        assert no_name.value.field == "office_name"
        made = accounts.create_first_admin(store, office_name="مرکز ۲۱", admin_username="boss",
                                           admin_full_name="مریم رضایی", admin_password=PASSWORD)
        assert made.roles >= {"admin"} and not accounts.needs_first_admin(store)
        with pytest.raises(PermissionDenied):  # only while the office has nobody
            accounts.create_first_admin(store, office_name="x", admin_username="other", admin_full_name="x",
                                        admin_password=PASSWORD)
        assert client.sync_once(store).ok
        # the office's next desk brings the admin down and can log in at once
        second = Store(tmp_path / "second.sqlite3")
        try:
            assert client.enroll_store(second, server.url, server.code("21")).ok
            assert not accounts.needs_first_admin(second)
            assert accounts.login(second, "boss", PASSWORD).full_name == "مریم رضایی"
            office = accounts.get_office(second)
            assert office is not None and office.name == persian.normalize("مرکز ۲۱")
        finally:
            second.close()
    finally:
        store.close()


def test_enrol_refuses_a_desk_that_is_set_up_or_holds_events(server: LiveServer, tmp_path: Path) -> None:
    standalone = Store(tmp_path / "alone.sqlite3")
    try:
        accounts.setup_desk(standalone, office_code="13", office_name="دفتر", admin_username="admin",
                            admin_full_name="مدیر", admin_password=PASSWORD)
        code = server.code("13")
        with pytest.raises(e.SyncError):
            client.enroll_store(standalone, server.url, code)
        # the code was not spent on the refusal: another desk can still use it
        fresh = Store(tmp_path / "fresh.sqlite3")
        try:
            assert client.enroll_store(fresh, server.url, code).ok
        finally:
            fresh.close()
    finally:
        standalone.close()


def test_refused_enrolments_say_what_to_do(server: LiveServer, tmp_path: Path) -> None:
    store = Store(tmp_path / "d.sqlite3")
    try:
        with pytest.raises(e.AuthRefused) as unknown:
            client.enroll_store(store, server.url, "NOPE-NOPE-NOPE-NOPE")
        assert unknown.value.message == e.MSG_CODE_UNKNOWN
        code = server.code("13")
        other = enrol(server, tmp_path / "other.sqlite3", "13")
        other.close()
        assert client.enroll_store(store, server.url, code).ok
        again = Store(tmp_path / "again.sqlite3")
        try:
            with pytest.raises(e.AuthRefused) as used:
                client.enroll_store(again, server.url, code)
            assert used.value.message == e.MSG_CODE_USED
            assert not again.is_initialised  # nothing half-made
            with pytest.raises(e.Offline) as down:
                client.enroll_store(again, "http://127.0.0.1:9", server.code("13"))
            assert down.value.message == e.MSG_NO_SERVER
        finally:
            again.close()
    finally:
        store.close()


def test_a_desk_joining_an_office_with_users_needs_no_first_admin(server: LiveServer, tmp_path: Path) -> None:
    first = enrol(server, tmp_path / "a.sqlite3", "13")
    try:
        bootstrap_admin(first)
        assert client.sync_once(first).ok
        joined = Store(tmp_path / "b.sqlite3")
        try:
            assert client.enroll_store(joined, server.url, server.code("13")).ok
            assert not accounts.needs_first_admin(joined)
            assert accounts.login(joined, "admin", PASSWORD).has("admin")
        finally:
            joined.close()
    finally:
        first.close()


@pytest.mark.parametrize(("url", "code", "field"), [
    ("", "X", "server_url"), ("kanoon.example.ir", "X", "server_url"), ("ftp://host", "X", "server_url"),
    ("http://a b", "X", "server_url"), ("http://host:8750", "  ", "code"),
])
def test_the_address_and_code_are_checked_before_anything_is_sent(url: str, code: str, field: str) -> None:
    with pytest.raises(ValidationError) as bad:
        client.check_enrolment(url, code)
    assert bad.value.field == field


def test_persian_digits_and_spaces_in_the_address_are_folded() -> None:
    assert client.check_enrolment(" http://۱۹۲.۱۶۸.۱.۱۰:۸۷۵۰/ ", " ABCD-۲۳ ") == ("http://192.168.1.10:8750", "ABCD-23")
