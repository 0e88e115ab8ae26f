"""`kanoon-desk server`: run the central server, issue enrolment codes, revoke devices.

    kanoon-desk server --db URL [--host 127.0.0.1] [--port 8750] [--sms-every 300]
    kanoon-desk server enroll --db URL --office CODE [--expires-hours 72]   (code alone on the last line)
    kanoon-desk server revoke --db URL --device ID [--attachments DIR]   (kept beside DIR too)
    kanoon-desk server devices --db URL [--office CODE]   (every device: find the id to revoke)
    kanoon-desk server sms --db URL [--gateway-url URL --gateway-key KEY]  (send queued notices once)
    kanoon-desk server check --db URL [--attachments DIR]   (the totals, the schema, the folder's leftovers)

`--db` is an SQLite file path (or sqlite:/// URL) or a `postgresql+psycopg://…` URL; the schema is
migrated at start. Environment: KANOON_SMS_URL and KANOON_SMS_KEY choose the HTTP SMS gateway.

`--db` is required. The server creates a new SQLite database at its path when it starts; `enroll`,
`revoke`, `devices` and `sms` refuse an SQLite path that does not exist (a typo would make an empty
database the running server does not read: a code it does not know, "no devices").

Exit codes: 0 done; 1 refused or failed (a database that cannot be reached or read, a file that
cannot be written: one line, in Persian and English); 2 bad usage (no --db, or an admin command's
SQLite database that does not exist); 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import errno
import os
import socket
import sys
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from .. import cli_support

if TYPE_CHECKING:
    from .auth import DeviceRow

#: `sms.DRAIN_EVERY` (not imported: the CLI starts without the server's modules).
DRAIN_EVERY = 300.0
DEFAULT_PORT = 8750


def _gateway(url: str | None, key: str | None) -> object | None:
    from .sms import HttpGateway

    url = url or os.environ.get("KANOON_SMS_URL")
    key = key or os.environ.get("KANOON_SMS_KEY", "")
    return HttpGateway(url, key) if url else None


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="kanoon-desk server", description="Kanoon Desk central server")
    ap.add_argument("--db", default=None, help="SQLite path or database URL (required)")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=cli_support.port, default=DEFAULT_PORT)
    ap.add_argument("--attachments", default=None, help="folder for attachments")
    ap.add_argument("--gateway-url", default=None)
    ap.add_argument("--gateway-key", default=None)
    ap.add_argument("--sms-every", type=cli_support.seconds, default=DRAIN_EVERY,
                    help="seconds between sends of queued SMS notices, failed ones again (0: only after pushes)")
    sub = ap.add_subparsers(dest="cmd")
    en = sub.add_parser("enroll", help="print a one-time enrolment code for a new desk of an office")
    en.add_argument("--db", default=argparse.SUPPRESS, help="the server's database (required)")
    en.add_argument("--office", required=True, type=cli_support.office_code, help="1-8 Latin letters or digits")
    en.add_argument("--expires-hours", type=cli_support.positive_hours, default=72,
                    help="hours the code stays valid, more than 0 (default 72)")
    rv = sub.add_parser("revoke", help="cut a device off at once")
    rv.add_argument("--db", default=argparse.SUPPRESS, help="the server's database (required)")
    rv.add_argument("--device", required=True, type=cli_support.device_id)
    rv.add_argument("--attachments", default=argparse.SUPPRESS,
                    help="the server's attachments folder (as `server` is given it): the revocation is also "
                         "kept beside it, so a database restored from a backup does not let the device in again")
    sm = sub.add_parser("sms", help="send queued SMS notices once")
    sm.add_argument("--db", default=argparse.SUPPRESS, help="the server's database (required)")
    sm.add_argument("--gateway-url", default=argparse.SUPPRESS, help="the HTTP SMS gateway (else KANOON_SMS_URL; "
                                                                     "none: the notices are only logged)")
    sm.add_argument("--gateway-key", default=argparse.SUPPRESS, help="its key (else KANOON_SMS_KEY)")
    dv = sub.add_parser("devices", help="list the enrolled devices (id, office, number, label, enrolled, "
                                        "last seen, revoked)")
    dv.add_argument("--db", default=argparse.SUPPRESS, help="the server's database (required)")
    dv.add_argument("--office", default=None, type=cli_support.office_code, help="only this office's devices")
    st = sub.add_parser("stats", help="per office: events and digest per aggregate type (as a synced desk's "
                                      "`kanoon-desk stats` prints them)")
    st.add_argument("--db", default=argparse.SUPPRESS, help="the server's database (required)")
    st.add_argument("--office", default=None, type=cli_support.office_code, help="only this office")
    st.add_argument("--json", action="store_true", help="print JSON")
    ck = sub.add_parser("check", help="recompute every office's totals from the events; the schema's revision")
    ck.add_argument("--db", default=argparse.SUPPRESS, help="the server's database (required)")
    ck.add_argument("--attachments", default=argparse.SUPPRESS,
                    help="the server's attachments folder (as `server` is given it; default: the server's default "
                         "folder): uploads cut off and left, erased members' photos still there")
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    """The server and its admin commands; a database that cannot be reached or read, a file error
    or Ctrl-C is one line ("fa | en") and exit 1 (130 for Ctrl-C), never a traceback."""
    return cli_support.guarded(lambda: _main(argv), cli_support.BAR)


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(argv) if argv is not None else sys.argv[1:]
    if args_list and args_list[0] == "server":
        args_list = args_list[1:]
    parser = _parser()
    try:
        args = parser.parse_args(args_list)
        if not args.db:
            parser.error("--db URL is required (an SQLite path or a database URL)")
    except SystemExit as exc:
        return 2 if exc.code else 0
    db: str = args.db
    if args.cmd is not None and _missing_sqlite(db) is not None:
        print(f"پایگاه داده کارگزار پیدا نشد؛ --db کارگزار در حال کار را بدهید | no server database at "
              f"{_missing_sqlite(db)}: give the --db of the running server (it creates its database when it "
              "starts)", file=sys.stderr)
        return 2
    from .db import ServerDb

    if args.cmd in ("stats", "check"):
        return _stats_or_check(args)
    if args.cmd == "enroll":
        from .auth import new_enrolment_code

        server_db = ServerDb(db)
        try:
            code = new_enrolment_code(server_db, args.office, expires_hours=args.expires_hours)
        except ValueError as exc:
            print(f"کد دفتر نادرست است | {exc}", file=sys.stderr)
            return 2
        finally:
            server_db.close()
        print(f"کد یک‌بارمصرف ثبت دستگاه برای دفتر {args.office.upper()} ({args.expires_hours:g} ساعت اعتبار) | "
              f"one-time enrolment code for office {args.office.upper()}:")
        print(code)
        return 0
    if args.cmd == "revoke":
        from pathlib import Path

        from . import revocations
        from .app import default_attachments_dir
        from .auth import list_devices, revoke

        server_db = ServerDb(db)
        try:
            if args.device not in {d.id for d in list_devices(server_db)}:
                print(f"دستگاه پیدا نشد | no such device: {args.device}", file=sys.stderr)
                return 1
            kept = revocations.list_path(Path(args.attachments) if args.attachments else
                                         default_attachments_dir(server_db))
            revocations.add(kept, [args.device])  # first: a database restored later cannot undo it
            revoke(server_db, args.device)
        finally:
            server_db.close()
        print(f"دسترسی دستگاه لغو شد | device revoked: {args.device} (kept in {kept})")
        return 0
    if args.cmd == "devices":
        from .auth import list_devices

        server_db = ServerDb(db)
        try:
            devices = list_devices(server_db, args.office)
        finally:
            server_db.close()
        print(_devices_table(devices))
        return 0
    if args.cmd == "sms":
        from .sms import LogGateway, drain

        server_db = ServerDb(db)
        try:
            sent = drain(server_db, _gateway(args.gateway_url, args.gateway_key) or LogGateway())  # type: ignore[arg-type]
        finally:
            server_db.close()
        print(f"{sent} پیامک فرستاده شد | {sent} SMS sent")
        return 0
    try:
        sock = listening_socket(args.host, args.port)
    except PortTaken as exc:
        print(str(exc), file=sys.stderr)
        return 1
    from .db import ServerRunning, hold_server_lock, release_server_lock

    try:
        server_lock = hold_server_lock(db)
    except ServerRunning:
        sock.close()
        where = " ".join(describe_db(db).values())
        print(f"کارگزار دیگری هم‌اکنون روی همین پایگاه داده کار می‌کند؛ نخست آن را ببندید | another Kanoon server is "
              f"already running on this database ({where}): stop it first (one server per database; a new "
              "release started beside the old one would migrate the database under it)", file=sys.stderr)
        return 1
    try:
        return _serve(args, db, sock)
    finally:
        release_server_lock(server_lock)


def _serve(args: argparse.Namespace, db: str, sock: socket.socket) -> int:
    """Open (and migrate) the database, check the clock, log the start and serve on `sock`."""
    import uvicorn

    from .app import create_app
    from .logs import setup_json_logging

    setup_json_logging()
    from pathlib import Path

    from .logs import event

    gateway = _gateway(args.gateway_url, args.gateway_key)
    app = create_app(db, sms_gateway=gateway,  # type: ignore[arg-type]
                     attachments_dir=Path(args.attachments) if args.attachments else None,
                     sms_every=args.sms_every if args.sms_every > 0 else None)
    from .exchange import clock_behind, now_ms
    from .exchange_checks import how_far

    behind = clock_behind(app.state.db, now_ms())
    if behind:
        sock.close()
        app.state.db.close()
        span_en, span_fa = how_far(behind)
        print(f"ساعت این رایانه {span_fa} از رویدادهایی که کارگزار پیش‌تر نگه داشته عقب است؛ تاریخ و ساعت را درست "
              f"کنید (NTP) و کارگزار را دوباره راه بیندازید | this computer's clock is {span_en} behind the newest "
              "events the server stored: it went back since they came. Set the date and time right (NTP) and "
              "start the server again (started so, it would refuse every desk's new work as stamped ahead of it)",
              file=sys.stderr)
        return 1
    start: dict[str, Any] = {"address": f"http://{args.host}:{args.port}", **describe_db(db),
                             "sms": _gateway_host(gateway) or "log only"}
    event("server.start", **start)
    quiet_collector()
    config = uvicorn.Config(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[sock])
    return 0


class PortTaken(Exception):
    """The server's address cannot be taken; the message is the operator's one line ("fa | en")."""


def listening_socket(host: str, port: int) -> socket.socket:
    """The server's listening socket, bound before the database is opened or migrated: a port
    another program holds (often the server already running: two servers, or the old release
    still up during an upgrade) is one line and exit 1, with nothing migrated and no
    «server.start» logged for a server that never started."""
    try:
        family, kind, proto = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][:3]
    except socket.gaierror as exc:
        raise PortTaken(f"نشانی --host {host} شناخته نشد | --host {host} is not an address of this machine: "
                        f"{exc.strerror}") from exc
    # its protocol said (IPPROTO_TCP), not left 0: asyncio turns Nagle's delay off (TCP_NODELAY) only
    # on connections whose socket says TCP, and without it every answer waited ~40 ms for the
    # desk's delayed ACK (a push of 5,000 events took twice as long)
    sock = socket.socket(family, kind, proto or socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise PortTaken(f"درگاه {port} را برنامه دیگری گرفته است (شاید کارگزاری که در حال کار است) | port {port} "
                            f"on {host} is already in use (is the server already running?): stop that program, or "
                            "give another --port") from exc
        if exc.errno == errno.EACCES:
            raise PortTaken(f"اجازه گرفتن درگاه {port} نیست | no permission to listen on port {port} (ports below "
                            "1024 need root): give a --port of 1024 or more") from exc
        if exc.errno == errno.EADDRNOTAVAIL:
            raise PortTaken(f"نشانی --host {host} از آن این رایانه نیست | --host {host} is not an address of this "
                            "machine (0.0.0.0: every address)") from exc
        raise PortTaken(f"درگاه {port} گرفته نشد | cannot listen on {host}:{port}: {exc.strerror}") from exc
    return sock


def _stats_or_check(args: argparse.Namespace) -> int:
    """`server stats` / `server check`: read only, the database not migrated."""
    import json

    from . import admin
    from .db import ServerDb

    server_db = ServerDb(args.db, migrate=False)
    try:
        if args.cmd == "check":
            from pathlib import Path

            from .app import default_attachments_dir

            problems = admin.check(server_db, Path(args.attachments) if args.attachments else
                                   default_attachments_dir(server_db))
            where = " ".join(f"{k}={v}" for k, v in describe_db(args.db).items())
            if problems:
                print(f"بررسی ناموفق | check FAILED: {where}")
                for problem in problems:
                    print(f"  - {problem}")
                return 1
            print(f"درست است | check ok: {where}")
            return 0
        current, heads = admin.schema_revisions(server_db)
        if not current:
            print(f"این پایگاه داده، پایگاه داده کارگزار نیست یا هنوز راه‌اندازی نشده است | no Kanoon server schema in "
                  f"{' '.join(describe_db(args.db).values())} (this release is at {', '.join(sorted(heads))}): "
                  "start the server on it once", file=sys.stderr)
            return 1
        data = admin.stats(server_db, args.office)
    finally:
        server_db.close()
    if args.json:
        print(json.dumps({**describe_db(args.db), **data}, ensure_ascii=False, indent=2))
        return 0
    where = " ".join(f"{k}={v}" for k, v in describe_db(args.db).items())
    print(f"{where}  schema {','.join(data['schema']) or '-'}  events {data['events']}  server_seq {data['server_seq']}")
    if not data["offices"]:
        print("دفتری ثبت نشده است | no offices")
    for code, office in data["offices"].items():
        print(f"office {code}  devices {office['devices']}  events {office['events']}  digest {office['digest'][:16]}")
        print(f"  {'aggregate type':<16}{'events':>12}  digest")
        for name, row in office["aggregates"].items():
            print(f"  {name:<16}{row['events']:>12}  {row['digest'][:16]}")
    return 0


def describe_db(db: str) -> dict[str, str]:
    """What the start-up line says of the database: its kind, and its file or its host and name
    (never the URL's password)."""
    from sqlalchemy.engine import make_url

    from .db import normalise_url

    url = make_url(normalise_url(db))
    if url.get_backend_name() == "sqlite":
        return {"database": "sqlite", "db_path": url.database or ":memory:"}
    where = f"{url.host or 'localhost'}{f':{url.port}' if url.port else ''}/{url.database or ''}"
    return {"database": url.get_backend_name(), "db_host": where}


def _gateway_host(gateway: object | None) -> str:
    import httpx

    url = getattr(gateway, "url", None)
    return (httpx.URL(url).host or str(url)) if url else ""


def _missing_sqlite(db: str) -> str | None:
    """The path of an SQLite database `db` names that does not exist (None: it exists, or `db`
    is another database's URL)."""
    from sqlalchemy.engine import make_url

    from .db import normalise_url

    url = make_url(normalise_url(db))
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return None if os.path.isfile(url.database) else url.database


def _devices_table(devices: Sequence[DeviceRow]) -> str:
    """One line per device under a header, columns separated by two spaces (times in UTC)."""
    if not devices:
        return "دستگاهی ثبت نشده است | no devices"

    def when(value: datetime | None) -> str:
        return value.strftime("%Y-%m-%d %H:%M") if value is not None else "-"

    rows = [("device_id", "office", "no", "label", "enrolled_utc", "last_seen_utc", "revoked")]
    rows += [(d.id, d.office_code, str(d.device_no), d.label or "-", when(d.enrolled_at), when(d.last_seen_at),
              "yes" if d.revoked else "no") for d in devices]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    return "\n".join("  ".join([*(c.ljust(w) for c, w in zip(r, widths, strict=False)), r[-1]]) for r in rows)


def quiet_collector() -> None:
    """Keep the garbage collector's full passes off the request path.

    A push batch or a pull page makes thousands of short-lived objects; each time they tip the
    collector into its oldest generation it walks every object the process holds (the imported
    FastAPI, SQLAlchemy and pydantic machinery included): ~90 ms measured, once every ten or so
    batches. What exists at start-up is moved out of the collector's sight (`gc.freeze`), and the
    youngest generation is collected less often (a batch's objects die young, by reference count)."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


if __name__ == "__main__":
    sys.exit(main())
