"""The central server's HTTP face: FastAPI routes under /v1 (its OpenAPI schema documents the protocol)."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated, Any, TypeVar

import psycopg
from fastapi import BackgroundTasks, Depends, FastAPI, Header, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from pydantic import BaseModel, ValidationError
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import DataError, IntegrityError, OperationalError, SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..ids import HybridClock, hlc_millis
from ..sync import protocol as p
from . import auth, exchange, logs, revocations, sms
from . import clock as server_clock
from .attachments import AttachmentError, AttachmentStore
from .db import ServerDb
from .exchange_pages import KindsUnknownToDesk
from .server_models import AttachmentRef, Device, ServerEvent, utcnow
from .status import RateLimiter, lookup

M = TypeVar("M", bound=BaseModel)
#: A device's last contact is written by a pull or a snapshot page at most this often.
SEEN_EVERY = timedelta(minutes=1)
#: Seconds between two sweeps of the attachments folder's abandoned uploads while the server runs.
SWEEP_EVERY = 3600.0

ERRORS = {400: p.ErrorResponse, 401: p.ErrorResponse, 403: p.ErrorResponse, 409: p.ErrorResponse,
          413: p.ErrorResponse, 426: p.ErrorResponse}
ERROR_DOC: dict[int | str, dict[str, Any]] = {k: {"model": v} for k, v in ERRORS.items()}


class ApiError(Exception):
    def __init__(self, status: int, code: str, reason: str, reason_fa: str = "") -> None:
        super().__init__(reason)
        self.status, self.code, self.reason, self.reason_fa = status, code, reason, reason_fa


def _err(status: int, code: str, reason: str, reason_fa: str = "", **extra: Any) -> JSONResponse:
    return JSONResponse({"error": code, "reason": reason, "reason_fa": reason_fa, **extra}, status_code=status)


def _json(model: Any, background: BackgroundTasks | None = None) -> Response:
    """A model already built by our own code, serialised once (no second validation pass)."""
    return Response(content=model.model_dump_json(), media_type="application/json", background=background)


#: Schemas of bodies that endpoints parse themselves, added to the OpenAPI components.
_OWN_BODIES: dict[str, Any] = {}


def _raw_json(body: bytes) -> Response:
    return Response(content=body, media_type="application/json")


def _json_body(model: type[BaseModel]) -> dict[str, Any]:
    """OpenAPI for an endpoint that reads its JSON body itself (see `_parse`)."""
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    _OWN_BODIES.update(schema.pop("$defs", {}))
    _OWN_BODIES[model.__name__] = schema
    return {"requestBody": {"required": True, "content": {"application/json": {
        "schema": {"$ref": f"#/components/schemas/{model.__name__}"}}}}}


def _with_own_bodies(app: FastAPI) -> None:
    make = app.openapi

    def openapi() -> dict[str, Any]:
        first = app.openapi_schema is None
        schema = make()
        if first:
            known = schema.setdefault("components", {}).setdefault("schemas", {})
            known.update({k: v for k, v in _OWN_BODIES.items() if k not in known})
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


async def _read_capped(request: Request, cap: int, too_large: Exception) -> bytes:
    """The request's body, read as it comes and refused (`too_large`) at its declared length or
    at the first byte past `cap`: a body sent without Content-Length is not held whole first."""
    declared = request.headers.get("content-length") or ""
    if declared.isdigit() and int(declared) > cap:
        raise too_large
    data = bytearray()
    async for part in request.stream():
        data += part
        if len(data) > cap:
            raise too_large
    return bytes(data)


#: The most a request's body may hold, by path (`BodyCap`): what the endpoint's largest valid
#: request needs, with room. An enrolment or a hello is a few hundred bytes; a pull asks with
#: a few numbers; an SMS outcomes question names at most `p.MAX_SMS_ASK` event ids (about 20 KB,
#: 110 KB were every character escaped). /v1/push and the attachments' upload read their bodies
#: themselves, after the credential, up to their own caps (`p.MAX_PUSH_BYTES`, an attachment's
#: resumable chunk: `AttachmentStore.max_bytes`).
SMALL_BODY = 64 * 1024
BODY_CAPS = {"/v1/enroll": SMALL_BODY, "/v1/hello": SMALL_BODY, "/v1/pull": 1024 * 1024,
             "/v1/sms-outcomes": 1024 * 1024, "/v1/held": 1024 * 1024}
OWN_CAPS = ("/v1/push", "/v1/attachments/")


def body_cap(path: str) -> int | None:
    """The cap of a request's body on `path` (`BODY_CAPS`; any other path `SMALL_BODY`), None for
    the endpoints that keep their own."""
    if path == OWN_CAPS[0] or path.startswith(OWN_CAPS[1]):
        return None
    return BODY_CAPS.get(path, SMALL_BODY)


class BodyCap:
    """ASGI middleware: a request body past its path's cap (`body_cap`) is answered 413 at once —
    by its Content-Length before a byte is read, else at the first chunk past the cap — so a huge
    body from nobody is never held (a 300 MB enrolment took 15 s and 1 GB before its refusal).
    A body within the cap is read and handed on whole."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Callable[[], Any], send: Callable[..., Any]) -> None:
        cap = body_cap(scope.get("path", "")) if scope["type"] == "http" else None
        if cap is None:
            await self.app(scope, receive, send)
            return
        declared = next((v for k, v in scope.get("headers", ()) if k == b"content-length"), b"").decode("latin-1")
        if declared.strip().isdigit() and int(declared) > cap:
            await self._too_large(scope, cap)(scope, receive, send)
            return
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away while sending: no one to answer
            body += message.get("body", b"")
            if len(body) > cap:
                await self._too_large(scope, cap)(scope, receive, send)
                return
            if not message.get("more_body", False):
                break
        handed = False

        async def replay() -> Any:
            nonlocal handed
            if handed:
                return await receive()
            handed = True
            return {"type": "http.request", "body": bytes(body), "more_body": False}

        await self.app(scope, replay, send)

    @staticmethod
    def _too_large(scope: dict[str, Any], cap: int) -> JSONResponse:
        return _err(413, "too_large", f"a request to {scope.get('path', '')} is limited to {cap} bytes",
                    "درخواست از اندازه مجاز بزرگ‌تر است.")


def _parse(model: type[M], body: bytes) -> M:
    """`model` from a JSON body; a bad body is answered like FastAPI's own validation (422)."""
    try:
        return model.model_validate_json(body)
    except ValidationError as exc:
        raise RequestValidationError([{**err, "loc": ("body", *err["loc"])} for err in exc.errors(include_url=False)]
                                     ) from exc


def _check_versions(protocol_version: int | None, schema_version: int | None) -> None:
    if protocol_version is not None and protocol_version < p.MIN_PROTOCOL_VERSION:
        raise ApiError(426, "upgrade_required",
                       f"protocol {protocol_version} is below the minimum {p.MIN_PROTOCOL_VERSION}",
                       "نسخه برنامه میز کهنه است؛ لطفاً برنامه را به‌روز کنید.")
    if schema_version is not None and schema_version < p.MIN_SCHEMA_VERSION:
        raise ApiError(426, "upgrade_required", f"schema {schema_version} is no longer accepted",
                       "نسخه برنامه میز کهنه است؛ لطفاً برنامه را به‌روز کنید.")


def version_headers(
    x_kanoon_protocol: Annotated[int | None, Header()] = None,
    x_kanoon_schema: Annotated[int | None, Header()] = None,
) -> None:
    _check_versions(x_kanoon_protocol, x_kanoon_schema)


def default_attachments_dir(db: ServerDb) -> Path:
    if db.url.startswith("sqlite:///"):
        path = Path(db.url.removeprefix("sqlite:///"))
        return path.with_name(path.name + ".attachments")
    return Path.cwd() / "kanoon-attachments"


def mirror_revocations(db: ServerDb, kept: Path) -> None:
    """The database's revoked devices written into the server's list (`revocations.mirror`),
    said in the log (`server.revocations_kept`); a failure is a warning, tried again later."""
    try:
        added = revocations.mirror(db, kept)
    except Exception as exc:  # a database hiccup, a full disk: the next time tries again
        logs.event("server.revocations_not_kept", logging.WARNING, revocations=str(kept), error=str(exc)[:300])
        return
    if added:
        logs.event("server.revocations_kept", devices=added, revocations=str(kept))


def sweep_parts(files: AttachmentStore) -> None:
    """The attachments folder's abandoned uploads (`AttachmentStore.sweep_parts`) removed, each
    said in the log (`attachments.parts_removed`); a folder that cannot be read is a warning."""
    try:
        removed = files.sweep_parts()
    except OSError as exc:
        logs.event("attachments.sweep_failed", logging.WARNING, folder=str(files.root), error=str(exc)[:300])
        return
    if removed:
        logs.event("attachments.parts_removed", folder=str(files.root), files=[name for name, _ in removed],
                   bytes=sum(size for _, size in removed))


def forget_erased_files(db: ServerDb, files: AttachmentStore) -> None:
    """The files of photos erasures removed (`exchange.erased_photo_files`) deleted, each said in
    the log (`attachment.erased`), as the server starts: those of erasures stored before the
    server deleted them (the upgrade only stopped serving them), or brought back with an
    attachments folder restored from a backup. A photo another member holds (the same file) is
    kept, and served again if the upgrade had stopped serving it. A failure is a warning."""
    try:
        with db.transaction() as s:
            gone, held = exchange.erased_photo_files(s, files.holds)
            if gone:
                s.execute(delete(AttachmentRef).where(AttachmentRef.sha256.in_(sorted(gone))))
            seen = set(s.scalars(select(AttachmentRef.sha256).where(AttachmentRef.sha256.in_(sorted(held)),
                                                                     AttachmentRef.scope == p.SHARED_SCOPE)))
            for sha in sorted(held - seen):
                s.add(AttachmentRef(sha256=sha, scope=p.SHARED_SCOPE))
        for sha in sorted(gone):
            path = files.path(sha)
            if path is not None:
                path.unlink(missing_ok=True)
                logs.event("attachment.erased", sha=sha[:8])
    except (OSError, SQLAlchemyError) as exc:
        logs.event("attachments.erased_not_removed", logging.WARNING, folder=str(files.root), error=str(exc)[:300])


def claimed_device(header: str | None) -> str:
    """The device id a request's credential names ("" for none), for its log line: which desk
    pulled, or was refused. Only the id before the colon, never the secret after it; as claimed,
    so a refused request is logged with the id it tried."""
    if not header:
        return ""
    scheme, _, value = header.partition(" ")
    device_id, sep, _secret = value.strip().partition(":")
    return device_id[:64] if scheme.lower() == "bearer" and sep else ""


def create_app(db_url: str, *, sms_gateway: sms.SmsGateway | None = None,
               attachments_dir: Path | None = None, status_limiter: RateLimiter | None = None,
               sms_every: float | None = sms.DRAIN_EVERY) -> FastAPI:
    """The server on `db_url` (an SQLite path or URL, or `postgresql+psycopg://…`), migrated.

    While it runs (its lifespan) the SMS outbox is drained every `sms_every` seconds (None: only
    after a push that brings an SMS), so a notice whose sending failed is tried again."""
    db = ServerDb(db_url)
    with db.read() as s:
        # seeded from the newest stamp it took, never from one past its own bound (stored before
        # the bound existed): its replies would drag every desk's clock along
        clock = HybridClock(int(s.scalar(select(func.max(ServerEvent.hlc)).where(
            ServerEvent.hlc <= exchange.hlc_limit(exchange.now_ms()))) or 0), wall=exchange.now_ms)
    # the server's time follows its clock set right only back to the newest stamp it gave (`clock`)
    server_clock.SERVER_TIME.stamped = lambda: hlc_millis(clock.last)
    gateway = sms_gateway or sms.LogGateway()
    files = AttachmentStore(attachments_dir or default_attachments_dir(db))
    # devices revoked since the database's backup, if it was restored from one, revoked again
    # (with those `server revoke` kept beside the default folder, not told the server's own)
    kept = revocations.list_path(files.root)
    revoked_again = revocations.keep(db, kept, also=[revocations.list_path(default_attachments_dir(db))])
    if revoked_again:
        logs.event("server.revocations_restored", logging.WARNING, devices=revoked_again, revocations=str(kept))
    sweep_parts(files)  # a desk killed mid-upload, a server stopped mid-chunk
    forget_erased_files(db, files)  # an erased child's photo left by an older release, or a restore
    limiter = status_limiter or RateLimiter()
    drainer = sms.PeriodicDrain(db, gateway, sms_every) if sms_every else None

    async def sweeping() -> None:
        while True:
            await asyncio.sleep(SWEEP_EVERY)
            await run_in_threadpool(sweep_parts, files)

    async def mirroring() -> None:
        while True:
            await asyncio.sleep(revocations.MIRROR_EVERY)
            await run_in_threadpool(mirror_revocations, db, kept)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if drainer is not None:
            drainer.start()
        tasks = [asyncio.create_task(sweeping()), asyncio.create_task(mirroring())]
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            # a device revoked while it ran is on its list before a restore can take it back
            await run_in_threadpool(mirror_revocations, db, kept)
            if drainer is not None:
                await run_in_threadpool(drainer.stop)
            # its connections closed (here: uvicorn ends the process by the signal it caught, right
            # after): an SQLite database's write-ahead log is folded into the file and removed, so
            # the file alone is the whole database, to copy or to put a backup in its place
            await run_in_threadpool(db.close)
            logs.event("server.stop")

    app = FastAPI(title="Kanoon Desk central server", version=str(p.PROTOCOL_VERSION),
                  description="Sync protocol of Kanoon Desk: enrol, push, pull, snapshot, attachments, "
                              "public case status. See ARCHITECTURE.md, 'The protocol'.",
                  dependencies=[Depends(version_headers)], lifespan=lifespan)
    app.state.db, app.state.clock, app.state.gateway, app.state.files = db, clock, gateway, files
    app.state.sms_drain = drainer
    # (added before the access log: it is outside, so a refused body is logged like any answer)
    app.add_middleware(BodyCap)

    @app.middleware("http")
    async def access_log(request: Request, call_next: Callable[[Request], Any]) -> Response:
        t0 = time.perf_counter()
        try:
            response: Response = await call_next(request)
        except Exception as exc:
            # a bug: answered 500 with a reason, its traceback one JSON line of the structured log
            # (not uvicorn's lines of text)
            logs.event("request.failed", level=logging.ERROR, exc_info=exc, method=request.method,
                       path=request.url.path, error=f"{type(exc).__name__}: {exc}"[:500])
            response = _err(500, "internal", "internal server error (logged)",
                            "خطای پیش‌بینی‌نشده در کارگزار؛ در گزارش کارگزار ثبت شد.")
        logs.event("request", method=request.method, path=request.url.path, status=response.status_code,
                   ms=round((time.perf_counter() - t0) * 1000, 2),
                   client=request.client.host if request.client else "",
                   device=claimed_device(request.headers.get("authorization")))
        return response

    @app.exception_handler(ApiError)
    async def _api_error(_r: Request, exc: ApiError) -> JSONResponse:
        return _err(exc.status, exc.code, exc.reason, exc.reason_fa)

    @app.exception_handler(KindsUnknownToDesk)
    async def _unknown_kinds(_r: Request, exc: KindsUnknownToDesk) -> JSONResponse:
        logs.event("pull.kinds_unknown_to_desk", protocol=exc.protocol, kinds=exc.kinds)
        return _err(426, "upgrade_required", str(exc),
                    "کارهای تازه‌ای از میزهای به‌روزشده در دفتر هست که این نسخه برنامه نمی‌شناسد؛ "
                    "برنامه این میز را به‌روز کنید تا آن‌ها را دریافت کند.")

    @app.exception_handler(auth.AuthError)
    async def _auth_error(r: Request, exc: auth.AuthError) -> JSONResponse:
        logs.event("auth.refused", code=exc.code, device=claimed_device(r.headers.get("authorization")))
        return _err(exc.status, exc.code, exc.reason, exc.reason_fa)

    @app.exception_handler(AttachmentError)
    async def _att_error(_r: Request, exc: AttachmentError) -> JSONResponse:
        return _err(exc.status, exc.code, exc.reason, exc.reason_fa, received=exc.received)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_r: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()))
        return _err(422, "invalid_request", f"{where}: {first.get('msg', 'invalid')}", "درخواست نادرست است.")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_r: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _err(exc.status_code, "http_error", str(exc.detail))

    @app.exception_handler(OperationalError)
    async def _busy(_r: Request, exc: OperationalError) -> JSONResponse:
        logs.event("db.busy", error=str(exc.orig))
        return _err(503, "busy", "database busy, try again", "کارگزار سرش شلوغ است؛ دوباره بکوشید.")

    async def _data_error(_r: Request, exc: Exception) -> JSONResponse:
        # The last resort: a value the database refuses (too long, out of range, a character it
        # cannot store) that no check before it caught is the request's fault, not the server's.
        detail = str(getattr(exc, "orig", None) or exc).splitlines()[0][:300]
        logs.event("db.refused_value", level=logging.WARNING, error=detail)
        return _err(422, "invalid_value", f"the database refused a value of the request: {detail}",
                    "مقداری از درخواست در پایگاه داده پذیرفته نشد.")

    for refused in (DataError, psycopg.DataError, sqlite3.DataError):
        app.add_exception_handler(refused, _data_error)

    async def _conflict(_r: Request, exc: Exception) -> JSONResponse:
        logs.event("db.integrity", error=str(getattr(exc, "orig", None) or exc))
        return _err(409, "conflict", "concurrent write, try again", "نوشتن هم‌زمان؛ دوباره بکوشید.")

    # the push's bulk insert runs on the DBAPI connection: its errors are the driver's own
    for clash in (IntegrityError, psycopg.IntegrityError, sqlite3.IntegrityError):
        app.add_exception_handler(clash, _conflict)

    @app.get("/v1/health", response_model=p.HealthResponse)
    def health() -> p.HealthResponse:
        return p.HealthResponse(status="ok", protocol_version=p.PROTOCOL_VERSION,
                                min_protocol_version=p.MIN_PROTOCOL_VERSION, schema_version=p.SCHEMA_VERSION,
                                server_time_ms=exchange.now_ms())

    @app.post("/v1/enroll", response_model=p.EnrollResponse, responses=ERROR_DOC)
    def enroll(req: p.EnrollRequest) -> p.EnrollResponse:
        _check_versions(req.protocol_version, req.schema_version)
        existing = None
        if req.device_id is not None or req.office_code is not None or req.device_no is not None:
            if req.device_id is None or req.office_code is None or req.device_no is None:
                raise ApiError(422, "incomplete_identity", "device_id, office_code and device_no go together",
                               "شناسه، دفتر و شماره دستگاه باید با هم فرستاده شوند.")
            existing = auth.ExistingDesk(req.device_id, req.office_code, req.device_no)
        replaces = None
        if req.replaces is not None:
            if existing is not None:
                raise ApiError(422, "replaces_and_joins", "a desk either joins with its identity or replaces a device",
                               "میز یا با شناسه خود می‌پیوندد یا جای دستگاهی را می‌گیرد، نه هر دو.")
            replaces = auth.Replaced(req.replaces, req.client_seq_from or 0)
        got = auth.enrol(db, req.code, req.label, existing, replaces)
        logs.event("device.enrolled", device_id=got.device_id, office=got.office_code, device_no=got.device_no,
                   joined=existing is not None, replaces=req.replaces)
        return p.EnrollResponse(device_id=got.device_id, device_no=got.device_no, office_code=got.office_code,
                                secret=got.secret, server_hlc=clock.now(), server_time_ms=exchange.now_ms())

    def _device(authorization: str | None, store: str | None) -> None:
        with db.read() as s:
            auth.check_device(s, authorization, store=store)

    def _forget_photo_files(shas: set[str]) -> None:
        """Delete the files of photos an erasure removed, once no office sees them (the push that
        stored it has committed; one pushed again finds them gone already)."""
        if not shas:
            return
        with db.read() as s:
            seen = set(s.scalars(select(AttachmentRef.sha256).where(AttachmentRef.sha256.in_(sorted(shas)))))
        for sha in sorted(shas - seen):
            path = files.path(sha)
            if path is not None:
                path.unlink(missing_ok=True)
                logs.event("attachment.erased", sha=sha[:8])

    def _push(req: p.PushRequest, background: BackgroundTasks, authorization: str | None,
              store: str | None) -> Response:
        _check_versions(req.protocol_version, req.schema_version)
        with db.transaction() as s:
            device = auth.check_device(s, authorization, lock=True, store=store)
            if req.device_id != device.id:
                raise ApiError(403, "wrong_device", "device_id differs from the credential",
                               "شناسه دستگاه با اعتبارنامه نمی‌خواند.")
            answer = exchange.push(db, s, device, req, clock)
        _forget_photo_files(exchange.erased_photos(req.events))
        stored = sum(1 for r in answer.results if r.status == "stored") + sum(run.count for run in answer.stored)
        logs.event("push", device_id=req.device_id, batch_id=req.batch_id, events=len(req.events),
                   stored=stored, rejected=sum(1 for r in answer.results if r.status == "rejected"),
                   resend_from=answer.resend_from)
        if any(exchange.asks_for_sms(e.type, e.payload) for e in req.events):
            background.add_task(sms.drain, db, gateway)
        if req.protocol_version < p.REASON_FA_PROTOCOL:  # a desk of protocol 1 refuses a field it does not know
            return Response(content=answer.model_dump_json(exclude={"results": {"__all__": {"reason_fa"}},
                                                                    "upgraded": True}),
                            media_type="application/json", background=background)
        return _json(answer, background)

    @app.post("/v1/push", response_model=p.PushResponse, responses=ERROR_DOC,
              openapi_extra=_json_body(p.PushRequest))
    async def push(request: Request, background: BackgroundTasks,
                   authorization: Annotated[str | None, Header()] = None,
                   x_kanoon_store: Annotated[str | None, Header()] = None) -> Response:
        # The credential first: a body from no device is not read at all (an unauthenticated
        # 300 MB push held 1 GB before its 401). Then the body, read as it comes, up to the cap.
        await run_in_threadpool(_device, authorization, x_kanoon_store)
        body = await _read_capped(request, p.MAX_PUSH_BYTES, ApiError(
            413, "too_large", f"a push is limited to {p.MAX_PUSH_BYTES} bytes: send fewer events per batch",
            "بسته رویدادها از اندازه مجاز بزرگ‌تر است؛ رویدادها را در بسته‌های کوچک‌تر بفرستید."))
        # The body is parsed by pydantic straight from its bytes (a batch is a thousand events):
        # FastAPI's json.loads followed by validation of the objects took four times as long.
        req = _parse(p.PushRequest, body)
        return await run_in_threadpool(_push, req, background, authorization, x_kanoon_store)

    def _seen(device_id: str, last_seen_at: datetime | None) -> None:
        """The device's last contact, for the devices list: a push writes it in its own
        transaction; a pull or a snapshot page (reads) write it at most once a minute."""
        now = utcnow()
        # (a contact stamped ahead, by a clock since set right, is written again)
        if last_seen_at is not None and timedelta(0) <= now - last_seen_at < SEEN_EVERY:
            return
        with db.transaction() as s:
            s.execute(update(Device).where(Device.id == device_id).values(last_seen_at=now))

    def _pull(req: p.PullRequest, authorization: str | None, store: str | None) -> Response:
        _check_versions(req.protocol_version, req.schema_version)
        with db.read() as s:
            device = auth.check_device(s, authorization, store=store)
            answer = _raw_json(exchange.pull(db, s, device, req, clock).json())
            seen = (device.id, device.last_seen_at)
        _seen(*seen)
        return answer

    @app.post("/v1/pull", response_model=p.PullResponse, responses=ERROR_DOC)
    def pull(req: p.PullRequest, authorization: Annotated[str | None, Header()] = None,
             x_kanoon_store: Annotated[str | None, Header()] = None) -> Response:
        return _pull(req, authorization, x_kanoon_store)

    @app.get("/v1/pull", response_model=p.PullResponse, responses=ERROR_DOC)
    def pull_get(cursor: Annotated[int, Query(ge=0, le=p.MAX_POSITION)] = 0,
                 limit: Annotated[int, Query(ge=1, le=p.MAX_PAGE)] = p.DEFAULT_PAGE,
                 summary: bool = False,
                 authorization: Annotated[str | None, Header()] = None,
                 x_kanoon_store: Annotated[str | None, Header()] = None,
                 x_kanoon_protocol: Annotated[int | None, Header()] = None) -> Response:
        return _pull(p.PullRequest(cursor=cursor, limit=limit, summary=summary,
                                   protocol_version=x_kanoon_protocol or p.PROTOCOL_VERSION),
                     authorization, x_kanoon_store)

    @app.get("/v1/snapshot", response_model=p.SnapshotResponse, responses=ERROR_DOC)
    def snapshot(cursor: Annotated[int, Query(ge=0, le=p.MAX_POSITION)] = 0,
                 upto: Annotated[int, Query(ge=0, le=p.MAX_POSITION)] = 0,
                 limit: Annotated[int, Query(ge=1, le=p.MAX_PAGE)] = p.MAX_PAGE,
                 authorization: Annotated[str | None, Header()] = None,
                 x_kanoon_store: Annotated[str | None, Header()] = None,
                 x_kanoon_protocol: Annotated[int | None, Header()] = None) -> Response:
        with db.read() as s:
            device = auth.check_device(s, authorization, store=x_kanoon_store)
            answer = _raw_json(exchange.snapshot(db, s, device, cursor, upto, limit, clock,
                                                 x_kanoon_protocol or p.PROTOCOL_VERSION).json())
            seen = (device.id, device.last_seen_at)
        _seen(*seen)
        return answer

    @app.post("/v1/hello", response_model=p.HelloResponse, responses=ERROR_DOC)
    def hello(req: p.HelloRequest, authorization: Annotated[str | None, Header()] = None) -> Response:
        """A desk's first word in a round: its store's name checked (or renamed), and the highest
        client sequence number the server holds for it (`HelloRequest`)."""
        _check_versions(req.protocol_version, req.schema_version)
        if req.next_store_id is None:
            with db.read() as s:
                device = auth.check_device(s, authorization)
                answer = exchange.hello(db, s, device, req, clock)
                seen = (device.id, device.last_seen_at)
            _seen(*seen)
        else:
            with db.transaction() as s:
                answer = exchange.hello(db, s, auth.check_device(s, authorization, lock=True), req, clock)
            logs.event("device.store_renamed", device_id=answer.device_id)
        # `pull_from` only to a desk that asked (an older desk refuses a field it does not know)
        return Response(content=answer.model_dump_json(exclude_none=True), media_type="application/json")

    @app.get("/v1/own-events", response_model=p.OwnEventsResponse, responses=ERROR_DOC)
    def own_events(after: Annotated[int, Query(ge=0, le=p.MAX_POSITION)] = 0,
                   cursor: Annotated[int, Query(ge=0, le=p.MAX_POSITION)] = 0,
                   limit: Annotated[int, Query(ge=1, le=p.MAX_PAGE)] = p.MAX_PAGE,
                   authorization: Annotated[str | None, Header()] = None,
                   x_kanoon_store: Annotated[str | None, Header()] = None,
                   x_kanoon_protocol: Annotated[int | None, Header()] = None) -> Response:
        """The device's own events past client sequence number `after` (a pull leaves them out):
        what a desk restored from an old backup lost."""
        with db.read() as s:
            device = auth.check_device(s, authorization, store=x_kanoon_store)
            return _raw_json(exchange.own_events(db, s, device, after, cursor, limit, clock,
                                                 x_kanoon_protocol or p.PROTOCOL_VERSION).json())

    @app.post("/v1/sms-outcomes", response_model=p.SmsOutcomesResponse, responses=ERROR_DOC)
    def sms_outcomes(req: p.SmsOutcomesRequest, authorization: Annotated[str | None, Header()] = None,
                     x_kanoon_store: Annotated[str | None, Header()] = None) -> Response:
        """What became of the SMS a desk's office asked for: sent, still queued, or given up
        (with the gateway's last error), so the clerk can tell the applicant another way."""
        _check_versions(req.protocol_version, None)
        with db.read() as s:
            device = auth.check_device(s, authorization, store=x_kanoon_store)
            return _json(p.SmsOutcomesResponse(outcomes=sms.outcomes(s, device.office_code, req.event_ids)))

    @app.post("/v1/held", response_model=p.HeldResponse, responses=ERROR_DOC)
    def held(req: p.HeldRequest, authorization: Annotated[str | None, Header()] = None,
             x_kanoon_store: Annotated[str | None, Header()] = None) -> Response:
        """Which of these events of the device's office the server holds, under which device: a
        desk made a new device asks before it moves its unacknowledged events to it."""
        with db.read() as s:
            device = auth.check_device(s, authorization, store=x_kanoon_store)
            ids = sorted(set(req.event_ids))
            rows = s.execute(select(ServerEvent.id, ServerEvent.device_id).where(
                ServerEvent.id.in_(ids), ServerEvent.office_code == device.office_code)).all() if ids else []
        return _json(p.HeldResponse(held={event_id: device_id for event_id, device_id in rows}))

    @app.get("/v1/status/{tracking_code}", response_model=p.StatusResponse,
             responses={**ERROR_DOC, 404: {"model": p.ErrorResponse}, 429: {"model": p.ErrorResponse}})
    def status(tracking_code: str, request: Request) -> Any:
        client = request.client.host if request.client else "?"
        if not limiter.allow(client):
            return _err(429, "rate_limited", "too many look-ups, wait a minute",
                        "درخواست‌ها زیاد بود؛ یک دقیقه دیگر بکوشید.")
        from ..services.numbers import is_valid_tracking_code

        if len(tracking_code) > 40 or not is_valid_tracking_code(tracking_code):
            return _err(400, "bad_code", "not a valid tracking code (check digit)", "کد رهگیری درست نیست.")
        found = lookup(db, tracking_code)
        if found is None:
            return _err(404, "not_found", "no case with this tracking code", "درخواستی با این کد رهگیری پیدا نشد.")
        return found

    @app.put("/v1/attachments/{sha256}", response_model=p.AttachmentStatus, responses=ERROR_DOC)
    async def put_attachment(sha256: str, request: Request,
                             authorization: Annotated[str | None, Header()] = None,
                             content_range: Annotated[str | None, Header()] = None,
                             x_kanoon_store: Annotated[str | None, Header()] = None) -> p.AttachmentStatus:
        await run_in_threadpool(_device, authorization, x_kanoon_store)
        too_large = AttachmentError(413, "too_large", f"attachments are limited to {files.max_bytes} bytes",
                                    "پیوست از اندازه مجاز بزرگ‌تر است.")
        declared = request.headers.get("content-length") or "0"
        if not declared.isdigit():
            raise AttachmentError(400, "bad_length", "Content-Length must be a number of bytes",
                                  "اندازه بارگذاری نادرست است.")
        # read as it comes, the limit kept while reading: a body sent without Content-Length
        # (chunked) is refused at the first byte past it, not after it was all held in memory
        with files.uploading(sha256):  # (its `.part` is not swept meanwhile)
            data = await _read_capped(request, files.max_bytes, too_large)
            return await run_in_threadpool(files.put, sha256, data, content_range)

    @app.get("/v1/attachments/{sha256}/status", response_model=p.AttachmentStatus, responses=ERROR_DOC)
    def attachment_status(sha256: str, authorization: Annotated[str | None, Header()] = None,
                          x_kanoon_store: Annotated[str | None, Header()] = None) -> p.AttachmentStatus:
        _device(authorization, x_kanoon_store)
        return files.status(sha256)

    @app.get("/v1/attachments/{sha256}", responses={**ERROR_DOC, 404: {"model": p.ErrorResponse}})
    def get_attachment(sha256: str, authorization: Annotated[str | None, Header()] = None,
                       x_kanoon_store: Annotated[str | None, Header()] = None) -> Any:
        # a file goes only to a device whose office sees an event naming it (its own office's
        # case, the shared registry's member photo): not any file to any desk that knows its hash
        with db.read() as s:
            device = auth.check_device(s, authorization, store=x_kanoon_store)
            visible = exchange.file_visible(s, sha256, device.office_code)
        path = files.path(sha256)  # (a malformed name is refused 400)
        if path is None or not visible:
            return _err(404, "not_found", "no such attachment", "پیوست پیدا نشد.")
        return FileResponse(path, media_type="application/octet-stream")

    _with_own_bodies(app)
    return app
