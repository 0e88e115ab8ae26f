"""The papers a case gives, as HTML for printing or PDF: the receipt (again), the forwarding
letter, the follow-up letter (its agency's batch letter when it was one), the rejection notice and
the letter of the result to the applicant, filled from the case view's detail."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from ...eventlog import Actor
from ...models import Event
from ...services import secretariat_query as q
from ...services.accounts import office_at, user_at
from ...services.secretariat import forward_instruction
from ...services.secretariat_agencies import agency_name_at, list_agencies
from ...services.secretariat_docs import (
    follow_up_batch_letter_html,
    follow_up_letter_html,
    forwarding_letter_html,
    join_papers,
    receipt_html,
    rejection_notice_html,
    result_letter_html,
    signer_title,
)
from ...services.secretariat_followups import follow_up_batch
from ...store import Store


def _signer(store: Store, *, user_id: str | None = None, event_id: str | None = None) -> tuple[str, str]:
    """Who signs a letter — the user, or whoever recorded the letter's event — and the title they
    sign with (their highest secretariat role, `signer_title`), as they were when the letter was
    made (`user_at` the event's stamp: renamed or given another role since, it prints as it was
    sent); empty when unknown."""
    with store.read() as s:
        row = s.execute(select(Event.user_id, Event.hlc).where(Event.id == event_id)).first() if event_id else None
        if user_id is None and row is not None:
            user_id = row[0]
        signer = user_at(s, user_id, row[1] if row is not None else None) if user_id else None
        return (signer[0], signer_title(signer[1])) if signer is not None else ("", "")


def _agencies(store: Store) -> dict[str, str]:
    return {a.id: a.name for a in list_agencies(store, include_inactive=True)}


def _sent_to(store: Store, fw: dict[str, Any]) -> str:
    """The agency as the forward's letter named it (`CaseDetail.forwards`' "agency_name"), else by its name now."""
    return str(fw.get("agency_name") or _agencies(store).get(fw["agency_id"], ""))


def receipt(store: Store, d: q.CaseDetail, printed_on: date) -> str:
    """The intake receipt as the clerk printed it (the scans taken in at intake), printed again."""
    c = d.case
    scans = sum(1 for a in d.attachments if a["kind"] == "intake")
    return receipt_html(office_at(store, d.timeline[0].event_id if d.timeline else ""), tracking_code=c["tracking_code"], applicant_name=c["applicant_name"],
                        subject=c["subject"], received_date=c["received_date"], channel=c["channel"],
                        attachments=scans, printed_on=printed_on)


def forwarding_letter(store: Store, d: q.CaseDetail, fw: dict[str, Any] | None = None) -> str:
    """The letter of a forward of the case (its latest by default), as it was sent: the deadline it
    gave, not one a follow-up has set since (the follow-up letter names that)."""
    c, fw = d.case, fw or d.forwards[-1]
    signer, role = _signer(store, user_id=fw["sent_by"], event_id=fw["id"])
    return forwarding_letter_html(
        office_at(store, fw["id"]), agency_name=_sent_to(store, fw), letter_no=fw["letter_no"],
        letter_date=fw["letter_date"], deadline=fw["original_deadline"], registration_no=c["registration_no"] or "",
        tracking_code=c["tracking_code"], applicant_name=c["applicant_name"], subject=c["subject"],
        text=c["text"], instruction=forward_instruction(store, fw["id"]), signer=signer, signer_role=role)


def forwarding_letters(store: Store, actor: Actor, case_ids: list[str], on: date) -> str:
    """The forwarding letters of several cases forwarded at once, one a page (each its own number),
    in one document."""
    return join_papers([forwarding_letter(store, q.get_case(store, actor, cid, on=on)) for cid in case_ids])


def follow_up_letter(store: Store, actor: Actor, d: q.CaseDetail, fu: dict[str, Any] | None = None) -> str:
    """The letter of a follow-up by letter (the case's latest by default), citing the forward it
    follows; when that letter followed up several of the agency's cases at once, the letter listing
    them all."""
    c = d.case
    fu = fu or [f for f in d.follow_ups if f["method"] == "letter"][-1]
    batch = follow_up_batch(store, actor, fu["letter_no"])
    if batch is not None and len(batch.lines) > 1:
        return follow_up_batch_letter_html(office_at(store, fu["id"]), batch)
    fw = next((f for f in d.forwards if f["id"] == fu["forward_id"]), d.forwards[-1])
    signer, role = _signer(store, user_id=fu["user_id"], event_id=fu["id"])
    return follow_up_letter_html(
        office_at(store, fu["id"]), agency_name=fu.get("agency_name") or _sent_to(store, fw), letter_no=fu["letter_no"],
        on=fu["day"], first_letter_no=fw["letter_no"], first_letter_date=fw["letter_date"],
        subject=c["subject"], new_deadline=fu["new_deadline"], note=fu["note"],
        signer=signer, signer_role=role)


def _rejected_by(d: q.CaseDetail) -> str:
    """The event that rejected the request: the expert's review or the manager's closing."""
    return next((t.event_id for t in reversed(d.timeline)
                 if (t.type == "case.reviewed" and t.payload.get("decision") != "accept")
                 or (t.type == "case.closed" and t.payload.get("outcome") == "rejected")), "")


def rejection_notice(store: Store, d: q.CaseDetail, on: date) -> str:
    """The rejection notice, dated the day it was sent by letter (the latest such notice) and
    signed by whoever sent it, else the day of the rejection and whoever rejected; numbered with
    the case's registration number when it has one (else its tracking code), to the applicant's
    address."""
    c = d.case
    posted = [n for n in d.notices if n["kind"] == "rejection" and n["method"] == "letter"]
    signer, role = _signer(store, event_id=posted[-1]["id"] if posted else _rejected_by(d))
    return rejection_notice_html(office_at(store, posted[-1]["id"] if posted else _rejected_by(d)), applicant_name=c["applicant_name"],
                                 tracking_code=c["tracking_code"], reason=c["reject_reason"] or "",
                                 note=c["reject_note"] or "",
                                 on=(posted[-1]["day"] if posted else c["rejected_on"]) or on,
                                 reference=c["registration_no"] or "", address=d.applicant.get("address") or "",
                                 signer=signer, signer_role=role)


def result_letter(store: Store, d: q.CaseDetail) -> str:
    """The letter of the case's latest notice of its result by letter: the agency's answer, the
    outcome once closed, and the text written with the notice, signed by whoever recorded it."""
    c = d.case
    n = [x for x in d.notices if x["kind"] == "result" and x["method"] == "letter"][-1]
    signer, role = _signer(store, event_id=n["id"])
    agency_id = d.forwards[-1]["agency_id"] if d.forwards else c["agency_id"]
    with store.read() as s:  # the agency's name when the letter was written, not as renamed since
        hlc = s.scalar(select(Event.hlc).where(Event.id == n["id"]))
        agency_name = (agency_name_at(s, agency_id, hlc) if agency_id and hlc is not None else None) \
            or (str(d.forwards[-1].get("agency_name") or "") if d.forwards else "") \
            or _agencies(store).get(agency_id or "", "")
    return result_letter_html(
        office_at(store, n["id"]), applicant_name=c["applicant_name"], address=d.applicant.get("address") or "",
        tracking_code=c["tracking_code"], subject=c["subject"], received_date=c["received_date"],
        agency_name=agency_name, response_text=c["response_text"] or "",
        answered_on=c["answered_on"], outcome=c["outcome"] if c["status"] == "closed" else None,
        responsible_party=c["responsible_party"] or "", text=n["text"], on=n["day"], signer=signer,
        reference=c["registration_no"] or "", signer_role=role)


def notice_letter(store: Store, d: q.CaseDetail, on: date) -> str:
    """What the applicant is sent by post: the rejection notice of a rejected request, else the
    letter of its result."""
    return rejection_notice(store, d, on) if d.case["status"] == "rejected" else result_letter(store, d)


def notice_letters(store: Store, actor: Actor, case_ids: list[str], on: date) -> str:
    """The letters of several cases told by letter at once, one a page, in one document."""
    return join_papers([notice_letter(store, q.get_case(store, actor, cid, on=on), on) for cid in case_ids])
