"""The conflict inbox: broken invariants met by sync, both facts side by side, and a person's choice.

A resolution is one more event (`conflict.resolved`), so it syncs to every desk that sees the
conflict. Corrective work (returning a loan, renaming a user) is done with the desk's own
services; the resolution records what was decided and why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import or_, select

from ..errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from ..eventlog import Actor
from ..ids import hlc_millis
from ..models import Conflict, Event, Office, User
from ..projections import conflicts as _conflict_projection  # noqa: F401 - registers conflict.resolved
from ..store import Store
from .accounts import require

#: Roles allowed to see and resolve conflicts.
RESOLVER_ROLES = ("admin", "manager")

#: Persian names of the conflict kinds the desks raise.
KIND_TITLES: dict[str, str] = {
    "username.duplicate": QT_TRANSLATE_NOOP("Errors", "یک نام کاربری در دو میز ساخته شده است"),
    "copy.double_loan": QT_TRANSLATE_NOOP("Errors", "یک نسخه در دو مرکز امانت داده شده است"),
    "loan.return_on_closed": QT_TRANSLATE_NOOP("Errors", "بازگشت امانتی که مرکز دیگری بسته است"),
    "case.forwarded_twice": QT_TRANSLATE_NOOP("Errors", "یک پرونده دو بار ارسال شده است"),
    "case.acted_after_close": QT_TRANSLATE_NOOP("Errors", "کار روی پرونده‌ای که دفتر دیگری بسته است"),
    "case.number_twice": QT_TRANSLATE_NOOP("Errors", "یک شماره ثبت دبیرخانه به دو پرونده داده شده است"),
    "copy.barcode_twice": QT_TRANSLATE_NOOP("Errors", "یک بارکد روی دو نسخه است"),
    "member.number_twice": QT_TRANSLATE_NOOP("Errors", "یک شماره عضویت به دو عضو داده شده است"),
    "member.registered_twice": QT_TRANSLATE_NOOP("Errors", "یک کد ملی در دو مرکز عضو شده است"),
}

#: Resolution code → Persian label; which ones a kind offers.
RESOLUTION_TITLES: dict[str, str] = {
    "keep_first": QT_TRANSLATE_NOOP("Errors", "رویداد نخست درست است"),
    "keep_second": QT_TRANSLATE_NOOP("Errors", "رویداد دوم درست است"),
    "keep_both": QT_TRANSLATE_NOOP("Errors", "هر دو درست است"),
    "fixed_manually": QT_TRANSLATE_NOOP("Errors", "دستی اصلاح شد"),
}
RESOLUTIONS: dict[str, tuple[str, ...]] = {
    "username.duplicate": ("keep_first", "keep_second", "fixed_manually"),
    "copy.double_loan": ("keep_first", "keep_second", "fixed_manually"),
    "loan.return_on_closed": ("keep_first", "keep_second", "fixed_manually"),
    "case.forwarded_twice": ("keep_first", "keep_second", "keep_both"),
    "case.acted_after_close": ("keep_first", "keep_second", "keep_both"),
    "case.number_twice": ("keep_first", "keep_second", "fixed_manually"),
    "copy.barcode_twice": ("keep_first", "keep_second", "fixed_manually"),
    "member.number_twice": ("keep_first", "keep_second", "fixed_manually"),
    "member.registered_twice": ("keep_first", "keep_second", "fixed_manually"),
}
DEFAULT_RESOLUTIONS = ("keep_first", "keep_second", "keep_both", "fixed_manually")

MSG_NOT_FOUND = QT_TRANSLATE_NOOP("Errors", "این ناسازگاری پیدا نشد.")
MSG_BAD_RESOLUTION = QT_TRANSLATE_NOOP("Errors", "این راه‌حل برای این ناسازگاری پذیرفته نیست.")
MSG_ALREADY = QT_TRANSLATE_NOOP("Errors", "این ناسازگاری پیش‌تر حل شده است.")


@dataclass(frozen=True)
class Fact:
    """One event involved in a conflict, for side-by-side display."""

    event_id: str
    type: str
    aggregate_id: str
    office_code: str
    device_id: str
    user_id: str
    recorded_at: datetime
    payload: dict[str, Any]
    #: Who recorded it and the office's name, as this desk knows them ("" when it does not: a user
    #: of another office is not on this desk).
    user_name: str = ""
    office_name: str = ""
    #: The payload's references as a person reads them: copy_id → the copy's barcode, member_id →
    #: the member's name and number, title_id → the title, agency_id → the agency, case_id → the
    #: tracking code (those this desk holds).
    refs: dict[str, str] = field(default_factory=dict)


def _refs(s: Any, payload: dict[str, Any]) -> dict[str, str]:
    from ..models.library import Copy, Member, Title
    from ..models.secretariat import Agency, Case

    found: dict[str, str] = {}
    for key, model in (("copy_id", Copy), ("member_id", Member), ("title_id", Title), ("agency_id", Agency),
                       ("case_id", Case)):
        value = payload.get(key)
        row = s.get(model, value) if isinstance(value, str) and value else None
        if row is None:
            continue
        if isinstance(row, Copy):
            found[key] = row.barcode
        elif isinstance(row, Member):
            found[key] = f"{row.first_name} {row.last_name} ({row.member_no})"
        elif isinstance(row, Title):
            found[key] = row.title
        elif isinstance(row, Agency):
            found[key] = row.name
        else:
            found[key] = row.tracking_code
    return found


@dataclass(frozen=True)
class ConflictView:
    id: str
    kind: str
    title: str
    aggregate_type: str
    aggregate_id: str
    office_code: str
    raised_at: datetime
    status: str
    summary: dict[str, Any]
    facts: tuple[Fact, ...]
    resolutions: tuple[str, ...]
    resolution: str | None
    resolution_note: str | None


def _view(s: Any, c: Conflict) -> ConflictView:
    involved = list(c.facts.get("involved", []))
    events = list(s.scalars(select(Event).where(or_(Event.id.in_(involved), Event.aggregate_id.in_(involved)))
                            .order_by(Event.hlc, Event.id).limit(40))) if involved else []
    # one fact per involved id: the event itself, or the first event of that aggregate
    facts: list[Fact] = []
    for key in involved:
        ev = next((x for x in events if x.id == key), None) or next(
            (x for x in events if x.aggregate_id == key), None)
        if ev is not None:
            user, office = s.get(User, ev.user_id), s.get(Office, ev.office_code)
            payload = dict(ev.payload)
            facts.append(Fact(ev.id, ev.type, ev.aggregate_id, ev.office_code, ev.device_id, ev.user_id,
                              ev.recorded_at, payload, user.full_name if user else "",
                              office.name if office else "", _refs(s, payload)))
    return ConflictView(c.id, c.kind, KIND_TITLES.get(c.kind, c.kind), c.aggregate_type, c.aggregate_id,
                        c.office_code, datetime.fromtimestamp(hlc_millis(c.raised_hlc) / 1000, UTC), c.status,
                        dict(c.facts.get("summary", {})), tuple(facts),
                        RESOLUTIONS.get(c.kind, DEFAULT_RESOLUTIONS), c.resolution, c.resolution_note)


def list_conflicts(store: Store, actor: Actor, *, status: str | None = "open") -> list[ConflictView]:
    """Conflicts, newest first (`status` None: all)."""
    require(actor, *RESOLVER_ROLES)
    with store.read() as s:
        q = select(Conflict).order_by(Conflict.raised_hlc.desc(), Conflict.id)
        if status is not None:
            q = q.where(Conflict.status == status)
        return [_view(s, c) for c in s.scalars(q)]


def open_count(store: Store) -> int:
    """For the status bar (no role needed to see that there is something to look at)."""
    from sqlalchemy import func

    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(Conflict).where(Conflict.status == "open")) or 0)


def resolve(store: Store, actor: Actor, conflict_id: str, resolution: str, note: str = "") -> ConflictView:
    """Record a person's decision as a `conflict.resolved` event (it syncs like any other)."""
    require(actor, *RESOLVER_ROLES)
    with store.transaction() as s:
        c = s.get(Conflict, conflict_id)
        if c is None:
            raise NotFound(MSG_NOT_FOUND)
        if c.status == "resolved":
            raise ValidationError(MSG_ALREADY, "resolution")
        if resolution not in RESOLUTIONS.get(c.kind, DEFAULT_RESOLUTIONS):
            raise ValidationError(MSG_BAD_RESOLUTION, "resolution")
        described = {"kind": c.kind, "aggregate_type": c.aggregate_type, "aggregate_id": c.aggregate_id,
                     "office_code": c.office_code, "facts": c.facts, "raised_hlc": c.raised_hlc}
        store.record(s, actor, "conflict.resolved", conflict_id,
                     {"resolution": resolution, "note": (note or "").strip(), "conflict": described},
                     subject=c.kind)
        s.flush()
        return _view(s, c)
