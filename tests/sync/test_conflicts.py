"""The conflict inbox: a duplicate raised on two desks, shown with both facts, resolved once for all."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from kanoon_desk import eventlog
from kanoon_desk.errors import PermissionDenied, ValidationError
from kanoon_desk.models import Event, User
from kanoon_desk.services import conflicts
from kanoon_desk.sync import client

from .helpers import PASSWORD, LiveServer, add_user, enrol


def two_desks(server: LiveServer, tmp_path: Path) -> tuple[client.Store, client.Store, eventlog.Actor]:
    from .helpers import bootstrap_admin

    a1 = enrol(server, tmp_path / "a1.sqlite3", "13")
    a2 = enrol(server, tmp_path / "a2.sqlite3", "13")
    admin = bootstrap_admin(a1)
    assert client.sync_once(a1).ok and client.sync_once(a2).ok
    # both desks, offline, register the same user name
    add_user(a1, admin, "ali")
    add_user(a2, admin, "ali")
    for store in (a1, a2, a1):
        assert client.sync_once(store).ok
    return a1, a2, admin


def test_duplicate_is_one_conflict_with_both_facts_and_its_resolution_syncs(
        server: LiveServer, tmp_path: Path) -> None:
    a1, a2, admin = two_desks(server, tmp_path)
    inbox1 = conflicts.list_conflicts(a1, admin)
    inbox2 = conflicts.list_conflicts(a2, admin)
    assert len(inbox1) == 1 and [c.id for c in inbox1] == [c.id for c in inbox2]
    c = inbox1[0]
    assert c.kind == "username.duplicate" and c.summary == {"username": "ali"}
    assert len(c.facts) == 2 and {f.payload["username"] for f in c.facts} == {"ali"}
    assert len({f.device_id for f in c.facts}) == 2
    assert c.title and "keep_first" in c.resolutions
    clerk_like = eventlog.Actor(admin.user_id, "x", "x", "13", frozenset({"clerk"}))
    with pytest.raises(PermissionDenied):
        conflicts.list_conflicts(a1, clerk_like)
    with pytest.raises(ValidationError):
        conflicts.resolve(a1, admin, c.id, "nonsense")
    done = conflicts.resolve(a1, admin, c.id, "keep_first", "کاربر دوم نامش را عوض می‌کند")
    assert done.status == "resolved" and done.resolution == "keep_first"
    with pytest.raises(ValidationError):
        conflicts.resolve(a1, admin, c.id, "keep_first")
    assert client.sync_once(a1).ok and client.sync_once(a2).ok
    assert conflicts.list_conflicts(a2, admin) == []
    resolved = conflicts.list_conflicts(a2, admin, status="resolved")
    assert resolved[0].resolution_note == "کاربر دوم نامش را عوض می‌کند"
    assert conflicts.open_count(a2) == 0
    with a1.read() as s1, a2.read() as s2:
        assert eventlog.projection_digests(s1) == eventlog.projection_digests(s2)
    assert PASSWORD  # the users of both desks can still log in by name (oldest account first)


def test_resolution_arriving_before_its_facts_gives_the_same_state(server: LiveServer, tmp_path: Path) -> None:
    a1, a2, admin = two_desks(server, tmp_path)
    c = conflicts.list_conflicts(a1, admin)[0]
    conflicts.resolve(a1, admin, c.id, "keep_second")
    a3 = enrol(server, tmp_path / "a3.sqlite3", "13", first_sync=False)
    with a1.read() as s:
        events = list(s.scalars(select(Event).order_by(Event.hlc)))
        for ev in events:
            s.expunge(ev)
    resolution = [ev for ev in events if ev.type == "conflict.resolved"]
    rest = [ev for ev in events if ev.type != "conflict.resolved"]
    copies = [Event(**{k: getattr(ev, k) for k in (
        "id", "type", "aggregate_type", "aggregate_id", "payload", "hlc", "device_id", "office_code",
        "user_id", "recorded_at", "schema_version")}) for ev in resolution + list(reversed(rest))]
    with a3.transaction() as s:
        eventlog.ingest(s, copies[:1])  # the resolution first, alone
    with a3.transaction() as s:
        for ev in copies[1:]:
            eventlog.ingest(s, [ev])  # then the facts, newest first
    with a1.read() as s1, a3.read() as s3:
        assert eventlog.projection_digests(s1) == eventlog.projection_digests(s3)
        # "the second is right": the first account was renamed, on every desk alike
        assert sorted(s3.scalars(select(User.username))) == ["admin", "ali", "ali.2"]
