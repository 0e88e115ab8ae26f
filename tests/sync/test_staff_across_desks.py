"""Staff changes at two desks of one office working apart: roles given and taken, the last admin."""

from __future__ import annotations

from pathlib import Path

from kanoon_desk import eventlog
from kanoon_desk.services import accounts
from kanoon_desk.sync import client

from .helpers import PASSWORD, LiveServer, bootstrap_admin, enrol


def office_of_two_desks(server: LiveServer, tmp_path: Path) -> tuple[client.Store, client.Store, dict[str, str]]:
    """Office 13 with two desks in step: admins «admin» and «admin2», and «sara», clerk and manager."""
    d1 = enrol(server, tmp_path / "d1.sqlite3", "13")
    d2 = enrol(server, tmp_path / "d2.sqlite3", "13")
    boot = bootstrap_admin(d1)
    accounts.create_user(d1, boot, username="admin2", full_name="مدیر دوم", password=PASSWORD, roles={"admin"},
                         must_change_password=False)
    accounts.create_user(d1, boot, username="sara", full_name="سارا رضایی", password=PASSWORD,
                         roles={"clerk", "manager"}, must_change_password=False)
    synced(d1, d2)
    ids = {u.username: u.id for u in accounts.list_users(d1, boot)}
    return d1, d2, ids


def synced(d1: client.Store, d2: client.Store) -> None:
    for store in (d1, d2, d1):
        assert client.sync_once(store).ok


def roles_at(store: client.Store, user_id: str) -> set[str]:
    admin = accounts.login(store, "admin2", PASSWORD)
    return {u.id: set(u.roles) for u in accounts.list_users(store, admin)}[user_id]


def test_a_role_given_at_one_desk_and_another_taken_at_the_other_both_stand(
        server: LiveServer, tmp_path: Path) -> None:
    d1, d2, ids = office_of_two_desks(server, tmp_path)
    at_1 = accounts.login(d1, "admin", PASSWORD)
    at_2 = accounts.login(d2, "admin2", PASSWORD)
    # desk 2 takes Sara's manager role first; desk 1, not knowing, makes her an expert too
    accounts.update_user(d2, at_2, ids["sara"], roles={"clerk"})
    accounts.update_user(d1, at_1, ids["sara"], roles={"clerk", "manager", "expert"})
    synced(d1, d2)
    # the set written last no longer gives the manager's role back
    assert roles_at(d1, ids["sara"]) == roles_at(d2, ids["sara"]) == {"clerk", "expert"}
    sara = accounts.login(d2, "sara", PASSWORD)
    assert not sara.has("manager") and sara.has("expert")
    with d1.read() as s1, d2.read() as s2:
        assert eventlog.projection_digests(s1) == eventlog.projection_digests(s2)
