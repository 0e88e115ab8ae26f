"""Fold of notice events: an SMS queued (a member's late loans, or a hold ready), then sent.

A notice of a member whose details were removed (`member.erased`, here or at another centre)
keeps neither its text (it names the child and the guardian) nor the number, and one not sent is
«erased»: not waiting any more (the server withdraws it too). Whichever is folded first — the
erasure (`forget_member_notices`, from the member's fold) or the notice (`_notice_queued` reads
the member) — the row ends the same."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from ...eventlog import FoldEvent, projector, resetter
from ...models.library import Member, Notice, NoticeLoan

#: A notice not sent when its member's details were removed: it will not be (`Notice.status`).
ERASED = "erased"


@projector("notice.queued", "notice")
def _notice_queued(s: Session, e: FoldEvent) -> None:
    p = e.payload
    s.flush()
    erased = s.scalar(select(Member.erased_on).where(Member.id == p["member_id"])) is not None
    s.add(Notice(id=e.aggregate_id, loan_id=p["loan_id"], member_id=p["member_id"], phone="" if erased else p["phone"],
                 text="" if erased else p["text"], queued_on=date.fromisoformat(p["queued_on"]),
                 centre=p.get("centre", e.office_code), status=ERASED if erased else "queued"))
    # a member's late loans (before, one notice a loan: "loan_id" alone; a hold's names none)
    for loan_id in dict.fromkeys(p.get("loan_ids") or [p["loan_id"]]):
        if loan_id:
            s.add(NoticeLoan(notice_id=e.aggregate_id, loan_id=loan_id))
    s.flush()


def forget_member_notices(s: Session, member_id: str) -> None:
    """A member's details removed: their notices keep no text nor number, those not sent are «erased»."""
    s.flush()
    s.execute(update(Notice).where(Notice.member_id == member_id, Notice.status == "queued").values(status=ERASED))
    s.execute(update(Notice).where(Notice.member_id == member_id).values(phone="", text=""))
    for held in s.identity_map.values():  # (objects a session holds, kept in step with the rows)
        if isinstance(held, Notice) and held.member_id == member_id:
            s.expire(held)


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
