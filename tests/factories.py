"""Builders shared by the tests: a set-up desk store with a user for each role."""

from __future__ import annotations

from pathlib import Path

from kanoon_desk.eventlog import Actor
from kanoon_desk.services import accounts
from kanoon_desk.store import Store

PASSWORD = "secret-pass-1"


def make_desk(path: Path, office: str = "13", device_no: int = 1) -> tuple[Store, Actor]:
    """A store with its office and an admin who holds every role; returns (store, admin actor)."""
    store = Store(path)
    accounts.setup_desk(store, office_code=office, office_name="دفتر مدیریت عملکرد استانداری",
                        admin_username="admin", admin_full_name="مدیر سامانه",
                        admin_password=PASSWORD, device_no=device_no)
    return store, accounts.login(store, "admin", PASSWORD)


def make_office_a_centre(store: Store, admin: Actor, name: str) -> None:
    """The desk's own office made a cultural centre (and named as one), as «مشخصات دفتر» does."""
    accounts.update_office(store, admin, kind="centre", name=name)


def make_user(store: Store, admin: Actor, username: str, *roles: str) -> Actor:
    accounts.create_user(store, admin, username=username, full_name=f"کاربر {username}",
                         password=PASSWORD, roles=set(roles), must_change_password=False)
    return accounts.login(store, username, PASSWORD)


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    """A one-sheet Excel file of `rows` (the first is the headings), as an office keeps one."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path
