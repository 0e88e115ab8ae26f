"""Lending desk: what its services share — the librarian roles, common messages, the desk's own
numbers, and the look-ups of a member by card and a copy by barcode."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ..errors import QT_TRANSLATE_NOOP, NotFound
from ..eventlog import Actor, bump_counter
from ..models import Office
from ..models.library import Copy, Member
from ..persian import damm_check_digit, id_digits, latin_keys, normalize, to_ascii_digits
from ..store import Store

LIBRARIAN = ("librarian", "admin")

MSG_REQUIRED = QT_TRANSLATE_NOOP("Errors", "این خانه را پر کنید.")
MSG_CATEGORY = QT_TRANSLATE_NOOP("Errors", "گروه عضویت ناشناخته است.")
MSG_CENTRE = QT_TRANSLATE_NOOP("Errors", "مرکز فرهنگی هنری پیدا نشد.")
MSG_MEMBER_NOT_FOUND = QT_TRANSLATE_NOOP("Errors", "عضوی با این شماره پیدا نشد.")
MSG_TITLE_NOT_FOUND = QT_TRANSLATE_NOOP("Errors", "عنوان پیدا نشد.")
MSG_COPY_NOT_FOUND = QT_TRANSLATE_NOOP("Errors", "نسخه‌ای با این بارکد پیدا نشد.")


# --- helpers shared by the lending services ----------------------------------------------------


def clean_code(code: str) -> str:
    """A scanned or typed barcode / member number: ASCII digits, no spaces, upper case; a Persian
    letter read as the Latin one of its key (`latin_keys`: typed, or scanned by a scanner that
    types keys, with the Persian layout on — no barcode holds a Persian letter)."""
    return latin_keys(to_ascii_digits(normalize(code or "")).replace(" ", "")).upper()


def office_actor(store: Store, actor: Actor) -> Actor:
    """The actor as its desk's own office, for what an office keeps to itself (the override log,
    SMS notices, stock-takes) while the person works at one of its centres (1301 under 13): the
    server takes those only under the desk's office, so the centre goes in the payload instead."""
    office = store.identity.office_code
    return actor if actor.office_code == office else replace(actor, office_code=office)


def find_member(s: Session, code: str) -> Member | None:
    """By member number (the card's barcode) or national ID — both indexed. The card of a member
    merged into another (one child registered at two centres) leads to the member kept."""
    code = clean_code(code)
    if not code:
        return None
    m = s.scalar(select(Member).where(Member.member_no == code).order_by(Member.merged_into.is_not(None)).limit(1))
    nid = id_digits(code)  # a national ID read out in groups («۰۰۱-۲۳۴۵۶۷-۸»)
    if m is None and len(nid) == 10 and nid.isdigit():
        m = s.scalar(select(Member).where(Member.national_id == nid, Member.merged_into.is_(None)).limit(1))
    for _hop in range(3):  # (a chain of merges, never a loop: each merge is refused on a merged member)
        if m is None or not m.merged_into:
            break
        m = s.get(Member, m.merged_into) or m
    return m


def find_copy(s: Session, barcode: str) -> Copy | None:
    barcode = clean_code(barcode)
    return s.scalar(select(Copy).where(Copy.barcode == barcode).limit(1)) if barcode else None


#: `{b}`: the copy's barcode now (OldBarcode.codes)
MSG_OLD_BARCODE = QT_TRANSLATE_NOOP(
    "Errors", "این بارکدِ کهنه یک نسخه است: بارکد آن به {b} اصلاح شده است. برچسب تازه را چاپ کنید و روی کتاب "
              "بچسبانید، سپس بارکد تازه را بخوانید.")


class OldBarcode(NotFound):
    """A barcode no copy holds that a copy held before it was relabelled (`copy.relabelled`): the
    old label still on the book, or a list printed before. The message holds `{b}`, the copy's
    barcode now: in `codes`, a Latin code shown as it is (not `params`, whose digits a Persian
    interface shows in Persian)."""

    def __init__(self, barcode: str, field: str | None = "barcode") -> None:
        super().__init__(MSG_OLD_BARCODE, field)
        self.barcode = barcode
        self.codes = {"b": barcode}


#: (the expression and condition of `ix_events_relabelled_from`, written as it is)
_RELABELLED_FROM = text(
    "SELECT aggregate_id FROM events "
    "WHERE type = 'copy.relabelled' AND json_extract(payload, '$.previous') = :code "
    "ORDER BY hlc DESC, id DESC LIMIT 1")


def relabelled_copy(s: Session, barcode: str) -> Copy | None:
    """The copy that held `barcode` before it was relabelled (`copy.relabelled`), when no copy
    holds it now: the old label still on the book. None for a barcode a copy holds, or none held."""
    code = clean_code(barcode)
    if not code or find_copy(s, code) is not None:
        return None
    copy_id = s.execute(_RELABELLED_FROM, {"code": code}).scalar()
    copy = s.get(Copy, copy_id) if copy_id else None
    return copy if copy is not None and copy.barcode != code else None


def copy_not_found(s: Session, barcode: str, field: str | None = "barcode") -> NotFound:
    """The refusal for a barcode no copy holds: `OldBarcode` when a copy held it before it was
    relabelled (`relabelled_copy`), else «not found»."""
    now = relabelled_copy(s, barcode)
    return OldBarcode(now.barcode, field) if now is not None else NotFound(MSG_COPY_NOT_FOUND, field)


def centre_exists(s: Session, code: str) -> bool:
    return s.get(Office, code) is not None


def _new_code(store: Store, s: Session, series: str, width: int) -> str:
    ident = store.identity
    body = f"{to_ascii_digits(ident.office_code)}{ident.device_no:02d}{bump_counter(s, series):0{width}d}"
    return body + (damm_check_digit(body) if body.isdigit() else "")



def pack_to_move(s: Session, store: Store, actor: Actor, copy: Copy) -> None:
    """Before `copy` is given to another centre for good (`library.update_copy`, a centre closed,
    then its `home_centre` set): one on its shelf is packed where it stands (`copy.received` there,
    `moved`) and is on its way, on neither shelf, until the new centre scans it in; one on loan goes
    there when it is returned."""
    if copy.status == "on_shelf":
        store.record(s, actor, "copy.received", copy.id, {"centre": copy.location or copy.home_centre, "moved": True,
                                                          "knew_withdrawn": copy.withdrawn}, subject=copy.barcode)
