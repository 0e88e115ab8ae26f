"""The SMS notices of a child whose details were removed (`member.erased`) at another centre: one
still waiting is not sent (the server withdraws it, whichever of the two reached it first), and no
queue — the server's outbox, a desk's notices — keeps the child's name or the guardian's number,
sent or not; the overdue list says why the reminder did not go."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kanoon_desk.models.library import Notice
from kanoon_desk.server import sms
from kanoon_desk.server.server_models import SmsOutbox
from kanoon_desk.services import circulation as circ
from kanoon_desk.services import library as lib
from kanoon_desk.services import library_reports as rep
from kanoon_desk.store import Store
from tests.library_helpers import TODAY

from .helpers import LiveServer
from .test_lending_across_centres import centre_13_with_a_copy, centre_14, synced

LATER = TODAY + timedelta(days=40)
#: what the notice named: the child, the guardian, the guardian's number
SECRETS = ("زهرا", "محمدی", "علی", "09121234567")


def _outbox(server: LiveServer) -> list[tuple[str, str, str, str]]:
    with server.db.read() as s:
        return [(r.status, r.mobile, r.text, r.last_error) for r in s.scalars(select(SmsOutbox))]


def _desk_notices(store: Store) -> list[tuple[str, str, str]]:
    with store.read() as s:
        return [(n.phone, n.text, n.status) for n in s.scalars(select(Notice))]


class Gateway:
    """The server's SMS gateway, which may be down (a notice then waits in the outbox)."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []
        self.down = False

    def send(self, mobile: str, text: str) -> None:
        if self.down:
            raise ConnectionError("gateway unreachable")
        self.sent.append((mobile, text))


@pytest.fixture
def gateway_server(server_db_url: str, tmp_path: Path) -> Iterator[tuple[LiveServer, Gateway]]:
    """The server, its gateway sending (after each push, as it does) to a `Gateway`."""
    gateway = Gateway()
    live = LiveServer(server_db_url, attachments_dir=tmp_path / "attachments", sms_gateway=gateway)
    try:
        yield live, gateway
    finally:
        live.stop()


@pytest.mark.parametrize("order", ["erasure-stored-first", "notice-waiting", "notice-sent-before"])
def test_a_reminder_queued_at_one_centre_for_a_child_erased_at_the_other_is_not_sent_nor_kept(
        gateway_server: tuple[LiveServer, Gateway], tmp_path: Path, order: str) -> None:
    server, gateway = gateway_server
    a, admin_a, child, _adult = centre_13_with_a_copy(server, tmp_path)
    (tmp_path / "b").mkdir()
    b, admin_b = centre_14(server, tmp_path / "b")
    title = lib.search_titles(b, "ماهی")[0]
    lib.add_copy(b, admin_b, title.id, barcode="B0002", shelf="C1")
    synced(a, b)
    # apart: 14 lends its copy to the child and, the book late, queues a reminder to the guardian;
    # 13, not knowing of the loan, removes the child's details at the guardian's request
    circ.checkout(b, admin_b, child.member_no, "B0002", today=TODAY)
    assert rep.queue_overdue_notices(b, admin_b, today=LATER, centre="14") == 1
    [(phone, text, _status)] = _desk_notices(b)
    assert phone == "09121234567" and "زهرا" in text  # (what is at stake)
    if order == "erasure-stored-first":  # 13's erasure reaches the server before 14's reminder
        lib.erase_member(a, admin_a, child.id, today=LATER)
        synced(a, b, a)
    else:  # the reminder first: waiting (the gateway down), or sent while the child was a member
        gateway.down = order == "notice-waiting"
        synced(b)
        sms.drain(server.db, gateway)
        lib.erase_member(a, admin_a, child.id, today=LATER)
        synced(a, b, a)
    gateway.down = False
    sms.drain(server.db, gateway)
    assert len(gateway.sent) == (1 if order == "notice-sent-before" else 0), gateway.sent
    [(status, mobile, stored, why)] = _outbox(server)
    assert (mobile, stored) == ("", ""), (mobile, stored)
    if order == "notice-sent-before":
        assert status == "sent"
    else:
        assert status == "withdrawn" and "erased" in why
    for store in (a, b):
        kept = repr(_desk_notices(store))
        assert not [x for x in SECRETS if x in kept], (store.path, kept)
        assert rep.queued_notices(store) == []  # nothing waits to be sent (or printed) for the child
    # the overdue list (the loan made apart stays open) says the reminder did not go, and why
    [row] = rep.overdue_page(b, admin_b, today=LATER)
    assert row.member_id == child.id and row.notice_on == LATER
    assert row.notice_status == ("sent" if order == "notice-sent-before" else "erased")


def test_the_upgrade_withdraws_and_empties_the_notices_of_members_erased_before_it(server_db_url: str) -> None:
    """A server that sent, or kept waiting, an erased child's notices before this version: the
    upgrade leaves none of them waiting, nor any with the child's name or the guardian's number;
    another member's notice is left as it was. The child's photo is no longer served."""
    from alembic import command
    from sqlalchemy import insert

    from kanoon_desk.ids import new_id
    from kanoon_desk.server.db import ServerDb, alembic_config, make_engine
    from kanoon_desk.server.server_models import AttachmentRef, ServerEvent, utcnow

    engine = make_engine(server_db_url)
    command.upgrade(alembic_config(engine), "s0010")
    erased, kept = new_id(), new_id()

    def event(seq: int, type_: str, aggregate_id: str, payload: dict[str, object]) -> dict[str, object]:
        return {"id": new_id(), "server_seq": seq, "type": type_, "aggregate_type": type_.split(".")[0],
                "aggregate_id": aggregate_id, "payload": payload, "hlc": 1000 + seq, "device_id": "d",
                "office_code": "14", "user_id": "u", "recorded_at": utcnow(), "schema_version": 1,
                "client_seq": seq, "scope": "14", "tracking_code": None, "received_at": utcnow()}

    notices = [event(1, "notice.queued", new_id(), {"member_id": erased, "phone": "09121234567", "text": "زهرا"}),
               event(2, "notice.queued", new_id(), {"member_id": erased, "phone": "09121234567", "text": "زهرا"}),
               event(3, "notice.queued", new_id(), {"member_id": kept, "phone": "09350000003", "text": "سارا"})]
    photo, scan = "a" * 64, "b" * 64
    rows = [*notices, event(4, "member.erased", erased, {"erased_on": "2026-05-01", "photo_gone": photo})]
    with engine.begin() as conn:
        conn.execute(insert(ServerEvent), rows)
        conn.execute(insert(AttachmentRef), [{"sha256": photo, "scope": "*"}, {"sha256": scan, "scope": "14"}])
        conn.execute(insert(SmsOutbox), [
            {"event_id": n["id"], "mobile": n["payload"]["phone"], "text": n["payload"]["text"],  # type: ignore[index]
             "status": status, "attempts": 1, "last_error": "", "queued_at": utcnow()}
            for n, status in zip(notices, ("sent", "pending", "pending"), strict=True)])
    engine.dispose()
    db = ServerDb(server_db_url)  # upgrades to the head
    try:
        with db.read() as s:
            got = {r.event_id: (r.status, r.mobile, r.text) for r in s.scalars(select(SmsOutbox))}
            refs = list(s.execute(select(AttachmentRef.sha256, AttachmentRef.scope)))
    finally:
        db.close()
    assert [got[str(n["id"])] for n in notices] == [
        ("sent", "", ""), ("withdrawn", "", ""), ("pending", "09350000003", "سارا")]
    assert [tuple(r) for r in refs] == [(scan, "14")]  # the erased child's photo is served to no desk
