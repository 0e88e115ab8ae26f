"""The wire protocol between a desk and the central server: pydantic models both sides import.

Versions: every request carries `protocol_version` and `schema_version` (in the body of push and
pull, and in the `X-Kanoon-Protocol` / `X-Kanoon-Schema` headers of every request). A client
below `MIN_PROTOCOL_VERSION` is answered HTTP 426 "upgrade required".

Authentication: `Authorization: Bearer <device_id>:<secret>` on every request except enrol,
health and the public status look-up.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

#: 2: a refused event's result carries `reason_fa` (sent only to a desk of protocol 2 or more: a
#: desk of protocol 1 refuses a field it does not know).
#: 3: the desk keeps an event of a kind it does not know (stored, left unfolded: `fold.apply`) and
#: folds it once updated to a version that knows it (`eventlog.fold_held_kinds`).
PROTOCOL_VERSION = 3
MIN_PROTOCOL_VERSION = 1
#: The first protocol whose desks keep the event kinds they do not know. A desk below it stops
#: its pull at such an event (its fold has no projector for it: the round fails with a traceback,
#: every round, and a new desk cannot even be set up), so the server does not hand it one: the
#: page is answered 426 and the desk says to update this program (`FOLDED_BELOW_3`).
KEEPS_UNKNOWN_KINDS = 3
#: The event kinds every desk of a protocol below `KEEPS_UNKNOWN_KINDS` folds: the kinds that every
#: commit of the history sending that protocol registers (1: 277 commits from 23 Nov 2026; 2: 460
#: from 6 Dec 2026). The last desks of protocol 2 fold four kinds more, but send the same requests:
#: they are told to update too. Fixed for good: the desks of 3 and later take every kind.
FOLDED_BELOW_3: dict[int, frozenset[str]] = {1: frozenset((
    "agency.set", "applicant.set", "case.answered", "case.attached", "case.closed", "case.followed_up",
    "case.forwarded", "case.notified", "case.received", "case.referral_read", "case.referral_recalled",
    "case.referred", "case.registered", "case.reopened", "case.reviewed", "case.visited",
    "circulation.overridden", "copy.added", "copy.field_set", "copy.marked_lost", "copy.received", "copy.sent",
    "copy.withdrawn", "hold.cancelled", "hold.collected", "hold.expired", "hold.placed", "hold.ready",
    "holiday.set", "loan.checked_out", "loan.renewed", "loan.returned", "loan_rule.set", "member.field_set",
    "member.registered", "office.set", "override.grant_set", "stocktake.closed", "stocktake.opened",
    "stocktake.scanned", "title.added", "title.field_set", "user.created", "user.updated",
))}
FOLDED_BELOW_3[2] = FOLDED_BELOW_3[1] | frozenset((
    "case.forward_withdrawn", "case.renumbered", "conflict.resolved", "copy.relabelled", "hold.in_transit",
    "loan.member_moved", "loan.voided", "member.merged", "member.renumbered", "notice.queued", "notice.sent",
    "user.renamed",
))
#: The oldest server protocol a desk of this version syncs with. A server of protocol 1 refused the
#: events of an office's centres (the lending desks' 1301, 1302 …) as outside the device's scope,
#: and a refused event is answered for and never sent again: the centres' work would be lost to
#: the office. A server that does not know `hello` (404) is asked its protocol at `/v1/health`.
MIN_SERVER_PROTOCOL = 2
#: The first protocol whose push results may carry `reason_fa`.
REASON_FA_PROTOCOL = 2
#: Newest event schema this code writes and understands.
SCHEMA_VERSION = 1
#: Oldest event schema the server still accepts (and upgrades on receipt).
MIN_SCHEMA_VERSION = 1

HEADER_PROTOCOL = "X-Kanoon-Protocol"
HEADER_SCHEMA = "X-Kanoon-Schema"
#: The name of the desk's store (`HelloRequest`), on every authenticated request of a desk that
#: has one: a copy of the store on a second computer, once the server follows the other, is
#: refused (409 `store_copied`).
HEADER_STORE = "X-Kanoon-Store"

DEFAULT_BATCH = 1000
MAX_BATCH = 2000
DEFAULT_PAGE = 1000
MAX_PAGE = 5000
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
#: The most one event of a push may take (its JSON as sent); a payload larger than
#: `MAX_PAYLOAD_BYTES` is refused with its reason (files travel as attachments, not in events).
MAX_EVENT_BYTES = 32 * 1024
MAX_PAYLOAD_BYTES = MAX_EVENT_BYTES - 1024
#: The largest push body the server reads (a full batch of the largest events); past it, 413. A
#: desk cuts its batches to fit.
MAX_PUSH_BYTES = MAX_BATCH * MAX_EVENT_BYTES
#: The largest position (sequence number, cursor, clock value) both databases store (BIGINT):
#: a request that names a larger one is refused (422) before it reaches a query.
MAX_POSITION = 2**63 - 1

#: Aggregate types every office sees (the catalogue, the member registry and lending anywhere,
#: the agency list, office records, conflict resolutions). Every other aggregate (a case, a
#: user, a holiday of the office) is seen only by the office that wrote it.
SHARED_AGGREGATE_TYPES: frozenset[str] = frozenset(
    {"office", "title", "member", "agency", "copy", "loan", "hold", "conflict"})

#: The scope value stored on the server for shared events.
SHARED_SCOPE = "*"


def scope_of(aggregate_type: str, office_code: str, payload: dict[str, Any] | None = None) -> str:
    """Who may see an event: every office (`*`) or only its own office.

    A conflict's resolution goes where the conflict's facts go: `conflict.resolved` carries the
    conflict's description, and one about an office's own aggregate (a user name made twice, a
    case forwarded twice) stays in the office that resolved it (only that office holds those
    facts). One about the shared registry (a copy, a loan, a member) is seen by every office, as is
    a resolution without a description (none is written so; an old or foreign event keeps the
    scope it always had)."""
    if aggregate_type == "conflict" and payload is not None:
        described = payload.get("conflict")
        about = described.get("aggregate_type") if isinstance(described, dict) else None
        if isinstance(about, str) and about and about not in SHARED_AGGREGATE_TYPES:
            return office_code
    return SHARED_SCOPE if aggregate_type in SHARED_AGGREGATE_TYPES else office_code


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EventIn(_Model):
    """One event as a desk pushes it (its `client_seq` is implied by its place in the batch)."""

    id: str = Field(min_length=1, max_length=36)
    type: str = Field(min_length=1, max_length=64)
    aggregate_type: str = Field(min_length=1, max_length=32)
    aggregate_id: str = Field(min_length=1, max_length=36)
    payload: dict[str, Any]
    hlc: int = Field(ge=0, lt=2**63)
    device_id: str = Field(min_length=1, max_length=36)
    office_code: str = Field(min_length=1, max_length=16)
    user_id: str = Field(min_length=1, max_length=36)
    recorded_at: datetime
    schema_version: int = Field(default=1, ge=0, lt=1000)


class EventOut(EventIn):
    """One event as the server hands it out, with its place in the server's order."""

    server_seq: int


class PushRequest(_Model):
    device_id: str
    batch_id: str = Field(min_length=1, max_length=64)
    first_client_seq: int = Field(ge=1, le=MAX_POSITION - MAX_BATCH)
    events: list[EventIn] = Field(max_length=MAX_BATCH)
    protocol_version: int = PROTOCOL_VERSION
    schema_version: int = SCHEMA_VERSION
    hlc: int = Field(default=0, ge=0, lt=2**63)
    #: Ask for the compact answer: `results` only for events not stored now, the stored ones as
    #: `stored` runs (a batch stored whole is one run, not a thousand results to build and read).
    compact: bool = False


class PushResult(_Model):
    id: str
    status: Literal["stored", "duplicate", "rejected"]
    reason: str | None = None
    server_seq: int | None = None
    #: Why it was refused, in Persian, for the clerk (to a desk of protocol 2 or more).
    reason_fa: str | None = None


class StoredRun(_Model):
    """`count` events of the batch, from its `index`-th (0-based), stored now with sequence numbers
    from `server_seq` on, one apart."""

    index: int = Field(ge=0)
    count: int = Field(ge=1)
    server_seq: int


class PushResponse(_Model):
    batch_id: str
    #: One per event of the batch, in its order; with `compact`, only those not stored now.
    results: list[PushResult]
    #: With `compact`: the events stored now, as runs (otherwise empty).
    stored: list[StoredRun] = Field(default_factory=list)
    #: The highest client sequence number the server holds for this device.
    last_client_seq: int
    #: Set when the batch did not follow on: send again from this client sequence number.
    resend_from: int | None = None
    server_hlc: int
    server_time_ms: int
    #: Events of the batch the server stored in a newer schema than they were sent in (it upgrades
    #: older formats on receipt), as stored: the desk keeps them so, as every other desk pulls
    #: them (to a desk of protocol 2 or more, and only when there are any).
    upgraded: list[EventOut] = Field(default_factory=list)


class AggregateSummary(_Model):
    events: int
    digest: str


class PullRequest(_Model):
    cursor: int = Field(default=0, ge=0, le=MAX_POSITION)
    limit: int = Field(default=DEFAULT_PAGE, ge=1, le=MAX_PAGE)
    #: Ask for the per-aggregate-type counts and digests with the last page.
    summary: bool = False
    protocol_version: int = PROTOCOL_VERSION
    schema_version: int = SCHEMA_VERSION
    hlc: int = Field(default=0, ge=0, lt=2**63)


class PullResponse(_Model):
    cursor: int
    events: list[EventOut]
    next_cursor: int
    has_more: bool
    #: With the last page when asked: what the office sees up to `next_cursor`.
    summary: dict[str, AggregateSummary] | None = None
    server_hlc: int
    server_time_ms: int


class SnapshotResponse(_Model):
    """One page of a first sync: every event the office sees up to `upto`, own device's included."""

    cursor: int
    upto: int
    events: list[EventOut]
    next_cursor: int
    has_more: bool
    server_hlc: int
    server_time_ms: int


def _no_nul(value: str | None) -> str | None:
    if value is not None and "\x00" in value:
        raise ValueError("contains a NUL character")
    return value


#: The most held events a hello names (`HelloRequest.seen`).
MAX_SEEN = 64


class Seen(_Model):
    """An event a desk holds, with the place (`server_seq`) the server gave it."""

    server_seq: int = Field(ge=1, le=MAX_POSITION)
    id: str = Field(min_length=1, max_length=36)


class HelloRequest(_Model):
    """A desk's first word in a round: the name of its store, and what the server holds from it.

    `store_id` names the store the desk runs on (made when it first says hello). A desk that
    takes back its own events after a restore names its store anew: `next_store_id`, which the
    server keeps (it follows the store under that name from then on; asked again after a crash, it
    answers the same). A request naming neither the kept name nor its successor comes from a copy
    of the desk: refused 409 `store_copied`."""

    store_id: str = Field(min_length=1, max_length=64)
    next_store_id: str | None = Field(default=None, min_length=1, max_length=64)
    #: The desk's pull cursor and a few events it holds with the place the server gave them
    #: (`Seen`): the server says where the desk's pulls go on from (`HelloResponse.pull_from`). A
    #: server restored from a backup older than the cursor has given those places to other events
    #: since; pulling on from the cursor would miss them.
    cursor: int | None = Field(default=None, ge=0, le=MAX_POSITION)
    seen: list[Seen] | None = Field(default=None, max_length=MAX_SEEN)
    protocol_version: int = PROTOCOL_VERSION
    schema_version: int = SCHEMA_VERSION

    @field_validator("store_id", "next_store_id")
    @classmethod
    def _no_nul(cls, value: str | None) -> str | None:
        return _no_nul(value)


class HelloResponse(_Model):
    device_id: str
    office_code: str
    device_no: int
    #: The highest client sequence number the server holds for this device: past the desk's own
    #: acknowledged position, the desk fetches its own events (`OwnEventsResponse`).
    last_client_seq: int
    server_hlc: int
    server_time_ms: int
    #: Only to a desk that sent its cursor: where its pulls go on from. Below its cursor when the
    #: server no longer holds what the desk saw there (restored from an older backup): the highest
    #: place of a `seen` event it holds at that place, at most its own last place.
    pull_from: int | None = None


class OwnEventsResponse(_Model):
    """A page of the device's own events the server holds with a client sequence number past
    `after`, in server order after `cursor`: what a desk restored from an old backup lost."""

    after: int
    cursor: int
    events: list[EventOut]
    next_cursor: int
    has_more: bool
    last_client_seq: int
    server_hlc: int
    server_time_ms: int


class EnrollRequest(_Model):
    code: str = Field(min_length=4, max_length=64)
    label: str = Field(default="", max_length=200)
    #: A desk that worked on its own and now joins sends its identity: it keeps its device id
    #: (its events carry it) and, if free in the office, its device number. A new desk sends none.
    device_id: str | None = Field(default=None, min_length=36, max_length=36)
    office_code: str | None = Field(default=None, min_length=1, max_length=16)
    device_no: int | None = Field(default=None, ge=1, lt=1000)
    #: A desk enrolled before that moves to a new device identity (its device revoked, or its
    #: credential lost): the device it was, and the client sequence number its outbox goes on
    #: from (the new device's events are numbered past it). It keeps its history; a new device id
    #: and number are given as to a new desk.
    replaces: str | None = Field(default=None, min_length=36, max_length=36)
    client_seq_from: int | None = Field(default=None, ge=0, le=MAX_POSITION - MAX_BATCH)
    protocol_version: int = PROTOCOL_VERSION
    schema_version: int = SCHEMA_VERSION

    @field_validator("code", "label", "device_id", "office_code", "replaces")
    @classmethod
    def _no_nul(cls, value: str | None) -> str | None:
        return _no_nul(value)


class EnrollResponse(_Model):
    device_id: str
    device_no: int
    office_code: str
    secret: str
    server_hlc: int
    server_time_ms: int


class StatusResponse(_Model):
    """The public status of one case, and nothing else about it."""

    tracking_code: str
    status: str
    status_fa: str
    #: the day (ISO, Tehran's calendar day) of the newest public step
    updated_on: str
    #: while the case waits on an executive agency: the agency's name (the public directory's) and
    #: the day its answer is due (ISO, and Jalali in Persian digits); empty otherwise. Nothing of
    #: the applicant, the letter or the office's notes.
    agency: str = ""
    due_on: str = ""
    due_on_fa: str = ""


class HealthResponse(_Model):
    status: str
    protocol_version: int
    min_protocol_version: int
    schema_version: int
    server_time_ms: int


class AttachmentStatus(_Model):
    sha256: str
    received: int
    complete: bool
    size: int | None = None


#: The most notices one `SmsOutcomesRequest` asks about.
MAX_SMS_ASK = 500
#: The most event ids one `POST /v1/held` asks about.
MAX_HELD_ASK = 2000


class HeldRequest(_Model):
    """Which of these events the server holds already, and under which device (`POST /v1/held`):
    a desk just made a new device (`enroll --replace-device`) asks about its events the server had
    not acknowledged, to move to the new device only those no device sent (a backup's events the
    old PC sent after the backup keep the old device). The server answers for its office's events
    only and leaves the others out; a server without the endpoint answers 404 and the desk moves
    them all (its first round's pull gives those back their device)."""

    event_ids: list[Annotated[str, Field(min_length=1, max_length=36)]] = Field(max_length=MAX_HELD_ASK)


class HeldResponse(_Model):
    #: event id → the device the server holds it under
    held: dict[str, str]


class SmsOutcomesRequest(_Model):
    """What became of these SMS-asking events (`POST /v1/sms-outcomes`): the server answers for
    the ones it holds in its outbox that the device's office sees, and leaves the others out."""

    protocol_version: int = Field(default=PROTOCOL_VERSION, ge=0, lt=1000)
    event_ids: list[Annotated[str, Field(min_length=1, max_length=36)]] = Field(max_length=MAX_SMS_ASK)


class SmsOutcomeOut(_Model):
    event_id: str
    #: pending | sending | sent | failed (given up after the gateway's last attempt, or no number)
    status: str
    attempts: int
    last_error: str = ""
    sent_at: datetime | None = None


class SmsOutcomesResponse(_Model):
    outcomes: list[SmsOutcomeOut]


class ErrorResponse(_Model):
    """Every refusal: a machine-readable code, a reason in English and one in Persian."""

    error: str
    reason: str
    reason_fa: str = ""
