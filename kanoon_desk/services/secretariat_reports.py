"""Secretariat reports by Jalali month, season or year, and the service card's figures from the data."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select

from ..eventlog import Actor
from ..models import Event
from ..models.secretariat import Agency, Case, Forward, Visit
from ..persian import (
    JALALI_MONTHS,
    format_jalali_date,
    jalali_month_bounds,
    jalali_month_key,
    jalali_season_bounds,
    jalali_year_bounds,
    season_name,
    to_persian_digits,
)
from ..store import Store
from .accounts import require, working_calendar
from .secretariat_common import today
from .secretariat_time import agency_spans, service_time


@dataclass(frozen=True)
class Period:
    kind: str  # month | season | year
    year: int
    number: int  # month 1..12, season 1..4, or 0 for a year
    start: date
    end: date

    @property
    def title(self) -> str:
        y = to_persian_digits(self.year)
        if self.kind == "month":
            return f"{JALALI_MONTHS[self.number - 1]} {y}"
        if self.kind == "season":
            return f"{season_name(self.number)} {y}"
        return f"سال {y}"


def month_title(key: tuple[int, int]) -> str:
    """A Jalali (year, month) as the office's papers name it: «مهر ۱۴۰۵»."""
    year, month = key
    return f"{JALALI_MONTHS[month - 1]} {to_persian_digits(year)}"


def period(kind: str, year: int, number: int = 0) -> Period:
    if kind == "month":
        start, end = jalali_month_bounds(year, number)
    elif kind == "season":
        start, end = jalali_season_bounds(year, number)
    elif kind == "year":
        start, end = jalali_year_bounds(year)
    else:
        raise ValueError(f"unknown period kind {kind!r}")
    return Period(kind, year, number, start, end)


@dataclass
class Report:
    period: Period
    received: int = 0
    accepted: int = 0
    rejected: int = 0
    closed_by_outcome: dict[str, int] = field(default_factory=dict)
    #: the applicant's wait, received → closed, in working days (the service card's figure)
    avg_service_days: float | None = None
    p90_service_days: int | None = None
    #: the same cases' time split: the office's own working days and the agencies' (their clock)
    avg_office_days: float | None = None
    avg_agency_days: float | None = None
    #: per agency, the cases whose answer deadline (as the forwarding letter gave it) fell in the
    #: period (up to today) and that were answered after it or not at all
    overdue_by_agency: list[tuple[str, int]] = field(default_factory=list)
    visits: int = 0
    applicants: int = 0
    #: the service card's figures, computed: applicants per season, visits per request
    applicants_per_season: float = 0.0
    visits_per_case: float | None = None
    #: ((Jalali year, month), received, closed), the months in order (`month_title` names one)
    by_month: list[tuple[tuple[int, int], int, int]] = field(default_factory=list)
    #: how each agency answered the cases forwarded to it in the period, most forwarded first
    agencies: list[AgencyFigures] = field(default_factory=list)


@dataclass(frozen=True)
class AgencyFigures:
    """One agency's answers to the letters sent to it in a period."""

    name: str
    forwarded: int
    answered: int
    #: answered by the deadline its forwarding letter gave (a follow-up's extra time not counted)
    on_time: int
    #: working days from the letter to the answer, on average, of those answered
    avg_days: float | None
    #: no answer yet, the agency still holding the case
    waiting: int


#: The columns of the agencies' answers (the paper's table and the sheet).
AGENCY_HEADERS = ("دستگاه اجرایی", "ارجاع‌شده", "پاسخ‌داده", "پاسخ در مهلت", "میانگین روز کاری تا پاسخ",
                  "در انتظار پاسخ")


def _p90(values: list[int]) -> int | None:
    if not values:
        return None
    values = sorted(values)
    return values[max(0, math.ceil(0.9 * len(values)) - 1)]


def build_report(store: Store, actor: Actor, p: Period, *, on: date | None = None) -> Report:
    """Every figure of the period from the projection tables (service time in working days)."""
    require(actor, "clerk", "expert", "manager", "admin")
    cal = working_calendar(store)
    rep = Report(p)
    asof = min(p.end, on or today())

    def in_range(col: Any) -> ColumnElement[bool]:
        return col.between(p.start, p.end)  # type: ignore[no-any-return]

    with store.read() as s:
        rep.received = int(s.scalar(select(func.count()).select_from(Case).where(in_range(Case.received_date))) or 0)
        rep.accepted = int(s.scalar(select(func.count()).select_from(Case).where(in_range(Case.accepted_on))) or 0)
        for outcome, n in s.execute(select(Case.outcome, func.count()).where(in_range(Case.closed_on))
                                    .group_by(Case.outcome)):
            rep.closed_by_outcome[str(outcome)] = int(n)
        rep.rejected = rep.closed_by_outcome.get("rejected", 0)
        spans = _agency_spans(s, p)
        times = [service_time(cal, received, closed_on, spans.get(cid, []), closed_on or asof)
                 for cid, received, closed_on in s.execute(
                     select(Case.id, Case.received_date, Case.closed_on).where(in_range(Case.closed_on)))]
        if times:
            totals = [t.total for t in times]
            rep.avg_service_days = sum(totals) / len(totals)
            rep.p90_service_days = _p90(totals)
            rep.avg_office_days = sum(t.office for t in times) / len(times)
            rep.avg_agency_days = sum(t.agency for t in times) / len(times)
        rep.overdue_by_agency = _overdue_by_agency(s, p, asof)
        rep.agencies = _agency_figures(s, p, cal)
        rep.visits = int(s.scalar(select(func.count()).select_from(Visit).where(in_range(Visit.day))) or 0)
        rep.applicants = int(s.scalar(select(func.count(func.distinct(Case.applicant_id)))
                                      .where(in_range(Case.received_date))) or 0)
        case_visits = s.scalar(select(func.sum(Case.visits)).where(in_range(Case.received_date)))
        months: dict[tuple[int, int], list[int]] = {}
        for d, n in s.execute(select(Case.received_date, func.count()).where(in_range(Case.received_date))
                              .group_by(Case.received_date)):
            months.setdefault(jalali_month_key(d), [0, 0])[0] += int(n)
        for closed, n in s.execute(select(Case.closed_on, func.count()).where(in_range(Case.closed_on))
                                   .group_by(Case.closed_on)):
            if closed is not None:
                months.setdefault(jalali_month_key(closed), [0, 0])[1] += int(n)
    seasons = {"month": 1 / 3, "season": 1.0, "year": 4.0}[p.kind]
    rep.applicants_per_season = rep.applicants / seasons
    rep.visits_per_case = (int(case_visits or 0) / rep.received) if rep.received else None
    rep.by_month = [(key, r, c) for key, (r, c) in sorted(months.items())]
    return rep


_CLOCK_EVENTS = ("case.forwarded", "case.answered", "case.closed", "case.reviewed", "case.reopened")


def _agency_spans(s: Any, p: Period) -> dict[str, list[tuple[date, date | None]]]:
    """The agencies' spans of every case closed in the period, from their events in fold order
    (only the few fields the clock reads are taken out of the payloads)."""
    closed_ids = select(Case.id).where(Case.closed_on.between(p.start, p.end))
    rows = s.execute(select(Event.aggregate_id, Event.type, func.json_extract(Event.payload, "$.day"),
                            func.json_extract(Event.payload, "$.letter_date"),
                            func.json_extract(Event.payload, "$.decision"))
                     .where(Event.aggregate_id.in_(closed_ids), Event.type.in_(_CLOCK_EVENTS))
                     .order_by(Event.aggregate_id, Event.hlc, Event.id))
    events: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for case_id, kind, day, letter_date, decision in rows:
        events.setdefault(case_id, []).append(
            (kind, {"day": day, "letter_date": letter_date, "decision": decision}))
    return {case_id: agency_spans(steps) for case_id, steps in events.items()}


def _overdue_by_agency(s: Any, p: Period, asof: date) -> list[tuple[str, int]]:
    """Cases per agency whose deadline fell in the period, up to `asof`, and that the agency
    answered late or not at all. The deadline is the one its forwarding letter gave
    (`Forward.original_deadline`): a follow-up that gives a late agency more time does not make it
    punctual. A case closed before that deadline without an answer (withdrawn, say) was not late,
    and a forward withdrawn as made by mistake (a conflict's resolution) is not counted."""
    due = Forward.original_deadline
    late = or_(Forward.answered_on > due,
               and_(Forward.answered_on.is_(None),
                    or_(Forward.status == "open", Case.closed_on.is_(None), Case.closed_on > due)))
    n = func.count(func.distinct(Forward.case_id))
    return [(name, int(count)) for name, count in s.execute(
        select(Agency.name, n).select_from(Forward).join(Agency, Agency.id == Forward.agency_id)
        .join(Case, Case.id == Forward.case_id)
        .where(due.between(p.start, p.end), due < asof, Forward.status != "withdrawn", late)
        .group_by(Agency.name).order_by(n.desc(), Agency.name))]


def _agency_figures(s: Any, p: Period, cal: Any) -> list[AgencyFigures]:
    """Per agency, the forwarding letters dated in the period (a forward withdrawn as made by
    mistake not counted): answered, answered on time, the average working days to the answer,
    still waiting (the agency holds the case; one closed without an answer waits no more)."""
    rows: dict[str, list[tuple[date, date | None, date, bool]]] = {}
    for name, letter_date, answered_on, due, status in s.execute(
            select(Agency.name, Forward.letter_date, Forward.answered_on, Forward.original_deadline, Forward.status)
            .select_from(Forward).join(Agency, Agency.id == Forward.agency_id)
            .where(Forward.letter_date.between(p.start, p.end), Forward.status != "withdrawn")):
        rows.setdefault(name, []).append((letter_date, answered_on, due, status == "open"))
    out = []
    for name, letters in rows.items():
        answered = [(sent, got, due) for sent, got, due, _open in letters if got is not None]
        days = [cal.working_days_between(sent, got) for sent, got, _ in answered]
        out.append(AgencyFigures(name, len(letters), len(answered), sum(1 for _, got, due in answered if got <= due),
                                 sum(days) / len(days) if days else None,
                                 sum(1 for _s, got, _d, is_open in letters if got is None and is_open)))
    return sorted(out, key=lambda a: (-a.forwarded, a.name))


def report_to_xlsx(rep: Report, path: Path, *, made_on: date | None = None) -> Path:
    """The report as an Excel workbook with right-to-left sheets (figures, overdue, by month); the
    first row names the period, its Jalali first and last days, and the day it was made (`made_on`,
    today by default)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from .secretariat_status import OUTCOME_FA

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "شاخص‌ها"
    ws.sheet_view.rightToLeft = True
    ws.append([f"گزارش {rep.period.title}",
               f"از {format_jalali_date(rep.period.start)} تا {format_jalali_date(rep.period.end)}",
               f"تهیه‌شده در {format_jalali_date(made_on or today())}"])
    ws["A1"].font = Font(bold=True)
    rows: list[tuple[str, float | int | None]] = [
        ("دریافت‌شده", rep.received), ("پذیرفته‌شده", rep.accepted), ("ردشده", rep.rejected),
        *[(f"مختومه: {OUTCOME_FA.get(k, k)}", v) for k, v in sorted(rep.closed_by_outcome.items())],
        ("میانگین زمان ارائه خدمت (روز کاری)", round(rep.avg_service_days, 2) if rep.avg_service_days else None),
        ("صدک ۹۰ زمان ارائه خدمت (روز کاری)", rep.p90_service_days),
        ("میانگین زمان دفتر (روز کاری)", round(rep.avg_office_days, 2) if rep.avg_office_days is not None else None),
        ("میانگین زمان دستگاه‌ها (روز کاری)",
         round(rep.avg_agency_days, 2) if rep.avg_agency_days is not None else None),
        ("مراجعه حضوری", rep.visits),
        ("متقاضیان در هر فصل", round(rep.applicants_per_season, 1)),
        ("مراجعه حضوری برای هر درخواست", round(rep.visits_per_case, 2) if rep.visits_per_case else None)]
    for row in rows:
        ws.append(list(row))
    ws.column_dimensions["A"].width = 40
    od = wb.create_sheet("دیرکرد دستگاه‌ها")
    od.sheet_view.rightToLeft = True
    od.append(["دستگاه اجرایی", "پرونده‌های دیرکرد"])
    for agency, n in rep.overdue_by_agency:
        od.append([agency, n])
    od.column_dimensions["A"].width = 45
    ag = wb.create_sheet("پاسخ‌گویی دستگاه‌ها")
    ag.sheet_view.rightToLeft = True
    ag.append(list(AGENCY_HEADERS))
    for a in rep.agencies:
        ag.append([a.name, a.forwarded, a.answered, a.on_time,
                   round(a.avg_days, 1) if a.avg_days is not None else None, a.waiting])
    ag.column_dimensions["A"].width = 45
    bm = wb.create_sheet("ماهانه")
    bm.sheet_view.rightToLeft = True
    bm.append(["ماه", "دریافت", "مختومه"])
    for month, r, c in rep.by_month:
        bm.append([month_title(month), r, c])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
