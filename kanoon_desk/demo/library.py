"""Lending desk demo data: members of all ages, Kanoon-style Persian titles, copies per centre and
two years of loans (some overdue, some returned at another centre and sent home).

Small sizes go through the real services, one use case at a time; the benchmark size goes through
`library_bulk`, which writes the same events, projection rows and chained audit entries in big
batches (a test re-folds a bulk store and compares digests to prove the two paths agree).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from ..errors import ServiceError
from ..eventlog import Actor, system_actor
from ..models import User, acting_at
from ..persian import WorkingCalendar, to_persian_digits
from ..services import accounts
from ..services import circulation as circ
from ..services import library as lib
from ..services import library_rules as lib_rules
from ..store import Store
from .moments import OfficeHours

#: Above this many loans the bulk path is used.
BULK_FROM = 20_000
#: The demo's members were registered this many days before its today.
REGISTERED_DAYS_AGO = 760
#: A book out this long and not back is, for two loans in three, recorded lost with its member
#: («گم‌شده نزد عضو») `LOST_RECORDED_AFTER` days after it went out.
LOST_OUT_DAYS, LOST_RECORDED_AFTER = 240, 120
LOST_NOTE = "عضو گفت کتاب گم شده است؛ بهای آن را می‌پردازد"


def lost_day(plan: Plan, i: int, today: date) -> date | None:
    """The day loan `i` of the plan is recorded lost with its member, if it is (both paths)."""
    out, _ci, _mi, _centre, back, _back_centre = plan.loans[i]
    if back is not None or out > today - timedelta(days=LOST_OUT_DAYS) or i % 3 == 0:
        return None
    return out + timedelta(days=LOST_RECORDED_AFTER)

SUBJECTS = ("داستان", "شعر", "علمی", "تاریخ", "هنر", "طبیعت", "افسانه", "زندگی‌نامه", "سرگرمی")
PUBLISHERS = ("کانون پرورش فکری کودکان و نوجوانان", "کانون پرورش فکری کودکان و نوجوانان",
              "انتشارات قدیانی", "نشر افق", "انتشارات امیرکبیر", "نشر چشمه")
_HEROES = ("ماهی", "کلاغ", "گنجشک", "روباه", "خرگوش", "آهو", "لاک‌پشت", "پروانه", "سنجاب", "شیر", "پلنگ", "جوجه")
_ADJ = ("کوچولو", "زیرک", "مهربان", "تنها", "شجاع", "بازیگوش", "خندان", "دانا", "آبی", "سفید")
_PLACES = ("دریا", "جنگل", "کوهستان", "روستا", "آسمان", "کویر", "شهر", "باغ")
_THINGS = ("نقاشی", "ستاره‌ها", "باران", "کتابخانه", "مدرسه", "رنگین‌کمان", "ماه", "بادبادک")
_PATTERNS = ("{h} {a}", "سفر {h} به {p}", "قصه‌های {t}", "{h} و {t}", "راز {t}", "{h} {a} در {p}",
             "ماجراهای {h} {a}", "دانستنی‌هایی درباره {t}", "شعرهای {t}", "{t} {p}")


@dataclass
class Plan:
    """What the demo writes, decided up front from the seed (both paths write the same plan)."""

    members: list[dict[str, Any]] = field(default_factory=list)
    titles: list[dict[str, Any]] = field(default_factory=list)
    copies: list[dict[str, Any]] = field(default_factory=list)  # title index, centre, shelf
    #: loans in checkout order: (out_day, copy idx, member idx, centre, back_day | None, back_centre)
    loans: list[tuple[date, int, int, str, date | None, str]] = field(default_factory=list)


def national_id(rng: random.Random, used: set[str]) -> str:
    while True:
        body = f"{rng.randrange(1, 10**9):09d}"
        s = sum(int(d) * (10 - i) for i, d in enumerate(body)) % 11
        code = body + str(s if s < 2 else 11 - s)
        if code not in used and len(set(code)) > 1:
            used.add(code)
            return code


def isbn13(n: int) -> str:
    body = f"978964{n:06d}"
    s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body))
    return body + str((10 - s % 10) % 10)


def make_titles(rng: random.Random, n: int) -> Iterator[dict[str, Any]]:
    from . import words

    w = words()
    ages = list(w["age_groups"])
    names = w["first_names_female"] + w["first_names_male"]
    seen: set[str] = set()
    for i, (title, author) in enumerate(w["children_books"]):
        if i >= n:
            return
        seen.add(title)
        yield {"title": title, "author": author, "publisher": PUBLISHERS[0], "isbn": isbn13(i + 1),
               "age_group": rng.choice(ages[1:4]), "subject": "داستان"}
    i = len(w["children_books"])
    while i < n:
        title = rng.choice(_PATTERNS).format(h=rng.choice(_HEROES), a=rng.choice(_ADJ), p=rng.choice(_PLACES),
                                             t=rng.choice(_THINGS))
        base = title
        volume = 1
        while title in seen:  # a series: «… (جلد ۲)», «… (جلد ۳)» …
            volume += 1
            title = f"{base} (جلد {to_persian_digits(volume)})"
        seen.add(title)
        i += 1
        yield {"title": title, "author": f"{rng.choice(names)} {rng.choice(w['last_names'])}",
               "publisher": rng.choice(PUBLISHERS), "isbn": isbn13(i) if rng.random() < 0.8 else "",
               "age_group": rng.choices(ages, weights=(2, 4, 4, 3, 2))[0], "subject": rng.choice(SUBJECTS)}


def make_plan(rng: random.Random, *, centres: list[str], members: int, copies: int, loans: int,
              today: date) -> Plan:
    from . import words

    w = words()
    plan = Plan()
    used_ids: set[str] = set()
    for _ in range(members):
        age = rng.choices((rng.randint(4, 6), rng.randint(7, 11), rng.randint(12, 17), rng.randint(18, 60)),
                          weights=(1, 4, 4, 1))[0]
        female = rng.random() < 0.55
        first = rng.choice(w["first_names_female"] if female else w["first_names_male"])
        last = rng.choice(w["last_names"])
        birth = today - timedelta(days=365 * age + rng.randint(0, 364))
        # as registered two years ago: a teen then has a guardian on record (the rules follow the age)
        category = lib.category_for(birth, today - timedelta(days=REGISTERED_DAYS_AGO))
        m: dict[str, Any] = {"first_name": first, "last_name": last, "national_id": national_id(rng, used_ids),
                             "category": category, "birth_date": birth, "home_centre": rng.choice(centres),
                             "phone": "", "guardian_name": "", "guardian_phone": "",
                             "expires_on": today + timedelta(days=rng.randint(-60, 365))}
        mobile = f"09{rng.choice((12, 13, 19, 35, 36, 37, 38, 39))}{rng.randrange(10**7):07d}"
        if age >= 18:
            m["phone"] = mobile
        if category != "adult":
            m["guardian_name"] = f"{rng.choice(w['first_names_male'] + w['first_names_female'])} {last}"
            m["guardian_phone"] = mobile
        plan.members.append(m)
    plan.titles = list(make_titles(rng, max(15, copies // 5)))
    shelves = [f"{c}{n}" for c in "ABCDEFGH" for n in range(1, 10)]
    weights = [1.0 / (1 + i) ** 0.8 for i in range(len(plan.titles))]  # a few titles are popular
    for t in rng.choices(range(len(plan.titles)), weights=weights, k=copies):
        plan.copies.append({"title": t, "centre": rng.choice(centres), "shelf": rng.choice(shelves)})
    _plan_loans(rng, plan, centres, loans, today)
    return plan


def _plan_loans(rng: random.Random, plan: Plan, centres: list[str], n: int, today: date) -> None:
    """Two years of loans: a copy is lent again only after it is back home; members at their centre
    mostly; ~5% returned at another centre; ~4% of past loans never came back; the recent ones open."""
    start = today - timedelta(days=730)
    by_centre_members: dict[str, list[int]] = {c: [] for c in centres}
    for i, m in enumerate(plan.members):
        by_centre_members[m["home_centre"]].append(i)
    by_centre_copies: dict[str, list[int]] = {c: [] for c in centres}
    for i, c in enumerate(plan.copies):
        by_centre_copies[c["centre"]].append(i)
    free_from: list[date] = [start] * len(plan.copies)
    days = sorted(start + timedelta(days=int(rng.random() ** 0.8 * 730)) for _ in range(n))
    all_members = list(range(len(plan.members)))
    for out in days:
        if out.weekday() == 4:  # Friday: centres are closed
            out -= timedelta(days=1)
        centre = rng.choice(centres)
        pool = by_centre_copies[centre]
        if not pool:
            continue
        for _ in range(4):
            ci = rng.choice(pool)
            if free_from[ci] <= out:
                break
        else:
            continue
        home = by_centre_members[centre]
        mi = rng.choice(home) if home and rng.random() < 0.9 else rng.choice(all_members)
        r = rng.random()
        back: date | None = out + timedelta(days=rng.randint(3, 13) if r < 0.85 else rng.randint(14, 40))
        if r > 0.96:
            back = None
        back_centre = centre if rng.random() < 0.95 else rng.choice(centres)
        if back is not None and back > today:
            back = None
        free_from[ci] = (back + timedelta(days=1 if back_centre == centre else 4)) if back else date.max
        plan.loans.append((out, ci, mi, centre, back, back_centre))


def _librarian(store: Store, centre: str) -> Actor:
    with store.read() as s:
        user = s.scalar(select(User).where(User.username == "librarian1"))
    if user is None:
        return system_actor(centre)
    return Actor(user.id, user.username, user.full_name, centre, frozenset({"librarian"}))


def generate(store: Store, rng: random.Random, *, centres: list[str] | int, members: int, copies: int,
             loans: int, today: date) -> dict[str, int]:
    """Fill the lending desk; `centres` are the centre codes made by the demo (or how many to make)."""
    admin = system_actor(store.identity.office_code)
    if isinstance(centres, int):
        codes = [f"{store.identity.office_code}{i:02d}"[:8] for i in range(1, centres + 1)]
        for i, code in enumerate(codes):
            lib.add_centre(store, admin, code, f"مرکز فرهنگی هنری شماره {i + 1}")
        centres = codes
    plan = make_plan(rng, centres=centres, members=members, copies=copies, loans=loans, today=today)
    for category, (period, max_loans, renewals) in lib.DEFAULT_RULES.items():
        lib.set_rule(store, admin, category, period_days=period, max_loans=max_loans, max_renewals=renewals)
    if loans >= BULK_FROM:
        from .library_bulk import write_bulk

        return write_bulk(store, plan, today=today)
    return _write_with_services(store, rng, plan, today)


def _write_with_services(store: Store, rng: random.Random, plan: Plan, today: date) -> dict[str, int]:
    actors = {c: _librarian(store, c) for c in {m["home_centre"] for m in plan.members} |
              {c["centre"] for c in plan.copies}}
    any_actor = next(iter(actors.values()))
    registered = today - timedelta(days=REGISTERED_DAYS_AGO)
    # the register and the shelves were filled on the first day; then each day's lending, as entered then
    hours, renewals = OfficeHours("library"), OfficeHours("renewals")
    with acting_at(hours.at(registered)):
        member_codes = []
        for m in plan.members:
            data = lib.MemberInput(**{k: v for k, v in m.items() if k != "expires_on"})
            view = lib.register_member(store, actors[m["home_centre"]], data, today=registered)
            if m["expires_on"] != view.expires_on:
                lib.renew_membership(store, actors[m["home_centre"]], view.id, m["expires_on"])
            member_codes.append(view.member_no)
        title_ids = [lib.add_title(store, any_actor, lib.TitleInput(**t)).id for t in plan.titles]
        barcodes = [lib.add_copy(store, actors[c["centre"]], title_ids[c["title"]], shelf=c["shelf"],
                                 home_centre=c["centre"]).barcode for c in plan.copies]
    calendar: WorkingCalendar = accounts.working_calendar(store)
    # Walk the days: returns (and arrivals home) first, then the day's checkouts.
    events: list[tuple[date, int, str, int]] = []  # (day, order, kind, loan idx)
    for i, (out, _ci, _mi, _c, back, back_centre) in enumerate(plan.loans):
        events.append((out, 2, "out", i))
        if back is not None:
            events.append((back, 0, "back", i))
            home = plan.copies[plan.loans[i][1]]["centre"]
            if back_centre != home and back + timedelta(days=3) <= today:
                events.append((back + timedelta(days=3), 1, "home", i))
        elif (lost := lost_day(plan, i, today)) is not None:
            events.append((lost, 0, "lost", i))
    events.sort(key=lambda e: (e[0], e[1], e[3]))
    lent: dict[int, str] = {}  # loan of the plan -> its id
    counts = {"members": len(member_codes), "titles": len(title_ids), "copies": len(barcodes), "loans": 0,
              "returns": 0, "renewals": 0, "refused": 0, "overrides": 0, "lost": 0}
    for day, _order, kind, i in events:
        out, ci, mi, centre, _back, back_centre = plan.loans[i]
        with acting_at(hours.at(day)):
            try:
                if kind == "out":
                    loan = circ.checkout(store, actors[centre], member_codes[mi], barcodes[ci], today=day,
                                         calendar=calendar)
                    lent[i] = loan.id
                    counts["loans"] += 1
                    if rng.random() < 0.1:
                        try:
                            with acting_at(renewals.at(day + timedelta(days=5))):
                                circ.renew(store, actors[centre], loan.id, today=day + timedelta(days=5),
                                           calendar=calendar)
                            counts["renewals"] += 1
                        except ServiceError:
                            counts["refused"] += 1  # e.g. the member has another book overdue
                elif i in lent and kind == "back":
                    circ.checkin(store, actors.get(back_centre) or _librarian(store, back_centre), barcodes[ci],
                                 today=day)
                    counts["returns"] += 1
                elif i in lent and kind == "home":
                    circ.receive_copy(store, actors[plan.copies[ci]["centre"]], barcodes[ci], today=day)
                elif i in lent and kind == "lost":
                    circ.mark_loan_lost(store, actors[centre], lent[i], note=LOST_NOTE, today=day)
                    counts["lost"] += 1
            except circ.CirculationRefused as refused:
                # Now and then the librarian lends anyway, with a reason, and the admin's list shows it.
                if kind == "out" and refused.overridable and counts["overrides"] < 6 and rng.random() < 0.2:
                    lent[i] = _lend_anyway(store, actors[centre], member_codes[mi], barcodes[ci], day, calendar,
                                           rng, grant=counts["overrides"] == 0)
                    counts["loans"] += 1
                    counts["overrides"] += 1
                else:
                    counts["refused"] += 1  # a member blocked that day (overdue, limit): the loan did not happen
            except ServiceError:
                counts["refused"] += 1
    counts["holds"] = _some_holds(store, rng, plan, member_codes, barcodes, actors, today)
    return counts


OVERRIDE_REASONS = ("کتاب برای پژوهش مدرسه لازم است؛ ولی تعهد کرد", "عضو کتاب دیرکرد را همراه نداشت ولی تأیید کرد که دارد",
                    "با موافقت مسئول مرکز", "مسابقه کتابخوانی هفته کتاب")


def _lend_anyway(store: Store, actor: Actor, member_code: str, barcode: str, day: date,
                 calendar: WorkingCalendar, rng: random.Random, *, grant: bool) -> str:
    """The loan's id."""
    if grant and not actor.has("admin"):  # the admin lets the librarian override (once)
        lib_rules.set_override_grant(store, system_actor(store.identity.office_code), actor.user_id, True)
    return circ.checkout(store, actor, member_code, barcode, today=day, calendar=calendar, override=True,
                         note=rng.choice(OVERRIDE_REASONS)).id


def _some_holds(store: Store, rng: random.Random, plan: Plan, member_codes: list[str], barcodes: list[str],
                actors: dict[str, Actor], today: date) -> int:
    """Members waiting for titles that are out at their centre; a few of them already set aside."""
    from sqlalchemy import select

    from ..models.library import Copy, Loan

    with store.read() as s:
        out = list(s.execute(select(Loan.title_id, Loan.centre).where(Loan.returned_at.is_(None))
                             .order_by(Loan.out_hlc.desc()).limit(40)))
        on_shelf = {(t, c) for t, c in s.execute(select(Copy.title_id, Copy.home_centre)
                                                 .where(Copy.status == "on_shelf"))}
    n = 0
    for title_id, centre in out:
        if (title_id, centre) in on_shelf or centre not in actors:
            continue
        for code in rng.sample(member_codes, 2):
            try:
                circ.place_hold(store, actors[centre], code, title_id, pickup_centre=centre, today=today)
                n += 1
            except ServiceError:
                pass
    return n
