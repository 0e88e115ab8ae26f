"""What the secretariat's steps share: messages and roles, today, an action's instant, the case loaded."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from ..errors import QT_TRANSLATE_NOOP, InvariantError, NotFound, PermissionDenied, ValidationError
from ..eventlog import Actor
from ..models import office_today, utcnow
from ..models.secretariat import Case
from ..persian import TEHRAN, normalize_text
from ..store import Store
from .secretariat_files import StoredFile

MSG_REQUIRED = QT_TRANSLATE_NOOP("Errors", "این خانه را پر کنید.")
MSG_NO_CASE = QT_TRANSLATE_NOOP("Errors", "درخواست پیدا نشد.")
MSG_STATE = QT_TRANSLATE_NOOP("Errors", "این کار در وضعیت کنونی درخواست شدنی نیست.")
MSG_NOT_HOLDER = QT_TRANSLATE_NOOP("Errors", "این درخواست در کارتابل شما نیست.")
MSG_METHOD = QT_TRANSLATE_NOOP("Errors", "شیوه را برگزینید.")

READ_ROLES = ("clerk", "expert", "manager", "admin")


def today() -> date:
    """Today's date in Tehran (the office's day, whatever the machine's time zone): `office_today`."""
    return office_today()


def _stamp(on: date | None) -> tuple[date, str]:
    """The day of an action and its instant (ISO), for the event payload."""
    now = utcnow()
    if on is None:
        return now.astimezone(TEHRAN).date(), now.isoformat()
    local = now.astimezone(TEHRAN)
    return on, datetime.combine(on, local.time(), TEHRAN).astimezone(UTC).isoformat()


def _required(value: str, name: str) -> str:
    """What a person typed in a field that must be filled, as stored (their diacritics kept)."""
    value = normalize_text(value or "")
    if not value:
        raise ValidationError(MSG_REQUIRED, name)
    return value


def _attach(store: Store, s: Session, actor: Actor, case_id: str, f: StoredFile, kind: str, at: str,
            subject: str) -> None:
    store.record(s, actor, "case.attached", case_id, {
        "sha256": f.sha256, "filename": f.filename, "mime": f.mime, "size": f.size, "kind": kind,
        "at": at}, subject=subject)


def _load(s: Session, case_id: str) -> Case:
    c = s.get(Case, case_id)
    if c is None:
        raise NotFound(MSG_NO_CASE, "case_id")
    return c


def _need(c: Case, *statuses: str) -> None:
    if c.status not in statuses:
        raise InvariantError(MSG_STATE)


def _subject(c: Case) -> str:
    return c.registration_no or c.tracking_code


def _check_holder(actor: Actor, c: Case) -> None:
    if c.status == "referred" and c.holder_user_id != actor.user_id and not actor.has("admin"):
        raise PermissionDenied(MSG_NOT_HOLDER)
