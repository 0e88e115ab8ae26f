"""Builders for lending-desk tests: a desk with two centres, a few members, titles and copies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kanoon_desk.eventlog import Actor
from kanoon_desk.services import library as lib
from kanoon_desk.store import Store
from tests.factories import make_desk, make_office_a_centre

TODAY = date(2025, 5, 5)  # a Monday (Jalali 1404/02/15)
#: valid national IDs (check digit correct)
NATIONAL_IDS = ["0013542419", "0499370899", "0790419904", "0084575948"]


@dataclass
class Lib:
    store: Store
    admin: Actor
    child: lib.MemberView
    adult: lib.MemberView
    title: lib.TitleView
    copies: list[lib.CopyView]


def actor_at(actor: Actor, office: str) -> Actor:
    """The same person working at another centre's desk."""
    return Actor(actor.user_id, actor.username, actor.full_name, office, actor.roles)


def add_other_centre(store: Store, admin: Actor, code: str, name: str) -> None:
    """A centre of another office, recorded as that office's own desk records it (a pull brings
    it here): a desk adds only its own office's centres (`lib.add_centre`)."""
    with store.transaction() as s:
        store.record(s, actor_at(admin, code), "office.set", code,
                     {"name": name, "kind": "centre", "province": "", "city": ""}, subject=code)


def make_library(tmp_path: Path) -> Lib:
    store, admin = make_desk(tmp_path / "lib.sqlite3", office="13")
    make_office_a_centre(store, admin, "مرکز فرهنگی هنری شماره ۱")
    add_other_centre(store, admin, "14", "مرکز فرهنگی هنری شماره ۲")
    child = lib.register_member(store, admin, lib.MemberInput(
        first_name="زهرا", last_name="محمدی", national_id=NATIONAL_IDS[0], birth_date=date(2016, 3, 1),
        guardian_name="علی محمدی", guardian_phone="09121234567"), today=TODAY)
    adult = lib.register_member(store, admin, lib.MemberInput(
        first_name="حسین", last_name="احمدی", national_id=NATIONAL_IDS[1], category="adult",
        phone="09351234567"), today=TODAY)
    title = lib.add_title(store, admin, lib.TitleInput(title="ماهی سیاه کوچولو", author="صمد بهرنگی",
                                                        isbn="978-964-391-300-7", age_group="ب"))
    copies = [lib.add_copy(store, admin, title.id, barcode=f"B{i:04d}", shelf="A1") for i in range(1, 4)]
    return Lib(store, admin, child, adult, title, copies)
