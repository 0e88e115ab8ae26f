"""Realistic Persian demo data for a desk: users per role, centres, holidays, then each desk's generator.

`run(db_path, office=..., size=..., seed=...)` is what `kanoon-desk demo` calls. It sets the desk
up when the file is new (admin `admin` / `kanoon-admin`, and `clerk1`, `expert1`, `manager1`,
`librarian1` with `kanoon-1234`), creates cultural centres (offices of kind "centre") and the
Jalali year's official holidays, then calls the desk generators, which own their bulk paths:

* `kanoon_desk.demo.secretariat.generate(store, rng, *, cases, today)`
* `kanoon_desk.demo.library.generate(store, rng, *, centres, members, copies, loans, today)`
  (`centres` is the list of centre office codes created here)
* `kanoon_desk.demo.conflicts.generate(store, rng, *, centres, today)`: a second desk's offline
  morning folded in, so the conflict inbox has a few to show

A generator module that is not there yet is skipped with a message, so the core demo still works.
Word lists come from `demo_persian.json` next to this module (see `words()`).
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import random
import sqlite3
import sys
import time
from collections.abc import Callable
from contextlib import closing
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from ..eventlog import system_actor
from ..models import Office, office_today
from ..persian import jalali_year, normalize_text, to_persian_digits
from ..services import accounts
from ..store import Store

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "kanoon-admin"
USER_PASSWORD = "kanoon-1234"
#: (username, role, full name) of the demo users besides the admin.
DEMO_USERS: tuple[tuple[str, str, str], ...] = (
    ("clerk1", "clerk", "زهرا محمدی"),
    ("expert1", "expert", "علی رضایی"),
    ("manager1", "manager", "مریم حسینی"),
    ("librarian1", "librarian", "نرگس کریمی"),
)
#: Demo users who work at the office's first cultural centre (1301 under 13), not at the office.
AT_FIRST_CENTRE = frozenset({"librarian1"})

SIZES: dict[str, dict[str, int]] = {
    "small": {"cases": 300, "centres": 3, "members": 400, "copies": 1500, "loans": 3000, "conflicts": 1},
    # (no conflicts: the second desk they come from is a whole copy of the store, 17 GB at this size)
    "large": {"cases": 1_000_000, "centres": 30, "members": 100_000, "copies": 300_000, "loans": 2_000_000,
              "conflicts": 0},
}

#: Official holidays that fall on fixed Jalali days (the working calendar counts them by rule; the
#: demo also enters the year's in the holiday table, as an admin might).
FIXED_HOLIDAYS = accounts.FIXED_HOLIDAYS

#: desk_state key: the demo parts already written ("core library secretariat"), so a re-run only
#: adds what is missing (a desk generator that landed later) and never duplicates.
DEMO_MARK = "demo_parts"


@cache
def words() -> dict[str, Any]:
    """The demo word lists (names, agencies, complaint subjects, book titles, centre names...)."""
    data: dict[str, Any] = json.loads((Path(__file__).parent / "demo_persian.json").read_text(encoding="utf-8"))
    return data


def _say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def holidays_of_year(year: int) -> list[tuple[date, str]]:
    """The fixed official holidays of a Jalali year, as Gregorian dates."""
    return accounts.fixed_holidays(year)


def centre_codes(office: str, n: int) -> list[str]:
    """Codes of the demo centres: the office code then a two or three digit number (1301, 1302…)."""
    width = 2 if n < 100 else 3
    return [f"{office}{i:0{width}d}"[:8] for i in range(1, n + 1)]


def _centre_name(i: int) -> str:
    names: list[str] = words()["centre_names"]
    if i < len(names):
        return names[i]
    return f"مرکز فرهنگی هنری شماره {to_persian_digits(i + 1)}"


def _set_up(store: Store, office: str, centres: int) -> None:
    """The desk, its admin, its centres, and the demo users (the librarian at the first centre)."""
    accounts.setup_desk(store, office_code=office, office_name="دفتر مدیریت عملکرد استانداری",
                        admin_username=ADMIN_USERNAME, admin_full_name="مدیر سامانه",
                        admin_password=ADMIN_PASSWORD, province="تهران")
    admin = accounts.login(store, ADMIN_USERNAME, ADMIN_PASSWORD)
    first_centre = _centres(store, office, centres)[0]
    for username, role, full_name in DEMO_USERS:
        accounts.create_user(store, admin, username=username, full_name=full_name, password=USER_PASSWORD,
                             roles={role}, must_change_password=False,
                             office_code=first_centre if username in AT_FIRST_CENTRE else "")


def _centres(store: Store, office: str, n: int) -> list[str]:
    codes = centre_codes(office, n)
    actor = system_actor(store.identity.office_code)
    with store.transaction() as s:
        for i, code in enumerate(codes):
            if s.get(Office, code) is None:
                store.record(s, actor, "office.set", code,
                             {"name": normalize_text(_centre_name(i)), "kind": "centre", "province": "تهران",
                              "city": "تهران"})  # (stored as typed text is: digits in Latin)
    return codes


def _holidays(store: Store, today: date) -> int:
    actor = system_actor(store.identity.office_code)
    days = holidays_of_year(jalali_year(today))
    with store.transaction() as s:
        for day, title in days:
            store.record(s, actor, "holiday.set", day.isoformat(), {"title": title})
    return len(days)


def _generator(module: str, name: str = "generate") -> Callable[..., Any] | None:
    try:
        mod = importlib.import_module(f"kanoon_desk.demo.{module}")
    except ModuleNotFoundError as exc:
        if exc.name != f"kanoon_desk.demo.{module}":
            raise
        return None
    fn = getattr(mod, name, None)
    return fn if callable(fn) else None


PARTS: tuple[str, ...] = ("core", "secretariat", "library", "conflicts")


def available_parts() -> set[str]:
    """The demo parts this installation can write (a desk generator module may not be there yet)."""
    return {"core"} | {name for name in PARTS[1:] if importlib.util.find_spec(f"kanoon_desk.demo.{name}")}


def done_parts(db_path: Path | str) -> set[str]:
    """The demo parts already written to the store at `db_path` (empty for a missing or new file)."""
    path = Path(db_path)
    if not path.is_file():
        return set()
    try:
        with closing(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)) as conn:
            row = conn.execute("SELECT value FROM desk_state WHERE key = ?", (DEMO_MARK,)).fetchone()
    except sqlite3.DatabaseError:
        return set()
    return set(row[0].split()) if row else set()


def _mark(store: Store, done: set[str]) -> None:
    with store.transaction() as s:
        store.set_state(s, DEMO_MARK, " ".join(sorted(done)))


def run(db_path: Path | str, *, office: str = "13", size: str = "small", seed: int = 1,
        today: date | None = None) -> dict[str, Any]:
    """Fill the store at `db_path` with demo data; returns what was done (counts, seconds, users).

    Idempotent per file: parts already written are not written again (`"skipped": True` when
    nothing was left to do); a desk generator missing at the first run is run by the next one.
    """
    if size not in SIZES:
        raise ValueError(f"size must be one of {sorted(SIZES)}, not {size!r}")
    sizes = SIZES[size]
    path = Path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    today = today or office_today()
    rng = random.Random(seed)
    result: dict[str, Any] = {
        "db": str(path), "size": size, "seed": seed, "skipped": False, "missing": [], "seconds": {},
        "users": [(ADMIN_USERNAME, ADMIN_PASSWORD, "admin")]
        + [(u, USER_PASSWORD, role) for u, role, _ in DEMO_USERS],
    }
    store = Store(path, durable=False)  # rebuildable data: no WAL sync per commit while it is written
    try:
        started = time.perf_counter()
        done = set((store.get_state(DEMO_MARK) or "").split())
        if not store.is_initialised:
            _set_up(store, office.strip().upper(), sizes["centres"])
        result["office"] = store.identity.office_code
        result["centres"] = centre_codes(store.identity.office_code, sizes["centres"])
        if "core" not in done:
            _centres(store, store.identity.office_code, sizes["centres"])
            result["holidays"] = _holidays(store, today)
            agencies = _generator("secretariat", "generate_agencies")
            if agencies is not None:
                agencies(store, rng)
            done.add("core")
            _mark(store, done)
            result["seconds"]["core"] = round(time.perf_counter() - started, 2)
        steps: dict[str, Callable[[Callable[..., Any]], Any]] = {
            "secretariat": lambda gen: gen(store, rng, cases=sizes["cases"], today=today),
            "library": lambda gen: gen(store, rng, centres=result["centres"], members=sizes["members"],
                                       copies=sizes["copies"], loans=sizes["loans"], today=today),
            # a second desk's offline morning folded in: the inbox has something to show
            "conflicts": lambda gen: (gen(store, rng, centres=result["centres"], today=today)
                                      if sizes["conflicts"] else 0),
        }
        for name, step in steps.items():
            if name in done:
                continue
            gen = _generator(name)
            if gen is None:
                result["missing"].append(name)
                _say(f"داده نمونه میز {name} هنوز ساخته نمی‌شود (kanoon_desk.demo.{name} نیست) — "
                     f"demo data for the {name} desk is not available yet; skipped.")
                continue
            t0 = time.perf_counter()
            _say(f"demo: {name} ({size}) …")
            result[name] = step(gen)
            result["seconds"][name] = round(time.perf_counter() - t0, 2)
            done.add(name)
            _mark(store, done)
        result["skipped"] = not result["seconds"]
        result["seconds"]["total"] = round(time.perf_counter() - started, 2)
        return result
    finally:
        store.close()
