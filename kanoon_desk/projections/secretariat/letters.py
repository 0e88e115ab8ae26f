"""Outgoing letter numbers given twice: two copies of one desk (a store copied to a second PC, a
backup restored on a new PC that worked offline before its first round) allocate the same next
letter number for two different letters. Each keeps its number, and one conflict is raised (the
same on every desk, whatever the arrival order); its resolution renumbers one of the two letters
(`case.letter_renumbered`, one per record the letter is: an agency's batch follow-up is one letter
for several cases).

Only numbers a desk allocates (`OFFICE-Dnn-YEAR-L…`, `numbers.allocate_number`) are checked: a
number typed by hand (the agency's own, an older register's) may well be shared on purpose."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import bindparam, select, union_all
from sqlalchemy.orm import Session

from ...eventlog import FoldEvent, SqliteStatement, projector, raise_twin_conflict, refresh_held
from ...models import Event, table_of
from ...models.secretariat import FollowUp, Forward
from .case_row import _CASES

#: A letter number a desk allocated (letters issued before the series' mark carry none).
ALLOCATED = re.compile(r"^[^-\s]+-D\d{2}-\d{4}-L?\d{1,12}$")
KIND = "case.letter_twice"

_FORWARDS, _FOLLOW_UPS, _EVENTS = table_of(Forward), table_of(FollowUp), table_of(Event)
#: Every record (forward or letter follow-up) holding a letter number, with its event's facts.
_HOLDERS = SqliteStatement(
    select(_EVENTS.c.id, _EVENTS.c.hlc, _EVENTS.c.aggregate_id, _EVENTS.c.office_code, _EVENTS.c.user_id,
           _EVENTS.c.type, _EVENTS.c.payload)
    .where(_EVENTS.c.id.in_(union_all(
        select(_FORWARDS.c.id).where(_FORWARDS.c.letter_no == bindparam("letter_no")),
        select(_FOLLOW_UPS.c.id).where(_FOLLOW_UPS.c.letter_no == bindparam("letter_no"),
                                       _FOLLOW_UPS.c.method == "letter"))))
    .order_by(_EVENTS.c.hlc, _EVENTS.c.id), typed=True)
_CODE = SqliteStatement(select(_CASES.c.tracking_code).where(_CASES.c.id == bindparam("case_id")))


def _payload(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    import json

    try:
        parsed = json.loads(value) if isinstance(value, str | bytes) else {}
    except ValueError:
        return {}
    return parsed if isinstance(parsed, dict) else {}


def one_letter(a: Any, b: Any) -> bool:
    """Whether two records are the same letter: an agency's batch follow-up gives one number to
    the follow-ups of several cases, recorded together by one user (one instant)."""
    return (a.type == b.type == "case.followed_up" and a.user_id == b.user_id
            and _payload(a.payload).get("at") == _payload(b.payload).get("at"))


def letters_of(s: Session, letter_no: str) -> list[list[Any]]:
    """The letters holding `letter_no`, each the list of its records in (hlc, id) order, the
    letters in the order of their first record."""
    letters: list[list[Any]] = []
    for row in _HOLDERS.rows(s, letter_no=letter_no):
        for letter in letters:
            if one_letter(letter[0], row):
                letter.append(row)
                break
        else:
            letters.append([row])
    return letters


def check_letter(s: Session, e: FoldEvent, letter_no: str) -> None:
    """After a record of `e`'s letter is written: another letter with the same allocated number
    raises `case.letter_twice`, between the first records of the two letters."""
    if not letter_no or not ALLOCATED.match(letter_no):
        return
    letters = letters_of(s, letter_no)
    if len(letters) < 2:
        return
    mine = next((letter for letter in letters if any(r.id == e.id for r in letter)), None)
    if mine is None:
        return
    for other in letters:
        if other is mine:
            continue
        a, b = mine[0], other[0]
        codes = sorted(str((_CODE.first(s, case_id=r.aggregate_id) or ("",))[0] or "") for r in (a, b))
        raise_twin_conflict(s, KIND, "case", [a.id, b.id], {"letter_no": letter_no, "tracking_codes": codes},
                            (a.hlc, a.id, a.aggregate_id, a.office_code), (b.hlc, b.id, b.aggregate_id, b.office_code))


_RENUMBER_FORWARD = SqliteStatement(
    _FORWARDS.update().where(_FORWARDS.c.id == bindparam("record_id")).values(letter_no=bindparam("letter_no"))
    .returning(_FORWARDS.c.id))
_RENUMBER_FOLLOW_UP = SqliteStatement(
    _FOLLOW_UPS.update().where(_FOLLOW_UPS.c.id == bindparam("record_id")).values(letter_no=bindparam("letter_no"))
    .returning(_FOLLOW_UPS.c.id))


@projector("case.letter_renumbered", "case")
def _letter_renumbered(s: Session, e: FoldEvent) -> None:
    """A new number for one record of a letter that shared its number with another
    (`case.letter_twice`): the forward or follow-up recorded by the event `record_id`."""
    number, record = e.payload["letter_no"], e.payload["record_id"]
    for model, statement in ((Forward, _RENUMBER_FORWARD), (FollowUp, _RENUMBER_FOLLOW_UP)):
        for (row_id,) in statement.rows(s, record_id=record, letter_no=number):
            refresh_held(s, model, row_id, {"letter_no": number})
