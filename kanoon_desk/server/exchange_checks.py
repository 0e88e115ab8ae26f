"""What a push accepts: the reasons an event is refused (in English and in Persian), the checks
of its payload, and the upgrades of older event formats the server still takes.

Part of the server's exchange (`exchange.push` asks `_reject_reason`, `_upgrade` and
`_payload_problem` of each event it has not seen); FastAPI-free like it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC
from functools import lru_cache
from typing import Any, NamedTuple

from ..ids import MAX_DRIFT_MS, hlc_millis, is_centre_of
from ..persian import to_persian_digits
from ..sync.protocol import (
    MAX_PAYLOAD_BYTES,
    MIN_SCHEMA_VERSION,
    SCHEMA_VERSION,
    SHARED_SCOPE,
    EventIn,
    scope_of,
)
from .server_models import CASE, Device, ServerEvent

TYPE_RE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
AGGREGATE_RE = re.compile(r"^[a-z][a-z0-9_]*$")
#: The shared aggregate of office records: a device writes only its own office's and its centres'.
OFFICE = "office"

#: (event type, schema version) → function giving the payload in the next version. The server
#: upgrades older formats it still accepts on receipt, so pulls hand out one format only.
Upgrader = Callable[[dict[str, Any]], dict[str, Any]]
UPGRADERS: dict[tuple[str, int], Upgrader] = {}


@lru_cache(maxsize=1024)
def _well_formed(event_type: str, aggregate_type: str) -> bool:
    return bool(TYPE_RE.match(event_type) and AGGREGATE_RE.match(aggregate_type))


#: Canonical JSON (`digest.canonical_json`) that refuses NaN and ±Infinity (ValueError): Python
#: writes them as JavaScript does, but no JSON parser reads them (SQLite's refused every page
#: that held one, so one such event stopped the pulls of every office that saw it; PostgreSQL's
#: jsonb refuses them). A JSON number too large for a double arrives as infinity.
_STRICT_JSON = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode
#: The longest tracking code the events table indexes.
TRACKING_CODE_MAX: int = ServerEvent.__table__.c.tracking_code.type.length  # type: ignore[attr-defined]


class Refusal(NamedTuple):
    """Why an event is refused: in English (the log, the protocol's `reason`) and in Persian (the
    clerk's, `reason_fa`)."""

    reason: str
    reason_fa: str


def _fa(n: int | str) -> str:
    return to_persian_digits(n)


def how_far(ms: int) -> tuple[str, str]:
    """A span in the largest unit that reads well, in English and in Persian."""
    minutes = round(ms / 60_000)
    if minutes >= 2 * 24 * 60:
        return f"{round(minutes / (24 * 60))} days", f"{_fa(round(minutes / (24 * 60)))} روز"
    if minutes >= 120:
        return f"{round(minutes / 60)} hours", f"{_fa(round(minutes / 60))} ساعت"
    return f"{max(minutes, 1)} minutes", f"{_fa(max(minutes, 1))} دقیقه"


def _ahead(ev: EventIn, now: int) -> Refusal:
    en, fa = how_far(hlc_millis(ev.hlc) - now)
    return Refusal(
        f"the event's clock stamp is {en} ahead of the server's clock (more than "
        f"{MAX_DRIFT_MS // 60_000} minutes): the clock of the computer that recorded it is wrong",
        f"ساعت رایانه‌ای که این رویداد را ثبت کرد {fa} از ساعت کارگزار جلوتر بود؛ تاریخ و ساعت آن رایانه "
        "را درست کنید و کار را دوباره ثبت کنید.")


REPEATED = Refusal("event repeated in one batch", "این رویداد در یک بسته دو بار آمده بود.")


def _seq_used(client_seq: int) -> Refusal:
    return Refusal(
        f"client sequence number {client_seq} was already used by another event of this device "
        "(restored from an old backup, or the store copied to a second computer?)",
        f"شماره ترتیب {_fa(client_seq)} را رویداد دیگری از همین دستگاه گرفته است (پایگاه داده از پشتیبانی کهنه "
        "برگردانده یا به رایانه دیگری رونوشت شده است)؛ همگام‌سازی بعدی آن را دوباره شماره می‌زند.")


def _holds_nul(value: Any) -> bool:
    """Whether a NUL character is in any key or text of a JSON value (PostgreSQL's text and jsonb
    cannot hold one)."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any("\x00" in k or _holds_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_holds_nul(v) for v in value)
    return False


def _payload_problem(ev: EventIn, payload: dict[str, Any]) -> tuple[Refusal | None, str]:
    """(why the payload is refused, or None; its canonical JSON text)."""
    try:
        text = _STRICT_JSON(payload)
    except ValueError:  # NaN or ±Infinity (a number too large for a double arrives as infinity)
        return Refusal("the payload holds a number JSON cannot carry (NaN, Infinity or too large)",
                       "عددی در داده این رویداد هست که نمی‌توان نگهش داشت (بی‌نهایت یا بسیار بزرگ)."), ""
    if "\\u0000" in text and _holds_nul(payload):  # the text has the escape for a NUL, or a backslash and "u0000"
        return Refusal("the payload holds a NUL character", "نویسه تهی (NUL) در داده این رویداد هست."), text
    if len(text) * 4 > MAX_PAYLOAD_BYTES and len(text.encode()) > MAX_PAYLOAD_BYTES:  # (a character: 1 to 4 bytes)
        return Refusal(f"the payload is larger than {MAX_PAYLOAD_BYTES} bytes",
                       f"داده این رویداد از {_fa(MAX_PAYLOAD_BYTES // 1024)} کیلوبایت بزرگ‌تر است."), text
    if ev.aggregate_type == CASE:
        tracking = payload.get("tracking_code")
        if isinstance(tracking, str) and len(tracking) > TRACKING_CODE_MAX:
            return Refusal(f"the tracking code is longer than {TRACKING_CODE_MAX} characters",
                           f"کد رهگیری این رویداد از {_fa(TRACKING_CODE_MAX)} نویسه بلندتر است."), text
    return None, text


def _for_a_centre(ev: EventIn, device: Device) -> bool:
    """An event of the shared lending registry written for one of the office's own centres (its
    code and two digits, 1301 under 13: `is_centre_of`): a provincial desk that keeps its
    centres' libraries (the demo's is one). Anything an office keeps to itself must carry the
    desk's own office: it is scoped to the office it names, which this desk's office would not see."""
    return (is_centre_of(ev.office_code, device.office_code)
            and scope_of(ev.aggregate_type, ev.office_code, ev.payload) == SHARED_SCOPE)


def _reject_reason(ev: EventIn, device: Device, limit: int, now: int) -> Refusal | None:
    """Why the server refuses one event of the device's push, or None. `limit` is the newest clock
    stamp it takes (`hlc_limit` of the wall time `now`)."""
    if ev.device_id != device.id:
        return Refusal("event of another device", "این رویداد از دستگاه دیگری است.")
    if ev.office_code != device.office_code and not _for_a_centre(ev, device):
        return Refusal(f"office {ev.office_code} is outside this device's scope ({device.office_code})",
                       f"دفتر {_fa_code(ev.office_code)} بیرون از حوزه این میز (دفتر {_fa_code(device.office_code)}) است.")
    if ev.aggregate_type == OFFICE and not (ev.aggregate_id == device.office_code
                                            or is_centre_of(ev.aggregate_id, device.office_code)):
        return Refusal(
            f"the record of office {ev.aggregate_id} is outside this device's scope: a desk of office "
            f"{device.office_code} writes only its own office's and its centres' ({device.office_code}NN)",
            f"مشخصات دفتر یا مرکز {_fa_code(ev.aggregate_id)} را تنها میز همان دفتر ثبت می‌کند؛ این میز "
            f"(دفتر {_fa_code(device.office_code)}) تنها دفتر خود و مرکزهای آن را ثبت می‌کند.")
    if ev.hlc > limit:
        return _ahead(ev, now)
    if ev.schema_version > SCHEMA_VERSION:
        return Refusal(f"schema version {ev.schema_version} is newer than the server's ({SCHEMA_VERSION})",
                       "قالب این رویداد از کارگزار تازه‌تر است؛ کارگزار باید به‌روز شود.")
    if ev.schema_version < MIN_SCHEMA_VERSION:
        return Refusal(f"schema version {ev.schema_version} is no longer accepted (minimum {MIN_SCHEMA_VERSION})",
                       "قالب این رویداد دیگر پذیرفته نمی‌شود؛ برنامه این میز را به‌روز کنید.")
    if not _well_formed(ev.type, ev.aggregate_type):
        return Refusal("malformed event type or aggregate type", "نوع این رویداد نادرست است.")
    if len(ev.id) != 36:
        return Refusal("event id is not a UUID", "شناسه این رویداد نادرست است.")
    if "\x00" in ev.id or "\x00" in ev.aggregate_id or "\x00" in ev.user_id:
        return Refusal("a NUL character in the event's id, aggregate id or user id",
                       "نویسه تهی (NUL) در شناسه‌های این رویداد هست.")
    if ev.recorded_at.utcoffset():  # stored in UTC: that instant must be in the calendar
        try:
            ev.recorded_at.astimezone(UTC)
        except OverflowError:
            return Refusal("recorded_at is outside the calendar once converted to UTC",
                           "زمان ثبت این رویداد بیرون از تقویم است.")
    return None


def _fa_code(code: str) -> str:
    """An office code as the clerk reads it (Persian digits; at most 16 characters)."""
    return _fa(code[:16])


def _upgrade(ev: EventIn) -> tuple[dict[str, Any], int]:
    payload, version = ev.payload, ev.schema_version
    while version < SCHEMA_VERSION:
        step = UPGRADERS.get((ev.type, version))
        if step is not None:
            payload = step(payload)
        version += 1
    return payload, version
