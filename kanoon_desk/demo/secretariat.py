"""Secretariat demo data: the agency directory and cases in every state over the past two years.

Up to `SERVICE_PATH_MAX` cases go through the real services (events, projections, audit, numbers);
larger sizes take the bulk path in `secretariat_bulk`, which writes the same rows in big batches.
Both follow the same per-case plans, made here.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from ..eventlog import Actor, system_actor
from ..models import User, acting_at
from ..models.secretariat import CATEGORIES
from ..persian import WorkingCalendar
from ..services import accounts
from ..services import secretariat as sec
from ..services.secretariat_agencies import AgencyView, list_agencies, save_agency
from ..store import Store
from .moments import OfficeHours

SERVICE_PATH_MAX = 5000
HISTORY_DAYS = 730

INSTRUCTIONS = ("بررسی و اقدام لازم", "لطفاً پیگیری شود", "جهت رسیدگی فوری", "به دستگاه مربوط ارجاع شود")
RESPONSES = ("موضوع بررسی و مشکل برطرف شد.", "درخواست در نوبت اجرا قرار گرفت.",
             "با متقاضی تماس گرفته شد و توضیحات لازم داده شد.", "موضوع در حیطه وظایف این دستگاه نیست.")
STREETS = ("خیابان آزادی", "خیابان انقلاب", "بلوار کشاورز", "خیابان ولیعصر", "میدان امام", "کوچه بهار")


def _words() -> dict[str, Any]:
    from . import words  # the CLI engineer's loader of demo_persian.json

    return words()


def generate_agencies(store: Store, rng: random.Random) -> list[AgencyView]:
    """The province's agencies (a few with their own deadline); once per store."""
    existing = list_agencies(store, include_inactive=True)
    if existing:
        return existing
    actor = system_actor(store.identity.office_code)
    out = []
    for name in _words()["executive_agencies"]:
        days = rng.choice((None, None, None, 10, 20))
        out.append(save_agency(store, actor, name=name, deadline_days=days,
                               phone=f"0{rng.randint(11, 87)}{rng.randint(3000000, 3999999)}"))
    return out


def national_id(rng: random.Random) -> str:
    while True:
        body = f"{rng.randint(1, 999_999_999):09d}"
        s = sum(int(d) * (10 - i) for i, d in enumerate(body)) % 11
        code = body + str(s if s < 2 else 11 - s)
        if len(set(code)) > 1:
            return code


@dataclass
class Person:
    national_id: str
    first_name: str
    last_name: str
    mobile: str
    address: str


def people(rng: random.Random, n: int) -> list[Person]:
    w = _words()
    firsts = w["first_names_male"] + w["first_names_female"]
    seen: set[str] = set()
    out: list[Person] = []
    while len(out) < n:
        nid = national_id(rng)
        if nid in seen:
            continue
        seen.add(nid)
        out.append(Person(nid, rng.choice(firsts), rng.choice(w["last_names"]),
                          f"09{rng.choice((12, 13, 19, 35, 36, 90, 91))}{rng.randint(1000000, 9999999)}",
                          f"{rng.choice(STREETS)}، پلاک {rng.randint(1, 300)}"))
    return out


@dataclass
class Plan:
    """One case's story: intake facts and the dated steps that follow (cut at today)."""

    person: int
    received: date
    channel: str
    subject: str
    text: str
    category: str
    steps: list[tuple[str, date, dict[str, Any]]] = field(default_factory=list)


def _after(rng: random.Random, cal: WorkingCalendar, day: date, lo: int, hi: int) -> date:
    return cal.add_working_days(day, rng.randint(lo, hi))


def make_plan(rng: random.Random, cal: WorkingCalendar, today: date, n_people: int,
              agencies: list[AgencyView]) -> Plan:
    w = _words()
    subject = rng.choice(w["complaint_subjects"])
    received = today - timedelta(days=int(rng.triangular(0, HISTORY_DAYS, 0)))
    if not cal.is_working_day(received):
        received = cal.next_working_day(received)
        if received > today:
            received = today
    p = Plan(rng.randrange(n_people), received, rng.choices(("in_person", "post", "phone"), (6, 3, 1))[0],
             subject, f"{subject}؛ {rng.choice(STREETS)}. خواهشمند است رسیدگی فرمایید.",
             rng.choice(CATEGORIES))
    day = _after(rng, cal, received, 0, 2)
    if rng.random() < 0.12:
        p.steps.append(("reject", day, {"reason": rng.choice(w["rejection_reasons"]), "note": ""}))
        p.steps.append(("notify", _after(rng, cal, day, 0, 3),
                        {"method": rng.choice(("phone", "letter", "sms"))}))
        return p
    p.steps.append(("accept", day, {}))
    p.steps.append(("register", day, {}))
    day = _after(rng, cal, day, 0, 2)
    p.steps.append(("refer", day, {"instruction": rng.choice(INSTRUCTIONS)}))
    day = _after(rng, cal, day, 1, 4)
    if rng.random() < 0.05:
        p.steps.append(("close", day, {"outcome": "rejected", "reason": "خارج از حیطه وظایف",
                                       "note": "به دستگاه مربوط مراجعه فرمایید."}))
        return p
    agency = rng.choice(agencies)
    deadline = cal.add_working_days(day, agency.effective_deadline_days)
    p.steps.append(("forward", day, {"agency": agency.id, "deadline": deadline}))
    answer = _after(rng, cal, day, 3, 30)
    follow = day
    # late agency: the expert follows up — though not always at once, so the overdue queue has work
    while follow < answer and deadline < answer and rng.random() < 0.7:
        follow = cal.add_working_days(deadline, rng.randint(1, 3))
        if follow >= answer:
            break
        deadline = cal.add_working_days(follow, 7)
        p.steps.append(("follow_up", follow, {"method": rng.choice(("phone", "letter")),
                                              "note": "پیگیری پاسخ دستگاه", "new_deadline": deadline}))
    p.steps.append(("answer", answer, {"text": rng.choice(RESPONSES)}))
    notify = _after(rng, cal, answer, 0, 2)
    method = rng.choices(("phone", "letter", "sms", "in_person"), (4, 2, 3, 3))[0]
    p.steps.append(("notify", notify, {"method": method}))
    if method != "in_person" and rng.random() < 0.3:
        p.steps.append(("visit", notify, {"purpose": "ask"}))
    outcome = rng.choices(("resolved", "not_responsible", "unresolved"), (7, 2, 1))[0]
    p.steps.append(("close", _after(rng, cal, notify, 0, 2), {
        "outcome": outcome, "note": "",
        "party": rng.choice(w["executive_agencies"]) if outcome == "not_responsible" else ""}))
    return p


def plans(store: Store, rng: random.Random, n: int, today: date) -> tuple[list[Person], list[Plan]]:
    agencies = generate_agencies(store, rng)
    cal = accounts.working_calendar(store)
    crowd = people(rng, max(1, int(n * 0.8)))
    out = [make_plan(rng, cal, today, len(crowd), agencies) for _ in range(n)]
    for plan in out:
        plan.steps = [st for st in plan.steps if st[1] <= today]
    out.sort(key=lambda pl: pl.received)
    # the newest cases stop at each early stage, so even a small demo shows every state
    stops = {"received": None, "accepted": "accept", "registered": "register", "referred": "refer",
             "forwarded": "forward", "answered": "answer"}
    targets = list(stops) * 2
    for plan in reversed(out[-max(24, n // 50):]):
        kinds = [k for k, _, _ in plan.steps]
        if not targets or kinds[:1] != ["accept"]:
            continue
        stop = stops[targets[0]]
        if stop is None or stop in kinds:
            plan.steps = plan.steps[:kinds.index(stop) + 1 if stop else 0]
            targets.pop(0)
    # and a few agencies never answered: forwarded a month or two ago, past their deadline, waiting
    # in the overdue queue for the expert's follow-up
    late = [pl for pl in out if 30 <= (today - pl.received).days <= 90
            and "forward" in [k for k, _, _ in pl.steps]]
    for plan in rng.sample(late, min(len(late), max(6, n // 40))):
        kinds = [k for k, _, _ in plan.steps]
        plan.steps = plan.steps[:kinds.index("forward") + 1]
    return crowd, out


def staff(store: Store) -> dict[str, Actor]:
    """One actor per secretariat role (the demo users), falling back to any holder of the role."""
    found: dict[str, Actor] = {}
    with store.read() as s:
        users = sorted(s.scalars(select(User).where(User.active.is_(True))),
                       key=lambda u: (len(u.role_set), u.created_at))  # specialists before the admin
        for u in users:
            for role in ("clerk", "expert", "manager"):
                if role in u.role_set and role not in found:
                    found[role] = Actor(u.id, u.username, u.full_name, u.office_code, frozenset({role}))
    missing = {"clerk", "expert", "manager"} - set(found)
    if missing:
        raise RuntimeError(f"demo needs users with roles {sorted(missing)}")
    return found


def _run_plan(store: Store, who: dict[str, Actor], crowd: list[Person], plan: Plan) -> None:
    person = crowd[plan.person]
    hours = OfficeHours((plan.received, plan.person, plan.subject))  # each step entered on its own day
    with acting_at(hours.at(plan.received)):
        receipt = sec.intake(store, who["clerk"], sec.CaseInput(
            national_id=person.national_id, first_name=person.first_name, last_name=person.last_name,
            mobile=person.mobile, address=person.address, subject=plan.subject, text=plan.text,
            category=plan.category, channel=plan.channel, received_date=plan.received), on=plan.received)
    for kind, day, a in plan.steps:
        with acting_at(hours.at(day)):
            _run_step(store, who, receipt.case_id, kind, day, a)


def _run_step(store: Store, who: dict[str, Actor], cid: str, kind: str, day: date, a: dict[str, Any]) -> None:
    if kind == "reject":
        sec.review(store, who["expert"], cid, accept=False, reason=a["reason"], note=a["note"], on=day)
    elif kind == "accept":
        sec.review(store, who["expert"], cid, accept=True, on=day)
    elif kind == "register":
        sec.register(store, who["clerk"], cid, on=day)
    elif kind == "refer":
        sec.refer(store, who["expert"], cid, who["manager"].user_id, instruction=a["instruction"], on=day)
    elif kind == "forward":
        sec.forward(store, who["manager"], cid, a["agency"], deadline=a["deadline"], on=day)
    elif kind == "follow_up":
        sec.follow_up(store, who["expert"], cid, method=a["method"], note=a["note"],
                      new_deadline=a["new_deadline"], on=day)
    elif kind == "answer":
        sec.record_response(store, who["clerk"], cid, text=a["text"], on=day)
    elif kind == "notify":
        sec.notify(store, who["clerk"], cid, method=a["method"], on=day)
    elif kind == "visit":
        sec.record_visit(store, who["clerk"], cid, purpose=a["purpose"], on=day)
    elif kind == "close":
        actor = who["manager"] if a["outcome"] == "rejected" else who["expert"]
        if a["outcome"] == "rejected":
            sec.manager_reject(store, actor, cid, reason=a["reason"], note=a["note"], on=day)
        else:
            sec.close(store, actor, cid, outcome=a["outcome"], responsible_party=a["party"], on=day)


def generate(store: Store, rng: random.Random, *, cases: int, today: date,
             bulk: bool | None = None) -> dict[str, int]:
    """Fill the store with `cases` cases; returns the number of cases per status."""
    crowd, todo = plans(store, rng, cases, today)
    who = staff(store)
    if bulk if bulk is not None else cases > SERVICE_PATH_MAX:
        from .secretariat_bulk import write_bulk

        write_bulk(store, rng, who, crowd, todo)
    else:
        for plan in todo:
            _run_plan(store, who, crowd, plan)
    from ..models.secretariat import Case

    with store.read() as s:
        from sqlalchemy import func

        return {st: int(n) for st, n in s.execute(select(Case.status, func.count()).group_by(Case.status))}
