"""Device credentials and one-time enrolment codes: random secrets kept only as SHA-256 hashes."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..ids import new_id
from .db import ServerDb
from .server_models import Device, EnrolmentCode, ServerOffice, utcnow

#: Unambiguous letters and digits (no 0/O, 1/I/L) for codes read over the phone.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_GROUPS = 4


class AuthError(Exception):
    """A refused credential or code: `code` is machine-readable, `reason` English, `reason_fa` Persian."""

    def __init__(self, code: str, reason: str, reason_fa: str, status: int = 401) -> None:
        super().__init__(reason)
        self.code, self.reason, self.reason_fa, self.status = code, reason, reason_fa, status


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def normalise_code(code: str) -> str:
    return "".join(c for c in code.upper() if c.isalnum())


def new_enrolment_code(db: ServerDb, office_code: str, *, expires_hours: float = 72) -> str:
    """A one-time code for one new desk of `office_code` (created if the office is new)."""
    office_code = office_code.strip().upper()
    if not (1 <= len(office_code) <= 8 and office_code.isascii() and office_code.isalnum()):
        raise ValueError("office code must be 1-8 ASCII letters or digits")
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(4 * CODE_GROUPS))
    shown = "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))
    with db.transaction() as s:
        if s.get(ServerOffice, office_code) is None:
            s.add(ServerOffice(code=office_code, name=office_code))
        s.add(EnrolmentCode(code_hash=sha256_hex(raw), office_code=office_code,
                            expires_at=utcnow() + timedelta(hours=expires_hours)))
    return shown


@dataclass(frozen=True)
class Enrolled:
    device_id: str
    device_no: int
    office_code: str
    secret: str


@dataclass(frozen=True)
class ExistingDesk:
    """A desk that worked on its own and now joins: it keeps its device id (its events carry it)
    and, when no other device of the office has it, its device number (its numbers carry it)."""

    device_id: str
    office_code: str
    device_no: int


@dataclass(frozen=True)
class Replaced:
    """A desk enrolled before that moves to a new device identity (its device revoked, or its
    credential lost): the device it was, and where its outbox's numbering goes on from."""

    device_id: str
    client_seq_from: int


def enrol(db: ServerDb, code: str, label: str = "", existing: ExistingDesk | None = None,
          replaces: Replaced | None = None) -> Enrolled:
    """Spend a code: a device of its office, with a fresh secret (shown once, stored hashed).

    A new desk gets a new device id; an `existing` one keeps its own, must belong to the code's
    office, and must not be known here already. One that `replaces` a device of the code's office
    gets a new id and number, its client sequence numbers going on past `client_seq_from` (the
    device replaced is left as it is: revoked, or still used by the copy the server follows).
    Refusals leave the code unspent."""
    code_hash = sha256_hex(normalise_code(code))
    secret = secrets.token_urlsafe(32)
    with db.transaction() as s:
        row = s.get(EnrolmentCode, code_hash)
        now = utcnow()
        if row is None:
            raise AuthError("bad_code", "unknown enrolment code", "کد ثبت دستگاه شناخته نشد.")
        if row.used_at is not None:
            raise AuthError("used_code", "enrolment code already used", "این کد ثبت دستگاه پیش‌تر به کار رفته است.")
        if row.expires_at < now:
            raise AuthError("expired_code", "enrolment code expired", "مهلت این کد ثبت دستگاه گذشته است.")
        if existing is not None and existing.office_code != row.office_code:
            raise AuthError("wrong_office", f"the code is for office {row.office_code}, the desk is of office "
                            f"{existing.office_code}", "این کد برای دفتر دیگری صادر شده است.", status=409)
        if existing is not None and s.get(Device, existing.device_id) is not None:
            raise AuthError("device_known", "this device is enrolled already (a backup from before it joined, "
                            "restored?): enrol it as a new device with this code (kanoon-desk enroll --replace-device)",
                            "این دستگاه پیش‌تر در کارگزار ثبت شده است؛ با همین کد و --replace-device دستگاه تازه‌ای "
                            "شود.", status=409)
        if replaces is not None:
            old = s.get(Device, replaces.device_id)
            if old is None:
                raise AuthError("unknown_device", "the device to replace is not enrolled here",
                                "دستگاهی که این میز جای آن را می‌گیرد در این کارگزار ثبت نشده است.", status=409)
            if old.office_code != row.office_code:
                raise AuthError("wrong_office", f"the code is for office {row.office_code}, the desk is of office "
                                f"{old.office_code}", "این کد برای دفتر دیگری صادر شده است.", status=409)
        device_id = existing.device_id if existing is not None else new_id()
        # Single use even under a race: only one UPDATE finds used_at still empty.
        spent = s.execute(update(EnrolmentCode).where(EnrolmentCode.code_hash == code_hash,
                                                      EnrolmentCode.used_at.is_(None))
                          .values(used_at=now, device_id=device_id))
        if getattr(spent, "rowcount", 0) != 1:
            raise AuthError("used_code", "enrolment code already used", "این کد ثبت دستگاه پیش‌تر به کار رفته است.")
        # Device numbers per office, taken under the office row's lock (two enrolments queue).
        s.scalars(select(ServerOffice).where(ServerOffice.code == row.office_code).with_for_update()).first()
        taken = set(s.scalars(select(Device.device_no).where(Device.office_code == row.office_code)))
        if existing is not None and existing.device_no not in taken:
            device_no = existing.device_no
        else:
            device_no = max(taken, default=0) + 1
        s.add(Device(id=device_id, office_code=row.office_code, device_no=device_no, label=label,
                     secret_hash=sha256_hex(secret), revoked=False,
                     last_client_seq=replaces.client_seq_from if replaces is not None else 0))
        return Enrolled(device_id, device_no, row.office_code, secret)


def revoke(db: ServerDb, device_id: str) -> bool:
    """Cut a lost or stolen desk off at once; True when the device existed."""
    with db.transaction() as s:
        device = s.get(Device, device_id)
        if device is None:
            return False
        device.revoked = True
        return True


@dataclass(frozen=True)
class DeviceRow:
    """What an operator needs to tell devices apart (and the id to revoke one)."""

    id: str
    office_code: str
    device_no: int
    label: str
    enrolled_at: datetime
    last_seen_at: datetime | None
    revoked: bool


def list_devices(db: ServerDb, office_code: str | None = None) -> list[DeviceRow]:
    """Every enrolled device (or `office_code`'s), by office and device number."""
    q = select(Device).order_by(Device.office_code, Device.device_no)
    if office_code:
        q = q.where(Device.office_code == office_code.strip().upper())
    with db.read() as s:
        return [DeviceRow(d.id, d.office_code, d.device_no, d.label, d.enrolled_at, d.last_seen_at, d.revoked)
                for d in s.scalars(q)]


def parse_bearer(header: str | None) -> tuple[str, str]:
    if not header:
        raise AuthError("no_credentials", "missing Authorization header", "اعتبارنامه دستگاه فرستاده نشده است.")
    scheme, _, value = header.partition(" ")
    device_id, sep, secret = value.strip().partition(":")
    if scheme.lower() != "bearer" or not sep or not device_id or not secret:
        raise AuthError("bad_credentials", "Authorization must be 'Bearer <device_id>:<secret>'",
                        "قالب اعتبارنامه دستگاه نادرست است.")
    return device_id, secret


STORE_COPIED_FA = (
    "داده‌های این میز در رایانه دیگری هم به کار رفته است (پایگاه داده‌اش رونوشت شده، یا پشتیبانی کهنه دوباره "
    "برگردانده شده) و کارگزار اکنون آن دیگری را دنبال می‌کند. از مدیر کارگزار کد ثبت تازه بگیرید و این میز را با "
    "kanoon-desk enroll --replace-device دستگاه تازه‌ای کنید؛ کارهای فرستاده‌نشده‌اش با آن فرستاده می‌شود.")


def store_copied() -> AuthError:
    return AuthError("store_copied", "this device's store is in use on another computer (a copied store, or "
                     "an old backup restored twice); the server follows the other copy: enrol this one as a new "
                     "device with a new code (kanoon-desk enroll --replace-device)", STORE_COPIED_FA, 409)


def check_device(session: Session, header: str | None, *, lock: bool = False, store: str | None = None) -> Device:
    """The device the request speaks for, or AuthError (unknown, wrong secret, revoked, or a
    request from a copy of its store: `store`, the `X-Kanoon-Store` header, naming another store
    than the one the server follows)."""
    device_id, secret = parse_bearer(header)
    q = select(Device).where(Device.id == device_id)
    if lock:
        q = q.with_for_update()
    device = session.scalars(q).first()
    expected = device.secret_hash if device is not None else sha256_hex("no such device")
    good = hmac.compare_digest(expected, sha256_hex(secret))
    if device is None or not good:
        raise AuthError("bad_credentials", "unknown device or wrong secret", "دستگاه یا رمز آن شناخته نشد.")
    if device.revoked:
        raise AuthError("revoked", "this device was revoked", REVOKED_FA, 403)
    if store is not None and device.store_id is not None and store != device.store_id:
        raise store_copied()
    return device


REVOKED_FA = ("دسترسی این دستگاه لغو شده است؛ از مدیر کارگزار کد ثبت تازه بگیرید و این میز را با "
              "kanoon-desk enroll --replace-device دوباره ثبت کنید (کارهای فرستاده‌نشده‌اش می‌ماند و فرستاده می‌شود).")
