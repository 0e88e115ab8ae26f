"""The sync client's connection to its server: HTTP calls with retries, TLS, and the server's clock.

Refusals become `errors.SyncError` subclasses; each reply's server clock is merged into the desk's.
"""

from __future__ import annotations

import ssl
import time
from functools import cache
from typing import Any, TypeVar

import certifi
import httpx
from pydantic import BaseModel, ValidationError

from ..ids import MAX_DRIFT_MS
from ..state_keys import K_SECRET, K_SERVER, K_SKEW
from ..store import Store
from . import errors as e
from . import protocol as p
from .progress import RoundControl
from .report import CLOCK_SKEW, SyncReport, SyncWarning

M = TypeVar("M", bound=BaseModel)
#: The clock skew kept in desk_state is refreshed when it moves by this much.
SKEW_RESOLUTION_MS = 1000
#: The longest a desk waits for the server's computer to take the connection, in seconds: one that
#: is off, or a network that drops the packets, is known in seconds, not after the whole timeout.
CONNECT_TIMEOUT = 10.0


class Connection:
    """One server and one desk store, and the settings of a round: what `SyncClient`'s steps
    (push, pull, recovery, verify: one mixin each) share. `transport` lets tests inject faults."""

    def __init__(self, store: Store, base_url: str | None = None, transport: httpx.BaseTransport | None = None,
                 *, batch_size: int = p.DEFAULT_BATCH, page_size: int = p.DEFAULT_PAGE,
                 snapshot_page_size: int = p.MAX_PAGE, retries: int = 3, timeout: float = 30.0,
                 backoff: float = 0.2, control: RoundControl | None = None) -> None:
        self.store = store
        #: Where the round says how far it is, and hears a clerk's «توقف» (`RoundControl`).
        self.control = control or RoundControl()
        base_url = base_url or store.get_state(K_SERVER)
        if not base_url:
            raise e.SyncError(e.MSG_NOT_ENROLLED, "no server url in desk_state")
        self.base_url = base_url.rstrip("/")
        # the server refuses larger batches and pages: ask for at most what it allows
        self.batch_size, self.page_size = max(1, min(batch_size, p.MAX_BATCH)), max(1, min(page_size, p.MAX_PAGE))
        self.snapshot_page_size = max(1, min(snapshot_page_size, p.MAX_PAGE))
        self.retries, self.backoff = retries, backoff
        #: How long a request may wait for each step (connect, send, answer), in seconds: what
        #: a file's upload sizes its chunks by (`attachments.upload`).
        self.timeout = timeout
        #: Ask for compact push answers (`p.PushRequest.compact`); turned off for a server that
        #: does not know them.
        self.compact = True
        #: The name of this store the server follows (`p.HEADER_STORE`), known after `hello`.
        self._store_name: str | None = None
        self.http = httpx.Client(base_url=self.base_url, transport=transport, verify=tls_context(),
                                 timeout=httpx.Timeout(timeout, connect=min(timeout, CONNECT_TIMEOUT)))

    def close(self) -> None:
        self.http.close()

    # -- HTTP ------------------------------------------------------------------------------------

    def _headers(self, authenticated: bool = True) -> dict[str, str]:
        h = {p.HEADER_PROTOCOL: str(p.PROTOCOL_VERSION), p.HEADER_SCHEMA: str(p.SCHEMA_VERSION)}
        if authenticated:
            secret = self.store.get_state(K_SECRET)
            if not secret:
                raise e.SyncError(e.MSG_NOT_ENROLLED, "no device secret in desk_state")
            h["Authorization"] = f"Bearer {self.store.identity.device_id}:{secret}"
            if self._store_name:
                h[p.HEADER_STORE] = self._store_name
        return h

    def call(self, method: str, path: str, model: type[M], *, json: Any = None, content: bytes | None = None,
             params: dict[str, Any] | None = None, authenticated: bool = True) -> M:
        """One request with retries on transport errors and 5xx; maps refusals to SyncError.

        It is tried again only while less than one `timeout` has gone by: a server that took the
        connection and said nothing for that long is out of reach for this round (tried four
        times, it kept the clerk waiting two minutes for «آفلاین»); a refused or cut connection
        fails at once and is tried again as before. A connection cut while the server was
        answering is said as such (`errors.MSG_CUT`), not as a server out of reach; a round the
        clerk stopped stops before the request (`RoundControl.checkpoint`)."""
        last: Exception | None = None
        began = time.monotonic()
        for attempt in range(self.retries + 1):
            if attempt:
                if time.monotonic() - began >= self.timeout:
                    break
                time.sleep(self.backoff * attempt)
            self.control.checkpoint()
            try:
                headers = self._headers(authenticated)
                if content is not None:
                    headers["Content-Type"] = "application/json"
                r = self.http.request(method, path, json=json, content=content, params=params, headers=headers)
            except httpx.TransportError as exc:
                last = exc
                continue
            if r.status_code == 503 or r.status_code >= 500:
                last = RuntimeError(f"HTTP {r.status_code}: {_reason(r)}")
                continue
            if r.status_code == 426:
                raise e.UpgradeRequired(e.MSG_UPGRADE, _reason(r))
            if r.status_code >= 400 and not is_kanoon_error(r):
                raise e.NotKanoonServer(e.MSG_NOT_KANOON, f"HTTP {r.status_code}: {_reason(r)}")
            if r.status_code in (401, 403):
                raise e.AuthRefused(e.MSG_AUTH, _reason(r))
            if r.status_code == 409 and _error_code(r) == "store_copied":
                raise e.StoreCopied(e.MSG_STORE_COPIED, _reason(r))
            if r.status_code >= 400:
                raise e.Refused(e.MSG_REFUSED, f"HTTP {r.status_code}: {_reason(r)}")
            try:
                return model.model_validate_json(r.content)
            except ValidationError as exc:
                last = exc
                continue
        raise e.Offline(cut_or_offline(last), _one_line(f"{type(last).__name__}: {last}"))

    # -- bookkeeping -----------------------------------------------------------------------------

    def _int_state(self, key: str) -> int:
        return int(self.store.get_state(key) or 0)

    def _after_reply(self, report: SyncReport, server_hlc: int, server_time_ms: int) -> None:
        # The server's wall clock is the one the desk's clock trusts (`HybridClock`): a stamp past
        # it is not followed, and the desk's own stamps, run far ahead while the computer's clock
        # was wrong, go back to the wall clock once it is right again.
        self.store.clock.merge(server_hlc, server_time_ms)
        skew = self.store.clock.skew_ms(server_time_ms)
        stored = self.store.get_state(K_SKEW)
        # Written only when it moved by a second or more: a commit per reply (an fsync each) was a
        # quarter of a push's time on the desk, for a figure the status bar shows in minutes.
        if stored is None or abs(int(stored) - skew) >= SKEW_RESOLUTION_MS:
            with self.store.transaction() as s:
                self.store.set_state(s, K_SKEW, str(skew))
        if abs(skew) > MAX_DRIFT_MS:
            minutes = round(abs(skew) / 60000)
            warning = SyncWarning(CLOCK_SKEW, (("minutes", minutes),))
            if warning not in report.warnings:
                report.warnings.append(warning)


def cut_or_offline(exc: BaseException | None) -> str:
    """The clerk's reason for a request that failed on the way: a connection the server had taken
    and then lost half-way through its answer (peer closed, reset) is «cut in the middle»; one that
    never got to the server (refused, no route, timed out) is «out of reach»."""
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError)):
        return e.MSG_CUT
    return e.MSG_OFFLINE


@cache
def tls_context() -> ssl.SSLContext:
    """The certificate store, loaded once per process (httpx loads it for every client it makes,
    which was a tenth of a sync round's time on a desk)."""
    return ssl.create_default_context(cafile=certifi.where())


def _error_code(r: httpx.Response) -> str:
    try:
        return str(r.json().get("error") or "")
    except (ValueError, AttributeError):
        return ""


def is_kanoon_error(r: httpx.Response) -> bool:
    """Whether an error answer is a Kanoon server's: a JSON object with its `error` code and
    `reason` (`kanoon_desk.server.app._err`), or FastAPI's own `detail` (how an older Kanoon
    server refused a field it did not know: the push falls back on it), not another web server's
    page."""
    try:
        body = r.json()
    except ValueError:
        return False
    if not isinstance(body, dict):
        return False
    return (isinstance(body.get("error"), str) and "reason" in body) or "detail" in body


def _one_line(text: str, limit: int = 300) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


def _reason(r: httpx.Response) -> str:
    """The reason of an error answer on one line: a Kanoon server's own, else what the answer is
    (never the body of another server's page)."""
    try:
        body = r.json()
    except ValueError:
        kind = (r.headers.get("content-type") or "no content type").split(";")[0].strip()
        return f"{r.reason_phrase or 'error'}, not a Kanoon server's answer ({kind}, {len(r.content)} bytes)"
    return _one_line(str(body.get("reason") or body) if isinstance(body, dict) else str(body))
