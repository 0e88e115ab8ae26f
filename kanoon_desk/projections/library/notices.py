"""Fold of notice events: an SMS queued (a member's late loans, or a hold ready), then sent."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete
from sqlalchemy.orm import Session

from ...eventlog import FoldEvent, projector, resetter
from ...models.library import Notice, NoticeLoan


@projector("notice.queued", "notice")
def _notice_queued(s: Session, e: FoldEvent) -> None:
    p = e.payload
    s.add(Notice(id=e.aggregate_id, loan_id=p["loan_id"], member_id=p["member_id"], phone=p["phone"],
                 text=p["text"], queued_on=date.fromisoformat(p["queued_on"]), centre=p.get("centre", e.office_code),
                 status="queued"))
    # a member's late loans (before, one notice a loan: "loan_id" alone; a hold's names none)
    for loan_id in dict.fromkeys(p.get("loan_ids") or [p["loan_id"]]):
        if loan_id:
            s.add(NoticeLoan(notice_id=e.aggregate_id, loan_id=loan_id))
    s.flush()


@projector("notice.sent", "notice")
def _notice_sent(s: Session, e: FoldEvent) -> None:
    notice = s.get(Notice, e.aggregate_id)
    if notice is not None:
        notice.status = "sent"
        s.flush()


@resetter("notice")
def _notice_reset(s: Session, notice_id: str) -> None:
    s.execute(delete(NoticeLoan).where(NoticeLoan.notice_id == notice_id))
    s.execute(delete(Notice).where(Notice.id == notice_id))
