"""A few realistic conflicts for the demo, made as they happen: a second desk of the office (a copy
of this one, another device at another centre) works offline for a morning, its events come back
through the fold a pull uses (`eventlog.ingest`), and the fold meets what both did.

* two copies lent at two centres (`copy.double_loan`),
* one child registered at both (`member.registered_twice`),
* one loan returned at both (`loan.return_on_closed`),
* one user name made on both desks (`username.duplicate`).

`generate(store, rng, *, centres, today)` is what `kanoon-desk demo` calls after the library
part; it returns how many conflicts the inbox holds.
"""

from __future__ import annotations

import json
import random
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from .. import eventlog
from ..digest import canonical_json
from ..errors import ServiceError
from ..eventlog import Actor
from ..models import Conflict, Event, User
from ..models.library import Copy, Loan, Member
from ..persian import is_valid_national_id
from ..services import accounts, circulation
from ..services import library as lib
from ..store import Store
from . import ADMIN_PASSWORD, ADMIN_USERNAME, USER_PASSWORD

_COLUMNS = ("id", "type", "aggregate_type", "aggregate_id", "payload", "hlc", "device_id", "office_code",
            "user_id", "recorded_at", "schema_version")


def _at(actor: Actor, centre: str) -> Actor:
    return Actor(actor.user_id, actor.username, actor.full_name, centre, actor.roles)


def _national_id(rng: random.Random, taken: set[str]) -> str:
    while True:
        base = f"{rng.randrange(10**8, 10**9):09d}"
        s = sum(int(d) * (10 - i) for i, d in enumerate(base)) % 11
        code = base + str(s if s < 2 else 11 - s)
        if is_valid_national_id(code) and code not in taken:
            return code


def _pulled(e: Event) -> Event:
    """An event as a pull brings it: no outbox number, its payload as the server stores it."""
    values: dict[str, Any] = {k: getattr(e, k) for k in _COLUMNS}
    values["payload"] = json.loads(canonical_json(e.payload))
    return Event(**values, client_seq=None)


def _lend(store: Store, actor: Actor, members: list[str], barcode: str, today: date) -> bool:
    for member_no in members:
        try:
            circulation.checkout(store, actor, member_no, barcode, today=today)
            return True
        except ServiceError:
            continue
    return False


def generate(store: Store, rng: random.Random, *, centres: list[str], today: date, lent_twice: int = 2) -> int:
    """The other desk's morning folded into this one; the number of open conflicts after it.
    `lent_twice`: how many copies both centres lend (the inbox benchmark's week offline: 200)."""
    if len(centres) < 2:
        return 0
    here, there = centres[0], centres[1]
    admin = accounts.login(store, ADMIN_USERNAME, ADMIN_PASSWORD)
    with store.read() as s:
        on_shelf = list(s.scalars(select(Copy.barcode).where(Copy.status == "on_shelf", Copy.loanable.is_(True),
                                                             Copy.withdrawn.is_(False))
                                  .order_by(Copy.barcode).limit(lent_twice * 3 + 40)))
        members = list(s.scalars(select(Member.member_no).where(Member.merged_into.is_(None))
                                 .order_by(Member.member_no).limit(lent_twice * 2 + 60)))
        out = list(s.scalars(select(Copy.barcode).join(Loan, Loan.copy_id == Copy.id)
                             .where(Loan.returned_at.is_(None), Loan.lost_hlc.is_(None))
                             .order_by(Copy.barcode).limit(10)))
        taken = set(s.scalars(select(Member.national_id)))
    rng.shuffle(on_shelf)
    rng.shuffle(members)
    with tempfile.TemporaryDirectory(prefix="kanoon-demo-") as tmp:
        other_path = Path(tmp) / "other-desk.sqlite3"
        store.backup_to(other_path)
        other = Store(other_path, durable=False)
        try:
            with store.read() as s:
                device_no = int(s.scalar(select(func.count(func.distinct(Event.device_id)))) or 1) + 1
            other.set_identity(store.identity.office_code, device_no)  # another machine of the office
            # the same morning at two centres, neither desk online (the loans last: the newest, the
            # inbox shows them first)
            with store.read() as s:
                name_free = s.scalar(select(User.id).where(User.username == "librarian2")) is None
            for desk in (store, other) if name_free else ():  # (a store the demo did this on before)
                accounts.create_user(desk, admin, username="librarian2", full_name="سمانه احمدی",
                                     password=USER_PASSWORD, roles={"librarian"}, must_change_password=False,
                                     office_code=there)
            child = lib.MemberInput(first_name="ریحانه", last_name="صادقی", national_id=_national_id(rng, taken),
                                    guardian_name="محمد صادقی", guardian_phone="09121234508",
                                    birth_date=today.replace(year=today.year - 9, day=1))
            lib.register_member(store, _at(admin, here), child, today=today)
            lib.register_member(other, _at(admin, there), child, today=today)
            for barcode in out[:1]:
                circulation.checkin(store, _at(admin, here), barcode, today=today)
                circulation.checkin(other, _at(admin, there), barcode, today=today)
            lent = 0
            for barcode in on_shelf:
                if lent == lent_twice:
                    break
                if (_lend(store, _at(admin, here), members[::2], barcode, today)
                        and _lend(other, _at(admin, there), members[1::2], barcode, today)):
                    lent += 1
            with other.read() as s:
                theirs = [_pulled(e) for e in s.scalars(select(Event).where(Event.device_id == other.identity.device_id)
                                                        .order_by(Event.hlc, Event.id))]
        finally:
            other.close()
    # back online: what the other desk did reaches this one as a pull brings it
    with store.transaction() as s:
        eventlog.ingest(s, theirs)
    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(Conflict).where(Conflict.status == "open")) or 0)
