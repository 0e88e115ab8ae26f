"""`kanoon-desk enroll --db PATH --server URL --code CODE` and `kanoon-desk sync --db PATH`.

Exit codes: 0 the round succeeded; 1 it failed (offline, refused, mismatch, a store file that
cannot be read, a server that is not a Kanoon server, `enroll` on a store open in the app — the
one-line summary says why, in Persian and English); 2 bad usage: the store is not found (`sync`,
`enroll --replace-device`), or no store can be made at `--db` (`enroll`: no such folder, not a
folder, not writable — said before the one-time code is spent); 3 upgrade required (this program, or the
server when it is older than the desk syncs with: the message says which); 4 credential refused; 5 the store is a copy of a desk
the server follows on another computer (enrol it with --replace-device); 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .. import cli_support
from ..services import accounts
from ..store import StoreError
from . import errors
from .client import sync_once
from .enrolment import enroll, replace_device
from .protocol import DEFAULT_BATCH, DEFAULT_PAGE, MAX_BATCH, MAX_PAGE
from .report import SyncReport

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_UPGRADE, EXIT_AUTH, EXIT_COPIED = 0, 1, 2, 3, 4, 5
EXIT_INTERRUPTED = cli_support.EXIT_INTERRUPTED


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="kanoon-desk", description="Kanoon Desk sync with the central server")
    sub = ap.add_subparsers(dest="cmd", required=True)
    en = sub.add_parser("enroll", help="create a desk store on PATH from a one-time enrolment code")
    en.add_argument("--db", required=True, type=Path)
    en.add_argument("--server", required=True)
    en.add_argument("--code", required=True)
    en.add_argument("--label", default="")
    en.add_argument("--replace-device", action="store_true",
                    help="move a desk enrolled before (its device revoked, its credential lost, or its store "
                         "followed on another computer) to a new device identity, keeping its history and "
                         "sending its pending events under the new device")
    sy = sub.add_parser("sync", help="one sync round: push, pull, verify")
    sy.add_argument("--db", required=True, type=Path)
    sy.add_argument("--batch", type=cli_support.positive_int, default=DEFAULT_BATCH,
                    help=f"events per push, 1 or more (at most {MAX_BATCH} are sent)")
    sy.add_argument("--page", type=cli_support.positive_int, default=DEFAULT_PAGE,
                    help=f"events per pulled page, 1 or more (at most {MAX_PAGE} are asked for)")
    return ap


def _exit_for(report: SyncReport | None, exc: errors.SyncError | None = None) -> int:
    """The exit code of a refusal raised (`exc`) or of a round that stopped (`report.failure`):
    an old program (protocol or event schema, HTTP 426) or an old server is 3, a refused credential 4."""
    failure = type(exc).__name__ if exc is not None else report.failure if report is not None else ""
    if failure in (errors.UpgradeRequired.__name__, errors.ServerUpgradeRequired.__name__):
        return EXIT_UPGRADE
    if failure == errors.AuthRefused.__name__:
        return EXIT_AUTH
    if failure == errors.StoreCopied.__name__:
        return EXIT_COPIED
    if exc is not None:
        return EXIT_FAILED
    return EXIT_OK if report is not None and report.ok else EXIT_FAILED


def _unusable(db: Path) -> int | None:
    """The exit code when `db` is not a desk's store that can be opened (said on one line), None
    when it is one: the checks of `kanoon-desk check` (`ops.validate_store_file`)."""
    if not db.is_file():
        print(f"پایگاه داده پیدا نشد | store not found: {db}", file=sys.stderr)
        return EXIT_USAGE
    from ..services import ops

    problems = ops.validate_store_file(db)
    if problems:
        print(f"{'؛ '.join(cli_support.one_line(p) for p in problems)} | not a usable Kanoon Desk store: {db}",
              file=sys.stderr)
        return EXIT_FAILED
    return None


def _open_elsewhere(db: Path) -> int | None:
    """EXIT_FAILED (said on one line) when the store at `db` is open in the app or another program,
    None when it is not. `enroll` on an existing store gives it a new identity (`--replace-device`)
    or may renumber it (a desk joining): an app open on it would go on stamping its events with
    the old device, which the server no longer takes, and tell the clerk to replace the device
    again. Asked before the one-time code is sent, so the code is not spent."""
    from ..store import in_use

    if not in_use(db):
        return None
    print(f"این پایگاه داده اکنون در برنامه (یا برنامه دیگری) باز است؛ نخست برنامه را ببندید و دوباره بکوشید. کد ثبت "
          f"به کار نرفت | the store is open in the app (or another program): close it first and run this again; the "
          f"code is not spent: {db}", file=sys.stderr)
    return EXIT_FAILED


def main(argv: Sequence[str] | None = None) -> int:
    """`enroll` or `sync`; an unreadable file, a database error or Ctrl-C is one line ("fa | en")
    and exit 1 (130 for Ctrl-C), never a traceback (`cli_support.guarded`)."""
    return cli_support.guarded(lambda: _main(argv), cli_support.BAR)


def _main(argv: Sequence[str] | None) -> int:
    try:
        args = _parser().parse_args(list(argv) if argv is not None else None)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_OK
    report: SyncReport | None
    try:
        if args.cmd == "enroll" and args.replace_device:
            from ..store import Store

            unusable = _unusable(args.db) or _open_elsewhere(args.db)
            if unusable is not None:
                return unusable
            store = Store(args.db)
            try:
                old = store.identity.device_id
                report = replace_device(store, args.server, args.code, label=args.label)
                ident = store.identity
                print(f"این میز دستگاه تازه‌ای شد: دفتر {ident.office_code}، دستگاه {ident.device_no} | "
                      f"device replaced: office {ident.office_code}, device {ident.device_no} ({ident.device_id}, "
                      f"was {old})")
            finally:
                store.close()
        elif args.cmd == "enroll":
            refused = _open_elsewhere(args.db) if args.db.is_file() else None  # a desk joining
            if refused is not None:
                return refused
            store, report = enroll(args.db, args.server, args.code, label=args.label)
            ident = store.identity
            print(f"این میز ثبت شد: دفتر {ident.office_code}، دستگاه {ident.device_no} | "
                  f"enrolled: office {ident.office_code}, device {ident.device_no} ({ident.device_id})")
            if report is not None and report.ok and accounts.needs_first_admin(store):
                print("این دفتر هنوز کاربری ندارد؛ برنامه را باز کنید تا نخستین مدیر آن را بسازید | "
                      "the office has no user yet: open the app to make its first administrator")
            store.close()
        else:
            from ..store import Store

            unusable = _unusable(args.db)
            if unusable is not None:
                return unusable
            store = Store(args.db)
            try:
                report = sync_once(store, batch_size=args.batch, page_size=args.page)
            finally:
                store.close()
    except errors.SyncError as exc:
        print(f"{exc.message} | {exc.detail or type(exc).__name__}", file=sys.stderr)
        return _exit_for(None, exc)
    except StoreError as exc:  # enroll: no store can be made at --db (checked before the code is spent)
        print(f"در این مسیر پایگاه داده ساخته نمی‌شود؛ کد ثبت به کار نرفت | the store cannot be made there, "
              f"the code is not spent: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if report is not None:
        print(report.summary_line(), file=sys.stdout if report.ok else sys.stderr)
    return _exit_for(report)


if __name__ == "__main__":
    sys.exit(main())
