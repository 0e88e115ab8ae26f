"""Offices working offline and syncing in random interleavings, through a faulty network, converge.

A hypothesis state machine: four desks (office 13 has two devices, 21 and 35 one each; all three
are lending centres sharing a catalogue of three copies and three members) do random work (users,
office details, holidays, checkouts and returns of the shared copies) and sync at random moments
through a transport that drops, repeats, delays, replays and cuts requests. When all is quiet: every
store's digests equal the server's view of its office, no event is lost or duplicated, outboxes are
empty, client sequence numbers are unique per device, every duplicate user name is exactly one
conflict on both desks of its office, every pair of loans of one copy whose spans overlap (lent at
two centres offline) is exactly one `copy.double_loan` conflict and every second return of a loan
exactly one `loan.return_on_closed`, the same on every desk, the lending tables are equal on every
desk, and every store's projections equal a re-fold of its events.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test
from sqlalchemy import func, select

from kanoon_desk import eventlog
from kanoon_desk.errors import ServiceError
from kanoon_desk.eventlog import Actor
from kanoon_desk.models import Conflict, Event, User
from kanoon_desk.models.library import Copy, Loan
from kanoon_desk.server.exchange import office_summary, office_summary_from_events
from kanoon_desk.server.server_models import ServerEvent
from kanoon_desk.services import accounts, circulation, ops
from kanoon_desk.services import library as lib
from kanoon_desk.store import Store
from kanoon_desk.sync import client
from tests.library_helpers import NATIONAL_IDS, TODAY

from .helpers import (
    FaultPlan,
    FaultyTransport,
    LiveServer,
    add_user,
    assert_running_digests,
    bootstrap_admin,
    enrol,
    reset_pg,
)

pytestmark = pytest.mark.slow

DESKS = [("13", "a1"), ("13", "a2"), ("21", "b"), ("35", "c")]
NAMES = ["ali", "reza", "sara", "mina", "omid", "neda"]
OFFICE_NAMES = ["دفتر مرکزی", "دفتر استان تهران", "مرکز فرهنگی شماره ۲", "اداره کل کانون"]
DAYS = [date(2026, 3, 21), date(2026, 3, 22), date(2026, 4, 1), date(2026, 6, 4)]
COPIES = ["B0001", "B0002", "B0003"]
LENDING_CONFLICTS = ("copy.double_loan", "loan.return_on_closed")


class OfficesOffline(RuleBasedStateMachine):
    db_kind: ClassVar[str] = "sqlite"
    pg_url: ClassVar[str] = ""

    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="kanoon-conv-"))
        if self.db_kind == "postgres":
            reset_pg(self.pg_url)
            url = self.pg_url
        else:
            url = str(self.dir / "server.sqlite3")
        self.server = LiveServer(url, attachments_dir=self.dir / "att")
        self.stores: list[Store] = []
        self.admins: list[Actor] = []
        self.faults: list[FaultyTransport] = []
        self.member_nos: list[str] = []

    @initialize()
    def enrol_desks(self) -> None:
        for i, (office, name) in enumerate(DESKS):
            store = enrol(self.server, self.dir / f"{name}.sqlite3", office)
            self.stores.append(store)
            # one admin per office, made on the office's first desk; the second desk gets it by sync
            if i == 1:
                assert client.sync_once(store).ok
                with store.read() as s:
                    u = s.scalars(select(User).where(User.username == "admin")).one()
                self.admins.append(Actor(u.id, u.username, u.full_name, office, u.role_set))
            else:
                self.admins.append(bootstrap_admin(store))
                assert client.sync_once(store).ok
        # the lending desks: every office is a centre (each recorded by its own desk); office 13
        # keeps the catalogue and members
        for office in dict.fromkeys(office for office, _ in DESKS):
            i = next(i for i, (o, _) in enumerate(DESKS) if o == office)
            lib.add_centre(self.stores[i], self.admins[i], office, f"مرکز فرهنگی هنری {office}")
        first, admin = self.stores[0], self.admins[0]
        title = lib.add_title(first, admin, lib.TitleInput(title="ماهی سیاه کوچولو", author="صمد بهرنگی",
                                                           isbn="978-964-391-300-7", age_group="ب"))
        for barcode in COPIES:
            lib.add_copy(first, admin, title.id, barcode=barcode, shelf="A1")
        for i, (first_name, last_name) in enumerate([("حسین", "احمدی"), ("مریم", "رضایی"), ("علی", "کریمی")]):
            member = lib.register_member(first, admin, lib.MemberInput(
                first_name=first_name, last_name=last_name, national_id=NATIONAL_IDS[i], category="adult",
                phone="0935123456" + str(i)), today=TODAY)
            self.member_nos.append(member.member_no)
        for store in [first, *self.stores[1:]]:
            assert client.sync_once(store).ok

    @rule(desk=st.integers(0, len(DESKS) - 1), member=st.integers(0, 2), copy=st.integers(0, len(COPIES) - 1))
    def lend(self, desk: int, member: int, copy: int) -> None:
        try:
            circulation.checkout(self.stores[desk], self.admins[desk], self.member_nos[member], COPIES[copy],
                                 today=TODAY)
        except ServiceError:
            pass  # on loan as far as this desk knows (or a limit): refused here, as it should be

    @rule(desk=st.integers(0, len(DESKS) - 1), copy=st.integers(0, len(COPIES) - 1))
    def give_back(self, desk: int, copy: int) -> None:
        self._check_in(desk, copy)

    def _check_in(self, desk: int, copy: int) -> None:
        try:
            circulation.checkin(self.stores[desk], self.admins[desk], COPIES[copy], today=TODAY)
        except ServiceError:
            pass  # not on loan as far as this desk knows

    @rule(desks=st.lists(st.integers(0, len(DESKS) - 1), min_size=2, max_size=2, unique=True),
          copy=st.integers(0, len(COPIES) - 1))
    def returned_at_two_desks(self, desks: list[int], copy: int) -> None:
        """The same copy scanned back at two desks before either syncs (a misread barcode, a copy
        returned at a centre while the home centre had closed the loan by hand)."""
        for desk in desks:
            self._check_in(desk, copy)

    @rule(desks=st.lists(st.integers(0, len(DESKS) - 1), min_size=2, max_size=2, unique=True),
          member=st.integers(0, 2), copy=st.integers(0, len(COPIES) - 1))
    def lent_seen_then_returned_twice(self, desks: list[int], member: int, copy: int) -> None:
        """Lent at one desk and synced to another; then both scan it back before syncing again."""
        a, b = desks
        self.lend(a, member, copy)
        for desk in (a, b):
            assert client.sync_once(self.stores[desk]).ok
        for desk in (a, b):
            self._check_in(desk, copy)

    @rule(desk=st.integers(0, len(DESKS) - 1), name=st.sampled_from(NAMES))
    def create_user(self, desk: int, name: str) -> None:
        try:
            add_user(self.stores[desk], self.admins[desk], name)
        except ServiceError:
            pass  # taken on this desk already: the desk refuses, as it should

    @rule(desk=st.integers(0, len(DESKS) - 1), title=st.sampled_from(OFFICE_NAMES))
    def rename_office(self, desk: int, title: str) -> None:
        accounts.update_office(self.stores[desk], self.admins[desk], name=title)

    @rule(desk=st.integers(0, len(DESKS) - 1), day=st.sampled_from(DAYS), title=st.sampled_from(["نوروز", ""]))
    def holiday(self, desk: int, day: date, title: str) -> None:
        store, admin = self.stores[desk], self.admins[desk]
        if title:
            accounts.set_holiday(store, admin, day, title)
        else:
            accounts.remove_holiday(store, admin, day)

    @rule(desk=st.integers(0, len(DESKS) - 1), seed=st.integers(0, 10**6), faulty=st.booleans(),
          batch=st.sampled_from([1, 3, 250]))
    def sync(self, desk: int, seed: int, faulty: bool, batch: int) -> None:
        transport = FaultyTransport(plan=FaultPlan(seed=seed)) if faulty else None
        report = client.sync_once(self.stores[desk], transport=transport, retries=1, backoff=0,
                                  batch_size=batch, page_size=batch)
        if not faulty:
            assert report.ok, report.summary_line()

    def quiesce_and_check(self) -> None:
        for _round in range(2):
            for store in self.stores:
                report = client.sync_once(store)
                assert report.ok, report.summary_line()
        server = self.server
        total_local = 0
        for store in self.stores:
            ident = store.identity
            assert client.pending_count(store) == 0
            stats = ops.stats(store.path)
            with server.db.read() as s:
                summary = office_summary(server.db, s, ident.office_code)
                assert summary == office_summary_from_events(server.db, s, ident.office_code)
                theirs = {t: v.model_dump() for t, v in (summary or {}).items()}
            mine = {t: {"events": v["events"], "digest": v["digest"]} for t, v in stats["aggregates"].items()}
            assert mine == theirs, (ident.office_code, mine, theirs)
            assert_running_digests(store)
            with store.read() as s:
                total_local += s.scalar(select(func.count()).select_from(Event)
                                        .where(Event.device_id == ident.device_id)) or 0
            assert ops.check(store.path) == []
        with server.db.read() as s:
            assert s.scalar(select(func.count()).select_from(ServerEvent)) == total_local
            pairs = s.execute(select(ServerEvent.device_id, ServerEvent.client_seq)).all()
            assert len(pairs) == len(set(pairs))
        # the two desks of office 13 hold the same projections, and one conflict per duplicate name
        a1, a2 = self.stores[0], self.stores[1]
        with a1.read() as s1, a2.read() as s2:
            assert eventlog.projection_digests(s1) == eventlog.projection_digests(s2)
            by_name: dict[str, set[str]] = {}
            for u in s1.scalars(select(User)):
                by_name.setdefault(u.username, set()).add(u.id)
            dup = {frozenset(ids) for ids in by_name.values() if len(ids) == 2}
            conflicts = list(s1.scalars(select(Conflict).where(Conflict.kind == "username.duplicate")))
            assert {frozenset(c.facts["involved"]) for c in conflicts} == dup
            assert len(conflicts) == len(dup)
        for other in self.stores[2:]:
            with other.read() as s:
                assert s.scalar(select(func.count()).select_from(Conflict)
                                .where(Conflict.kind.not_in(LENDING_CONFLICTS))) == 0
        self.check_lending()

    def check_lending(self) -> None:
        """The shared lending facts fold to the same tables everywhere, with one conflict per broken
        invariant: two loans of a copy whose (checkout, return) HLC spans overlap, a second return."""
        views = []
        for store in self.stores:
            with store.read() as s:
                loans = s.execute(select(Loan.id, Loan.copy_id, Loan.out_hlc, Loan.returned_hlc)
                                  .order_by(Loan.id)).all()
                copies = s.execute(select(Copy.barcode, Copy.status, Copy.location, Copy.current_loan_id)
                                   .order_by(Copy.barcode)).all()
                found = {(c.kind, frozenset(c.facts["involved"]))
                         for c in s.scalars(select(Conflict).where(Conflict.kind.in_(LENDING_CONFLICTS)))}
                n_found = s.scalar(select(func.count()).select_from(Conflict)
                                   .where(Conflict.kind.in_(LENDING_CONFLICTS)))
                returns: dict[str, list[tuple[int, str]]] = {}
                for loan_id, hlc, event_id in s.execute(select(Event.aggregate_id, Event.hlc, Event.id)
                                                        .where(Event.type == "loan.returned")):
                    returns.setdefault(loan_id, []).append((hlc, event_id))
            expected = set()
            end = 1 << 62
            for a in loans:
                for b in loans:
                    if a.copy_id == b.copy_id and (a.out_hlc, a.id) < (b.out_hlc, b.id) \
                            and b.out_hlc < (a.returned_hlc if a.returned_hlc is not None else end):
                        expected.add(("copy.double_loan", frozenset({a.id, b.id})))
            for loan_id, stamps in returns.items():
                for _hlc, event_id in sorted(stamps)[1:]:
                    expected.add(("loan.return_on_closed", frozenset({loan_id, event_id})))
            assert found == expected, (store.identity.office_code, found ^ expected)
            assert n_found == len(found)
            views.append((loans, copies, found))
            if os.environ.get("KANOON_TEST_SHOW"):
                print("lending:", store.identity.office_code, len(loans), "loans", sorted(k for k, _ in found))
        assert all(v == views[0] for v in views[1:]), "lending tables differ between desks"

    def teardown(self) -> None:
        try:
            if len(self.stores) == len(DESKS):
                self.quiesce_and_check()
        finally:
            for store in self.stores:
                store.close()
            self.server.stop()
            shutil.rmtree(self.dir, ignore_errors=True)


SETTINGS = settings(max_examples=8, stateful_step_count=30, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def _run(kind: str, url: str = "") -> Any:
    OfficesOffline.db_kind, OfficesOffline.pg_url = kind, url
    run_state_machine_as_test(OfficesOffline, settings=SETTINGS)


def test_offices_offline_converge_sqlite() -> None:
    _run("sqlite")


def test_offices_offline_converge_postgres(pg_url: str) -> None:
    _run("postgres", pg_url)
