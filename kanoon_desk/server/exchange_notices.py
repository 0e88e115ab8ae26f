"""What a stored event asks of the server besides being kept: an SMS to send (the outbox row, and
«ready» notices withdrawn when their hold ends), or a file it names (a scan, a photo) that the
offices seeing the event may fetch.

Part of the server's exchange (`exchange.push` queues the notices and the file references in the
push's transaction); FastAPI-free like it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from sqlalchemy import delete, exists, literal_column, select, update
from sqlalchemy.orm import Session, aliased

from ..sync.protocol import SHARED_SCOPE
from .server_models import AttachmentRef, ServerEvent, SmsOutbox

#: Events that ask the server to send an SMS (the lending desk's notices use "notice.queued").
SMS_EVENTS = frozenset({"notice.sms_queued", "notice.queued"})
#: The secretariat's notice to an applicant: an SMS when its `method` is "sms" (`sms_notice`).
CASE_NOTIFIED = "case.notified"
#: The longest mobile number the SMS outbox keeps.
MOBILE_MAX = 20


_SHA_RE = re.compile(r"^[0-9a-f]{64}$")


def names_a_file(payload: dict[str, Any]) -> str | None:
    """The file an event's payload names (`sha256`: a scanned letter, a member's photo), or None."""
    sha = payload.get("sha256")
    return sha if isinstance(sha, str) and _SHA_RE.match(sha) else None


def file_visible(session: Session, sha256: str, office_code: str) -> bool:
    """Whether an event that office `office_code` sees names the file."""
    return session.scalar(select(AttachmentRef.sha256).where(
        AttachmentRef.sha256 == sha256, AttachmentRef.scope.in_([office_code, SHARED_SCOPE])).limit(1)) is not None


def asks_for_sms(event_type: str, payload: dict[str, Any]) -> bool:
    """Whether an event asks the server to send an SMS: a lending notice, or a secretariat desk's
    notice to an applicant sent by SMS (`case.notified` with `"method": "sms"`)."""
    return event_type in SMS_EVENTS or (event_type == CASE_NOTIFIED and payload.get("method") == "sms")


def sms_notice(event_id: str, payload: dict[str, Any], queued_at: Any) -> dict[str, Any]:
    """The SMS outbox row for an event that `asks_for_sms`: the number (`mobile`; the lending
    desk's notices say `phone`) and the text. One with no number or no text is kept as failed,
    with the reason, rather than offered to the gateway."""
    mobile = str(payload.get("mobile") or payload.get("phone") or "").strip()[:MOBILE_MAX]
    text = str(payload.get("text") or "")
    problem = "no mobile number in the notice" if not mobile else "no text in the notice" if not text.strip() else ""
    hold = payload.get("hold_id")
    return {"event_id": event_id, "mobile": mobile, "text": text, "status": "failed" if problem else "pending",
            "attempts": 0, "last_error": problem, "queued_at": queued_at,
            "hold_id": hold if isinstance(hold, str) and 0 < len(hold) <= 36 else None}


#: A hold that is no longer ready to collect: its «ready» notice, not sent yet, is withdrawn.
HOLD_NOT_READY = frozenset({"hold.collected", "hold.requeued", "hold.cancelled", "hold.expired"})
WITHDRAWN_REASON = "withdrawn: the hold was no longer ready to collect (collected, requeued, cancelled or expired)"


def withdraw_ready_notices(session: Session, rows: list[dict[str, Any]]) -> None:
    """A hold stored now (`rows`, with their server_seq) that stopped being ready withdraws the
    «ready» notices of that hold stored before it and not sent yet: a desk that worked offline
    pushes the notice and the hold's end together, and the member would be told of a book no
    longer waiting. (A notice being sent at this moment is left to the gateway.)"""
    for r in rows:
        if r["type"] not in HOLD_NOT_READY:
            continue
        earlier = exists().where(ServerEvent.id == SmsOutbox.event_id, ServerEvent.server_seq < r["server_seq"])
        session.execute(update(SmsOutbox).where(SmsOutbox.hold_id == r["aggregate_id"], SmsOutbox.status == "pending",
                                                earlier)
                        .values(status="withdrawn", last_error=WITHDRAWN_REASON))


#: A hold's ends: after one, no «ready» notice of the hold is news to its member.
HOLD_ENDED = frozenset({"hold.collected", "hold.cancelled", "hold.expired"})
ENDED_REASON = "withdrawn: the hold had ended (collected, cancelled or expired) before its «ready» notice came"
TOLD_REASON = "withdrawn: the member was told already (two desks set the hold aside, each not knowing of the other)"


def withdraw_stale_notices(session: Session, rows: list[dict[str, Any]], sms: list[dict[str, Any]]) -> None:
    """A «ready» notice stored now (`sms`, of the events `rows`) that is no news is withdrawn before
    the gateway sends it: its hold had already ended on another desk (cancelled at one centre while
    the other, offline, set a copy aside for it), or another desk had already told the member the
    same hold waits with nothing in between that made it stop waiting (the hold expired at one
    centre and the member collected another copy at the other: both passed the freed copy to the
    next hold, and its member would get two messages)."""
    seqs = {r["id"]: r["server_seq"] for r in rows}
    for notice in sms:
        hold, seq = notice["hold_id"], seqs.get(notice["event_id"])
        if not hold or seq is None or notice["status"] != "pending":
            continue
        of_hold = (ServerEvent.aggregate_type == "hold", ServerEvent.aggregate_id == hold)
        reason = ENDED_REASON if session.scalar(select(exists().where(
            *of_hold, ServerEvent.type.in_(HOLD_ENDED)))) else None
        if reason is None:
            told, prior, stop = aliased(ServerEvent), aliased(SmsOutbox), aliased(ServerEvent)
            stopped_since = exists().where(stop.aggregate_type == "hold", stop.aggregate_id == hold,
                                           stop.type.in_(HOLD_NOT_READY), stop.server_seq > told.server_seq,
                                           stop.server_seq < seq)
            if session.scalar(select(exists().where(
                    prior.hold_id == hold, prior.status.in_(("pending", "sending", "sent")),
                    told.id == prior.event_id, told.server_seq < seq, ~stopped_since))):
                reason = TOLD_REASON
        if reason is not None:
            session.execute(update(SmsOutbox).where(SmsOutbox.event_id == notice["event_id"],
                                                    SmsOutbox.status == "pending")
                            .values(status="withdrawn", last_error=reason))


#: A member's personal details removed at a centre (`member.erased`, the guardian's request).
MEMBER_ERASED = "member.erased"
#: The lending desk's notices (overdue reminders, holds ready): each names its member (`member_id`).
LENDING_NOTICE = "notice.queued"
ERASED_REASON = "withdrawn: the member's details were removed (member.erased) before it was sent"
#: Literals, not bound values: the partial index `ix_events_member_erased` is for this type.
_IS_ERASURE = ServerEvent.type == literal_column(f"'{MEMBER_ERASED}'")


def _member_of(row: dict[str, Any]) -> str | None:
    member = row["_payload"].get("member_id") if row["type"] == LENDING_NOTICE else None
    return member if isinstance(member, str) and member else None


def forget_erased_members(session: Session, rows: list[dict[str, Any]], sms: list[dict[str, Any]]) -> None:
    """A child's notices once their details were removed (`member.erased`, at any centre): the
    text names the child (and the guardian), the number is the guardian's.

    `sms` (the outbox rows about to be stored for `rows`, changed in place): a notice for a member
    erased before — or in this same push — is stored withdrawn, with neither text nor number: a
    desk that queued it apart, not knowing of the erasure, pushes it afterwards. Then an erasure
    among `rows` withdraws its member's notices stored before and not sent yet (waiting for a
    gateway that was down), and empties the text and number of each of them, sent ones too: the
    outbox is a queue, not a record of the child (the events themselves stay as they are, as the
    erasure leaves every event)."""
    members = {m for r in rows if (m := _member_of(r)) is not None}
    if members and sms:
        erased = set(session.scalars(select(ServerEvent.aggregate_id).where(
            _IS_ERASURE, ServerEvent.aggregate_id.in_(sorted(members)))))
        if erased:
            member_of = {r["id"]: _member_of(r) for r in rows}
            for notice in sms:
                if member_of.get(notice["event_id"]) in erased:
                    notice.update(status="withdrawn", last_error=ERASED_REASON, text="", mobile="")
    erased_now = sorted({r["aggregate_id"] for r in rows if r["type"] == MEMBER_ERASED})
    if not erased_now:
        return
    # (an erasure is rare: the outbox's notices still holding a text are read by their events)
    ids = list(session.scalars(
        select(SmsOutbox.event_id).join(ServerEvent, ServerEvent.id == SmsOutbox.event_id)
        .where(SmsOutbox.text != "", ServerEvent.type == LENDING_NOTICE,
               ServerEvent.payload["member_id"].as_string().in_(erased_now))))
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        session.execute(update(SmsOutbox).where(SmsOutbox.event_id.in_(chunk),
                                                SmsOutbox.status.in_(("pending", "sending")))
                        .values(status="withdrawn", last_error=ERASED_REASON, claimed_at=None))
        session.execute(update(SmsOutbox).where(SmsOutbox.event_id.in_(chunk)).values(text="", mobile=""))


def erased_photos(rows: list[dict[str, Any]] | list[Any]) -> set[str]:
    """The photos the erasures among `rows` (stored rows, or a push's events) removed (`photo_gone`)."""
    found = set()
    for r in rows:
        kind, payload = (r["type"], r["_payload"]) if isinstance(r, dict) else (r.type, r.payload)
        sha = payload.get("photo_gone") if kind == MEMBER_ERASED else None
        if isinstance(sha, str) and _SHA_RE.match(sha):
            found.add(sha)
    return found


def photos_erased_before(session: Session, shas: set[str]) -> set[str]:
    """Which of `shas` an erasure stored on this server removed (a child's photo)."""
    if not shas:
        return set()
    gone = ServerEvent.payload["photo_gone"].as_string()
    return set(session.scalars(select(gone).where(_IS_ERASURE, gone.in_(sorted(shas)))))


#: A member's events (its photo among its details): in the shared registry every office sees.
_IS_MEMBER = ServerEvent.aggregate_type == literal_column("'member'")


def photos_still_held(session: Session, shas: set[str]) -> set[str]:
    """Which of `shas` a member not erased still has as its photo (its newest event giving a
    photo names it). Files are kept by their content: two members given the same picture (a
    centre's stock image, one file chosen for two records) share one file, and erasing one of
    them must leave the other's. Read only for an erasure's photos (rare): the shared registry's
    events naming them."""
    if not shas:
        return set()
    named = ServerEvent.payload["sha256"].as_string()
    holders = set(session.scalars(select(ServerEvent.aggregate_id).where(
        ServerEvent.scope == SHARED_SCOPE, _IS_MEMBER, named.in_(sorted(shas))).distinct()))
    if not holders:
        return set()
    holders -= set(session.scalars(select(ServerEvent.aggregate_id).where(
        _IS_ERASURE, ServerEvent.aggregate_id.in_(sorted(holders)))))
    photo = ServerEvent.payload["photo"].as_string()
    held: set[str] = set()
    for member in sorted(holders):
        newest = session.scalar(select(photo).where(
            ServerEvent.aggregate_id == member, _IS_MEMBER, ServerEvent.scope == SHARED_SCOPE, photo.is_not(None))
            .order_by(ServerEvent.hlc.desc(), ServerEvent.id.desc()).limit(1))
        if newest in shas:
            held.add(newest)
    return held


def forget_erased_photos(session: Session, rows: list[dict[str, Any]]) -> None:
    """A child's photo removed (`member.erased` with `photo_gone`): no office sees it any more, so
    the server gives it to no desk (`file_visible`), and the push's caller deletes the file
    (`app._push`). A desk that had not heard of the erasure may push afterwards a change made
    before it naming the photo: that does not make it seen again (`refs_to_keep`). The same file
    held as another member's photo (`photos_still_held`) stays seen, and kept."""
    gone = erased_photos(rows)
    for sha in sorted(gone - photos_still_held(session, gone)):
        session.execute(delete(AttachmentRef).where(AttachmentRef.sha256 == sha))


def refs_to_keep(session: Session, refs: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """The file references of a push less those of photos an erasure removed (unless another
    member, not erased, holds the same file as its photo)."""
    gone = photos_erased_before(session, {sha for sha, _scope in refs})
    gone -= photos_still_held(session, gone)
    return {(sha, scope) for sha, scope in refs if sha not in gone}


def erased_photo_files(session: Session, on_disk: Callable[[str], bool] | None = None) -> tuple[set[str], set[str]]:
    """The photos erasures stored on this server removed, as (those no member holds any more: their
    files are to be deleted, and no office sees them; those another member, not erased, holds as
    its photo: seen by every office). For the server's start and its hourly sweep
    (`app.forget_erased_files`) and `server check`: an erasure stored before the server deleted
    files (or before a restored attachments folder came back) left the child's photo on disk, and
    the upgrade that stopped serving them (s0011) stopped serving a photo another member shares.
    With `on_disk`, only the photos whose file it says is there (the others need nothing done:
    the holders are looked for among the shared registry's events, a scan on a big server)."""
    gone = set(session.scalars(select(ServerEvent.payload["photo_gone"].as_string()).where(_IS_ERASURE)))
    gone = {sha for sha in gone if isinstance(sha, str) and _SHA_RE.match(sha) and (on_disk is None or on_disk(sha))}
    held = photos_still_held(session, gone)
    return gone - held, held
