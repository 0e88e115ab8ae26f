"""The `kanoon-desk` command: the app, and the operator subcommands (demo, check, stats, backup...).

    kanoon-desk [--db PATH] [--lang fa|en]          the desktop app
    kanoon-desk --version
    kanoon-desk demo --db PATH [--office CODE] [--size small|large] [--seed N]
    kanoon-desk check --db PATH                     exit 1 with the reasons when unhealthy
    kanoon-desk stats --db PATH [--json]
    kanoon-desk backup --db PATH --to FILE [--force]
    kanoon-desk restore --db PATH --from FILE [--sync] [--other-device]
    kanoon-desk screenshots --db PATH --out DIR [--lang fa|en]
    kanoon-desk smoke                               offscreen open of the login window (packaging)
    kanoon-desk server ...                          → kanoon_desk.server.cli.main(rest)
    kanoon-desk enroll ... | sync ...               → kanoon_desk.sync.cli.main(["enroll"|"sync", *rest])

Every handler imports what it needs lazily: `check`, `stats`, `backup`, `restore` and `demo`
never import Qt, and a desk module that is not there yet gives a clear message (exit 2).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from . import __version__, cli_support

EXIT_OK, EXIT_FAILED, EXIT_UNAVAILABLE = 0, 1, 2
EXIT_INTERRUPTED = cli_support.EXIT_INTERRUPTED
PASS_THROUGH = {"server": "kanoon_desk.server.cli", "enroll": "kanoon_desk.sync.cli",
                "sync": "kanoon_desk.sync.cli"}


def _err(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _load(module: str) -> ModuleType | None:
    """Import one of the project's modules; None (with a message) when it is not there yet."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and (module == exc.name or module.startswith(exc.name + ".")):
            _err(f"این بخش هنوز در این نسخه نیست ({module}) — this part is not available yet ({module}).")
            return None
        _err(f"بخش {module} بار نشد — {module} could not be loaded: {exc}")
        return None
    except ImportError as exc:
        _err(f"بخش {module} بار نشد — {module} could not be loaded: {exc}")
        return None


def _need(module: str, attr: str) -> Callable[..., Any] | None:
    mod = _load(module)
    if mod is None:
        return None
    fn = getattr(mod, attr, None)
    if not callable(fn):
        _err(f"این بخش هنوز کامل نیست ({module}.{attr}) — not available yet ({module}.{attr}).")
        return None
    return fn  # type: ignore[no-any-return]


# --- handlers --------------------------------------------------------------------------------


def cmd_app(args: argparse.Namespace) -> int:
    run_app = _need("kanoon_desk.ui.app", "run_app")
    if run_app is None:
        return EXIT_UNAVAILABLE
    return int(run_app(Path(args.db) if args.db else None, args.lang))


def cmd_smoke(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    smoke = _need("kanoon_desk.ui.app", "smoke")
    if smoke is None:
        return EXIT_UNAVAILABLE
    code = int(smoke())
    print(f"kanoon-desk smoke: {'ok' if code == 0 else f'failed ({code})'}", flush=True)
    return code


def cmd_demo(args: argparse.Namespace) -> int:
    from . import demo

    result = demo.run(Path(args.db), office=args.office, size=args.size, seed=args.seed)
    if result["skipped"]:
        print(f"این پایگاه داده پیش‌تر داده نمونه گرفته است — {args.db} already holds the demo data; "
              "nothing done.")
    else:
        print(f"داده نمونه ساخته شد — demo data written to {args.db} "
              f"(size {result['size']}, {result['seconds'].get('total', 0)} s)")
        for key in ("secretariat", "library"):
            if result.get(key) is not None:
                print(f"  {key}: {json.dumps(result[key], ensure_ascii=False, default=str)}")
    print("کاربران نمونه — demo users (username / password / role):")
    for username, password, role in result["users"]:
        print(f"  {username:<12} {password:<14} {role}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from .services import ops
    from .services.leftovers import remove_leftovers

    problems = ops.check(Path(args.db))
    # what a stopped restore or download left beside the store (a restore's copy is as big as the
    # store): taken away, and said, so the room it took is not a mystery
    for left in remove_leftovers(Path(args.db)):
        print(f"پرونده نیمه‌کاره پاک شد — leftover removed: {left.path} ({_size(left.size)})")
    if problems:
        print(f"بررسی ناموفق — check FAILED: {args.db}")
        for p in problems:
            print(f"  - {p}")
        return EXIT_FAILED
    print(f"درست است — check ok: {args.db}")
    return EXIT_OK


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n} bytes"


def cmd_stats(args: argparse.Namespace) -> int:
    from .services import ops

    try:
        data = ops.stats(Path(args.db))
    except ops.OpsError as exc:
        for p in exc.problems:
            _err(p)
        return EXIT_FAILED
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"{data['store']}  office {data['office_code']}  device {data['device_id']}")
    print(f"events {data['events']}  digest {data['digest'][:16]}")
    print(f"{'aggregate type':<16}{'events':>12}{'aggregates':>12}  digest")
    for name, row in data["aggregates"].items():
        print(f"{name:<16}{row['events']:>12}{row['aggregates']:>12}  {row['digest'][:16]}")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from .services import ops

    if Path(args.to).is_dir():  # (a file would be written next to the folder and left there)
        _err(f"مسیر پشتیبان یک پوشه است؛ نام یک پرونده را بنویسید — --to is a folder, name a file: {args.to}")
        return EXIT_FAILED
    try:
        dest = ops.backup(Path(args.db), Path(args.to), force=args.force)
    except ops.OpsError as exc:
        _err(f"پشتیبان نوشته نشد — backup not written to {args.to}:")
        for p in exc.problems:
            _err(f"  - {p}")
        return EXIT_FAILED
    print(f"پشتیبان نوشته شد — backup written: {dest}")
    return EXIT_OK


def _say_numbers_kept(past: dict[tuple[str, int], int]) -> None:
    """Which numbers given after the backup the restored desk will not give again (`ops.restore`
    moved its counters past them)."""
    if past:
        names = {"case": "registration numbers", "letter": "letter numbers", "member_no": "membership numbers",
                 "copy_barcode": "copy barcodes"}
        series = ", ".join(f"{names.get(name, name)}{f' of {year}' if year else ''} after {value}"
                           for (name, year), value in sorted(past.items()))
        print(f"  شماره‌هایی که پس از پشتیبان داده شده بود دوباره داده نمی‌شود — the numbers given after the backup "
              f"are not given again: {series}")


def cmd_restore(args: argparse.Namespace) -> int:
    from .services import ops

    try:
        restored = ops.restore(Path(args.db), Path(args.source), other_device=args.other_device)
    except ops.RestoreRefused as exc:
        _err(f"بازگردانی انجام نشد؛ پایگاه داده کنونی دست نخورد — restore refused, {args.db} untouched:")
        for p in exc.problems:
            _err(f"  - {p}")
        return EXIT_FAILED
    print(f"بازگردانی شد — restored {args.db} from {args.source}")
    previous = restored.previous
    if previous is not None:
        print(f"  پایگاه داده پیشین نگه داشته شد — previous store kept as {previous}")
        missing = ops.events_not_restored(previous, Path(args.db))
        if missing:
            print(f"  {missing} رویداد پایگاه داده پیشین در پشتیبان نیست (کارهای پس از پشتیبان) — {missing} events of "
                  "the previous store are not in the backup: the work done after it")
            _say_numbers_kept(restored.numbers_kept)
    if restored.enrolment_kept:
        print("  پشتیبان از پیش از پیوستن این میز به کارگزار است؛ پیوستن آن (کارگزار، رمز و شماره دستگاه) از پایگاه داده "
              "پیشین نگه داشته شد — the backup is from before the desk joined its server: its enrolment (server, "
              "credential, device number) was kept from the previous store")
    if not _enrolled(Path(args.db)):
        if args.sync:  # (said, not skipped in silence: the operator asked for it)
            print("  این میز به کارگزاری نپیوسته است؛ همگام‌سازی انجام نشد — the desk is not enrolled with a "
                  "server: no sync round was run (--sync)")
        return EXIT_OK
    if args.sync:  # take back at once what the server holds of this desk since the backup
        from .sync.cli import main as sync_main

        code = sync_main(["sync", "--db", str(args.db)])
        if code != EXIT_OK:
            _err("همگام‌سازی پس از بازگردانی انجام نشد؛ پیش از ثبت شماره تازه دوباره همگام‌سازی کنید — "
                 "the sync round after the restore failed: run `kanoon-desk sync` before issuing new numbers")
        return code
    print("  این میز به کارگزار پیوسته است: پیش از ثبت شماره تازه یک بار همگام‌سازی کنید — the desk is enrolled: "
          f"run `kanoon-desk sync --db {args.db}` before issuing new numbers (a number given after the backup "
          "would otherwise be given again)")
    return EXIT_OK


def _enrolled(db: Path) -> bool:
    from .store import Store
    from .sync.status import is_enrolled

    store = Store(db, migrate=False)
    try:
        return is_enrolled(store)
    finally:
        store.close()


def cmd_screenshots(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .services import ops

    problems = ops.validate_store_file(Path(args.db))
    if problems:
        for p in problems:
            _err(p)
        return EXIT_FAILED
    render_all = _need("kanoon_desk.ui.screenshots", "render_all")
    if render_all is None:
        return EXIT_UNAVAILABLE
    paths = render_all(Path(args.db), Path(args.out), lang=args.lang)
    for p in paths:
        print(p)
    print(f"{len(paths)} screenshots in {args.out}")
    return EXIT_OK if paths else EXIT_FAILED


def pass_through(command: str, rest: list[str]) -> int:
    """`server ...` → server.cli.main(rest); `enroll ...`/`sync ...` → sync.cli.main([command, *rest])."""
    main_fn = _need(PASS_THROUGH[command], "main")
    if main_fn is None:
        return EXIT_UNAVAILABLE
    result = main_fn(rest if command == "server" else [command, *rest])
    return int(result or 0)


# --- parser ----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kanoon-desk",
        description="Kanoon Desk — میز دبیرخانه و امانت کانون. Without a subcommand: open the app.")
    parser.add_argument("--version", action="version", version=f"kanoon-desk {__version__}")
    parser.add_argument("--db", metavar="PATH", help="the desk's database file (default: the data folder)")
    parser.add_argument("--lang", choices=("fa", "en"), default="fa", help="interface language (default fa)")
    parser.set_defaults(handler=cmd_app)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    def add(name: str, handler: Callable[[argparse.Namespace], int], help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        p.set_defaults(handler=handler)
        return p

    p = add("demo", cmd_demo, "fill a store with realistic Persian demo data")
    p.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH", help="the store (required)")
    p.add_argument("--office", default="13", type=cli_support.office_code, metavar="CODE",
                   help="office code of a new desk: 1-8 Latin letters or digits (default 13)")
    p.add_argument("--size", choices=("small", "large"), default="small",
                   help="small (hundreds of cases) or large (the benchmark size: 1M cases, 2M loans)")
    p.add_argument("--seed", type=int, default=1, metavar="N", help="random seed (default 1)")
    p = add("check", cmd_check, "integrity: SQLite, projections equal a re-fold, audit chain; exit 1 if not")
    p.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH", help="the store (required)")
    p = add("stats", cmd_stats, "counts and a content digest per aggregate type")
    p.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH", help="the store (required)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p = add("backup", cmd_backup, "SQLite online backup of the store to a file")
    p.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH", help="the store (required)")
    p.add_argument("--to", required=True, metavar="FILE")
    p.add_argument("--force", action="store_true",
                   help="overwrite FILE when it exists (never another desk's store, nor a store open in an app)")
    p = add("restore", cmd_restore, "replace the store with a backup, only if the backup passes check")
    p.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH", help="the store (required)")
    p.add_argument("--from", dest="source", required=True, metavar="FILE")
    p.add_argument("--sync", action="store_true",
                   help="an enrolled desk: run one sync round right after, taking back what the server holds "
                        "of this desk since the backup (exit code as `sync`)")
    p.add_argument("--other-device", action="store_true",
                   help="restore a backup of another desk (another device id) all the same: the store takes "
                        "that desk's identity")
    p = add("screenshots", cmd_screenshots, "render every main screen to PNG (offscreen)")
    p.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH", help="the store (required)")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--lang", choices=("fa", "en"), default="fa")
    add("smoke", cmd_smoke, "open the login window offscreen and exit (packaging smoke run)")
    for name, target in PASS_THROUGH.items():
        p = sub.add_parser(name, help=f"→ {target} (see `kanoon-desk {name} --help`)", add_help=False)
        p.add_argument("rest", nargs=argparse.REMAINDER)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """The command line; an unreadable file, a database error, a refused value or Ctrl-C is one
    line ("fa — en") and exit 1 (130 for Ctrl-C), never a traceback (`cli_support.guarded`)."""
    return cli_support.guarded(lambda: _main(argv), cli_support.DASH)


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] in PASS_THROUGH:
        return pass_through(args_list[0], args_list[1:])
    parser = build_parser()
    try:
        args = parser.parse_args(args_list)
        if args.handler not in (cmd_app, cmd_smoke) and not args.db:
            # `kanoon-desk --db X check` and `kanoon-desk check --db X` both work
            parser.error(f"{args_list[0] if args_list else 'command'}: --db PATH is required")
    except SystemExit as exc:  # --help, --version, usage errors
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else EXIT_UNAVAILABLE)
    handler: Callable[[argparse.Namespace], int] = args.handler
    if handler not in (cmd_app, cmd_smoke) and args.db and "://" in str(args.db) \
            and not str(args.db).startswith("sqlite"):
        _err(server_url_given(args_list[0] if args_list else "", str(args.db)))
        return EXIT_UNAVAILABLE
    return handler(args)


def server_url_given(command: str, db: str) -> str:
    """What a desk's command says of a database URL (the server's database, not a desk's store
    file): where to look instead, the URL said without its password."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        shown = make_url(db).render_as_string(hide_password=True)
    except ArgumentError:
        shown = db.split("@")[-1]
    hint = {"stats": "kanoon-desk server stats --db URL", "check": "kanoon-desk server check --db URL"}.get(
        command, "kanoon-desk server stats|check --db URL; back it up with the database's own tools (pg_dump)")
    return (f"--db {shown} نشانی پایگاه داده کارگزار است، نه پرونده یک میز؛ برای کارگزار: {hint} — "
            f"--db {shown} is a server's database URL, not a desk's store file; for the server: {hint}")


if __name__ == "__main__":
    sys.exit(main())
