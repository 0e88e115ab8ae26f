"""A day off entered otherwise at two desks apart (the lunar holiday's title, or one desk removing
it while another renames it): the later entry stood on both, and nobody was told that the other
desk had meant something else, though every deadline and day late is counted with it. It is a
conflict in the inbox, the same on both desks, the later entry standing until an admin decides;
the same entry at both, or an entry made after the other was heard of, is none."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kanoon_desk.persian import parse_jalali_date as j
from kanoon_desk.services import accounts, conflicts
from kanoon_desk.store import Store

from .test_conflict_resolutions import digests, exchange, only_conflict, twin_desks

EID = j("1405/01/20")  # (a working Thursday, no fixed holiday)


def _titles(store: Store) -> dict[date, str]:
    return dict(accounts.list_holidays(store))


def _kinds(store: Store, actor: object) -> list[str]:
    return [c.kind for c in conflicts.list_conflicts(store, actor)]  # type: ignore[arg-type]


def test_one_day_given_two_titles_apart_is_a_conflict_on_both_desks(tmp_path: Path) -> None:
    desk, other, _case = twin_desks(tmp_path)
    accounts.set_holiday(desk.store, desk.admin, EID, "عید فطر")
    accounts.set_holiday(other, desk.admin, EID, "تعطیل به مناسبت عید فطر")
    exchange(desk.store, other)
    assert digests(desk.store) == digests(other)
    assert _titles(desk.store)[EID] == _titles(other)[EID] == "تعطیل به مناسبت عید فطر"  # the later
    c = only_conflict(desk.store, desk.admin, "holiday.set_apart")
    assert c.resolutions == ("fixed_manually",) and c.subject == "1405/01/20"  # (the day, in the inbox's list)
    assert only_conflict(other, desk.admin, "holiday.set_apart").id == c.id
    assert [f.payload.get("title") for f in c.facts] == ["عید فطر", "تعطیل به مناسبت عید فطر"]
    # the admin writes the title meant and records the decision; the other desk hears of both
    accounts.set_holiday(desk.store, desk.admin, EID, "عید سعید فطر")
    conflicts.resolve(desk.store, desk.admin, c.id, "fixed_manually")
    exchange(desk.store, other)
    assert _kinds(desk.store, desk.admin) == _kinds(other, desk.admin) == []
    assert _titles(other)[EID] == "عید سعید فطر" and digests(desk.store) == digests(other)


def test_a_day_removed_at_one_desk_while_renamed_at_another_is_a_conflict(tmp_path: Path) -> None:
    desk, other, _case = twin_desks(tmp_path)
    accounts.set_holiday(desk.store, desk.admin, EID, "عید فطر")
    exchange(desk.store, other)
    accounts.remove_holiday(desk.store, desk.admin, EID)
    accounts.set_holiday(other, desk.admin, EID, "عید سعید فطر")
    exchange(desk.store, other)
    assert digests(desk.store) == digests(other)
    only_conflict(desk.store, desk.admin, "holiday.set_apart")
    only_conflict(other, desk.admin, "holiday.set_apart")


def test_the_same_entry_apart_or_an_entry_after_the_other_was_heard_is_no_conflict(tmp_path: Path) -> None:
    desk, other, _case = twin_desks(tmp_path)
    accounts.set_holiday(desk.store, desk.admin, EID, "عید فطر")
    accounts.set_holiday(other, desk.admin, EID, "عید فطر")
    accounts.set_holiday(other, desk.admin, j("1405/01/18"), "تعطیل اداری")  # another day
    exchange(desk.store, other)
    accounts.set_holiday(other, desk.admin, EID, "عید سعید فطر")  # after hearing of the first
    accounts.remove_holiday(other, desk.admin, j("1405/01/18"))
    exchange(desk.store, other)
    assert digests(desk.store) == digests(other)
    assert _kinds(desk.store, desk.admin) == _kinds(other, desk.admin) == []
    assert _titles(desk.store) == {EID: "عید سعید فطر"}
