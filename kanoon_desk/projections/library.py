"""Fold of lending events: rules, members, titles (with their FTS index), copies, loans, holds, stock-takes.

A copy's status, location and current loan are recomputed from the rows of loans and holds that
mention it plus the copy's own facts, so any arrival order of events gives the same result.
"""

from __future__ import annotations

import functools
from datetime import date
from types import SimpleNamespace
from typing import Any

from sqlalchemy import String, bindparam, delete, func, insert, select, text, update
from sqlalchemy.orm import Session

from ..eventlog import (
    FoldEvent,
    SqliteStatement,
    batch_projector,
    column_setter,
    conflict_facts,
    defer_each,
    insert_values,
    insert_values_many,
    json_list,
    projector,
    raise_conflict,
    raise_twin_conflict,
    refresh_held,
    register_reset_sql,
    resetter,
    row_buffer,
)
from ..models import Conflict, Event, table_of
from ..models.library import (
    Copy,
    Hold,
    Loan,
    LoanRule,
    Member,
    Notice,
    OverrideGrant,
    OverrideLog,
    Stocktake,
    StocktakeItem,
    Title,
)
from ..persian import search_key

FTS_TABLE = "lib_titles_fts"
register_reset_sql(f"DELETE FROM {FTS_TABLE}")


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


# --- loan rules and override grants -----------------------------------------------------------


@projector("loan_rule.set", "loan_rule")
def _rule_set(s: Session, e: FoldEvent) -> None:
    rule = s.get(LoanRule, e.aggregate_id)
    p = e.payload
    if rule is None:
        rule = LoanRule(category=e.aggregate_id, period_days=14, max_loans=3, max_renewals=2, hold_days=3)
        s.add(rule)
    for key in ("period_days", "max_loans", "max_renewals", "hold_days"):
        if key in p:
            setattr(rule, key, int(p[key]))
    s.flush()


@resetter("loan_rule")
def _rule_reset(s: Session, category: str) -> None:
    s.execute(delete(LoanRule).where(LoanRule.category == category))


@projector("override.grant_set", "override_grant")
def _grant_set(s: Session, e: FoldEvent) -> None:
    grant = s.get(OverrideGrant, e.aggregate_id)
    if grant is None:
        s.add(OverrideGrant(user_id=e.aggregate_id, granted=bool(e.payload["granted"])))
    else:
        grant.granted = bool(e.payload["granted"])
    s.flush()


@resetter("override_grant")
def _grant_reset(s: Session, user_id: str) -> None:
    s.execute(delete(OverrideGrant).where(OverrideGrant.user_id == user_id))


@projector("circulation.overridden", "override")
def _overridden(s: Session, e: FoldEvent) -> None:
    p = e.payload
    s.add(OverrideLog(id=e.aggregate_id, action=p["action"], refusals=" ".join(p["refusals"]),
                      user_id=e.user_id, centre=p.get("centre", e.office_code), member_id=p.get("member_id", ""),
                      copy_id=p.get("copy_id", ""), loan_id=p.get("loan_id", ""),
                      note=p.get("note", ""), at=e.recorded_at))
    s.flush()


@resetter("override")
def _override_reset(s: Session, oid: str) -> None:
    s.execute(delete(OverrideLog).where(OverrideLog.id == oid))


# --- members ----------------------------------------------------------------------------------

MEMBER_FIELDS = ("national_id", "first_name", "last_name", "category", "birth_date", "phone",
                 "guardian_name", "guardian_phone", "home_centre", "expires_on", "photo", "guardian_national_id")


def _new_member(e: FoldEvent) -> dict[str, Any]:
    """The row a `member.registered` event makes."""
    p = e.payload
    row: dict[str, Any] = dict(id=e.aggregate_id, member_no=p["member_no"], national_id="", first_name="",
                               last_name="", category="child", phone="", guardian_name="", guardian_phone="",
                               guardian_national_id="",
                               home_centre=p.get("home_centre", e.office_code), expires_on=date(2100, 1, 1),
                               photo="", registered_at=e.recorded_at)
    for key in MEMBER_FIELDS:
        if key in p:
            value = p[key]
            row[key] = _d(value) if key in ("birth_date", "expires_on") else value
    row["name_key"] = search_key(f"{row['first_name']} {row['last_name']}")
    return row


_EVENTS = table_of(Event)
_FIRST_EVENT = SqliteStatement(select(_EVENTS.c.id, _EVENTS.c.hlc, _EVENTS.c.office_code).where(
    _EVENTS.c.aggregate_id == bindparam("aggregate_id"), _EVENTS.c.type == bindparam("type"))
    .order_by(_EVENTS.c.hlc, _EVENTS.c.id).limit(1))


#: Values looked up per statement (SQLite caps the parameters of one statement).
TWIN_CHUNK = 500


@functools.cache
def _holders_of(column: Any) -> SqliteStatement:
    """The rows holding one value of `column` (an indexed column)."""
    return SqliteStatement(select(column.table.c.id).where(column == bindparam("value")))


def _raise_twins(s: Session, kind: str, aggregate_type: str, column: Any, summary_key: str,
                 made: list[tuple[FoldEvent, str]]) -> None:
    """One conflict for each other row that holds the value a row just made holds (`made`: the
    event that made the row and its value). Two centres offline can give one barcode to two copies
    or register one child twice; two desks with one device number give the same member numbers.
    Both rows stay; a person decides. Each pair is raised once, whatever the arrival order, and
    the conflict reads the same on every desk: its id is that of the pair, and it is raised at
    the later of the two making events (by HLC), whichever was folded second here."""
    values = sorted({value for _, value in made if value})
    if not values:
        return
    holders: dict[str, list[str]] = {}
    if len(values) == 1:  # one event (the common case): a prebuilt statement on the index
        holders[values[0]] = [r[0] for r in _holders_of(column).rows(s, value=values[0])]
    else:
        for i in range(0, len(values), TWIN_CHUNK):  # a re-fold's run can be a whole imported list
            chunk = values[i:i + TWIN_CHUNK]
            for row_id, value in s.execute(select(column.table.c.id, column).where(column.in_(chunk))):
                holders.setdefault(value, []).append(row_id)
    for e, value in made:
        for other in holders.get(value, ()):
            if other == e.aggregate_id:
                continue
            first = _FIRST_EVENT.first(s, aggregate_id=other, type=e.type)
            raise_twin_conflict(s, kind, aggregate_type, [other, e.aggregate_id], {summary_key: value},
                                (e.hlc, e.id, e.aggregate_id, e.office_code),
                                (first[1], first[0], other, first[2]) if first is not None else None)


def _member_twins(s: Session, events: list[FoldEvent]) -> None:
    _raise_twins(s, "member.number_twice", "member", _MEMBERS.c.member_no, "member_no",
                 [(e, e.payload["member_no"]) for e in events])
    _raise_twins(s, "member.registered_twice", "member", _MEMBERS.c.national_id, "national_id",
                 [(e, str(e.payload.get("national_id") or "")) for e in events])


@projector("member.registered", "member")
def _member_registered(s: Session, e: FoldEvent) -> None:
    insert_values(s, Member, _new_member(e))
    _member_twins(s, [e])


@batch_projector("member.registered")
def _members_registered(s: Session, events: list[FoldEvent]) -> None:
    """A run of registrations (an imported member list) as one executemany."""
    insert_values_many(s, Member, [_new_member(e) for e in events])
    _member_twins(s, events)


_MEMBERS = table_of(Member)
_MEMBER_NAME = SqliteStatement(select(_MEMBERS.c.first_name, _MEMBERS.c.last_name)
                               .where(_MEMBERS.c.id == bindparam("member_id")))


@projector("member.field_set", "member")
def _member_field_set(s: Session, e: FoldEvent) -> None:
    """Field by field; fold order is (hlc, id), so the newest stamp wins per field. One read of the
    name (for its search key) and one UPDATE of the fields the event sets."""
    s.flush()
    name = _MEMBER_NAME.first(s, member_id=e.aggregate_id)
    if name is None:
        return
    values: dict[str, Any] = {}
    for key in MEMBER_FIELDS:
        if key in e.payload:
            value = e.payload[key]
            values[key] = _d(value) if key in ("birth_date", "expires_on") else value
    first, last = values.get("first_name", name[0]), values.get("last_name", name[1])
    values["name_key"] = search_key(f"{first} {last}")
    column_setter(_MEMBERS, "member_id", tuple(sorted(values))).run(
        s, member_id=e.aggregate_id, **{"v_" + k: v for k, v in values.items()})
    refresh_held(s, Member, e.aggregate_id, values)




@projector("member.merged", "member")
def _member_merged(s: Session, e: FoldEvent) -> None:
    """A person kept another record of the same child (`member.registered_twice`): this one
    points to it and is no longer found at the desk.

    Two desks can decide one such conflict opposite ways before either syncs (each member merged
    into the other): the merges would make a loop, and the child would be found nowhere. Of a
    loop, the newest merge by (hlc, id) is void: the member it would merge stays as it is, on
    every desk whatever order the merges arrive in (the two decisions are one more conflict for a
    person, `conflict.resolved_twice`)."""
    into = e.payload["into"]
    loop = _merge_loop(s, e.aggregate_id, into)
    if loop:
        newest, newest_stamp = max(((m, _merge_stamp(s, m, target)) for m, target in loop), key=lambda x: x[1])
        if (e.hlc, e.id) > newest_stamp:
            return  # this merge would close the loop, and is its newest: void
        _set_member(s, newest, {"merged_into": None})  # the loop's newest merge is void
    _set_member(s, e.aggregate_id, {"merged_into": into})


#: Longer chains of merges are not followed for a loop (a merge is refused on a merged member,
#: so only decisions made on desks apart make chains at all).
_MERGE_HOPS = 16


def _merge_loop(s: Session, member_id: str, into: str) -> list[tuple[str, str]]:
    """The merges (member, into) from `into` on that lead back to `member_id`, or [] if none do."""
    s.flush()
    loop: list[tuple[str, str]] = []
    at = into
    for _hop in range(_MERGE_HOPS):
        target = s.scalar(select(Member.merged_into).where(Member.id == at))
        if not target:
            return []
        loop.append((at, target))
        if target == member_id:
            return loop
        at = target
    return []


def _merge_stamp(s: Session, member_id: str, into: str) -> tuple[int, str]:
    """(hlc, id) of the first merge of `member_id` into `into` (when that merge began)."""
    row = s.execute(select(Event.hlc, Event.id).where(
        Event.aggregate_id == member_id, Event.type == "member.merged",
        func.json_extract(Event.payload, "$.into") == into).order_by(Event.hlc, Event.id).limit(1)).first()
    return (int(row[0]), str(row[1])) if row is not None else (0, "")


@projector("member.renumbered", "member")
def _member_renumbered(s: Session, e: FoldEvent) -> None:
    """A new member number for one of two members that shared one (`member.number_twice`)."""
    _set_member(s, e.aggregate_id, {"member_no": e.payload["member_no"]})


def _set_member(s: Session, member_id: str, values: dict[str, Any]) -> None:
    s.flush()
    column_setter(_MEMBERS, "member_id", tuple(sorted(values))).run(
        s, member_id=member_id, **{"v_" + k: v for k, v in values.items()})
    refresh_held(s, Member, member_id, values)


@resetter("member")
def _member_reset(s: Session, member_id: str) -> None:
    s.execute(delete(Member).where(Member.id == member_id))


# --- titles -----------------------------------------------------------------------------------

TITLE_FIELDS = ("title", "author", "publisher", "isbn", "age_group", "subject")


_FTS_DELETE = SqliteStatement(text(f"DELETE FROM {FTS_TABLE} WHERE title_id = :id"))
_FTS_INSERT = SqliteStatement(text(f"INSERT INTO {FTS_TABLE}(title_id, body) VALUES (:id, :body)"))


def _index_title(s: Session, t: Title) -> None:
    _FTS_DELETE.run(s, id=t.id)
    _FTS_INSERT.run(s, id=t.id, body=_title_body(t))


def _new_title(e: FoldEvent) -> dict[str, Any]:
    """The row a `title.added` event makes."""
    row: dict[str, Any] = dict(id=e.aggregate_id, title="", author="", publisher="", isbn="", age_group="",
                               subject="", added_at=e.recorded_at)
    for key in TITLE_FIELDS:
        if key in e.payload:
            row[key] = e.payload[key]
    return row


def _title_body(t: Any) -> str:
    """The title's search text in its FTS row (`t`: a Title, or a new row as a namespace)."""
    return search_key(" ".join([t.title, t.author, t.publisher, t.subject, t.isbn]))


@projector("title.added", "title")
def _title_added(s: Session, e: FoldEvent) -> None:
    row = _new_title(e)
    insert_values(s, Title, row)
    _FTS_INSERT.run(s, id=row["id"], body=_title_body(SimpleNamespace(**row)))  # a re-fold resets it first


@batch_projector("title.added")
def _titles_added(s: Session, events: list[FoldEvent]) -> None:
    """A run of new titles (an imported catalogue): rows and index rows as one executemany each."""
    rows = [_new_title(e) for e in events]
    insert_values_many(s, Title, rows)
    _FTS_INSERT.many(s, [{"id": row["id"], "body": _title_body(SimpleNamespace(**row))} for row in rows])


@projector("title.field_set", "title")
def _title_field_set(s: Session, e: FoldEvent) -> None:
    t = s.get(Title, e.aggregate_id)
    if t is None:
        return
    for key in TITLE_FIELDS:
        if key in e.payload:
            setattr(t, key, e.payload[key])
    s.flush()
    _index_title(s, t)


@resetter("title")
def _title_reset(s: Session, title_id: str) -> None:
    s.execute(text(f"DELETE FROM {FTS_TABLE} WHERE title_id = :id"), {"id": title_id})
    s.execute(delete(Title).where(Title.id == title_id))


# --- copies -----------------------------------------------------------------------------------


_OPEN_END = 1 << 62
#: The `returned_hlc` of a loan a person voided (`loan.voided`): closed, but never a return (it
#: moves no copy and overlaps no other loan). A real return's stamp is always positive.
VOIDED_HLC = -1


def _sync_double_loans(s: Session, copy_id: str, loans: list[Any], open_now: list[str]) -> None:
    """Raise a conflict for every two loans of the copy whose spans (by HLC) overlap, and drop open
    ones that no longer hold (a late return showed the spans apart): a function of state only.
    `loans` are the copy's loans ordered by (out_hlc, id); `open_now`, its open double-loan
    conflicts."""
    keep: set[str] = set()
    loans = [x for x in loans if x.returned_hlc != VOIDED_HLC]  # a voided loan never held the copy
    for i, a in enumerate(loans):
        a_end = a.returned_hlc if a.returned_hlc is not None else _OPEN_END
        for b in loans[i + 1:]:
            if b.out_hlc >= a_end:
                break  # ordered by checkout: every later loan starts after this one ended
            c = raise_conflict(s, "copy.double_loan", "copy", copy_id, b.centre, [a.id, b.id], b.out_hlc,
                               {"copy_id": copy_id, "loans": sorted([a.id, b.id]),
                                "centres": sorted({a.centre, b.centre})})
            keep.add(c.id)  # (one already open stays open)
    for cid in open_now:
        if cid not in keep:
            s.execute(delete(Conflict).where(Conflict.id == cid))


_COPIES = table_of(Copy)
_SET_COPY_STATE = SqliteStatement(update(_COPIES).where(_COPIES.c.id == bindparam("copy_id"))
                                  .values(status=bindparam("new_status"), location=bindparam("new_location"),
                                          current_loan_id=bindparam("new_loan")))


def recompute_copy(s: Session, copy_id: str) -> None:
    """Status, location and current loan of a copy, from its loans, holds and own facts: now, or
    once at the end of the fold when many events are folded together (`eventlog.deferring`), for
    all the copies they touched at once (`_recompute_copies`)."""
    if not defer_each(s, "copy", copy_id, functools.partial(_recompute_copies, s)):
        _recompute_copies(s, [copy_id])  # a checkout, a return: the set of one


def _copy_state(copy: Any, loans: list[Any], ready_hold: bool,
                transit_hold: bool = False) -> tuple[str, str, str | None]:
    """(status, location, current loan) of a copy from its facts, its loans ordered by (out_hlc,
    id), whether a ready hold sets it aside, and whether it was sent to another centre for a hold
    (it stays where it was sent from until it is received)."""
    open_loans = [x for x in loans if x.returned_hlc is None]
    last_out = loans[-1].out_hlc if loans else 0
    # a loan closed as lost with its member (`loan.lost`) is no return: the copy did not come back
    returns = [(x.returned_hlc, x.returned_centre) for x in loans
               if x.returned_hlc is not None and x.lost_hlc is None]
    lost_hlc = max([x.lost_hlc for x in loans if x.lost_hlc is not None]
                   + ([copy.lost_hlc] if copy.lost_hlc is not None else []), default=None)
    location, loc_hlc = copy.home_centre, 0
    if copy.received_hlc is not None and copy.received_hlc > loc_hlc:
        location, loc_hlc = copy.received_centre or copy.home_centre, copy.received_hlc
    if returns:
        last_return_hlc, last_return_centre = max(returns, key=lambda r: r[0])
        if last_return_hlc > loc_hlc:
            location, loc_hlc = last_return_centre or copy.home_centre, last_return_hlc
    current_loan = open_loans[-1].id if open_loans else None
    if copy.withdrawn:
        status = "withdrawn"
    elif lost_hlc is not None and lost_hlc > max(loc_hlc, last_out):
        status = "lost"
    elif open_loans:
        status = "on_loan"
    elif ready_hold:
        status = "held"
    elif transit_hold or location != copy.home_centre:
        status = "in_transit"
    else:
        status = "on_shelf"
    return status, location, current_loan


_COPY_IDS = func.json_each(bindparam("ids", type_=String)).table_valued("value")
_IN_COPY_IDS = select(_COPY_IDS.c.value)
_LOANS_OF_COPIES = SqliteStatement(
    select(Loan.copy_id, Loan.id, Loan.out_hlc, Loan.returned_hlc, Loan.returned_centre, Loan.centre,
           Loan.lost_hlc)
    .where(Loan.copy_id.in_(_IN_COPY_IDS)).order_by(Loan.copy_id, Loan.out_hlc, Loan.id), typed=True)
_FACTS_OF_COPIES = SqliteStatement(select(
    _COPIES.c.id, _COPIES.c.home_centre, _COPIES.c.received_hlc, _COPIES.c.received_centre, _COPIES.c.withdrawn,
    _COPIES.c.lost_hlc, _COPIES.c.status, _COPIES.c.location, _COPIES.c.current_loan_id,
).where(_COPIES.c.id.in_(_IN_COPY_IDS)), typed=True)
#: the holds that claim a copy: set aside for one (ready), or sent to its pick-up centre (in transit)
_HOLDS_OF_COPIES = SqliteStatement(select(Hold.copy_id, Hold.status).where(
    Hold.copy_id.in_(_IN_COPY_IDS), (Hold.status == "ready") | (Hold.status == "in_transit")).distinct())
#: the conflicts a copy's recompute keeps up to date: raised while they hold, dropped when a late
#: fact shows they do not (only open ones: a person's decision stays)
_STATE_CONFLICTS = ("copy.double_loan", "copy.retired_on_loan")
_OPEN_STATE_CONFLICTS_OF_COPIES = SqliteStatement(select(Conflict.aggregate_id, Conflict.id, Conflict.kind).where(
    Conflict.aggregate_id.in_(_IN_COPY_IDS), (Conflict.kind == _STATE_CONFLICTS[0]) | (Conflict.kind == _STATE_CONFLICTS[1]),
    Conflict.status == "open"))
#: the events that retire a copy, newest first (which one counts: see `_sync_retired_on_loan`)
_RETIRING_EVENTS = SqliteStatement(
    select(_EVENTS.c.id, _EVENTS.c.hlc, _EVENTS.c.office_code, _EVENTS.c.type, _EVENTS.c.aggregate_id).where(
        _EVENTS.c.aggregate_id.in_(select(func.json_each(bindparam("ids", type_=String)).table_valued("value")
                                          .c.value)),
        (_EVENTS.c.type == "copy.withdrawn") | (_EVENTS.c.type == "copy.marked_lost") | (_EVENTS.c.type == "loan.lost"))
    .order_by(_EVENTS.c.hlc.desc(), _EVENTS.c.id.desc()), typed=True)


def _sync_retired_on_loan(s: Session, copy_id: str, copy: Any, loans: list[Any], status: str,
                          open_now: list[str]) -> None:
    """A copy withdrawn or lost at one centre while another lent it offline is withdrawn (or lost)
    with a loan open: one `copy.retired_on_loan` conflict per such loan, the same on every desk
    whatever the arrival order — a function of the copy's state, raised at the later of the two
    facts (the withdrawal or loss in force, the checkout) — and dropped while still open when a
    late fact (the return, a reinstatement) shows it no longer holds."""
    keep: set[str] = set()
    open_loans = [x for x in loans if x.returned_hlc is None]
    if status in ("withdrawn", "lost") and open_loans:
        wanted = ("copy.withdrawn",) if status == "withdrawn" else ("copy.marked_lost", "loan.lost")
        lost_at = copy.lost_hlc if status == "lost" else None
        loan_lost = {x.id: x.lost_hlc for x in loans if x.lost_hlc is not None}
        ids = json_list([copy_id, *loan_lost])
        retire = None
        for ev in _RETIRING_EVENTS.rows(s, ids=ids):  # newest first: the one in force
            if ev.type not in wanted:
                continue
            if status == "lost" and ev.hlc != max([h for h in (lost_at, *loan_lost.values()) if h is not None]):
                continue
            retire = ev
            break
        if retire is not None:
            for loan in open_loans:
                later = max((retire.hlc, retire.office_code), (loan.out_hlc, loan.centre))
                c = raise_conflict(s, "copy.retired_on_loan", "copy", copy_id, later[1], [retire.id, loan.id],
                                   later[0], {"copy_id": copy_id, "loan_id": loan.id, "retired": status,
                                              "centres": sorted({retire.office_code, loan.centre})})
                keep.add(c.id)
    for cid in open_now:
        if cid not in keep:
            s.execute(delete(Conflict).where(Conflict.id == cid))


def _recompute_copies(s: Session, copy_ids: list[str]) -> None:
    """Status, location and current loan of copies, from their loans, holds and own facts: one
    copy after a checkout or a return, every copy a pulled page or a re-fold touched at its end.

    Each kind of fact is read for all of them in one plain statement on the session's connection
    (after one flush, the rows are current), and the states that changed are written in one
    executemany; a Copy object the session holds is brought up to date without becoming dirty.
    Copies are taken in the order given."""
    s.flush()
    ids = json_list(copy_ids)
    loans: dict[str, list[Any]] = {}
    for loan in _LOANS_OF_COPIES.rows(s, ids=ids):
        loans.setdefault(loan.copy_id, []).append(loan)
    facts = {row.id: row for row in _FACTS_OF_COPIES.rows(s, ids=ids)}
    claimed = _HOLDS_OF_COPIES.rows(s, ids=ids)
    ready = {copy_id for copy_id, status in claimed if status == "ready"}
    transit = {copy_id for copy_id, status in claimed if status == "in_transit"}
    open_now: dict[tuple[str, str], list[str]] = {}
    for copy_id, conflict_id, kind in _OPEN_STATE_CONFLICTS_OF_COPIES.rows(s, ids=ids):
        open_now.setdefault((copy_id, kind), []).append(conflict_id)
    changed: list[dict[str, Any]] = []
    for copy_id in copy_ids:
        of_copy = loans.get(copy_id, [])
        _sync_double_loans(s, copy_id, of_copy, open_now.get((copy_id, "copy.double_loan"), []))
        copy = facts.get(copy_id)
        if copy is None:
            continue
        state = _copy_state(copy, of_copy, copy_id in ready, copy_id in transit)
        retired_now = open_now.get((copy_id, "copy.retired_on_loan"), [])
        if retired_now or (state[0] in ("withdrawn", "lost") and state[2] is not None):
            _sync_retired_on_loan(s, copy_id, copy, of_copy, state[0], retired_now)
        if state != (copy.status, copy.location, copy.current_loan_id):
            changed.append({"copy_id": copy_id, "new_status": state[0], "new_location": state[1],
                            "new_loan": state[2]})
    _SET_COPY_STATE.many(s, changed)
    for row in changed:
        refresh_held(s, Copy, row["copy_id"], {"status": row["new_status"], "location": row["new_location"],
                                               "current_loan_id": row["new_loan"]})


def _new_copy(e: FoldEvent) -> dict[str, Any]:
    """The row a `copy.added` event makes (its status is then recomputed: its loans may be in)."""
    p = e.payload
    return dict(id=e.aggregate_id, barcode=p["barcode"], title_id=p["title_id"], home_centre=p["home_centre"],
                shelf=p.get("shelf", ""), loanable=bool(p.get("loanable", True)), added_at=e.recorded_at,
                withdrawn=False, status="on_shelf", location=p["home_centre"])


@projector("copy.added", "copy")
def _copy_added(s: Session, e: FoldEvent) -> None:
    insert_values(s, Copy, _new_copy(e))
    _raise_twins(s, "copy.barcode_twice", "copy", _COPIES.c.barcode, "barcode", [(e, e.payload["barcode"])])
    recompute_copy(s, e.aggregate_id)


@batch_projector("copy.added")
def _copies_added(s: Session, events: list[FoldEvent]) -> None:
    """A run of new copies (an imported shelf list) as one executemany, then each one's status."""
    insert_values_many(s, Copy, [_new_copy(e) for e in events])
    _raise_twins(s, "copy.barcode_twice", "copy", _COPIES.c.barcode, "barcode",
                 [(e, e.payload["barcode"]) for e in events])
    for e in events:
        recompute_copy(s, e.aggregate_id)


@projector("copy.field_set", "copy")
def _copy_field_set(s: Session, e: FoldEvent) -> None:
    copy = s.get(Copy, e.aggregate_id)
    if copy is None:
        return
    for key in ("shelf", "loanable", "home_centre", "title_id"):
        if key in e.payload:
            setattr(copy, key, e.payload[key])
    recompute_copy(s, copy.id)


@projector("copy.withdrawn", "copy")
def _copy_withdrawn(s: Session, e: FoldEvent) -> None:
    copy = s.get(Copy, e.aggregate_id)
    if copy is not None:
        copy.withdrawn = True
        recompute_copy(s, copy.id)


@projector("copy.marked_lost", "copy")
def _copy_lost(s: Session, e: FoldEvent) -> None:
    copy = s.get(Copy, e.aggregate_id)
    if copy is not None:
        copy.lost_hlc = e.hlc
        recompute_copy(s, copy.id)


@projector("copy.reinstated", "copy")
def _copy_reinstated(s: Session, e: FoldEvent) -> None:
    """A withdrawal or a loss recorded on the copy itself is taken back (found on a shelf at a
    stock-take, or a person's decision on `copy.retired_on_loan`): later ones count again."""
    copy = s.get(Copy, e.aggregate_id)
    if copy is not None:
        copy.withdrawn = False
        copy.lost_hlc = None
        recompute_copy(s, copy.id)


@projector("copy.sent", "copy")
def _copy_sent(s: Session, e: FoldEvent) -> None:
    copy = s.get(Copy, e.aggregate_id)
    if copy is not None:
        copy.sent_hlc = e.hlc
        recompute_copy(s, copy.id)


@projector("copy.received", "copy")
def _copy_received(s: Session, e: FoldEvent) -> None:
    copy = s.get(Copy, e.aggregate_id)
    if copy is not None:
        copy.received_hlc = e.hlc
        copy.received_centre = e.payload.get("centre", e.office_code)
        recompute_copy(s, copy.id)


@projector("copy.relabelled", "copy")
def _copy_relabelled(s: Session, e: FoldEvent) -> None:
    """A new barcode for one of two copies that shared one (`copy.barcode_twice`)."""
    s.flush()
    values = {"barcode": e.payload["barcode"]}
    column_setter(_COPIES, "copy_id", ("barcode",)).run(s, copy_id=e.aggregate_id, v_barcode=values["barcode"])
    refresh_held(s, Copy, e.aggregate_id, values)


@resetter("copy")
def _copy_reset(s: Session, copy_id: str) -> None:
    s.execute(delete(Copy).where(Copy.id == copy_id))


# --- loans ------------------------------------------------------------------------------------


def _loan_finished(row: dict[str, Any]) -> bool:
    return row["returned_at"] is not None


def _held_loans(s: Session) -> dict[str, dict[str, Any]] | None:
    """Loans a full re-fold holds back (`eventlog.RowBuffer`): a checkout and its return, a few
    days of events apart, become one complete row, written with the others in one executemany."""
    buffer = row_buffer(s, Loan, _loan_finished)
    return None if buffer is None else buffer.rows


@projector("loan.checked_out", "loan")
def _loan_out(s: Session, e: FoldEvent) -> None:
    p = e.payload
    values = dict(
        id=e.aggregate_id, copy_id=p["copy_id"], member_id=p["member_id"], title_id=p.get("title_id", ""),
        centre=p.get("centre", e.office_code), out_at=e.recorded_at, out_hlc=e.hlc,
        out_on=date.fromisoformat(p.get("out_on") or e.recorded_at.date().isoformat()),
        due_on=date.fromisoformat(p["due_on"]), renewals=0, overridden=" ".join(p.get("overridden", [])))
    held = _held_loans(s)
    if held is not None and e.aggregate_id not in held:
        held[e.aggregate_id] = {**values, "returned_at": None, "returned_hlc": None, "returned_on": None,
                                "returned_centre": None, "lost_hlc": None}
    else:  # (a second checkout of one loan id fails here, held or not: the id is the key)
        insert_values(s, Loan, values)
    recompute_copy(s, p["copy_id"])


_LOANS = table_of(Loan)


_SET_RETURNED = column_setter(_LOANS, "loan_id", ("returned_at", "returned_hlc", "returned_on", "returned_centre"))
_SET_RENEWED = column_setter(_LOANS, "loan_id", ("renewals", "due_on"))


_LOAN_STATE = SqliteStatement(select(_LOANS.c.id, _LOANS.c.copy_id, _LOANS.c.returned_at, _LOANS.c.returned_centre,
                                     _LOANS.c.renewals).where(_LOANS.c.id == bindparam("loan_id")), typed=True)


def _loan_state(s: Session, loan_id: str) -> tuple[Any, dict[str, Any] | None]:
    """The loan's id, copy, return and renewals, and its row if a re-fold holds it back (then it
    is changed there, not in the table)."""
    held = _held_loans(s)
    row = None if held is None else held.get(loan_id)
    if row is not None:
        return SimpleNamespace(**row), row
    s.flush()
    return _LOAN_STATE.first(s, loan_id=loan_id), None


@projector("loan.returned", "loan")
def _loan_returned(s: Session, e: FoldEvent) -> None:
    loan, held = _loan_state(s, e.aggregate_id)
    if loan is None:
        return
    if loan.returned_at is not None:
        summary = {"loan_id": loan.id, "first_centre": loan.returned_centre,
                   "second_centre": e.payload.get("centre", e.office_code)}
        c = raise_conflict(s, "loan.return_on_closed", "loan", loan.id, e.office_code, [loan.id, e.id], e.hlc,
                           summary)
        # Which return closed the loan depends on the returns held when this one was folded; a late,
        # earlier return re-folds the loan and comes here again: describe the conflict as it is now,
        # so every arrival order ends with the description a full re-fold gives.
        if c.facts.get("summary") != summary:
            c.facts = conflict_facts(list(c.facts.get("involved", [])), summary)
        return
    values = {"returned_at": e.recorded_at, "returned_hlc": e.hlc,
              "returned_on": date.fromisoformat(e.payload.get("returned_on") or e.recorded_at.date().isoformat()),
              "returned_centre": e.payload.get("centre", e.office_code)}
    if held is not None:
        held.update(values)
    else:
        _SET_RETURNED.run(s, loan_id=loan.id, **{"v_" + k: v for k, v in values.items()})
        refresh_held(s, Loan, loan.id, values)
    recompute_copy(s, loan.copy_id)


@projector("loan.renewed", "loan")
def _loan_renewed(s: Session, e: FoldEvent) -> None:
    loan, held = _loan_state(s, e.aggregate_id)
    if loan is None or loan.returned_at is not None:
        return
    values = {"renewals": loan.renewals + 1, "due_on": date.fromisoformat(e.payload["due_on"])}
    if held is not None:
        held.update(values)
    else:
        _SET_RENEWED.run(s, loan_id=loan.id, **{"v_" + k: v for k, v in values.items()})
        refresh_held(s, Loan, loan.id, values)


@projector("loan.voided", "loan")
def _loan_voided(s: Session, e: FoldEvent) -> None:
    """A loan a person found wrong (one copy lent at two centres, `copy.double_loan`): closed
    without a return (`VOIDED_HLC`), so the copy's state comes from its other loans. A loan
    already returned stays as it was."""
    loan, held = _loan_state(s, e.aggregate_id)
    if loan is None or loan.returned_at is not None:
        return
    values = {"returned_at": e.recorded_at, "returned_hlc": VOIDED_HLC,
              "returned_on": date.fromisoformat(e.payload.get("day") or e.recorded_at.date().isoformat()),
              "returned_centre": None}
    if held is not None:
        held.update(values)
    else:
        _SET_RETURNED.run(s, loan_id=loan.id, **{"v_" + k: v for k, v in values.items()})
        refresh_held(s, Loan, loan.id, values)
    recompute_copy(s, loan.copy_id)


_SET_LOST = column_setter(_LOANS, "loan_id", ("returned_at", "returned_hlc", "returned_on", "returned_centre",
                                               "lost_hlc"))


@projector("loan.lost", "loan")
def _loan_lost(s: Session, e: FoldEvent) -> None:
    """The book was lost with the member: the loan is closed (off the overdue list, no more
    notices, no longer blocking the member) but never returned — the copy stays where it was and
    counts as lost from this stamp until it is received somewhere (found). A loan already closed
    (returned before the loss was recorded elsewhere) stays as it was."""
    loan, held = _loan_state(s, e.aggregate_id)
    if loan is None or loan.returned_at is not None:
        return
    values = {"returned_at": e.recorded_at, "returned_hlc": e.hlc,
              "returned_on": date.fromisoformat(e.payload.get("day") or e.recorded_at.date().isoformat()),
              "returned_centre": None, "lost_hlc": e.hlc}
    if held is not None:
        held.update(values)
    else:
        _SET_LOST.run(s, loan_id=loan.id, **{"v_" + k: v for k, v in values.items()})
        refresh_held(s, Loan, loan.id, values)
    recompute_copy(s, loan.copy_id)


@projector("loan.member_moved", "loan")
def _loan_member_moved(s: Session, e: FoldEvent) -> None:
    """The loan now counts for another member (its member's record was merged into that one)."""
    loan, held = _loan_state(s, e.aggregate_id)
    if loan is None:
        return
    values = {"member_id": e.payload["member_id"]}
    if held is not None:
        held.update(values)
    else:
        _SET_MEMBER.run(s, loan_id=loan.id, v_member_id=values["member_id"])
        refresh_held(s, Loan, loan.id, values)


_SET_MEMBER = column_setter(_LOANS, "loan_id", ("member_id",))


@resetter("loan")
def _loan_reset(s: Session, loan_id: str) -> None:
    copy_id = s.scalar(select(Loan.copy_id).where(Loan.id == loan_id))
    s.execute(delete(Loan).where(Loan.id == loan_id))
    if copy_id:
        recompute_copy(s, copy_id)


# --- holds ------------------------------------------------------------------------------------


@projector("hold.placed", "hold")
def _hold_placed(s: Session, e: FoldEvent) -> None:
    p = e.payload
    s.add(Hold(id=e.aggregate_id, title_id=p["title_id"], member_id=p["member_id"],
               pickup_centre=p.get("pickup_centre", e.office_code), placed_at=e.recorded_at,
               placed_hlc=e.hlc, status="waiting"))
    s.flush()


def _hold_status(s: Session, e: FoldEvent, status: str) -> None:
    hold = s.get(Hold, e.aggregate_id)
    if hold is None:
        return
    old_copy = hold.copy_id
    hold.status = status
    if status == "ready":
        hold.copy_id = e.payload["copy_id"]
        hold.ready_until = _d(e.payload.get("until"))
        hold.notified = bool(e.payload.get("notified", False))
    elif status == "in_transit":
        hold.copy_id = e.payload["copy_id"]
        hold.sent_at = e.recorded_at
        hold.sent_from = e.payload.get("from", e.office_code)
    elif status == "waiting":  # back in the queue: no copy, nothing set aside or on its way
        hold.copy_id = None
        hold.ready_until = None
        hold.notified = False
        hold.sent_at = None
        hold.sent_from = None
    s.flush()
    for cid in {old_copy, hold.copy_id} - {None}:
        recompute_copy(s, cid)  # type: ignore[arg-type]


@projector("hold.ready", "hold")
def _hold_ready(s: Session, e: FoldEvent) -> None:
    _hold_status(s, e, "ready")


@projector("hold.in_transit", "hold")
def _hold_in_transit(s: Session, e: FoldEvent) -> None:
    """A copy was sent from another centre's shelf (or return desk) to the hold's pick-up centre:
    it is the hold's, and on its way, until it is received there (`hold.ready`)."""
    _hold_status(s, e, "in_transit")


@projector("hold.requeued", "hold")
def _hold_requeued(s: Session, e: FoldEvent) -> None:
    """The copy set aside (or sent) for the hold was lent to someone else by an override: the hold
    waits again at its place in the queue (by when it was placed), for the next copy back."""
    _hold_status(s, e, "waiting")


@projector("hold.collected", "hold")
def _hold_collected(s: Session, e: FoldEvent) -> None:
    _hold_status(s, e, "collected")


@projector("hold.expired", "hold")
def _hold_expired(s: Session, e: FoldEvent) -> None:
    _hold_status(s, e, "expired")


@projector("hold.cancelled", "hold")
def _hold_cancelled(s: Session, e: FoldEvent) -> None:
    _hold_status(s, e, "cancelled")


@resetter("hold")
def _hold_reset(s: Session, hold_id: str) -> None:
    copy_id = s.scalar(select(Hold.copy_id).where(Hold.id == hold_id))
    s.execute(delete(Hold).where(Hold.id == hold_id))
    if copy_id:
        recompute_copy(s, copy_id)


# --- stock-takes ------------------------------------------------------------------------------


@projector("stocktake.opened", "stocktake")
def _stocktake_opened(s: Session, e: FoldEvent) -> None:
    p = e.payload
    s.add(Stocktake(id=e.aggregate_id, centre=p["centre"], shelf_from=p.get("shelf_from", ""),
                    shelf_to=p.get("shelf_to", ""), opened_at=e.recorded_at, status="open"))
    s.flush()
    rows = [{"stocktake_id": e.aggregate_id, "barcode": barcode, "copy_id": copy_id, "expected": True,
             "expected_status": status, "scanned": False, "scanned_shelf": "", "outcome": "missing"}
            for barcode, copy_id, status in p["expected"]]
    if rows:
        s.execute(insert(StocktakeItem), rows)


@projector("stocktake.scanned", "stocktake")
def _stocktake_scanned(s: Session, e: FoldEvent) -> None:
    """The outcome was decided by the service at scan time (a fact of what the librarian saw)."""
    take = s.get(Stocktake, e.aggregate_id)
    if take is None:
        return
    for scan in e.payload["scans"]:
        item = s.get(StocktakeItem, (take.id, scan["barcode"]))
        if item is None:
            s.add(StocktakeItem(stocktake_id=take.id, barcode=scan["barcode"], copy_id=scan.get("copy_id"),
                                expected=False, expected_status="", scanned=True,
                                scanned_shelf=scan.get("shelf", ""), outcome=scan["outcome"]))
        else:
            item.scanned = True
            item.scanned_shelf = scan.get("shelf", "")
            item.outcome = scan["outcome"]
    s.flush()


@projector("stocktake.closed", "stocktake")
def _stocktake_closed(s: Session, e: FoldEvent) -> None:
    take = s.get(Stocktake, e.aggregate_id)
    if take is not None:
        take.status = "closed"
        take.closed_at = e.recorded_at
        s.flush()


@resetter("stocktake")
def _stocktake_reset(s: Session, take_id: str) -> None:
    s.execute(delete(StocktakeItem).where(StocktakeItem.stocktake_id == take_id))
    s.execute(delete(Stocktake).where(Stocktake.id == take_id))


# --- overdue notices --------------------------------------------------------------------------


@projector("notice.queued", "notice")
def _notice_queued(s: Session, e: FoldEvent) -> None:
    p = e.payload
    s.add(Notice(id=e.aggregate_id, loan_id=p["loan_id"], member_id=p["member_id"], phone=p["phone"],
                 text=p["text"], queued_on=date.fromisoformat(p["queued_on"]), centre=p.get("centre", e.office_code),
                 status="queued"))
    s.flush()


@projector("notice.sent", "notice")
def _notice_sent(s: Session, e: FoldEvent) -> None:
    notice = s.get(Notice, e.aggregate_id)
    if notice is not None:
        notice.status = "sent"
        s.flush()


@resetter("notice")
def _notice_reset(s: Session, notice_id: str) -> None:
    s.execute(delete(Notice).where(Notice.id == notice_id))
