"""Staff changes at two desks of one office working apart: roles given and taken, the last admin."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from kanoon_desk import eventlog
from kanoon_desk.errors import PermissionDenied, ValidationError
from kanoon_desk.models import Event, User
from kanoon_desk.services import accounts, conflicts, ops
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.sync import client

from ..secretariat_helpers import case_input
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
    with store.read() as s:
        user = s.get(User, user_id)
        assert user is not None
        return set(user.role_set)


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


def test_each_desk_deactivating_one_of_two_admins_never_locks_the_office_out(
        server: LiveServer, tmp_path: Path) -> None:
    d1, d2, ids = office_of_two_desks(server, tmp_path)
    accounts.update_user(d1, accounts.login(d1, "admin", PASSWORD), ids["admin2"], active=False)
    # desk 2, apart, lets «admin» go later that day: each desk kept its own last admin
    accounts.update_user(d2, accounts.login(d2, "admin2", PASSWORD), ids["admin"], active=False)
    synced(d1, d2)
    # the change that took the office's last admin away is held back, the same on both desks
    for store in (d1, d2):
        with pytest.raises(PermissionDenied):
            accounts.login(store, "admin2", PASSWORD)
        kept = accounts.login(store, "admin", PASSWORD)
        assert kept.has("admin")
        shown = {u.username: u for u in accounts.list_users(store, kept)}
        assert shown["admin"].active and shown["admin"].kept_as_admin and "admin" in shown["admin"].roles
        assert not shown["admin2"].active and not shown["admin2"].kept_as_admin
        with pytest.raises(ValidationError):  # still the last admin: nobody takes it away
            accounts.update_user(store, kept, ids["admin"], roles={"clerk"})
    with d1.read() as s1, d2.read() as s2:
        assert eventlog.projection_digests(s1) == eventlog.projection_digests(s2)
    # the kept admin brings «admin2» back: the office has an admin again, and desk 2's change stands
    accounts.update_user(d1, accounts.login(d1, "admin", PASSWORD), ids["admin2"], active=True)
    synced(d1, d2)
    for store in (d1, d2):
        assert accounts.login(store, "admin2", PASSWORD).has("admin")
        with pytest.raises(PermissionDenied):
            accounts.login(store, "admin", PASSWORD)


def test_the_admin_kept_may_stay_for_good(server: LiveServer, tmp_path: Path) -> None:
    d1, d2, ids = office_of_two_desks(server, tmp_path)
    accounts.update_user(d1, accounts.login(d1, "admin", PASSWORD), ids["admin2"], roles={"clerk"})
    accounts.update_user(d2, accounts.login(d2, "admin2", PASSWORD), ids["admin"], active=False)
    synced(d1, d2)
    kept = accounts.login(d2, "admin", PASSWORD)
    view = {u.username: u for u in accounts.list_users(d2, kept)}["admin"]
    accounts.update_user(d2, kept, ids["admin"], active=True, roles=set(view.roles))
    synced(d1, d2)
    for store in (d1, d2):
        shown = {u.username: u for u in accounts.list_users(store, kept)}
        assert shown["admin"].active and not shown["admin"].kept_as_admin
        assert roles_at(store, ids["admin2"]) == {"clerk"}


def test_the_admin_kept_is_an_admin_only_until_another_is_active_again_and_later_work_is_said(
        server: LiveServer, tmp_path: Path) -> None:
    d1, d2, ids = office_of_two_desks(server, tmp_path)
    accounts.update_user(d1, accounts.login(d1, "admin", PASSWORD), ids["admin2"], active=False)
    accounts.update_user(d2, accounts.login(d2, "admin2", PASSWORD), ids["admin"], active=False)
    synced(d1, d2)
    # kept, «admin» takes in a case at desk 2: the office's admin then, his to do
    at_2 = accounts.login(d2, "admin", PASSWORD)
    kept_work = sec.intake(d2, at_2, case_input(1)).case_id
    # at desk 1 he brings «admin2» back, and desk 1 syncs: desk 2's change letting him go stands
    accounts.update_user(d1, accounts.login(d1, "admin", PASSWORD), ids["admin2"], active=True)
    assert client.sync_once(d1).ok
    # desk 2, offline, does not know: he takes in another case there
    late_work = sec.intake(d2, at_2, case_input(2)).case_id
    synced(d2, d1)
    admin2 = accounts.login(d1, "admin2", PASSWORD)
    for store in (d1, d2):
        with pytest.raises(PermissionDenied):
            accounts.login(store, "admin", PASSWORD)
        with store.read() as s:
            after = s.scalars(select(Event).where(Event.user_id == ids["admin"], Event.aggregate_type != "user")
                              .order_by(Event.hlc, Event.id)).all()
            back = max(e.hlc for e in s.scalars(select(Event).where(Event.aggregate_id == ids["admin2"])))
        late = [e for e in after if e.hlc > back]
        assert {e.aggregate_id for e in after if e.type == "case.received"} == {kept_work, late_work}
        assert [e.aggregate_id for e in late if e.type == "case.received"] == [late_work]
        # only the work after «admin2» was active again is late: on the users page ...
        shown = {u.username: u for u in accounts.list_users(store, admin2)}
        assert not shown["admin"].kept_as_admin and shown["admin"].late_steps == len(late) < len(after)
        # ... and in the inbox, beside the admin kept
        by_kind = {c.kind: c for c in conflicts.list_conflicts(store, admin2)}
        assert set(by_kind) == {"admin.kept", "user.acted_after_role_taken"}
        acted = by_kind["user.acted_after_role_taken"]
        assert acted.subject == "admin" and acted.summary == {"deactivated": True}
        change, *steps = acted.facts
        assert change.type == "user.updated"
        assert [f.aggregate_id for f in steps if f.type == "case.received"] == [late_work]
    with d1.read() as s1, d2.read() as s2:
        assert eventlog.projection_digests(s1) == eventlog.projection_digests(s2)
    assert ops.check(d1.path) == [] and ops.check(d2.path) == []  # a re-fold raises the same


def test_one_user_name_made_at_both_desks_is_said_on_the_users_list_until_resolved(
        server: LiveServer, tmp_path: Path) -> None:
    d1, d2, _ids = office_of_two_desks(server, tmp_path)
    at_1 = accounts.login(d1, "admin", PASSWORD)
    at_2 = accounts.login(d2, "admin2", PASSWORD)
    # two Alis, one at each desk, each with a password of their own
    first = accounts.create_user(d1, at_1, username="ali", full_name="علی محمدی", password=PASSWORD,
                                 roles={"clerk"}, must_change_password=False)
    second = accounts.create_user(d2, at_2, username="ali", full_name="علی رضایی", password="other-pass-2",
                                  roles={"librarian"}, must_change_password=False)
    synced(d1, d2)
    for store in (d1, d2):
        alis = {u.id: u for u in accounts.list_users(store, at_1) if u.username == "ali"}
        assert alis[first.id].name_shared and not alis[first.id].name_taken_by_older
        assert alis[second.id].name_shared and alis[second.id].name_taken_by_older
        assert accounts.login(store, "ali", PASSWORD).user_id == first.id  # the older account
        with pytest.raises(ValidationError):  # the other Ali cannot log in with the name: the list says so
            accounts.login(store, "ali", "other-pass-2")
    [c] = conflicts.list_conflicts(d1, at_1)
    conflicts.resolve(d1, at_1, c.id, "keep_first" if c.facts[0].aggregate_id == first.id else "keep_second")
    synced(d1, d2)
    for store in (d1, d2):
        shown = {u.id: u for u in accounts.list_users(store, at_1)}
        assert not shown[first.id].name_shared and not shown[second.id].name_shared
        assert accounts.login(store, shown[second.id].username, "other-pass-2").user_id == second.id


def test_a_clerk_let_go_at_one_desk_keeps_working_at_the_other_until_it_syncs_and_that_work_is_said(
        server: LiveServer, tmp_path: Path) -> None:
    d1, d2, _ids = office_of_two_desks(server, tmp_path)
    at_1 = accounts.login(d1, "admin", PASSWORD)
    clerk = accounts.create_user(d1, at_1, username="reza", full_name="رضا کریمی", password=PASSWORD,
                                 roles={"clerk"}, must_change_password=False)
    synced(d1, d2)
    accounts.update_user(d1, at_1, clerk.id, active=False)  # he leaves; desk 2 is offline for days
    at_desk_2 = accounts.login(d2, "reza", PASSWORD)  # desk 2 cannot know yet
    receipt = sec.intake(d2, at_desk_2, case_input(1))
    synced(d2, d1)
    for store in (d1, d2):
        with pytest.raises(PermissionDenied):
            accounts.login(store, "reza", PASSWORD)
        # his work stands, by his name, and the users list says it came after he was let go
        steps = q.get_case(store, at_1, receipt.case_id).timeline
        assert steps and steps[0].user_name == "رضا کریمی"
        shown = {u.id: u for u in accounts.list_users(store, at_1)}
        with store.read() as s:  # all he recorded (the case and its applicant) came after he left
            his = s.scalar(select(func.count()).select_from(Event).where(Event.user_id == clerk.id))
        assert not shown[clerk.id].active and shown[clerk.id].late_steps == his and his >= len(steps)
        assert all(u.late_steps == 0 for u in shown.values() if u.id != clerk.id)
    # brought back, he is active again: nothing late to say
    accounts.update_user(d1, at_1, clerk.id, active=True)
    assert {u.id: u for u in accounts.list_users(d1, at_1)}[clerk.id].late_steps == 0
