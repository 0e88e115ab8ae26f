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


def test_a_conflict_about_an_office_s_own_records_stays_in_that_office(server: LiveServer, tmp_path: Path) -> None:
    """Office 13's duplicate user name (users are office 13's own) and its resolution never reach
    office 21; a copy lent at both offices (the shared registry) is one conflict both see, and its
    resolution reaches both."""
    from kanoon_desk.models import Conflict
    from kanoon_desk.server.server_models import ServerEvent
    from kanoon_desk.services import circulation
    from kanoon_desk.services import library as lib
    from tests.factories import make_office_a_centre
    from tests.library_helpers import NATIONAL_IDS, TODAY

    from .helpers import bootstrap_admin

    a1, a2, admin = two_desks(server, tmp_path)  # office 13: "ali" made on both desks
    b = enrol(server, tmp_path / "b.sqlite3", "21")
    admin_b = bootstrap_admin(b)
    make_office_a_centre(a1, admin, "مرکز فرهنگی هنری 13")
    make_office_a_centre(b, admin_b, "مرکز فرهنگی هنری 21")  # each office's desk records its own centre
    title = lib.add_title(a1, admin, lib.TitleInput(title="ماهی سیاه کوچولو", author="صمد بهرنگی"))
    lib.add_copy(a1, admin, title.id, barcode="B0001", shelf="A1")
    members = [lib.register_member(a1, admin, lib.MemberInput(
        first_name=first, last_name="احمدی", national_id=NATIONAL_IDS[i], category="adult",
        phone=f"0935123456{i}"), today=TODAY) for i, first in enumerate(("حسین", "مریم"))]
    for store in (a1, b):
        assert client.sync_once(store).ok
    # offline, both offices lend the same copy
    circulation.checkout(a1, admin, members[0].member_no, "B0001", today=TODAY)
    circulation.checkout(b, admin_b, members[1].member_no, "B0001", today=TODAY)
    for store in (a1, b, a1, a2):
        assert client.sync_once(store).ok
    private = only_kind(a1, admin, "username.duplicate")
    shared = only_kind(a1, admin, "copy.double_loan")
    assert [c.kind for c in conflicts.list_conflicts(b, admin_b)] == ["copy.double_loan"]
    conflicts.resolve(a1, admin, private.id, "keep_first", "علی دوم نامش را عوض می‌کند")
    conflicts.resolve(a1, admin, shared.id, "keep_first")
    for store in (a1, a2, b, a1, a2, b):
        report = client.sync_once(store)
        assert report.ok and not report.mismatches, report.summary_line()
    with b.read() as s:  # office 21: nothing of office 13's own records, in any state
        assert [(c.kind, c.status) for c in s.scalars(select(Conflict))] == [("copy.double_loan", "resolved")]
        assert not s.scalars(select(Event).where(Event.aggregate_id == private.id)).all()
        assert "علی دوم" not in str(s.scalars(select(Event.payload)).all())
    for store in (a1, a2):
        with store.read() as s:
            assert sorted((c.kind, c.status) for c in s.scalars(select(Conflict))) == [
                ("copy.double_loan", "resolved"), ("username.duplicate", "resolved")]
    with server.db.read() as s:
        scopes = {ev.aggregate_id: ev.scope for ev in s.scalars(
            select(ServerEvent).where(ServerEvent.type == "conflict.resolved"))}
    assert scopes == {private.id: "13", shared.id: "*"}
    with a1.read() as s1, a2.read() as s2:
        assert eventlog.projection_digests(s1) == eventlog.projection_digests(s2)


def only_kind(store: client.Store, actor: eventlog.Actor, kind: str) -> conflicts.ConflictView:
    found = [c for c in conflicts.list_conflicts(store, actor) if c.kind == kind]
    assert len(found) == 1
    return found[0]


def test_scope_of_a_resolution_follows_the_conflict_s_records() -> None:
    from kanoon_desk.sync.protocol import SHARED_SCOPE, scope_of

    def about(aggregate_type: str) -> dict[str, object]:
        return {"resolution": "keep_first", "conflict": {"aggregate_type": aggregate_type}}

    assert scope_of("conflict", "13", about("user")) == "13"
    assert scope_of("conflict", "13", about("case")) == "13"
    assert scope_of("conflict", "13", about("copy")) == SHARED_SCOPE
    assert scope_of("conflict", "13", about("member")) == SHARED_SCOPE
    # a resolution written without a description keeps the scope it always had
    assert scope_of("conflict", "13", {"resolution": "keep_first"}) == SHARED_SCOPE
    assert scope_of("conflict", "13") == SHARED_SCOPE
    assert scope_of("case", "13", about("copy")) == "13"


def test_the_inbox_list_without_facts_names_the_same_conflicts_and_centres(tmp_path: Path) -> None:
    """The list's lines (`detail=False`: what the inbox reads for 200 at once) say what the full
    views say of kind, subject and offices; `conflict` gives one with its facts."""
    from kanoon_desk.services import circulation
    from tests.library_helpers import TODAY
    from tests.sync.test_conflict_resolutions import exchange, two_centres

    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    for copy in L.copies:
        circulation.checkout(a, admin_a, L.child.member_no, copy.barcode, today=TODAY)
        circulation.checkout(b, admin_b, L.adult.member_no, copy.barcode, today=TODAY)
    exchange(a, b)
    full = conflicts.list_conflicts(a, admin_a)
    lines = conflicts.list_conflicts(a, admin_a, detail=False)
    assert len(full) == 3 and all(c.facts == () for c in lines)
    assert [(c.id, c.kind, c.subject, c.offices) for c in lines] == [
        (c.id, c.kind, c.subject, c.offices) for c in full]
    assert {c.offices for c in full} == {("13", "14")}
    one = conflicts.conflict(a, admin_a, lines[1].id)
    assert one == full[1] and len(one.facts) == 2
    from kanoon_desk.errors import NotFound

    with pytest.raises(NotFound):
        conflicts.conflict(a, admin_a, "no-such-conflict")
    assert conflicts.office_names(a)["14"] == "مرکز فرهنگی هنری شماره ۲"


def test_several_conflicts_decided_alike_each_as_one_at_a_time(tmp_path: Path) -> None:
    """Centre 13's loans are the books really out: decided for three at once, each is decided as
    its own button would (the other loan voided, the copy with centre 13's member); one whose
    centre-14 loan was already returned is refused with the reason one at a time gives, and stays
    open; a user name made twice at office 13 alone has no centre-14 fact to tell apart: refused."""
    from kanoon_desk.errors import ValidationError
    from kanoon_desk.eventlog import system_actor
    from kanoon_desk.ids import new_id
    from kanoon_desk.services import circulation
    from tests.library_helpers import TODAY
    from tests.sync.test_conflict_resolutions import exchange, two_centres

    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    for copy in L.copies:
        circulation.checkout(a, admin_a, L.child.member_no, copy.barcode, today=TODAY)
        circulation.checkout(b, admin_b, L.adult.member_no, copy.barcode, today=TODAY)
    circulation.checkin(b, admin_b, "B0003", today=TODAY)  # back at centre 14 before the desks met
    exchange(a, b)
    for _ in range(2):
        with a.transaction() as s:
            a.record(s, system_actor("13"), "user.created", new_id(), {
                "office_code": "13", "username": "ali", "full_name": "علی", "password_hash": "h", "roles": ["clerk"]})
    lines = conflicts.list_conflicts(a, admin_a, detail=False)
    by_subject = {c.subject: c.id for c in lines}
    assert set(by_subject) == {"B0001", "B0002", "B0003", "ali"}
    with pytest.raises(ValidationError) as one:  # what B0003 says decided alone
        conflicts.resolve(a, admin_a, by_subject["B0003"],
                          conflicts.side_of(conflicts.conflict(a, admin_a, by_subject["B0003"]), "13"))
    result = conflicts.resolve_many(a, admin_a, [c.id for c in lines], "13", "کتاب‌ها نزد اعضای مرکز ۱ است")
    assert sorted(result.done) == sorted([by_subject["B0001"], by_subject["B0002"]])
    refused = {cid: exc.message for cid, exc in result.refused}
    assert refused == {by_subject["B0003"]: one.value.message, by_subject["ali"]: conflicts.MSG_NOT_ONE_SIDE}
    from kanoon_desk.models.library import Copy, Loan
    from kanoon_desk.projections.library.copy_state import VOIDED_HLC

    with a.read() as s:
        for barcode in ("B0001", "B0002"):  # lent to centre 13's child; centre 14's loan voided
            copy_id = s.scalar(select(Copy.id).where(Copy.barcode == barcode))
            open_loans = s.scalars(select(Loan.member_id).where(Loan.copy_id == copy_id, Loan.returned_at.is_(None),
                                                                 Loan.returned_hlc.is_not(VOIDED_HLC))).all()
            assert open_loans == [L.child.id], barcode
    assert {c.subject for c in conflicts.list_conflicts(a, admin_a)} == {"B0003", "ali"}
    # the other centre's desk: the two decided leave its inbox after it syncs, as one at a time
    exchange(a, b)
    assert {c.subject for c in conflicts.list_conflicts(b, admin_b)} == {"B0003", "ali"}
    with pytest.raises(ValidationError) as neither:  # an office neither fact was recorded at
        conflicts.side_of(conflicts.conflict(b, admin_b, by_subject["B0003"]), "15")
    assert neither.value.message == conflicts.MSG_NOT_ONE_SIDE
