"""Lending reports: the overdue list (paged) and popular titles, active readers, active centres,
loans by age group and the overdue rate over a Jalali month, season or year. A loan voided as the
wrong one of a copy lent at two centres (`loan.voided`) is no loan in any of them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cmp_to_key
from pathlib import Path
from typing import Any

from sqlalchemy import Select, Subquery, and_, case, collate, func, literal, or_, select, union_all
from sqlalchemy.orm import Session

from ..eventlog import Actor
from ..ids import new_id
from ..models import Event, Office, User, office_today
from ..models.library import Copy, Loan, Member, Notice, NoticeLoan, OverrideLog, Title
from ..persian import WorkingCalendar, jalali_month_bounds, jalali_season_bounds, jalali_year_bounds
from ..persian_script import COLLATION, persian_collate
from ..projections.library.copy_state import VOIDED_HLC
from ..projections.library.notices import ERASED as NOTICE_ERASED
from ..store import Store
from ..whole_file import written_whole
from .accounts import calendar_in, require
from .library_common import LIBRARIAN, office_actor
from .sheets import append_rows, finish_sheet
from .sms_outcomes import outcomes

# --- overdue ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class OverdueRow:
    loan_id: str
    days: int
    due_on: date
    member_id: str
    member_no: str
    member_name: str
    phone: str
    guardian_name: str
    guardian_phone: str
    title: str
    barcode: str
    centre: str
    #: the latest reminder of this loan: the day it was queued, and what became of the SMS
    #: ("queued" until the server said, then "pending", "sent", "failed"…; "erased": not sent, the
    #: member's details removed meanwhile; "" with no reminder)
    notice_on: date | None = None
    notice_status: str = ""


def _overdue_filter(q: Select, today: date, centre: str | None, calendar: WorkingCalendar) -> Select:  # type: ignore[type-arg]
    """Open loans late on `today`: due on or before the last working day before it (a loan due on a
    day the centre was closed is late only once the next open day has passed)."""
    q = q.where(Loan.returned_at.is_(None), Loan.due_on <= calendar.last_working_day_before(today))
    if centre:
        q = q.where(Loan.centre == centre)
    return q


def overdue_count(store: Store, *, today: date | None = None, centre: str | None = None) -> int:
    today = today or office_today()
    with store.read() as s:
        return s.scalar(_overdue_filter(select(func.count()).select_from(Loan), today, centre, calendar_in(s))) or 0


def overdue_page(store: Store, actor: Actor, *, today: date | None = None, centre: str | None = None,
                 offset: int = 0, limit: int = 100) -> list[OverdueRow]:
    """Most overdue first, with the member's and the guardian's phone (indexed, one page at a time).
    A librarian's: it names the children and their guardians' phones."""
    require(actor, *LIBRARIAN)
    today = today or office_today()
    with store.read() as s:
        calendar = calendar_in(s)
        q = _overdue_filter(
            select(Loan.id, Loan.due_on, Loan.member_id, Member.member_no, Member.first_name, Member.last_name,
                   Member.phone, Member.guardian_name, Member.guardian_phone, Title.title, Copy.barcode,
                   Loan.centre)
            .outerjoin(Member, Member.id == Loan.member_id).outerjoin(Title, Title.id == Loan.title_id)
            .outerjoin(Copy, Copy.id == Loan.copy_id), today, centre, calendar)
        q = q.order_by(Loan.due_on, Loan.id).offset(offset).limit(limit)
        rows = [OverdueRow(r[0], calendar.days_late(r[1], today), r[1], r[2], r[3] or "", f"{r[4] or ''} {r[5] or ''}".strip(),
                           r[6] or "", r[7] or "", r[8] or "", r[9] or "", r[10] or "", r[11])
                for r in s.execute(q)]
        return _with_reminders(s, rows)


def _with_reminders(s: Session, rows: list[OverdueRow]) -> list[OverdueRow]:
    """Each loan's latest reminder and what the server said of its SMS (three indexed look-ups a page)."""
    latest: dict[str, tuple[date, str]] = {}
    erased: set[str] = set()
    for loan_id, day, notice_id, status in s.execute(
            select(NoticeLoan.loan_id, Notice.queued_on, Notice.id, Notice.status)
            .join(Notice, Notice.id == NoticeLoan.notice_id)
            .where(NoticeLoan.loan_id.in_([r.loan_id for r in rows])).order_by(Notice.queued_on, Notice.id)):
        latest[loan_id] = (day, notice_id)  # the last one wins
        if status == NOTICE_ERASED:
            erased.add(notice_id)
    if not latest:
        return rows
    event_of = dict(s.execute(select(Event.aggregate_id, Event.id).where(
        Event.aggregate_id.in_([n for _d, n in latest.values()]), Event.type == "notice.queued")).all())
    told = outcomes(s, event_of.values())
    out = []
    for r in rows:
        if r.loan_id not in latest:
            out.append(r)
            continue
        day, notice_id = latest[r.loan_id]
        said = told.get(event_of.get(notice_id, ""))
        status = said.status if said else "queued"
        if notice_id in erased and status != "sent":  # the member's details removed before it went
            status = NOTICE_ERASED
        out.append(replace(r, notice_on=day, notice_status=status))
    return out


#: at most this many titles named in one SMS (the others counted: a Persian SMS part is 70 letters)
SMS_TITLES = 3


def overdue_notice_text(rows: OverdueRow | Sequence[OverdueRow]) -> str:
    """The SMS of a member's late loans (one loan, or several: the most late first, a few named)."""
    from ..persian import format_jalali_date, to_persian_digits

    late = [rows] if isinstance(rows, OverdueRow) else sorted(rows, key=lambda r: (-r.days, r.title))
    first = late[0]
    who = first.guardian_name or first.member_name
    if len(late) == 1:
        return (f"{who} گرامی، کتاب «{first.title}» امانت {first.member_name} از تاریخ "
                f"{format_jalali_date(first.due_on)} ({to_persian_digits(first.days)} روز) دیرکرد دارد. "
                f"لطفاً آن را به کتابخانه کانون بازگردانید.")
    named = "، ".join(f"«{r.title}» ({to_persian_digits(r.days)} روز)" for r in late[:SMS_TITLES])
    more = len(late) - SMS_TITLES
    rest = f" و {to_persian_digits(more)} کتاب دیگر" if more > 0 else ""
    return (f"{who} گرامی، {to_persian_digits(len(late))} کتاب امانت {first.member_name} دیرکرد دارد: "
            f"{named}{rest}. لطفاً آن‌ها را به کتابخانه کانون بازگردانید.")


# --- periods ----------------------------------------------------------------------------------


def period_bounds(kind: str, year: int, n: int = 1) -> tuple[date, date]:
    """First and last day of a Jalali month (n 1..12), season (n 1..4) or year."""
    if kind == "month":
        return jalali_month_bounds(year, n)
    if kind == "season":
        return jalali_season_bounds(year, n)
    return jalali_year_bounds(year)


#: A loan a person voided (`loan.voided`: one copy lent at two centres while they were apart, the
#: wrong one) is no loan: no report counts it. Its stamp is in the period index, so the reports
#: still count from the index alone.
_NOT_VOIDED = or_(Loan.returned_hlc.is_(None), Loan.returned_hlc != VOIDED_HLC)


def _loans_in(start: date, end: date, centre: str | None) -> list[object]:
    """Loans made on the desk's business days start..end (both included), voided ones left out."""
    conds: list[object] = [Loan.out_on >= start, Loan.out_on <= end, _NOT_VOIDED]
    if centre:
        conds.append(Loan.centre == centre)
    return conds


@dataclass(frozen=True)
class Count:
    key: str
    label: str
    count: int
    #: a title's author, a reader's member number (text), or a centre's borrowing members (a number)
    detail: str | int = ""


def _loan_counts(key: Any, start: date, end: date, centre: str | None) -> Subquery:
    """Loans of the period counted by `key` (a loans column) from the loans' period index alone
    (`ix_lib_loans_period`, which holds the stamp that tells a voided loan): the reports count first
    and join the few groups to their names."""
    return (select(key.label("key"), func.count().label("n")).where(and_(*_loans_in(start, end, centre)))  # type: ignore[arg-type]
            .group_by(key).subquery())


def popular_titles(store: Store, start: date, end: date, *, centre: str | None = None,
                   limit: int = 10) -> list[Count]:
    """The titles most lent in the period (equal counts by title, then in the order of their ids)."""
    with store.read() as s:
        c = _loan_counts(Loan.title_id, start, end, centre)
        q = (select(c.c.key, Title.title, Title.author, c.c.n).join(Title, Title.id == c.c.key)
             .order_by(c.c.n.desc(), collate(Title.title, COLLATION), c.c.key).limit(limit))
        return [Count(tid, title, cnt, author) for tid, title, author, cnt in s.execute(q)]


def _merged(s: Session) -> dict[str, str]:
    """The members merged into another (`member.merged`: one child registered at two centres; the
    merged record keeps its closed loans) and the record each was merged into."""
    return {member_id: into for member_id, into in s.execute(
        select(Member.id, Member.merged_into).where(Member.merged_into.is_not(None))) if into}


#: Who reads the lending reports: the librarians, and the managers (figures, not children).
REPORT_READERS = ("librarian", "admin", "manager")


def active_readers(store: Store, actor: Actor, start: date, end: date, *, centre: str | None = None,
                   limit: int = 10) -> list[Count]:
    """The members who borrowed most in the period (equal counts by last name, then by id); a child's
    two records merged into one are one reader, under the record kept. A librarian's (and an
    admin's) with the members' names; for a manager, who needs how much was read, not by whom, the
    names are left out (`label` empty): the membership number and the count only."""
    require(actor, *REPORT_READERS)
    named = actor.has(*LIBRARIAN)
    with store.read() as s:
        rows = _active_readers(s, start, end, centre, limit)
    return [Count(mid, f"{fn} {ln}".strip() if named else "", int(cnt), no) for mid, fn, ln, no, cnt in rows]


def _active_readers(s: Session, start: date, end: date, centre: str | None,
                    limit: int) -> list[tuple[Any, ...]]:
    """(member id, first name, last name, member number, loans) of the period's most active readers."""
    c = _loan_counts(Loan.member_id, start, end, centre)
    q = (select(c.c.key, Member.first_name, Member.last_name, Member.member_no, c.c.n)
         .join(Member, Member.id == c.c.key).order_by(c.c.n.desc(), collate(Member.last_name, COLLATION), c.c.key).limit(limit))
    into = _merged(s)
    if not into:
        return [tuple(r) for r in s.execute(q)]
    # the few merged records and those they were merged into, added up apart (by the members'
    # index), the others counted from the period's index as always
    ids = set(into) | set(into.values())
    counted: dict[str, int] = {}
    lent: set[str] = set()
    for member_id, n in s.execute(select(Loan.member_id, func.count()).where(
            Loan.member_id.in_(ids), and_(*_loans_in(start, end, centre))).group_by(Loan.member_id)):  # type: ignore[arg-type]
        lent.add(member_id)
        reader = into.get(member_id, member_id)
        counted[reader] = counted.get(reader, 0) + int(n)
    # the first `limit` of the others are among the first `limit + len(lent)` of all
    rows = [tuple(r) for r in s.execute(q.limit(limit + len(lent))) if r[0] not in lent]
    rows += [(mid, fn, ln, no, counted[mid]) for mid, fn, ln, no in s.execute(
        select(Member.id, Member.first_name, Member.last_name, Member.member_no).where(Member.id.in_(counted)))]
    by_name = cmp_to_key(persian_collate)
    rows.sort(key=lambda r: (-r[4], by_name(r[2]), r[0]))
    return rows[:limit]


def active_centres(store: Store, start: date, end: date, *, limit: int = 20) -> list[Count]:
    """Centres by loans in the period, with how many distinct members borrowed there (a child's two
    records merged into one counted once)."""
    with store.read() as s:
        c = (select(Loan.centre, func.count().label("n"), func.count(func.distinct(Loan.member_id)).label("readers"))
             .where(and_(*_loans_in(start, end, None))).group_by(Loan.centre).subquery())  # type: ignore[arg-type]
        q = (select(c.c.centre, Office.name, c.c.n, c.c.readers).outerjoin(Office, Office.code == c.c.centre)
             .order_by(c.c.n.desc(), c.c.centre).limit(limit))
        rows = list(s.execute(q))
        twice = _merged_twice(s, start, end)
        return [Count(code, name or code, int(cnt), int(readers) - twice.get(code, 0)) for code, name, cnt, readers in rows]


def _merged_twice(s: Session, start: date, end: date) -> dict[str, int]:
    """Per centre, how many more members the loans of the period name than readers they are: a
    child's records merged into one (`member.merged`) that both borrowed there. Read from the few
    merged members' loans (by the members' index), not from every loan of the period."""
    into = _merged(s)
    if not into:
        return {}
    ids = set(into) | set(into.values())
    names: dict[str, set[str]] = {}
    for centre, member_id in s.execute(select(Loan.centre, Loan.member_id).where(
            Loan.member_id.in_(ids), and_(*_loans_in(start, end, None))).distinct()):  # type: ignore[arg-type]
        names.setdefault(centre, set()).add(member_id)
    return {centre: len(members) - len({into.get(m, m) for m in members}) for centre, members in names.items()}


def loans_by_age_group(store: Store, start: date, end: date, *, centre: str | None = None) -> list[Count]:
    """Loans by the Kanoon age group of the book (الف … ه); books without one under "".
    Always the five groups in order, zeros included, so charts keep their shape."""
    from ..models.library import AGE_GROUPS

    with store.read() as s:
        c = _loan_counts(Loan.title_id, start, end, centre)
        q = (select(Title.age_group, func.sum(c.c.n)).select_from(c).join(Title, Title.id == c.c.key)
             .group_by(Title.age_group))
        got: dict[str, int] = {g: int(n) for g, n in s.execute(q)}
    out = [Count(g, g, got.get(g, 0)) for g in AGE_GROUPS]
    if got.get(""):
        out.append(Count("", "", got[""]))
    return out


def title_figures(store: Store, start: date, end: date, *, centre: str | None = None,
                  limit: int = 10) -> tuple[list[Count], list[Count]]:
    """`popular_titles` and `loans_by_age_group` of one period (the same lists, in the same order)
    from one count of its loans by title: the report page asked for the two apart, and a year's
    146,000 loans of all centres were counted twice (0.7 s; one statement now takes 0.25-0.35 s)."""
    from ..models.library import AGE_GROUPS

    c = (select(Loan.title_id.label("key"), func.count().label("n")).where(and_(*_loans_in(start, end, centre)))  # type: ignore[arg-type]
         .group_by(Loan.title_id).cte("title_loans"))
    top = (select(literal(0).label("part"), c.c.key, Title.title, Title.author, c.c.n).join(Title, Title.id == c.c.key)
           .order_by(c.c.n.desc(), collate(Title.title, COLLATION), c.c.key).limit(limit).subquery("top"))
    ages = (select(literal(1), Title.age_group, literal(None), literal(None), func.sum(c.c.n)).select_from(c)
            .join(Title, Title.id == c.c.key).group_by(Title.age_group))
    popular: list[tuple[str, str, str, int]] = []
    got: dict[str, int] = {}
    with store.read() as s:
        for part, key, title, author, n in s.execute(union_all(select(top), ages)):
            if part == 0:
                popular.append((key, title, author, int(n)))
            else:
                got[key] = int(n)
    # the ten in the statement's own order (a compound's rows need not keep a part's ORDER BY)
    by_title = cmp_to_key(persian_collate)
    popular.sort(key=lambda r: (-r[3], by_title(r[1]), r[0]))
    out = [Count(g, g, got.get(g, 0)) for g in AGE_GROUPS]
    if got.get(""):
        out.append(Count("", "", got[""]))
    return [Count(tid, title, cnt, author) for tid, title, author, cnt in popular], out


@dataclass(frozen=True)
class OverdueRate:
    """Loans made in a period: how many were late (came back late, or are out past due) and how many
    were lost with their member (never came back: counted apart, not as late). A loan a person
    voided (`loan.voided`: one copy lent at two centres while they were apart, the wrong one) is no
    loan: in neither count."""

    loans: int
    late: int
    lost: int = 0

    @property
    def rate(self) -> float:
        return self.late / self.loans if self.loans else 0.0


def overdue_rate(store: Store, start: date, end: date, *, centre: str | None = None,
                 today: date | None = None) -> OverdueRate:
    """Of the loans made in the period: how many came back late or are still out past due, and how
    many were closed as lost with the member (`loan.lost`: the day it was recorded is no return).
    A voided loan is not counted: the day a person voided it is no late return."""
    today = today or office_today()
    with store.read() as s:
        calendar = calendar_in(s)
        lost = Loan.lost_hlc.is_not(None)
        # a book due on a day the centre was closed (a holiday entered after its slip was printed) is
        # back on time on the next open day: a due day that is a holiday now is read as that day
        # (the holidays from the period's start to a year past its end or today: a few dozen)
        last = max(end, today) + timedelta(days=366)
        closed_due = {d: calendar.open_on_or_after(d) for d in sorted(calendar.holidays) if start <= d <= last}
        due = case(closed_due, value=Loan.due_on, else_=Loan.due_on) if closed_due else Loan.due_on
        late_back = and_(Loan.returned_on.is_not(None), Loan.returned_on > due, Loan.lost_hlc.is_(None))
        still_out = and_(Loan.returned_at.is_(None), Loan.due_on <= calendar.last_working_day_before(today))
        q = select(func.count(), func.sum(case((late_back | still_out, 1), else_=0)),
                   func.sum(case((lost, 1), else_=0))).where(and_(*_loans_in(start, end, centre)))  # type: ignore[arg-type]
        total, late, n_lost = s.execute(q).one()
        return OverdueRate(total or 0, int(late or 0), int(n_lost or 0))


def export_xlsx(path: Path, headers: list[str], rows: list[list[object]], *, title: str = "",
                right_to_left: bool = True) -> None:
    """A sheet with a heading row (bold, kept in view), right to left unless the interface reads
    from the left, text never read as a formula (`sheets.append_rows`): the Excel export of any
    report table."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    if title:
        ws.title = title[:31]
    append_rows(ws, [headers, *rows])
    finish_sheet(ws, right_to_left=right_to_left)
    with written_whole(path) as part:
        wb.save(part)


def queue_overdue_notices(store: Store, actor: Actor, *, today: date | None = None, centre: str | None = None,
                          min_days: int = 1, every_days: int = 7) -> int:
    """Queue one SMS a member (to the guardian's phone for children) naming their loans at least
    `min_days` late at a centre, at most one every `every_days` (a hold's notice does not count);
    the sync server sends them when it can. Returns how many were queued."""
    require(actor, "librarian", "admin")
    today = today or office_today()
    late: dict[tuple[str, str], list[OverdueRow]] = {}
    offset = 0
    while True:
        rows = overdue_page(store, actor, today=today, centre=centre, offset=offset, limit=1000)
        if not rows:
            break
        offset += len(rows)
        for r in rows:
            if r.days >= min_days and (r.guardian_phone or r.phone):
                late.setdefault((r.member_id, r.centre), []).append(r)
    n = 0
    keys = list(late)
    for at in range(0, len(keys), 500):
        batch = keys[at:at + 500]
        with store.transaction() as s:
            recent = {(m, c) for m, c in s.execute(select(Notice.member_id, Notice.centre).where(
                Notice.member_id.in_({m for m, _c in batch}), Notice.loan_id != "",
                Notice.queued_on > today - timedelta(days=every_days)))}
            for key in batch:
                if key in recent:
                    continue
                loans = late[key]
                r = loans[0]
                store.record(s, office_actor(store, actor), "notice.queued", new_id(), {
                    "loan_id": r.loan_id, "loan_ids": [x.loan_id for x in loans], "member_id": r.member_id,
                    "phone": r.guardian_phone or r.phone, "text": overdue_notice_text(loans),
                    "queued_on": today.isoformat(), "centre": r.centre}, subject=r.member_no)
                n += 1
    return n


def queued_notices(store: Store, *, status: str = "queued", limit: int = 1000) -> list[tuple[str, str, date]]:
    """(phone, text, day) of notices waiting for the server (or to print)."""
    with store.read() as s:
        q = (select(Notice.phone, Notice.text, Notice.queued_on).where(Notice.status == status)
             .order_by(Notice.queued_on, Notice.id).limit(limit))
        return [(p, t, d) for p, t, d in s.execute(q)]


# --- overrides ("امانت‌های استثنا") ------------------------------------------------------------


@dataclass(frozen=True)
class OverrideRow:
    """A refusal a librarian overrode: who, at which centre, when, what and why."""

    id: str
    at: datetime
    user_name: str
    centre: str
    #: "checkout" | "renew"
    action: str
    #: refusal codes (circulation.REFUSALS keys)
    refusals: list[str]
    member_no: str
    member_name: str
    barcode: str
    title: str
    note: str


def _override_filter(q: Select, centre: str | None) -> Select:  # type: ignore[type-arg]
    return q.where(OverrideLog.centre == centre) if centre else q


def override_count(store: Store, *, centre: str | None = None) -> int:
    with store.read() as s:
        return s.scalar(_override_filter(select(func.count()).select_from(OverrideLog), centre)) or 0


def override_page(store: Store, *, centre: str | None = None, offset: int = 0, limit: int = 100) -> list[OverrideRow]:
    """The overrides, newest first, a page at a time (the OverrideLog projection)."""
    with store.read() as s:
        q = _override_filter(
            select(OverrideLog, User.full_name, Member.member_no, Member.first_name, Member.last_name, Copy.barcode,
                   Title.title)
            .outerjoin(User, User.id == OverrideLog.user_id).outerjoin(Member, Member.id == OverrideLog.member_id)
            .outerjoin(Copy, Copy.id == OverrideLog.copy_id).outerjoin(Title, Title.id == Copy.title_id), centre)
        q = q.order_by(OverrideLog.at.desc(), OverrideLog.id).offset(offset).limit(limit)
        return [OverrideRow(o.id, o.at, user or "", o.centre, o.action, o.refusals.split(), member_no or "",
                            f"{first or ''} {last or ''}".strip(), barcode or "", title or "", o.note)
                for o, user, member_no, first, last, barcode, title in s.execute(q)]
