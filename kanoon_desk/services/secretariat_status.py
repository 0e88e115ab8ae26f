"""Where a case stands in the office's words (status, notice, outcome), and the office's work queues."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, and_, exists, func, or_, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from ..errors import QT_TRANSLATE_NOOP
from ..eventlog import Actor
from ..models.secretariat import Case, Notice
from ..models.sync import SmsOutcome
from ..store import Store
from .accounts import require
from .secretariat_common import READ_ROLES

STATUS_FA: dict[str, str] = {
    "received": QT_TRANSLATE_NOOP("Status", "دریافت‌شده، در انتظار بررسی"),
    "accepted": QT_TRANSLATE_NOOP("Status", "پذیرفته‌شده، در انتظار ثبت"),
    "registered": QT_TRANSLATE_NOOP("Status", "ثبت‌شده در دبیرخانه"),
    "referred": QT_TRANSLATE_NOOP("Status", "در کارتابل مدیر"),
    "forwarded": QT_TRANSLATE_NOOP("Status", "ارجاع به دستگاه اجرایی"),
    "answered": QT_TRANSLATE_NOOP("Status", "پاسخ دستگاه رسیده"),
    "rejected": QT_TRANSLATE_NOOP("Status", "ردشده"),
    "closed": QT_TRANSLATE_NOOP("Status", "مختومه"),
}
#: A referral back to an expert (the status word of "referred" says the manager's cartable).
REFERRED_TO_EXPERT = QT_TRANSLATE_NOOP("Status", "در کارتابل کارشناس")


def status_key(status: str, holder_roles: str | None) -> str:
    """The status's word in `STATUS_FA`, or `REFERRED_TO_EXPERT` for a case referred to someone
    who is not a manager (the expert it was sent back to)."""
    if status == "referred" and holder_roles is not None and "manager" not in holder_roles.split():
        return REFERRED_TO_EXPERT
    return STATUS_FA.get(status, status)


#: What the applicant has heard, after an answer or a rejection (`Case.notice`), said after the
#: status: «پاسخ دستگاه رسیده، به متقاضی اعلام شد».
NOTICE_FA: dict[str, str] = {
    "due": QT_TRANSLATE_NOOP("Status", "هنوز به متقاضی اعلام نشده"),
    "told": QT_TRANSLATE_NOOP("Status", "به متقاضی اعلام شد"),
}
#: The office's work queues: what waits on the office, each one filter away (search, home page).
QUEUES: dict[str, str] = {
    "to_review": QT_TRANSLATE_NOOP("Status", "در نوبت بررسی کارشناس"),
    "to_register": QT_TRANSLATE_NOOP("Status", "در انتظار ثبت در دبیرخانه"),
    "untold": QT_TRANSLATE_NOOP("Status", "پاسخ یا نتیجه آماده، به متقاضی اعلام نشده"),
    "notices": QT_TRANSLATE_NOOP("Status", "اعلام رد در انتظار ارسال"),
    "sms_failed": QT_TRANSLATE_NOOP("Status", "پیامک اعلام نرسید"),
}
#: Queues the home page and the search page show only while they hold a case (a desk that sends
#: no SMS, or works without a server, never has one there).
QUIET_QUEUES = frozenset({"sms_failed"})
#: Who works each queue (the home page shows a person the queues of their roles).
QUEUE_ROLES: dict[str, tuple[str, ...]] = {
    "to_review": ("expert", "admin"), "to_register": ("clerk", "expert", "admin"),
    "untold": ("clerk", "expert", "admin"), "notices": ("clerk", "expert", "admin"),
    "sms_failed": ("clerk", "expert", "admin"),
}


def queue_where(name: str) -> list[ColumnElement[bool]]:
    """The conditions of a work queue (indexed: `ix_cases_status_received`, `ix_cases_notice`)."""
    if name == "to_review":
        return [Case.status == "received"]
    if name == "to_register":
        return [Case.status == "accepted"]
    if name == "untold":  # the agency answered (the case may be closed since): nobody told the applicant
        return [Case.notice == "due", or_(Case.status == "answered", Case.status == "closed")]
    if name == "notices":  # rejected at review or by the manager: the notice is not sent yet
        return [Case.notice == "due", Case.status == "rejected"]
    if name == "sms_failed":  # the case's latest notice was an SMS the server gave up on
        notice, later = aliased(Notice), aliased(Notice)
        # From the few failed outcomes (`ix_sms_outcomes_status`) to their notices by id: the
        # method's index would start from every SMS notice of the office instead (a million cases'
        # notices: ~2 s on the home page), so the unary + keeps SQLite from using it here.
        method: UnaryExpression[str] = UnaryExpression(notice.method.expression, operator=custom_op("+"))
        failed = (select(notice.case_id).join(SmsOutcome, SmsOutcome.event_id == notice.id)
                  .where(SmsOutcome.status == "failed", method == "sms",
                         ~exists().where(later.case_id == notice.case_id,
                                         or_(later.day > notice.day, and_(later.day == notice.day, later.id > notice.id)))))
        return [Case.id.in_(failed)]
    raise ValueError(f"unknown queue {name!r}")


OUTCOME_FA: dict[str, str] = {
    "resolved": QT_TRANSLATE_NOOP("Status", "رسیدگی و حل شد"),
    "rejected": QT_TRANSLATE_NOOP("Status", "رد شد"),
    "not_responsible": QT_TRANSLATE_NOOP("Status", "خارج از وظایف دستگاه"),
    "unresolved": QT_TRANSLATE_NOOP("Status", "مختومه بدون حل"),
}


def queue_counts(store: Store, actor: Actor, names: Sequence[str] | None = None) -> dict[str, int]:
    """How many cases each work queue holds (each one indexed count: cheap enough for the home
    page)."""
    require(actor, *READ_ROLES)
    out: dict[str, int] = {}
    with store.read() as s:
        for name in names if names is not None else list(QUEUES):
            out[name] = int(s.scalar(select(func.count()).select_from(Case).where(*queue_where(name))) or 0)
    return out
