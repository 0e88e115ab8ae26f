"""Builders for the secretariat tests: a desk with one user per role, valid national IDs, scans."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kanoon_desk.eventlog import Actor
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services.secretariat_agencies import AgencyView, save_agency
from kanoon_desk.store import Store

from .factories import make_desk, make_user

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def national_id(body: int) -> str:
    """A valid national ID from a 9-digit body."""
    digits = f"{body:09d}"
    s = sum(int(d) * (10 - i) for i, d in enumerate(digits)) % 11
    return digits + str(s if s < 2 else 11 - s)


@dataclass
class Desk:
    store: Store
    admin: Actor
    clerk: Actor
    expert: Actor
    manager: Actor
    manager2: Actor
    librarian: Actor
    agency: AgencyView
    tmp: Path


_TEMPLATE: tuple[Path, Desk] | None = None


def make_secretariat_desk(tmp: Path) -> Desk:
    """A fresh desk in `tmp`; the users (slow argon2 hashes) are built once and the file copied."""
    global _TEMPLATE
    if _TEMPLATE is None:
        folder = Path(tempfile.mkdtemp(prefix="kanoon-sec-"))
        atexit.register(shutil.rmtree, folder, True)  # the run's cache, not left in the temp folder
        store, admin = make_desk(folder / "d.sqlite3")
        agency = save_agency(store, admin, name="شهرداری مرکز استان", deadline_days=None)
        _TEMPLATE = (folder / "d.sqlite3", Desk(
            store, admin, make_user(store, admin, "clerk1", "clerk"), make_user(store, admin, "expert1", "expert"),
            make_user(store, admin, "manager1", "manager"), make_user(store, admin, "manager2", "manager"),
            make_user(store, admin, "lib1", "librarian"), agency, folder))
        store.close()
    path, t = _TEMPLATE
    shutil.copyfile(path, tmp / "d.sqlite3")
    return Desk(Store(tmp / "d.sqlite3"), t.admin, t.clerk, t.expert, t.manager, t.manager2, t.librarian,
                t.agency, tmp)


def case_input(n: int = 1, **over: object) -> sec.CaseInput:
    data = sec.CaseInput(national_id=national_id(100000 + n), first_name="زهرا", last_name="کریمی",
                         mobile="09121234567", address="خیابان آزادی", subject="قطعی مکرر برق در محله",
                         text="برق محله ما هر شب قطع می‌شود.", category="خدمات شهری", channel="in_person",
                         received_date="")
    for k, v in over.items():
        setattr(data, k, v)
    return data
