"""Accounts changed at one desk while another worked on apart: what the sync brings to an admin."""

from __future__ import annotations

from pathlib import Path

import pytest

from kanoon_desk import eventlog
from kanoon_desk.errors import PermissionDenied, ValidationError
from kanoon_desk.services import accounts, conflicts, ops
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q

from ..secretariat_helpers import case_input
from .helpers import PASSWORD, LiveServer
from .test_staff_across_desks import office_of_two_desks, synced

ACTED = "user.acted_after_role_taken"


def test_cases_reviewed_offline_after_the_expert_role_was_taken_are_put_before_an_admin(
        server: LiveServer, tmp_path: Path) -> None:
    d1, d2, ids = office_of_two_desks(server, tmp_path)
    at_1 = accounts.login(d1, "admin", PASSWORD)
    reza = accounts.create_user(d1, at_1, username="reza", full_name="رضا کریمی", password=PASSWORD,
                                roles={"clerk", "expert"}, must_change_password=False)
    clerk = accounts.login(d1, "sara", PASSWORD)
    cases = [sec.intake(d1, clerk, case_input(n)).case_id for n in (1, 2, 3)]
    synced(d1, d2)
    accounts.update_user(d1, at_1, reza.id, roles={"clerk"})  # desk 1 takes his expert role
    at_2 = accounts.login(d2, "reza", PASSWORD)  # desk 2, offline, does not know
    sec.review(d2, at_2, cases[0], accept=True)
    sec.review(d2, at_2, cases[1], accept=False, reason="خارج از حوزه دفتر")
    sec.intake(d2, at_2, case_input(9))  # a clerk's work: he still is one
    assert conflicts.list_conflicts(d2, accounts.login(d2, "admin2", PASSWORD)) == []
    synced(d2, d1)
    for store in (d1, d2):
        [c] = conflicts.list_conflicts(store, at_1)
        assert c.kind == ACTED and c.subject == "reza"
        assert c.summary == {"roles_taken": ["expert"]}
        change, *steps = c.facts
        assert change.type == "user.updated" and change.user_name == "مدیر سامانه"
        assert [(f.type, f.aggregate_id, f.user_name) for f in steps] == [
            ("case.reviewed", cases[0], "رضا کریمی"), ("case.reviewed", cases[1], "رضا کریمی")]
        assert all(f.refs.get("case_id") for f in steps)  # named by their tracking codes
        # the work stands: nothing was dropped
        assert [q.get_case(store, at_1, case).case["status"] for case in cases] == ["accepted", "rejected", "received"]
    with d1.read() as s1, d2.read() as s2:
        assert eventlog.projection_digests(s1) == eventlog.projection_digests(s2)
    assert ops.check(d1.path) == [] and ops.check(d2.path) == []  # a re-fold raises the same
    conflicts.resolve(d1, at_1, c.id, "fixed_manually", "بررسی شد")
    synced(d1, d2)
    assert conflicts.list_conflicts(d2, at_1) == []


def test_work_before_the_change_or_after_the_role_came_back_is_not_put_before_anyone(
        server: LiveServer, tmp_path: Path) -> None:
    d1, d2, ids = office_of_two_desks(server, tmp_path)
    at_1 = accounts.login(d1, "admin", PASSWORD)
    reza = accounts.create_user(d1, at_1, username="reza", full_name="رضا کریمی", password=PASSWORD,
                                roles={"clerk", "expert"}, must_change_password=False)
    clerk = accounts.login(d1, "sara", PASSWORD)
    cases = [sec.intake(d1, clerk, case_input(n)).case_id for n in (1, 2)]
    synced(d1, d2)
    at_2 = accounts.login(d2, "reza", PASSWORD)
    sec.review(d2, at_2, cases[0], accept=True)  # before the change
    accounts.update_user(d1, at_1, reza.id, roles={"clerk"})
    accounts.update_user(d1, at_1, reza.id, roles={"clerk", "expert"})  # given back at once
    sec.review(d2, at_2, cases[1], accept=True)  # after both
    synced(d2, d1)
    for store in (d1, d2):
        assert conflicts.list_conflicts(store, at_1) == []
        assert ops.check(store.path) == []


def test_a_user_whose_two_roles_were_taken_one_at_each_desk_is_told_at_log_in_and_flagged(
        server: LiveServer, tmp_path: Path) -> None:
    d1, d2, ids = office_of_two_desks(server, tmp_path)
    # desk 1 makes Sara a manager only; desk 2, apart, makes her a clerk only: she ends with neither
    accounts.update_user(d1, accounts.login(d1, "admin", PASSWORD), ids["sara"], roles={"manager"})
    accounts.update_user(d2, accounts.login(d2, "admin2", PASSWORD), ids["sara"], roles={"clerk"})
    synced(d1, d2)
    admin = accounts.login(d1, "admin", PASSWORD)
    for store in (d1, d2):
        with pytest.raises(PermissionDenied) as refused:
            accounts.login(store, "sara", PASSWORD)
        assert refused.value.message == accounts.MSG_NO_ROLES_LOGIN and refused.value.field == "username"
        sara = {u.username: u for u in accounts.list_users(store, admin)}["sara"]
        assert sara.active and sara.roles == frozenset() and sara.no_roles
        assert not any(u.no_roles for u in accounts.list_users(store, admin) if u.username != "sara")
    for _ in range(accounts.FREE_ATTEMPTS + 2):  # she tries again, and is told the same each time
        with pytest.raises(PermissionDenied) as refused:
            accounts.login(d2, "sara", PASSWORD)
        assert refused.value.message == accounts.MSG_NO_ROLES_LOGIN
    accounts.update_user(d2, accounts.login(d2, "admin2", PASSWORD), ids["sara"], roles={"clerk"})
    synced(d1, d2)
    for store in (d1, d2):
        assert accounts.login(store, "sara", PASSWORD).roles == frozenset({"clerk"})


def test_the_admin_kept_when_each_desk_let_the_other_admin_go_is_explained_in_the_inbox(
        server: LiveServer, tmp_path: Path) -> None:
    d1, d2, ids = office_of_two_desks(server, tmp_path)
    accounts.update_user(d1, accounts.login(d1, "admin", PASSWORD), ids["admin2"], active=False)
    accounts.update_user(d2, accounts.login(d2, "admin2", PASSWORD), ids["admin"], active=False)
    assert conflicts.list_conflicts(d1, accounts.login(d1, "admin", PASSWORD)) == []
    synced(d1, d2)
    kept = accounts.login(d1, "admin", PASSWORD)
    for store in (d1, d2):
        [c] = conflicts.list_conflicts(store, kept)
        assert c.kind == "admin.kept" and c.aggregate_id == ids["admin"] and c.subject == "admin"
        assert sorted((f.type, f.aggregate_id, f.payload["active"]) for f in c.facts) == sorted(
            [("user.updated", ids["admin2"], False), ("user.updated", ids["admin"], False)])
        assert c.params == {"name": "مدیر سامانه (admin)"}
        assert "{name} مدیر سامانه فعال می‌ماند" in c.explanations[0]
        assert ops.check(store.path) == []
    with d1.read() as s1, d2.read() as s2:
        assert eventlog.projection_digests(s1) == eventlog.projection_digests(s2)
    # the kept admin brings «admin2» back and says so: the inbox is clear on both desks
    accounts.update_user(d1, kept, ids["admin2"], active=True)
    conflicts.resolve(d1, kept, c.id, "fixed_manually")
    synced(d1, d2)
    for store in (d1, d2):
        assert conflicts.list_conflicts(store, kept) == []
        assert ops.check(store.path) == []


def test_a_full_name_corrected_at_both_desks_apart_is_put_before_an_admin_who_picks_one(
        server: LiveServer, tmp_path: Path) -> None:
    d1, d2, ids = office_of_two_desks(server, tmp_path)
    at_1, at_2 = accounts.login(d1, "admin", PASSWORD), accounts.login(d2, "admin2", PASSWORD)
    accounts.update_user(d1, at_1, ids["sara"], full_name="سارا رضایی‌نژاد")
    accounts.update_user(d2, at_2, ids["sara"], full_name="سارا رضائی")
    synced(d1, d2)
    for store in (d1, d2):
        [c] = conflicts.list_conflicts(store, at_1)
        assert c.kind == "user.renamed_apart" and c.subject == "sara"
        assert sorted(f.payload["full_name"] for f in c.facts) == ["سارا رضائی", "سارا رضایی‌نژاد"]
        assert {f.user_name for f in c.facts} == {"مدیر سامانه", "مدیر دوم"}
        assert ops.check(store.path) == []
    # the newer stands meanwhile; the admin keeps desk 1's
    first = next(i for i, f in enumerate(c.facts) if f.payload["full_name"] == "سارا رضایی‌نژاد")
    conflicts.resolve(d2, at_2, c.id, ("keep_first", "keep_second")[first])
    synced(d1, d2)
    for store in (d1, d2):
        assert {u.username: u.full_name for u in accounts.list_users(store, at_1)}["sara"] == "سارا رضایی‌نژاد"
        assert conflicts.list_conflicts(store, at_1) == []
    # a name changed at one desk only, after the sync, raises nothing
    accounts.update_user(d1, at_1, ids["sara"], full_name="سارا رضایی")
    synced(d1, d2)
    assert conflicts.list_conflicts(d2, at_1) == []


def test_a_password_changed_at_both_desks_apart_says_why_the_other_one_no_longer_opens(
        server: LiveServer, tmp_path: Path) -> None:
    d1, d2, ids = office_of_two_desks(server, tmp_path)
    # Sara sets her own password at desk 1; the admin at desk 2, apart, gives her a temporary one later
    accounts.change_own_password(d1, accounts.login(d1, "sara", PASSWORD), PASSWORD, "sara-own-pass")
    accounts.reset_password(d2, accounts.login(d2, "admin2", PASSWORD), ids["sara"], "temporary-99")
    synced(d1, d2)
    for store in (d1, d2):
        with pytest.raises(ValidationError) as refused:
            accounts.login(store, "sara", "sara-own-pass")
        assert refused.value.message == accounts.MSG_PASSWORD_REPLACED and refused.value.field == "password"
        with pytest.raises(ValidationError) as wrong:  # a password she never had is only wrong
            accounts.login(store, "sara", "never-had-it")
        assert wrong.value.message == accounts.MSG_BAD_LOGIN
        assert accounts.login(store, "sara", "temporary-99").username == "sara"  # the later change is in force
        [c] = conflicts.list_conflicts(store, accounts.login(store, "admin", PASSWORD))
        assert c.kind == "user.password_apart" and c.subject == "sara" and c.resolutions == ("fixed_manually",)
        assert {f.user_name for f in c.facts} == {"سارا رضایی", "مدیر دوم"}
        assert ops.check(store.path) == []
