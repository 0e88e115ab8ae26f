"""Finding cases: by tracking code, registration number, national ID or words; the overdue list.

Also the look-ups of intake: cases like the one being typed, and an applicant met before. Lists are
paged (offset/limit plus a count) for lazy Qt models."""

from __future__ import annotations

import itertools
import math
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Date, Select, String, bindparam, column, func, literal_column, select, table
from sqlalchemy.orm import aliased

from ..errors import QT_TRANSLATE_NOOP, Problem
from ..eventlog import Actor, SqliteStatement
from ..models import Conflict, User
from ..models.secretariat import DUPLICATE_REASON, Agency, Applicant, Case, FollowUp, Forward
from ..persian import (
    WorkingCalendar,
    id_digits,
    is_valid_national_id,
    letter_number,
    normalize,
    search_key,
    to_ascii_digits,
)
from ..store import Store
from .accounts import calendar_in, require, working_calendar
from .fts_words import table_probe, words_match
from .numbers import (
    LEGACY_TRACKING_LENGTH,
    OFFICE_DIGITS,
    TRACKING_LENGTH,
    clean_tracking_code,
    is_valid_tracking_code,
    office_part,
)
from .secretariat_common import READ_ROLES, today
from .secretariat_status import QUEUES, queue_where


@dataclass(frozen=True)
class CaseRow:
    id: str
    tracking_code: str
    registration_no: str | None
    status: str
    applicant_name: str
    national_id: str
    subject: str
    received_date: date
    agency_name: str | None
    deadline: date | None
    holder_user_id: str | None
    notice: str | None = None
    #: the roles of the user holding it ("expert manager"), None when no user does
    holder_roles: str | None = None
    #: the kinds of the open sync conflicts about the case, space-separated (`open_conflicts`)
    conflicts: str | None = None

    @property
    def conflict_kinds(self) -> tuple[str, ...]:
        """The kinds of the open conflicts about the case (`conflicts.KIND_TITLES` names them)."""
        return tuple(sorted(self.conflicts.split())) if self.conflicts else ()

    def is_overdue(self, on: date, calendar: WorkingCalendar) -> bool:
        """The agency is past its deadline on `on`: the deadline's day (the next working day when
        the office is closed on it, a holiday entered after the letter went) is over."""
        return self.days_late(on, calendar) > 0

    def days_late(self, on: date, calendar: WorkingCalendar) -> int:
        """Working days the agency is late by `on` (`WorkingCalendar.days_late`; 0 when it is not):
        a deadline on a Thursday is one day late on the Saturday, one on a holiday not late on the
        next working day."""
        if self.status != "forwarded" or self.deadline is None or self.deadline >= on:
            return 0
        return calendar.days_late(self.deadline, on)


def late_cutoff(calendar: WorkingCalendar, on: date) -> date:
    """The latest deadline that is past on `on`: the last working day before it (a deadline on a
    Friday or a holiday is met by an answer on the next working day, as the lending desk's due
    days are). The deadline as the letter gave it stays in the case: only its reading moves."""
    return calendar.last_working_day_before(on)


_HOLDER = aliased(User, name="holder")


def open_conflicts(case_id: Any) -> Any:
    """A column: the kinds of the open sync conflicts about the case, space-separated (None when
    there is none). Read with the page's rows, in its one statement: an index probe
    (`ix_conflicts_aggregate_id`) for each row listed, not a query per row."""
    return (select(func.group_concat(Conflict.kind, " "))
            .where(Conflict.aggregate_id == case_id, Conflict.status == "open")
            .scalar_subquery().label("conflicts"))


def _rows_query() -> Select[*tuple[Any, ...]]:
    return (select(Case.id, Case.tracking_code, Case.registration_no, Case.status, Case.applicant_name,
                   Case.national_id, Case.subject, Case.received_date, Agency.name, Case.deadline,
                   Case.holder_user_id, Case.notice, _HOLDER.roles, open_conflicts(Case.id))
            .select_from(Case).outerjoin(Agency, Agency.id == Case.agency_id)
            .outerjoin(_HOLDER, _HOLDER.id == Case.holder_user_id))


def _row(r: Any) -> CaseRow:
    return CaseRow(*r)


@dataclass
class SearchQuery:
    """One look-up: `text` is a tracking code, registration number, national ID, or words."""

    text: str = ""
    status: str | None = None
    agency_id: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    overdue: bool = False
    on: date | None = None
    #: one of `QUEUES`: what waits on the office
    queue: str | None = None


#: A number this office issued, whole: a case's registration number or a letter's (`…-L000031`;
#: letters issued before the mark look like registration numbers: both are looked for)
_REG_NO = re.compile(r"[A-Za-z0-9]+-D\d{2}-\d{4}-L?\d{6}", re.IGNORECASE)
#: A letter number typed as the paper register has it ("1234/ص/1404"): the office's own letters'
_LETTER_NO = re.compile(r"\S*\d\S*/\S+")
#: A letter number with a dash between digits ("123-45"; a registration number's part is read first)
_LETTER_NO_DASH = re.compile(r"\S*\d-\d\S*")
#: A registration number typed in part: its counter ("157"), year and counter ("1405-000157",
#: "1405-157"), device, year and counter ("D01-1405-157"), or whole with a short counter.
_REG_PART = re.compile(r"(?:(?:([A-Za-z0-9]+)-)?(D\d{2})-)?(\d{4})-(\d{1,6})|(\d{1,6})", re.IGNORECASE)

MSG_BAD_TRACKING = QT_TRANSLATE_NOOP("Errors", "کد رهگیری نادرست است؛ رقم‌هایش را دوباره بخوانید.")


def _code_digits(raw: str) -> str | None:
    """The digits of what looks like a tracking code (13 or 16 digits, in groups or not: between
    them spaces, dashes, dots or the half-space a Persian keyboard types with Shift+Space), else None."""
    compact = id_digits(raw)
    return compact if compact.isdigit() and len(compact) in (TRACKING_LENGTH, LEGACY_TRACKING_LENGTH) else None


MSG_OTHER_OFFICE_TRACKING = QT_TRANSLATE_NOOP(
    "Errors", "این کد رهگیری را دفتر دیگری (دفتر {office}) داده است؛ پرونده‌اش در همان دفتر است و این "
              "دفتر آن را ندارد.")
MSG_LONG_TRACKING = QT_TRANSLATE_NOOP(
    "Errors", "کد رهگیری {length} رقم دارد و این {typed} رقم است؛ رقم‌هایش را دوباره بخوانید.")


def search_error(text_: str, office_code: str | None = None) -> str | None:
    """Why a search text finds nothing for sure, said instead of an empty list: a tracking code
    whose check digit does not hold (one digit misread, or two swapped), one with more digits than
    a code has (a digit said twice), or, given this desk's `office_code`, a code another office
    issued (its first four digits: `numbers.office_part`; its case is not in this office's store).
    The two last are `errors.Problem`s (they name a value)."""
    raw = to_ascii_digits(normalize(text_ or "")).strip()
    code = _code_digits(raw)
    if code is None:
        compact = id_digits(raw)
        if compact.isdigit() and TRACKING_LENGTH < len(compact) <= TRACKING_LENGTH + 4:
            return Problem(MSG_LONG_TRACKING, length=TRACKING_LENGTH, typed=len(compact))
        return None
    if not is_valid_tracking_code(code):
        return MSG_BAD_TRACKING
    if office_code is not None and len(code) == TRACKING_LENGTH:
        issuer = code[:OFFICE_DIGITS]
        if issuer != office_part(office_code):
            return Problem(MSG_OTHER_OFFICE_TRACKING, office=int(issuer) if issuer.isdigit() else issuer)
    return None


def _registration_part(raw: str) -> tuple[str, str] | None:
    """A registration number typed in part, as an FTS5 phrase of its tokens (the index holds the
    number: "13-D01-1405-000157" is the tokens 13 d01 1405 000157) and the LIKE pattern its end
    must match; None when `raw` is not one."""
    m = _REG_PART.fullmatch(raw)
    if m is None:
        return None
    office, device, year, counter, alone = m.groups()
    parts = [p for p in (office, device, year, (counter or alone).zfill(6)) if p]
    suffix = "-".join(parts).upper()
    return '"' + " ".join(search_key(p) for p in parts) + '"', ("%-" + suffix if not office else suffix)


def _tokens(words: str) -> list[str]:
    return [t for t in re.split(r"[^\w]+", search_key(words)) if t]


def fts_match(words: str) -> str | None:
    """An FTS5 query: every word, as a prefix, normalised like the index; None when no words."""
    tokens = _tokens(words)
    if not tokens:
        return None
    return " ".join('"' + t.replace('"', "") + '"*' for t in tokens)


def _with_spellings(conn: sqlite3.Connection, params: dict[str, Any]) -> dict[str, Any]:
    """The words looked for also in their split spellings, read from the index (a word typed
    without its half-space, «قصههای», finds «قصه‌های»: `fts_words`)."""
    typed = params.get("words")
    if not typed:
        return params
    return {**params, "match": words_match(typed, table_probe(conn, "case_fts"))}


_FTS = table("case_fts", column("rowid"))


def _join_fts(stmt: Select[*tuple[Any, ...]], match: Any) -> Select[*tuple[Any, ...]]:
    """Join the FTS5 index so that SQLite scans it newest first (ORDER BY its rowid DESC, which
    FTS5 serves without a sort) and stops after a page; see `_order`."""
    return stmt.join(_FTS, _FTS.c.rowid == Case.fts_key).where(
        literal_column("case_fts").op("MATCH")(match))


def _order(stmt: Select[*tuple[Any, ...]], words: bool) -> Select[*tuple[Any, ...]]:
    """Newest received first: by the FTS rowid when searching words (same value as fts_key)."""
    return stmt.order_by(_FTS.c.rowid.desc() if words else Case.fts_key.desc())


#: What a search looks for, as the statement's shape and the values it binds. Statements are built
#: per shape with bound parameters (`_search_select`), so one shape is compiled once.
_Plan = tuple[tuple[str, ...], dict[str, Any]]


#: A number's D (the device) and L (a letter) typed with the Persian keyboard on: its D key writes
#: «ی» (Shift: «ي», read as «ی»), its L key «م» — «۱۳-ی۰۱-۱۴۰۴-۰۰۰۱۵۷» is 13-D01-1404-000157.
_NUMBER_KEYS = str.maketrans({"ی": "D", "م": "L"})
_PERSIAN_KEYED = re.compile(r"[0-9A-Za-z\-یم]*[یم][0-9A-Za-z\-یم]*")


def _latin_keys(raw: str) -> str:
    """A registration or letter number typed with the Persian keyboard on, as its Latin self;
    anything else as it is (a word with «ی» or «م» is never a number)."""
    if not _PERSIAN_KEYED.fullmatch(raw):
        return raw
    latin = raw.translate(_NUMBER_KEYS)
    return latin if _REG_NO.fullmatch(latin) or _REG_PART.fullmatch(latin) else raw


def _search_plan(q: SearchQuery) -> _Plan | None:
    shape: list[str] = []
    params: dict[str, Any] = {}
    raw = _latin_keys(to_ascii_digits(normalize(q.text or "")).strip())
    compact = id_digits(raw)  # a national ID in groups, with any dash, a dot or a slash between
    # a letter number as stored (`letter_number`): «۱۲۳ / ۴۵» typed finds «123/45»
    letter = letter_number(raw)
    part = _registration_part(letter)
    if raw:
        if (code := _code_digits(raw)) is not None:
            if not is_valid_tracking_code(code):
                return None  # a misread code (`search_error` says so), not words to look for
            shape.append("tracking_code")
            params["tracking_code"] = code
        elif _REG_NO.fullmatch(raw):  # the case, or the case our letter of that number was about
            shape.append("number")
            params["number"] = raw.upper()
        elif _LETTER_NO.fullmatch(raw) or (_LETTER_NO.fullmatch(letter) and not is_valid_national_id(compact)):
            shape.append("letter_no")
            params["letter_no"] = letter
        elif part is not None:  # before the national ID: "1405-000157" is ten digits too
            shape += ["words", "registration_end"]
            params["match"], params["registration_end"] = part
        elif compact.isdigit() and len(compact) == 10:
            shape.append("national_id")
            params["national_id"] = compact
        elif _LETTER_NO_DASH.fullmatch(letter):
            shape.append("letter_no")
            params["letter_no"] = letter
        else:
            match = fts_match(raw)
            if match is None:
                return None
            shape.append("words")
            params["match"] = match
            params["words"] = _tokens(raw)  # `_with_spellings` adds their split spellings
    for name, value in (("status", q.status), ("agency_id", q.agency_id), ("date_from", q.date_from),
                        ("date_to", q.date_to)):
        if value:
            shape.append(name)
            params[name] = value
    if q.queue in QUEUES:
        shape.append("queue_" + str(q.queue))
    if q.overdue:
        shape.append("overdue")
        params["on"] = q.on or today()  # (`_late_params` makes it the last day a deadline is past on)
    return tuple(shape), params


def _late_params(store: Store, params: dict[str, Any]) -> dict[str, Any]:
    """The overdue filter's day read on the working calendar (`late_cutoff`)."""
    if "on" in params:
        params = {**params, "on": late_cutoff(working_calendar(store), params["on"])}
    return params


def _search_select(shape: tuple[str, ...], *, counting: bool = False) -> tuple[Select[*tuple[Any, ...]], bool]:
    """The filtered select of a search's shape (bound parameters named as in `_search_plan`), and
    whether it searches words (joins the FTS index). `counting`: `count(*)` of the cases alone
    (the filters are on the case, its letters and its words, never on its agency or holder)."""
    stmt = select(func.count()).select_from(Case) if counting else _rows_query()
    words = "words" in shape
    for name in ("tracking_code", "national_id", "status", "agency_id"):
        if name in shape:
            stmt = stmt.where(getattr(Case, name) == bindparam(name))
    for name in ("number", "letter_no"):  # a forwarding or follow-up letter's number (indexed)
        if name in shape:
            number = bindparam(name, type_=String)
            about = select(Forward.case_id).where(Forward.letter_no == number).union(
                select(FollowUp.case_id).where(FollowUp.letter_no == number))
            mine = Case.id.in_(about)
            stmt = stmt.where((Case.registration_no == number) | mine if name == "number" else mine)
    if words:
        stmt = _join_fts(stmt, bindparam("match"))
    if "registration_end" in shape:  # the index found the tokens; the number must end with them
        stmt = stmt.where(Case.registration_no.like(bindparam("registration_end")))
    if "date_from" in shape:
        stmt = stmt.where(Case.received_date >= bindparam("date_from", type_=Date))
    if "date_to" in shape:
        stmt = stmt.where(Case.received_date <= bindparam("date_to", type_=Date))
    if "overdue" in shape:
        stmt = stmt.where(Case.status == "forwarded", Case.deadline <= bindparam("on", type_=Date))
    for name in QUEUES:
        if "queue_" + name in shape:
            stmt = stmt.where(*queue_where(name))
    return stmt, words


@lru_cache(maxsize=256)
def _search_page(shape: tuple[str, ...]) -> SqliteStatement:
    stmt, words = _search_select(shape)
    return SqliteStatement(_order(stmt, words).offset(bindparam("offset")).limit(bindparam("limit")), typed=True)


@lru_cache(maxsize=256)
def _search_count(shape: tuple[str, ...]) -> SqliteStatement:
    """How many cases the search finds: `count(*)` over the filtered cases themselves. (Counted
    around the rows' select, SQLite built every row with its agency and holder first: the search
    page's first list, all cases, took ~1 s to count a million of them. The agency and holder are
    left joins by their keys, which never add or drop a case: the count leaves them out.)"""
    return SqliteStatement(_search_select(shape, counting=True)[0])


def search(store: Store, actor: Actor, q: SearchQuery, *, offset: int = 0, limit: int = 50) -> list[CaseRow]:
    """Newest received first."""
    require(actor, *READ_ROLES)
    plan = _search_plan(q)
    if plan is None:
        return []
    shape, params = plan
    params = _late_params(store, params)
    # one statement per shape, run on the DBAPI connection: building and compiling the select
    # for every look-up cost several times the query itself
    with store.reading() as conn:
        params = _with_spellings(conn, params)
        return [CaseRow(*r) for r in _search_page(shape).rows(conn, **params, offset=offset, limit=limit)]


def search_count(store: Store, actor: Actor, q: SearchQuery) -> int:
    require(actor, *READ_ROLES)
    plan = _search_plan(q)
    if plan is None:
        return 0
    shape, params = plan
    params = _late_params(store, params)
    with store.reading() as conn:
        params = _with_spellings(conn, params)
        return int(_search_count(shape).rows(conn, **params)[0][0] or 0)


def find_case_id(store: Store, actor: Actor, text_: str) -> str | None:
    """One step from what a caller says (tracking code, registration number) to the case."""
    rows = search(store, actor, SearchQuery(text=text_), limit=2)
    return rows[0].id if len(rows) == 1 else None


#: Words that say nothing about what a request is about: left out when subjects are compared.
_STOP_WORDS = frozenset(search_key(w) for w in (
    "و", "در", "به", "از", "که", "را", "با", "برای", "این", "آن", "یک", "تا", "یا", "بر", "هم", "نیز",
    "است", "شد", "شده", "می", "ها", "های", "ای", "مورد", "درباره", "جهت", "من", "ما", "شما", "او", "آنها"))
#: Subjects are compared on at most this many of their words (the longest: the most telling).
_SUBJECT_WORDS_MAX = 8


def subject_words(text: str) -> list[str]:
    """A subject's significant words, normalised as the index is (`search_key`), each once: no
    one-letter words, no stop words."""
    out: list[str] = []
    for word in re.split(r"[^\w]+", search_key(text or "")):
        if len(word) >= 2 and word not in _STOP_WORDS and word not in out:
            out.append(word)
    return out


def _most_of(words: list[str]) -> int:
    """How many of `words` a similar subject has: at least two thirds of them."""
    return math.ceil(2 * len(words) / 3)


def _similar_match(words: list[str], need: int) -> str:
    """An FTS5 query for texts holding at least `need` of the words (as prefixes): one AND group
    per such choice of words, ORed."""
    groups = (" ".join('"' + w.replace('"', "") + '"*' for w in chosen)
              for chosen in itertools.combinations(words, need))
    return " OR ".join(f"({g})" for g in groups)


def _similar(words: list[str], theirs: list[str]) -> bool:
    """Whether two subjects are very similar: most of the words typed are in theirs (as word
    beginnings), or every one of theirs (two at least) is in what is typed: their complaint written
    again with more words («شکایت از تأخیر طولانی در پرداخت یارانه معیشتی خانواده» for «تأخیر در
    پرداخت یارانه معیشتی») is the same complaint."""
    if sum(1 for w in words if any(t.startswith(w) for t in theirs)) >= _most_of(words):
        return True
    return len(theirs) >= 2 and all(any(t.startswith(w) for w in words) for t in theirs)


#: Candidates read from the index for the subject check, at most (newest first).
_CANDIDATES = 200


def hinted_national_id(national_id: str) -> tuple[str, bool] | None:
    """The national ID the duplicate hint looks for, and whether it was corrected: as typed (any
    digits, spaces or dashes) when valid; when its last digit, the check digit, does not hold,
    the one ID its first nine digits make (a check digit mistyped: the applicant met before is
    still found); None when it is not ten digits."""
    nid = id_digits(national_id or "")
    if len(nid) != 10 or not nid.isdigit():
        return None
    if is_valid_national_id(nid):
        return nid, False
    total = sum(int(d) * (10 - i) for i, d in enumerate(nid[:9])) % 11
    fixed = nid[:9] + str(total if total < 2 else 11 - total)
    return (fixed, True) if is_valid_national_id(fixed) else None



def possible_duplicates(store: Store, actor: Actor, national_id: str, subject: str, *,
                        on: date | None = None, limit: int = 10, exclude: str | None = None) -> list[CaseRow]:
    """Before saving: cases of the last 90 days with the same national ID (its check digit
    mistyped: the ID its first nine digits make, `hinted_national_id`), or with a very similar
    subject (`_similar`: most of the words of one in the other, as word beginnings, spelling
    normalised). A hint for the clerk, never a refusal. `exclude`: a case left out (the case
    itself, when its reviewer looks for its twins)."""
    require(actor, *READ_ROLES)
    since = (on or today()) - timedelta(days=90)
    hinted = hinted_national_id(national_id)
    words = subject_words(subject)
    if len(words) > _SUBJECT_WORDS_MAX:
        longest = set(sorted(words, key=len, reverse=True)[:_SUBJECT_WORDS_MAX])
        words = [w for w in words if w in longest]
    found: dict[str, CaseRow] = {}
    with store.read() as s:
        if hinted is not None:
            stmt = _rows_query().where(Case.national_id == hinted[0], Case.received_date >= since)
            for r in s.execute(stmt.order_by(Case.fts_key.desc()).limit(limit + 1)):
                if r[0] != exclude:
                    found[r[0]] = _row(r)
        if words:
            # the index holds the whole case (text, names…): its candidates are checked on the
            # subject. A candidate shares two of the words at least (one of one word typed).
            need = min(len(words), 2)
            stmt = _join_fts(_rows_query(), _similar_match(words, need)).where(Case.received_date >= since)
            if len(words) > 2:  # most of the words first: the closest are not crowded out
                close = _join_fts(_rows_query(), _similar_match(words, _most_of(words))).where(
                    Case.received_date >= since)
                queries = [_order(close, True).limit(limit + 1), _order(stmt, True).limit(_CANDIDATES)]
            else:
                queries = [_order(stmt, True).limit(_CANDIDATES)]
            for query in queries:
                for r in s.execute(query):
                    if r[0] != exclude and r[0] not in found and _similar(words, subject_words(r.subject)):
                        found[r[0]] = _row(r)
                    if len(found) >= limit:
                        break
    return list(found.values())[:limit]


#: Cases received this many days apart at most are compared as one paper twice.
TWIN_DAYS = 90


def twin_cases(store: Store, actor: Actor, case_id: str, *, limit: int = 5) -> list[CaseRow]:
    """The other cases that are probably the same paper as this one: the same applicant (national
    ID) with a very similar subject (`_similar`, either way round), received within `TWIN_DAYS`
    of it, before or after, newest first; not one rejected (as a duplicate, or refused). Two desks of the office that took the same complaint
    while apart each issued a case and a tracking code; after the sync the expert who reviews one
    (or the manager who forwards it) is shown the other, so two agencies are not sent it, and
    one is rejected as «تکراری» naming the other's code."""
    require(actor, *READ_ROLES)
    with store.read() as s:
        me = s.get(Case, case_id)
        if me is None:
            return []
        mine = subject_words(me.subject)
        near = timedelta(days=TWIN_DAYS)
        stmt = (_rows_query().where(Case.national_id == me.national_id, Case.id != case_id, Case.status != "rejected",
                                    Case.received_date.between(me.received_date - near, me.received_date + near))
                .order_by(Case.fts_key.desc()).limit(200))
        rows = [_row(r) for r in s.execute(stmt)]
    return [r for r in rows if mine and _similar(mine, subject_words(r.subject))][:limit]


#: A run of digits (any script) that may be a tracking code written in a note: groups joined by
#: spaces, hyphens, dashes or the invisible bidi marks a pasted code brings (`clean_tracking_code`).
_CODE_IN_TEXT = re.compile(r"[0-9\u06f0-\u06f9\u0660-\u0669](?:[\s\-\u2010-\u2015\u200e\u200f\u202a-\u202e\u2066-\u2069]*"
                           r"[0-9\u06f0-\u06f9\u0660-\u0669])*")


def code_spans(text_: str) -> list[tuple[int, int]]:
    """Where a note writes tracking codes (valid check digit): (start, end) of each, in order."""
    return [m.span() for m in _CODE_IN_TEXT.finditer(text_ or "") if is_valid_tracking_code(m.group())]


def codes_in(text_: str) -> list[str]:
    """The tracking codes (valid check digit) written in a note, as digits, each once, in order."""
    out: list[str] = []
    for found in _CODE_IN_TEXT.finditer(text_ or ""):
        code = clean_tracking_code(found.group())
        if is_valid_tracking_code(code) and code not in out:
            out.append(code)
    return out


def duplicate_of(store: Store, actor: Actor, case_id: str) -> list[CaseRow]:
    """For a case rejected as «تکراری» (`DUPLICATE_REASON`), the cases its rejection's note names
    by tracking code (the case dealt with: the twin hint asks the expert to write its code there);
    none for any other case, or a note naming no case this desk holds."""
    require(actor, *READ_ROLES)
    with store.read() as s:
        me = s.get(Case, case_id)
        if me is None or me.status != "rejected" or me.reject_reason != DUPLICATE_REASON:
            return []
        codes = [c for c in codes_in(me.reject_note or "") if c != me.tracking_code]
        if not codes:
            return []
        rows = {r.tracking_code: r for r in (_row(r) for r in s.execute(
            _rows_query().where(Case.tracking_code.in_(codes), Case.id != case_id)))}
    return [rows[c] for c in codes if c in rows]


@dataclass(frozen=True)
class KnownApplicant:
    """An applicant met before, as stored, to fill an intake form from their national ID."""

    id: str
    national_id: str
    first_name: str
    last_name: str
    mobile: str
    address: str


def find_applicant(store: Store, actor: Actor, national_id: str) -> KnownApplicant | None:
    """The applicant this national ID names (the one intake reuses), or None for a new one or a
    mistyped ID."""
    require(actor, *READ_ROLES)
    nid = id_digits(national_id or "")
    if len(nid) != 10 or not nid.isdigit():
        return None
    with store.read() as s:
        a = s.scalar(select(Applicant).where(Applicant.national_id == nid).order_by(Applicant.id).limit(1))
        if a is None:
            return None
        return KnownApplicant(a.id, a.national_id, a.first_name, a.last_name, a.mobile, a.address)


# --- overdue ---------------------------------------------------------------------------------


def _overdue_select(cutoff: date, agency_id: str | None) -> Select[*tuple[Any, ...]]:
    """Cases forwarded whose deadline is on or before `cutoff` (`late_cutoff`)."""
    stmt = _rows_query().where(Case.status == "forwarded", Case.deadline <= cutoff)
    if agency_id:
        stmt = stmt.where(Case.agency_id == agency_id)
    return stmt


def overdue(store: Store, actor: Actor, *, on: date | None = None, agency_id: str | None = None,
            offset: int = 0, limit: int = 100) -> list[CaseRow]:
    """Cases whose agency is past its deadline (in working days: `late_cutoff`), the longest
    overdue first."""
    require(actor, *READ_ROLES)
    with store.read() as s:
        stmt = _overdue_select(late_cutoff(calendar_in(s), on or today()), agency_id).order_by(Case.deadline, Case.id)
        return [_row(r) for r in s.execute(stmt.offset(offset).limit(limit))]


def overdue_count(store: Store, actor: Actor, *, on: date | None = None, agency_id: str | None = None) -> int:
    require(actor, *READ_ROLES)
    with store.read() as s:
        stmt = _overdue_select(late_cutoff(calendar_in(s), on or today()), agency_id).subquery()
        return int(s.scalar(select(func.count()).select_from(stmt)) or 0)
