"""Secretariat reports by Jalali month, season or year, and the service card's figures from the data."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date
from functools import cmp_to_key
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Date, and_, bindparam, func, or_, select

from ..errors import QT_TRANSLATE_NOOP
from ..eventlog import Actor
from ..models import Event
from ..models.secretariat import (
    DUPLICATE_ONLY,
    Agency,
    Case,
    Forward,
    Visit,
    case_clock_events,
    case_clock_field,
)
from ..persian import (
    JALALI_MONTHS,
    WorkingCalendar,
    format_jalali_date,
    jalali_month_bounds,
    jalali_month_key,
    jalali_season_bounds,
    jalali_year_bounds,
    normalize,
    normalize_text,
    script_digits,
    search_key,
    season_name,
    to_ascii_digits,
    to_persian_digits,
)
from ..persian_script import persian_collate, sort_key
from ..projections.secretariat.parties import survivors
from ..sqlite_statement import SqliteStatement
from ..store import Store
from ..whole_file import written_whole
from .accounts import require, working_calendar
from .secretariat_common import today
from .secretariat_status import OUTCOME_FA
from .secretariat_time import ServiceTime, Span, agency_spans, closed_spans, service_time
from .sheets import append_rows, finish_sheet


@dataclass(frozen=True)
class Period:
    kind: str  # month | season | year
    year: int
    number: int  # month 1..12, season 1..4, or 0 for a year
    start: date
    end: date

    @property
    def title(self) -> str:
        """The period in Persian: «پاییز ۱۴۰۵» (`ReportText.period_title` in another language)."""
        return ReportText().period_title(self)


def month_title(key: tuple[int, int]) -> str:
    """A Jalali (year, month) as the office's papers name it: «مهر ۱۴۰۵»."""
    return ReportText().month_title(key)


@dataclass(frozen=True)
class ReportText:
    """What the report's paper and sheet are written in: its words, the months' and seasons' names,
    the digits, the number separators and the direction. Persian by default; the interface passes
    its own language's (services import no Qt: `translated` takes the UI's translate function, the
    words being marked for the translation files under "SecretariatReports")."""

    heading: str = QT_TRANSLATE_NOOP("SecretariatReports", "گزارش رسیدگی به درخواست‌ها و شکایات — {period}")
    sheet_heading: str = QT_TRANSLATE_NOOP("SecretariatReports", "گزارش {period}")
    year: str = QT_TRANSLATE_NOOP("SecretariatReports", "سال {year}")
    span: str = QT_TRANSLATE_NOOP("SecretariatReports", "از {start} تا {end}")
    made: str = QT_TRANSLATE_NOOP("SecretariatReports", "تهیه‌شده در {day}")
    figure: str = QT_TRANSLATE_NOOP("SecretariatReports", "شاخص")
    value: str = QT_TRANSLATE_NOOP("SecretariatReports", "مقدار")
    received: str = QT_TRANSLATE_NOOP("SecretariatReports", "دریافت‌شده")
    accepted: str = QT_TRANSLATE_NOOP("SecretariatReports", "پذیرفته‌شده")
    rejected: str = QT_TRANSLATE_NOOP("SecretariatReports", "ردشده")
    closed_as: str = QT_TRANSLATE_NOOP("SecretariatReports", "مختومه: {outcome}")
    avg_service: str = QT_TRANSLATE_NOOP("SecretariatReports", "میانگین زمان ارائه خدمت (روز کاری)")
    p90_service: str = QT_TRANSLATE_NOOP("SecretariatReports", "صدک ۹۰ زمان ارائه خدمت (روز کاری)")
    avg_office: str = QT_TRANSLATE_NOOP("SecretariatReports", "میانگین زمان دفتر (روز کاری)")
    avg_agency: str = QT_TRANSLATE_NOOP("SecretariatReports", "میانگین زمان دستگاه‌ها (روز کاری)")
    visits: str = QT_TRANSLATE_NOOP("SecretariatReports", "مراجعه حضوری")
    applicants_per_season: str = QT_TRANSLATE_NOOP("SecretariatReports", "متقاضیان در هر فصل")
    visits_per_case: str = QT_TRANSLATE_NOOP("SecretariatReports", "مراجعه حضوری برای هر درخواست")
    figures_sheet: str = QT_TRANSLATE_NOOP("SecretariatReports", "شاخص‌ها")
    overdue_heading: str = QT_TRANSLATE_NOOP("SecretariatReports", "دیرکرد پاسخ به تفکیک دستگاه")
    overdue_sheet: str = QT_TRANSLATE_NOOP("SecretariatReports", "دیرکرد دستگاه‌ها")
    agency: str = QT_TRANSLATE_NOOP("SecretariatReports", "دستگاه اجرایی")
    overdue_cases: str = QT_TRANSLATE_NOOP("SecretariatReports", "پرونده‌های دیرکرد")
    agencies_heading: str = QT_TRANSLATE_NOOP("SecretariatReports", "پاسخ‌گویی دستگاه‌ها")
    forwarded: str = QT_TRANSLATE_NOOP("SecretariatReports", "ارجاع‌شده")
    answered: str = QT_TRANSLATE_NOOP("SecretariatReports", "پاسخ‌داده")
    on_time: str = QT_TRANSLATE_NOOP("SecretariatReports", "پاسخ در مهلت")
    avg_days: str = QT_TRANSLATE_NOOP("SecretariatReports", "میانگین روز کاری تا پاسخ")
    waiting: str = QT_TRANSLATE_NOOP("SecretariatReports", "در انتظار پاسخ")
    by_month_heading: str = QT_TRANSLATE_NOOP("SecretariatReports", "به تفکیک ماه")
    months_sheet: str = QT_TRANSLATE_NOOP("SecretariatReports", "ماهانه")
    month: str = QT_TRANSLATE_NOOP("SecretariatReports", "ماه")
    month_received: str = QT_TRANSLATE_NOOP("SecretariatReports", "دریافت")
    month_closed: str = QT_TRANSLATE_NOOP("SecretariatReports", "مختومه")
    notes_heading: str = QT_TRANSLATE_NOOP("SecretariatReports", "معنای شاخص‌ها")
    #: what a figure counts, where a manager could read it two ways (the paper's and the sheet's notes)
    note_service: str = QT_TRANSLATE_NOOP(
        "SecretariatReports", "زمان ارائه خدمت: روزهای کاری از روز دریافت درخواست تا روز مختومه شدن آن، برای "
        "پرونده‌های مختومه در این دوره؛ جمعه‌ها، تعطیلات رسمی و روزهایی که پرونده پیش از بازگشایی مختومه "
        "بوده شمرده نمی‌شود. زمان دستگاه‌ها از تاریخ نامه ارجاع تا پاسخ دستگاه است و باقی، زمان دفتر.")
    note_closed: str = QT_TRANSLATE_NOOP(
        "SecretariatReports", "مختومه و ردشده: پرونده بازگشایی‌شده در دوره‌ای شمرده می‌شود که آخرین بار مختومه شده "
        "است؛ پذیرفته‌شده یعنی پذیرفته در بررسی اولیه در این دوره.")
    note_overdue: str = QT_TRANSLATE_NOOP(
        "SecretariatReports", "دیرکرد دستگاه‌ها: پرونده‌هایی که مهلت نامه ارجاعشان در این دوره (تا امروز) سر "
        "رسیده و دستگاه پس از مهلت یا هیچ‌گاه پاسخ نداده است؛ مهلتی که در پیگیری افزوده شد به حساب نمی‌آید.")
    note_applicants: str = QT_TRANSLATE_NOOP(
        "SecretariatReports", "متقاضیان در هر فصل: شمار متقاضیان (هر نفر یک بار) درخواست‌های دریافت‌شده در این دوره، "
        "به اندازه یک فصل (ماه ضرب در ۳، سال تقسیم بر ۴؛ دوره‌ای که هنوز تمام نشده به نسبت روزهای گذشته "
        "آن)؛ مراجعه حضوری برای هر درخواست: همه مراجعه‌های حضوری همان درخواست‌ها تا امروز، تقسیم بر شمار آن‌ها.")
    note_duplicates: str = QT_TRANSLATE_NOOP(
        "SecretariatReports", "درخواستی که با دلیل «تکراری» رد شده است (همان درخواست که دوباره رسید یا در دو میز "
        "ثبت شد) در هیچ شاخصی شمرده نمی‌شود: درخواستی که به آن رسیدگی می‌شود یک بار شمرده می‌شود.")
    #: an agency's row that counts the cases of agencies merged into it (`merge_agency`)
    merged_label: str = QT_TRANSLATE_NOOP("SecretariatReports", "{name} (با «{merged}» که در آن ادغام شد)")
    #: one of two agencies of one name (made at two desks apart): what tells it apart
    same_name_phone: str = QT_TRANSLATE_NOOP("SecretariatReports", "{name} (تلفن {phone})")
    same_name_address: str = QT_TRANSLATE_NOOP("SecretariatReports", "{name} ({address})")
    same_name_id: str = QT_TRANSLATE_NOOP("SecretariatReports", "{name} (شناسه {id})")
    #: names joined in a note («الف»، «ب»)
    list_separator: str = QT_TRANSLATE_NOOP("SecretariatReports", "»، «")
    #: how a case ended, by outcome key
    outcomes: Mapping[str, str] = field(default_factory=lambda: dict(OUTCOME_FA))
    months: tuple[str, ...] = JALALI_MONTHS
    seasons: tuple[str, ...] = tuple(season_name(n) for n in range(1, 5))
    #: a number's or a date's digits: Persian, or Latin in the English interface
    digits: Callable[[str], str] = to_persian_digits
    #: stored text (an agency's name) for the page: Persian text with Persian digits
    names: Callable[[str], str] = script_digits
    group: str = "\u066c"
    decimal: str = "\u066b"
    rtl: bool = True

    def translated(self, tr: Callable[[str], str], **others: Any) -> ReportText:
        """These words through `tr` (the interface's translation), the rest from `others`."""
        words = {f.name: tr(getattr(self, f.name)) for f in fields(self)
                 if isinstance(getattr(self, f.name), str) and f.name not in ("group", "decimal")}
        return replace(self, **{**words, **others})

    def notes(self) -> list[str]:
        """What the figures count, one sentence each (below the figures on the paper and the sheet)."""
        return [self.note_service, self.note_closed, self.note_overdue, self.note_applicants, self.note_duplicates]

    def period_title(self, p: Period) -> str:
        y = self.digits(str(p.year))
        if p.kind == "month":
            return f"{self.months[p.number - 1]} {y}"
        if p.kind == "season":
            return f"{self.seasons[p.number - 1]} {y}"
        return self.year.replace("{year}", y)

    def month_title(self, key: tuple[int, int]) -> str:
        year, month = key
        return f"{self.months[month - 1]} {self.digits(str(year))}"

    def day(self, d: date) -> str:
        """A Jalali date: «۱۴۰۵/۰۹/۱۵», or 1405/09/15."""
        return self.digits(to_ascii_digits(format_jalali_date(d)))

    def number(self, x: float | int | None, places: int = 1) -> str:
        """A figure: a count as a whole number ("۴۷", not "۴۷٫۰", even when it is an average that
        came out whole), a fraction with `places` decimals ("۱۷٫۶"), thousands grouped, nothing to
        show as "—"."""
        if x is None:
            return "—"
        text = f"{x:,.{places}f}" if isinstance(x, float) and not x.is_integer() else f"{int(x):,}"
        return self.digits(text.replace(",", "\0").replace(".", self.decimal).replace("\0", self.group))


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


def agency_headers(t: ReportText) -> list[str]:
    """The columns of the agencies' answers (the paper's table and the sheet)."""
    return [t.agency, t.forwarded, t.answered, t.on_time, t.avg_days, t.waiting]


def _p90(values: list[int]) -> int | None:
    if not values:
        return None
    values = sorted(values)
    return values[max(0, math.ceil(0.9 * len(values)) - 1)]


def _duplicates(s: Any, p: Period) -> list[Any]:
    """The cases rejected as duplicates (`DUPLICATE_REASON`: the same request brought again, or
    taken at two desks) received by the period's end (those received, accepted or closed in it
    among them), read from their own small index (`ix_cases_duplicates`, partial: its WHERE is
    written out for SQLite to use it)."""
    return list(s.connection().execute(
        select(Case.id, Case.received_date, Case.accepted_on, Case.closed_on, Case.outcome, Case.visits)
        .where(DUPLICATE_ONLY, Case.received_date <= p.end)))


def build_report(store: Store, actor: Actor, p: Period, *, on: date | None = None,
                 text: ReportText | None = None) -> Report:
    """Every figure of the period from the projection tables (service time in working days). A
    case rejected as a duplicate is in none: the request dealt with is counted once (its twin's
    share is taken back off each figure, `_duplicates`). An agency's rows are labelled in `text`'s
    words (`_agency_rows`: a merged agency's cases under its survivor, two of one name told apart)."""
    require(actor, "clerk", "expert", "manager", "admin")
    cal = working_calendar(store)
    rep = Report(p)
    asof = min(p.end, on or today())

    def in_range(col: Any) -> ColumnElement[bool]:
        return col.between(p.start, p.end)  # type: ignore[no-any-return]

    def within(day: date | None) -> bool:
        return day is not None and p.start <= day <= p.end

    with store.read() as s:
        rep.received = int(s.scalar(select(func.count()).select_from(Case).where(in_range(Case.received_date))) or 0)
        rep.accepted = int(s.scalar(select(func.count()).select_from(Case).where(in_range(Case.accepted_on))) or 0)
        for outcome, n in s.execute(select(Case.outcome, func.count()).where(in_range(Case.closed_on))
                                    .group_by(Case.outcome)):
            rep.closed_by_outcome[str(outcome)] = int(n)
        twins = _duplicates(s, p)
        rep.received -= sum(1 for t in twins if within(t.received_date))
        rep.accepted -= sum(1 for t in twins if within(t.accepted_on))
        for t in twins:
            if within(t.closed_on):
                rep.closed_by_outcome[str(t.outcome)] -= 1
        rep.closed_by_outcome = {k: n for k, n in rep.closed_by_outcome.items() if n}
        rep.rejected = rep.closed_by_outcome.get("rejected", 0)
        twin_ids = {t.id for t in twins}
        spans = _clock_spans(s, p)
        none: tuple[list[Span], list[Span]] = ([], [])
        # rows in bulk through the Core connection (the ORM's per-row handling cost more than the query)
        times: list[ServiceTime] = []
        for cid, received, closed_on in s.connection().execute(
                select(Case.id, Case.received_date, Case.closed_on).where(in_range(Case.closed_on))):
            if cid in twin_ids:
                continue
            agency, paused = spans.get(cid, none)
            times.append(service_time(cal, received, closed_on, agency, closed_on or asof, paused))
        if times:
            totals = [t.total for t in times]
            rep.avg_service_days = sum(totals) / len(totals)
            rep.p90_service_days = _p90(totals)
            rep.avg_office_days = sum(t.office for t in times) / len(times)
            rep.avg_agency_days = sum(t.agency for t in times) / len(times)
        rows = _agency_rows(s, text or ReportText(), by=p.end)
        rep.overdue_by_agency = _overdue_by_agency(s, p, on or today(), rows, cal)
        rep.agencies = _agency_figures(s, p, cal, rows)
        rep.visits = int(s.scalar(select(func.count()).select_from(Visit).where(in_range(Visit.day))) or 0)
        rep.applicants = int(s.scalar(select(func.count(func.distinct(Case.applicant_id)))
                                      .where(in_range(Case.received_date))) or 0)
        case_visits = int(s.scalar(select(func.sum(Case.visits)).where(in_range(Case.received_date))) or 0)
        case_visits -= sum(t.visits or 0 for t in twins if within(t.received_date))
        # every month of the period up to today, a quiet one's zeros too (the chart keeps its shape)
        months: dict[tuple[int, int], list[int]] = {key: [0, 0] for key in _months(p.start, asof)}
        for d, n in s.execute(select(Case.received_date, func.count()).where(in_range(Case.received_date))
                              .group_by(Case.received_date)):
            months.setdefault(jalali_month_key(d), [0, 0])[0] += int(n)
        for closed, n in s.execute(select(Case.closed_on, func.count()).where(in_range(Case.closed_on))
                                   .group_by(Case.closed_on)):
            if closed is not None:
                months.setdefault(jalali_month_key(closed), [0, 0])[1] += int(n)
        for t in twins:
            if within(t.received_date):
                months[jalali_month_key(t.received_date)][0] -= 1
            if within(t.closed_on):
                months[jalali_month_key(t.closed_on)][1] -= 1
    # the seasons the period spans, of a period still running the part of it gone by (the year's
    # report in Azar is of two seasons and a half, not four)
    seasons = {"month": 1 / 3, "season": 1.0, "year": 4.0}[p.kind]
    if asof < p.end:
        seasons *= max((asof - p.start).days + 1, 1) / ((p.end - p.start).days + 1)
    rep.applicants_per_season = rep.applicants / seasons if asof >= p.start else 0.0
    rep.visits_per_case = (int(case_visits or 0) / rep.received) if rep.received else None
    rep.by_month = [(key, r, c) for key, (r, c) in sorted(months.items())]
    return rep


def _months(first: date, last: date) -> list[tuple[int, int]]:
    """The Jalali (year, month)s from `first`'s to `last`'s, both included (none if last < first)."""
    if last < first:
        return []
    out = [jalali_month_key(first)]
    end = jalali_month_key(last)
    while out[-1] < end:
        year, month = out[-1]
        out.append((year + 1, 1) if month == 12 else (year, month + 1))
    return out


#: The clock events of the cases closed in start..end, in fold order, with the few payload fields the
#: clock reads, from ix_events_case_clock alone (its condition and fields are written as the
#: index's). Run on the session's DBAPI connection: a year's 60,000 rows cost SQLAlchemy's result
#: rows three times what SQLite took to read them.
_CLOCK_EVENTS = SqliteStatement(
    select(Event.aggregate_id, Event.type, case_clock_field("day"), case_clock_field("letter_date"),
           case_clock_field("decision"))
    .where(Event.aggregate_id.in_(select(Case.id).where(Case.closed_on.between(bindparam("start", type_=Date),
                                                                               bindparam("end", type_=Date)))),
           case_clock_events())
    .order_by(Event.aggregate_id, Event.hlc, Event.id))


def _clock_spans(s: Any, p: Period) -> dict[str, tuple[list[Span], list[Span]]]:
    """The agencies' spans and the spans it lay closed before a reopening (`closed_spans`) of every
    case closed in the period, from their events in fold order (only the few fields the clock reads
    are taken out of the payloads)."""
    rows = _CLOCK_EVENTS.rows(s, start=p.start, end=p.end)
    out: dict[str, tuple[list[Span], list[Span]]] = {}
    for case_id, steps in groupby(rows, key=itemgetter(0)):
        events = [(kind, {"day": day, "letter_date": letter_date, "decision": decision})
                  for _case, kind, day, letter_date, decision in steps]
        out[case_id] = (agency_spans(events), closed_spans(events))
    return out


@dataclass(frozen=True)
class _AgencyRows:
    """Which row of the reports counts an agency's letters: `under` maps a merged agency to the one
    that holds its work (its survivor); `label` names each row."""

    under: dict[str, str]
    label: dict[str, str]

    def of(self, agency_id: str) -> str:
        return self.under.get(agency_id, agency_id)


def _agency_rows(s: Any, t: ReportText, *, by: date | None = None) -> _AgencyRows:
    """The reports' agency rows: one per agency not merged into another, its merged agencies'
    letters counted in it, their names in a note (a period with the merge in the middle shows one
    row, and loses nothing); two such agencies of one name (made at two desks apart) are never
    folded into one row: each says its phone, else its address, else its id's end. A merge dated
    after `by` (the period's end) is not applied: the report of a period ended before the merge
    reads as it did when it was printed, each agency on its own row."""
    agencies = {a.id: a for a in s.execute(select(Agency.id, Agency.name, Agency.phone, Agency.address))}
    # (a survivor this desk has not heard of yet: the merged one keeps its own row meanwhile)
    under = {gone: final for gone, final in survivors(s, by=by).items() if final in agencies}
    merged: dict[str, list[str]] = {}
    for gone, final in under.items():
        if gone in agencies and search_key(agencies[gone].name) != search_key(agencies[final].name):
            merged.setdefault(final, []).append(agencies[gone].name)
    by_key: dict[str, list[str]] = {}
    for aid, a in agencies.items():
        if aid not in under:
            by_key.setdefault(search_key(a.name), []).append(aid)
    label: dict[str, str] = {}
    for aid, a in agencies.items():
        if aid in under:
            continue
        name = a.name
        twins = [agencies[o] for o in by_key[search_key(a.name)] if o != aid]
        if twins:
            if a.phone and all(normalize(o.phone) != normalize(a.phone) for o in twins):
                name = t.same_name_phone.replace("{name}", name).replace("{phone}", a.phone)
            elif a.address and all(normalize_text(o.address) != normalize_text(a.address) for o in twins):
                name = t.same_name_address.replace("{name}", name).replace("{address}", a.address)
            else:
                name = t.same_name_id.replace("{name}", name).replace("{id}", aid[-6:])
        if aid in merged:
            names = t.list_separator.join(sorted(set(merged[aid]), key=cmp_to_key(persian_collate)))
            name = t.merged_label.replace("{name}", name).replace("{merged}", names)
        label[aid] = name
    return _AgencyRows(under, label)


def _overdue_by_agency(s: Any, p: Period, asof: date, agencies: _AgencyRows, cal: WorkingCalendar) -> list[tuple[str, int]]:
    """Cases per agency whose deadline fell in the period and has passed by `asof` (today: a
    deadline on a period's last day is counted in that period's report once the day is over), and
    that the agency answered late or not at all. The deadline is the one its forwarding letter gave
    (`Forward.original_deadline`): a follow-up that gives a late agency more time does not make it
    punctual. A deadline that fell on a day the office was closed (a holiday entered after the
    letter went, as a Friday) is met by the next working day, as the overdue list reads it. A case
    closed before that deadline without an answer (withdrawn, say) was not late,
    even when it was reopened later (the close that took the case from the agency is read from the
    case's events: the case's own close day is then another one, or none), and a forward withdrawn
    as made by mistake (a conflict's resolution) is not counted."""
    due = Forward.original_deadline
    reopened = Case.reopen_count > 0
    late = or_(Forward.answered_on > due,
               and_(Forward.answered_on.is_(None),
                    or_(Forward.status == "open", Case.closed_on.is_(None), Case.closed_on > due, reopened)))
    rows = s.execute(
        select(Forward.agency_id, Forward.case_id, Forward.agency_id, due, Forward.answered_on, Forward.status, reopened,
               Case.closed_on)
        .select_from(Forward).join(Case, Case.id == Forward.case_id)
        .where(due.between(p.start, p.end), due < asof, Forward.status != "withdrawn", late)).all()
    # a forward closed unanswered on a case reopened since: late only if its own close was after the deadline
    ask = {case_id for _n, case_id, _a, _d, got, status, again, _c in rows if got is None and status != "open" and again}
    closed_on = _forward_close_days(s, ask) if ask else {}
    cases: dict[str, set[str]] = {}
    for _a, case_id, agency_id, deadline, got, status, again, case_closed in rows:
        met_by = cal.open_on_or_after(deadline)  # the last day an answer was on time
        if met_by >= asof:
            continue
        if got is not None and got <= met_by:
            continue
        if got is None and status != "open":
            day = closed_on.get((case_id, agency_id, deadline)) if again else case_closed
            if (day is None and again) or (day is not None and day <= met_by):
                continue
        row = agencies.of(agency_id)
        if row in agencies.label:  # (a forward naming an agency this desk has not heard of yet: none)
            cases.setdefault(agencies.label[row], set()).add(case_id)
    by_name = cmp_to_key(persian_collate)
    return sorted(((name, len(ids)) for name, ids in cases.items()), key=lambda r: (-r[1], by_name(r[0])))


def _forward_close_days(s: Any, case_ids: set[str]) -> dict[tuple[str, str, date], date | None]:
    """The day each forward of these cases, by (case, agency, its letter's deadline), was closed with
    its case: the first close or rejection after it in fold order (None if none came), from the
    cases' events (a few cases: those reopened)."""
    out: dict[tuple[str, str, date], date | None] = {}
    field = case_clock_field
    rows = s.execute(select(Event.aggregate_id, Event.type, field("day"), field("decision"), field("agency_id"),
                            field("deadline"))
                     .where(Event.aggregate_id.in_(case_ids), case_clock_events())
                     .order_by(Event.aggregate_id, Event.hlc, Event.id))
    for case_id, steps in groupby(rows, key=itemgetter(0)):
        waiting: list[tuple[str, str, date]] = []
        for _c, kind, day, decision, agency_id, deadline in steps:
            if kind == "case.forwarded" and agency_id and deadline:
                key = (case_id, agency_id, date.fromisoformat(deadline))
                waiting.append(key)
                out.setdefault(key, None)
            elif waiting and (kind == "case.closed" or (kind == "case.reviewed" and decision == "reject")):
                for key in waiting:
                    out[key] = date.fromisoformat(day) if day else None
                waiting = []
    return out


def _agency_figures(s: Any, p: Period, cal: WorkingCalendar, agencies: _AgencyRows) -> list[AgencyFigures]:
    """Per agency, the forwarding letters dated in the period (a forward withdrawn as made by
    mistake not counted): answered, answered on time (by the deadline, or the next working day
    when the office was closed on it), the average working days to the answer,
    still waiting (the agency holds the case; one closed without an answer waits no more)."""
    rows: dict[str, list[tuple[date, date | None, date, bool]]] = {}
    for agency_id, letter_date, answered_on, due, status in s.connection().execute(
            select(Forward.agency_id, Forward.letter_date, Forward.answered_on, Forward.original_deadline,
                   Forward.status)
            .where(Forward.letter_date.between(p.start, p.end), Forward.status != "withdrawn")):
        name = agencies.label.get(agencies.of(agency_id))
        if name is not None:
            rows.setdefault(name, []).append((letter_date, answered_on, due, status == "open"))
    out = []
    for name, letters in rows.items():
        answered = [(sent, got, due) for sent, got, due, _open in letters if got is not None]
        days = [cal.working_days_between(sent, got) for sent, got, _ in answered]
        out.append(AgencyFigures(name, len(letters), len(answered), sum(1 for _, got, due in answered if got <= cal.open_on_or_after(due)),
                                 sum(days) / len(days) if days else None,
                                 sum(1 for _s, got, _d, is_open in letters if got is None and is_open)))
    return sorted(out, key=lambda a: (-a.forwarded, sort_key(a.name)))  # as many letters: in Persian order


def _as_shown(x: float | None) -> float | None:
    """A fraction as the screen and the paper show it (`ReportText.number`: one decimal), so the
    sheet holds the same figure; a zero is a zero (an average of cases all closed the day they
    came, no visit to any), not an empty cell."""
    return None if x is None else round(x, 1)


def report_to_xlsx(rep: Report, path: Path, *, made_on: date | None = None, text: ReportText | None = None) -> Path:
    """The report as an Excel workbook (figures, overdue, agencies, by month) in `text`'s words and
    direction (Persian, right to left, by default); the first row names the period, its Jalali first
    and last days, and the day it was made (`made_on`, today by default). Figures stay numbers;
    each sheet's first row is bold and stays in view, its columns as wide as what they hold, and
    an agency's name is never read as a formula (`sheets.append_rows`)."""
    from openpyxl import Workbook

    t = text or ReportText()
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = t.figures_sheet[:31]
    rows: list[tuple[str, float | int | None]] = [
        (t.received, rep.received), (t.accepted, rep.accepted), (t.rejected, rep.rejected),
        *[(t.closed_as.replace("{outcome}", t.outcomes.get(k, k)), v) for k, v in sorted(rep.closed_by_outcome.items())],
        (t.avg_service, _as_shown(rep.avg_service_days)), (t.p90_service, rep.p90_service_days),
        (t.avg_office, _as_shown(rep.avg_office_days)), (t.avg_agency, _as_shown(rep.avg_agency_days)),
        (t.visits, rep.visits), (t.applicants_per_season, _as_shown(rep.applicants_per_season)),
        (t.visits_per_case, _as_shown(rep.visits_per_case))]
    append_rows(ws, [[t.sheet_heading.replace("{period}", t.period_title(rep.period)),
                      t.span.replace("{start}", t.day(rep.period.start)).replace("{end}", t.day(rep.period.end)),
                      t.made.replace("{day}", t.day(made_on or today()))], *rows,
                     [], [t.notes_heading], *([note] for note in t.notes())])
    finish_sheet(ws, right_to_left=t.rtl)
    od = wb.create_sheet(t.overdue_sheet[:31])
    append_rows(od, [[t.agency, t.overdue_cases], *rep.overdue_by_agency])
    finish_sheet(od, right_to_left=t.rtl)
    ag = wb.create_sheet(t.agencies_heading[:31])
    append_rows(ag, [agency_headers(t), *([a.name, a.forwarded, a.answered, a.on_time,
                                           _as_shown(a.avg_days), a.waiting]
                                          for a in rep.agencies)])
    finish_sheet(ag, right_to_left=t.rtl)
    bm = wb.create_sheet(t.months_sheet[:31])
    append_rows(bm, [[t.month, t.month_received, t.month_closed],
                     *([t.month_title(month), r, c] for month, r, c in rep.by_month)])
    finish_sheet(bm, right_to_left=t.rtl)
    path.parent.mkdir(parents=True, exist_ok=True)
    with written_whole(path) as part:
        wb.save(part)
    return path
