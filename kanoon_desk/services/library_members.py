"""Lending desk: members — registration and corrections, their photos, look-ups and search, and a
member's category as they grow."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import jdatetime
from sqlalchemy import ColumnElement, and_, case, collate, func, or_, select
from sqlalchemy.orm import Session

from ..errors import QT_TRANSLATE_NOOP, InvariantError, NotFound, ValidationError
from ..eventlog import Actor
from ..ids import new_id
from ..models import office_today
from ..models.library import MEMBER_CATEGORIES, Member
from ..persian import (
    id_digits,
    is_valid_mobile,
    is_valid_national_id,
    normalize_mobile,
    normalize_national_id,
    normalize_text,
    search_key,
)
from ..persian_script import COLLATION
from ..store import Store
from .accounts import require
from .library_common import (
    LIBRARIAN,
    MSG_CATEGORY,
    MSG_CENTRE,
    MSG_MEMBER_NOT_FOUND,
    MSG_REQUIRED,
    _new_code,
    centre_exists,
    find_member,
)
from .library_rules import refuse_closed

MSG_NATIONAL_ID = QT_TRANSLATE_NOOP("Errors", "کد ملی درست نیست.")
#: `{name}`, `{no}`: the member who has it (DuplicateNationalId.params)
MSG_NATIONAL_ID_TAKEN = QT_TRANSLATE_NOOP("Errors", "این کد ملی پیش‌تر برای {name} (شماره عضویت {no}) ثبت شده است.")
#: `{name}`, `{no}`: the member already registered (DuplicateChild.params)
MSG_CHILD_REGISTERED = QT_TRANSLATE_NOOP(
    "Errors", "{name} با همین نام و کد ملی ولی پیش‌تر عضو شده است (شماره عضویت {no}).")
MSG_NATIONAL_ID_NEEDED = QT_TRANSLATE_NOOP(
    "Errors", "کد ملی عضو را بنویسید؛ تنها کودکی که کد ملی ندارد با کد ملی ولی‌اش ثبت می‌شود.")
MSG_MOBILE = QT_TRANSLATE_NOOP("Errors", "شماره همراه درست نیست (۰۹xxxxxxxxx).")
MSG_GUARDIAN = QT_TRANSLATE_NOOP("Errors", "برای عضو کودک و نوجوان نام و تلفن ولی را بنویسید.")
MSG_DATE_ORDER = QT_TRANSLATE_NOOP("Errors", "تاریخ پایان عضویت پیش از امروز است.")
MSG_PHOTO_TYPE = QT_TRANSLATE_NOOP("Errors", "عکس عضو باید پرونده JPEG یا PNG باشد.")
MSG_PHOTO_SIZE = QT_TRANSLATE_NOOP("Errors", "اندازه عکس حداکثر ۲ مگابایت است.")
MSG_PHOTO_UNREADABLE = QT_TRANSLATE_NOOP("Errors", "پرونده عکس خوانده نشد.")
MSG_ERASED = QT_TRANSLATE_NOOP(
    "Errors", "مشخصات این عضو به درخواست ولی حذف شده است؛ برای بازگشت، او را دوباره عضو کنید.")


@dataclass(frozen=True)
class MemberView:
    id: str
    member_no: str
    national_id: str
    first_name: str
    last_name: str
    category: str
    birth_date: date | None
    phone: str
    guardian_name: str
    guardian_phone: str
    home_centre: str
    expires_on: date
    photo: str
    #: a child registered without a national ID of their own is known by the guardian's
    guardian_national_id: str = ""
    #: the day the membership ended and the personal details were removed (`erase_member`)
    erased_on: date | None = None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()  # (an erased member has no last name)


def member_view(m: Member) -> MemberView:
    return MemberView(m.id, m.member_no, m.national_id, m.first_name, m.last_name, m.category, m.birth_date,
                      m.phone, m.guardian_name, m.guardian_phone, m.home_centre, m.expires_on, m.photo,
                      m.guardian_national_id or "", m.erased_on)


class DuplicateNationalId(ValidationError):
    """The national ID is another member's (`existing`), named in the message (`params`)."""

    def __init__(self, existing: MemberView) -> None:
        super().__init__(MSG_NATIONAL_ID_TAKEN, "national_id", {"name": existing.full_name, "no": existing.member_no})
        self.existing = existing


class DuplicateChild(ValidationError):
    """A child without a national ID of their own is already a member (`existing`): the same name
    under the same guardian's national ID, named in the message (`params`)."""

    def __init__(self, existing: MemberView) -> None:
        super().__init__(MSG_CHILD_REGISTERED, "guardian_national_id",
                         {"name": existing.full_name, "no": existing.member_no})
        self.existing = existing


@dataclass(frozen=True)
class MemberInput:
    first_name: str
    last_name: str
    national_id: str = ""
    category: str = ""
    birth_date: date | None = None
    phone: str = ""
    guardian_name: str = ""
    guardian_phone: str = ""
    home_centre: str = ""
    expires_on: date | None = None
    #: the stored photo's SHA-256 (`put_member_photo`); None keeps the member's photo, "" removes it
    photo: str | None = None
    #: for a child without a national ID of their own: the guardian's
    guardian_national_id: str = ""


def category_for(birth: date | None, today: date) -> str:
    """The category of a member born on `birth`, on `today`: by their age in Jalali years, as their
    birthday falls on the Jalali calendar. (Counted on the Gregorian one, a child born at Nowruz
    (1393/01/01, 21 March) was not yet 18 on 1411/01/01 (20 March), and one born on 1386/12/11 was an
    adult on 1404/12/10, a day early.) One born on Esfand 30 of a leap year is a year older on
    1 Farvardin in a year without that day."""
    if birth is None:
        return "child"
    b, t = jdatetime.date.fromgregorian(date=birth), jdatetime.date.fromgregorian(date=today)
    age = t.year - b.year - ((t.month, t.day) < (b.month, b.day))
    return "child" if age < 12 else "teen" if age < 18 else "adult"


def a_year_after(day: date) -> date:
    """The same Jalali day a year on: a membership for a year (registered, or renewed) ends on the
    date it began, as the clerk counts it. (365 days ended a day short across a leap year's Esfand
    30: from 1403/05/10 to 1404/05/09.) Esfand 30 goes to Esfand 29 in a year without it."""
    j = jdatetime.date.fromgregorian(date=day)
    try:
        later: date = jdatetime.date(j.year + 1, j.month, j.day).togregorian()
    except ValueError:
        later = jdatetime.date(j.year + 1, j.month, j.day - 1).togregorian()
    return later


def member_category(m: Member | MemberView | Any, today: date) -> str:
    """A member's category on a day: from the birth date when one is given — a child moves up to the
    teen and adult rules as they grow, decided when the rule is used (a fold cannot know today) —
    else the category recorded."""
    return category_for(m.birth_date, today) if m.birth_date else m.category


def _member_payload(s: Session, data: MemberInput, today: date, *, partial: bool) -> dict[str, Any]:
    p: dict[str, Any] = {}
    first, last = normalize_text(data.first_name or ""), normalize_text(data.last_name or "")
    if not first:
        raise ValidationError(MSG_REQUIRED, "first_name")
    if not last:
        raise ValidationError(MSG_REQUIRED, "last_name")
    p["first_name"], p["last_name"] = first, last
    if data.national_id:
        try:
            p["national_id"] = normalize_national_id(data.national_id)
        except ValueError:
            raise ValidationError(MSG_NATIONAL_ID, "national_id") from None
    elif not partial:
        p["national_id"] = ""
    if data.category and data.category not in MEMBER_CATEGORIES:
        raise ValidationError(MSG_CATEGORY, "category")
    # a birth date decides (and keeps deciding as the member grows: `member_category`)
    category = category_for(data.birth_date, today) if data.birth_date else (data.category or "child")
    p["category"] = category
    p["birth_date"] = data.birth_date.isoformat() if data.birth_date else None
    for key in ("phone", "guardian_phone"):
        value = getattr(data, key)
        if value:
            if not is_valid_mobile(value):
                raise ValidationError(MSG_MOBILE, key)
            p[key] = normalize_mobile(value)
        else:
            p[key] = ""
    p["guardian_name"] = normalize_text(data.guardian_name or "")
    if category != "adult" and (not p["guardian_name"] or not p["guardian_phone"]):
        raise ValidationError(MSG_GUARDIAN, "guardian_name" if not p["guardian_name"] else "guardian_phone")
    if data.home_centre:
        if not centre_exists(s, data.home_centre):
            raise ValidationError(MSG_CENTRE, "home_centre")
        refuse_closed(s, data.home_centre, "home_centre")
        p["home_centre"] = data.home_centre
    if data.expires_on is not None:
        p["expires_on"] = data.expires_on.isoformat()
    if data.photo is not None:
        if data.photo and not _SHA256.fullmatch(data.photo):
            raise ValidationError(MSG_PHOTO_TYPE, "photo")
        p["photo"] = data.photo
    elif not partial:
        p["photo"] = ""
    if data.guardian_national_id:
        try:
            p["guardian_national_id"] = normalize_national_id(data.guardian_national_id)
        except ValueError:
            raise ValidationError(MSG_NATIONAL_ID, "guardian_national_id") from None
    elif not partial:
        p["guardian_national_id"] = ""
    return p


def _check_identity(national_id: str, category: str, guardian_national_id: str) -> None:
    """Every member has a national ID, but a child who has none yet (registered by a parent) may be
    known by the guardian's: siblings may share one, so it is not a member's key."""
    if not national_id and (category != "child" or not guardian_national_id):
        raise ValidationError(MSG_NATIONAL_ID_NEEDED, "national_id")


def _refuse_taken_national_id(s: Session, national_id: str, other_than: str = "") -> None:
    if not national_id:
        return
    q = select(Member).where(Member.national_id == national_id)
    if other_than:  # the member corrected, and the records of them merged into it (the same child)
        q = q.where(Member.id != other_than, or_(Member.merged_into.is_(None), Member.merged_into != other_than))
    holder = s.scalar(q.order_by(Member.merged_into.is_not(None), Member.registered_at).limit(1))
    if holder is not None:
        raise DuplicateNationalId(member_view(holder))


def _refuse_child_registered(s: Session, p: dict[str, Any]) -> None:
    """A child known only by the guardian's national ID has no key of their own: the same name
    (as the name search reads it) under the same guardian's ID, born the same day when both dates
    are known, is the member already registered — a second click on «ثبت عضو», or the child
    registered again. Siblings differ by name, so they pass. As with a national ID taken, the
    member kept (not one merged into another) is named first."""
    if p["national_id"] or not p["guardian_national_id"]:
        return
    q = select(Member).where(Member.name_key == search_key(f"{p['first_name']} {p['last_name']}"),
                             Member.guardian_national_id == p["guardian_national_id"])
    if p["birth_date"]:
        q = q.where(or_(Member.birth_date.is_(None), Member.birth_date == date.fromisoformat(p["birth_date"])))
    holder = s.scalar(q.order_by(Member.merged_into.is_not(None), Member.registered_at).limit(1))
    if holder is not None:
        raise DuplicateChild(member_view(holder))


def _names_photo(p: dict[str, Any]) -> dict[str, Any]:
    """A payload that sets a photo also names its file as `sha256`, so sync carries the file."""
    if p.get("photo"):
        p["sha256"] = p["photo"]
    return p


#: Who reads members' records (look-ups, search, lists, photos, the loans desk, the field history):
#: the lending desk's staff. A user with only secretariat roles, or a manager, reads no child's record.
MEMBER_READERS = LIBRARIAN

_SHA256 = re.compile(r"[0-9a-f]{64}")
#: A member's photo: a JPEG or PNG of at most this many bytes (it is printed on a card).
MAX_PHOTO_BYTES = 2 * 1024 * 1024
PHOTO_TYPES = ("image/jpeg", "image/png")


def put_member_photo(store: Store, path: Path | str) -> str:
    """Keep a member's photo (JPEG or PNG) with the desk's attachments, content-addressed; returns
    its SHA-256 to put in `MemberInput.photo`. Refused at the "photo" field otherwise."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        raise ValidationError(MSG_PHOTO_UNREADABLE, "photo") from None
    return put_member_photo_data(store, data, Path(path).name)


def put_member_photo_data(store: Store, data: bytes, name: str) -> str:
    """`put_member_photo` for a photo already read (or made smaller by the page: a camera's)."""
    from .secretariat_files import put_bytes, sniff_mime

    if sniff_mime(data[:16]) not in PHOTO_TYPES:
        raise ValidationError(MSG_PHOTO_TYPE, "photo")
    if len(data) > MAX_PHOTO_BYTES:
        raise ValidationError(MSG_PHOTO_SIZE, "photo")
    return put_bytes(store, data, name, "photo").sha256


def member_photo(store: Store, actor: Actor, photo: str) -> bytes | None:
    """A member's photo (`MemberView.photo`), if there is one and its file is on this desk (sync
    brings a photo taken at another centre a little after the member). A librarian's."""
    from .secretariat_files import attachment_path

    require(actor, *MEMBER_READERS)
    if not _SHA256.fullmatch(photo or ""):
        return None
    path = attachment_path(store, photo)
    return path.read_bytes() if path.is_file() else None


def validate_member(s: Session, actor: Actor, data: MemberInput, today: date, *,
                    expired_ok: bool = False) -> dict[str, Any]:
    """The payload of a new member, or ValidationError (used by registration and the import, which
    takes a member whose membership already ended: `expired_ok`)."""
    if not data.home_centre:
        data = replace(data, home_centre=actor.office_code)
    p = _member_payload(s, data, today, partial=False)
    p.setdefault("expires_on", a_year_after(today).isoformat())
    if date.fromisoformat(p["expires_on"]) < today and not expired_ok:
        raise ValidationError(MSG_DATE_ORDER, "expires_on")
    _check_identity(p["national_id"], p["category"], p["guardian_national_id"])
    _refuse_taken_national_id(s, p["national_id"])
    _refuse_child_registered(s, p)
    return p


def register_member(store: Store, actor: Actor, data: MemberInput, *, today: date | None = None) -> MemberView:
    """A new member (no duplicate national IDs, no child registered twice under the guardian's); the
    member number is issued by this desk."""
    require(actor, *LIBRARIAN)
    today = today or office_today()
    with store.transaction() as s:
        p = validate_member(s, actor, data, today)
        p["member_no"] = _new_code(store, s, "member_no", 6)
        member_id = new_id()
        store.record(s, actor, "member.registered", member_id, _names_photo(p), subject=p["member_no"])
        m = s.get(Member, member_id)
        assert m is not None
        return member_view(m)


def update_member(store: Store, actor: Actor, member_id: str, data: MemberInput, *,
                  today: date | None = None) -> MemberView:
    """Only the fields that changed are recorded (field by field, the newest stamp wins in sync)."""
    require(actor, *LIBRARIAN)
    today = today or office_today()
    with store.transaction() as s:
        m = s.get(Member, member_id)
        if m is None:
            raise NotFound(MSG_MEMBER_NOT_FOUND)
        if m.erased_on is not None:
            raise InvariantError(MSG_ERASED)
        p = _member_payload(s, data, today, partial=True)
        current = member_view(m)
        _check_identity(p.get("national_id", current.national_id), p["category"],
                        p.get("guardian_national_id", current.guardian_national_id))
        _refuse_taken_national_id(s, p.get("national_id", ""), other_than=member_id)
        changed: dict[str, Any] = {}
        for key, value in p.items():
            old = getattr(current, key)
            old = old.isoformat() if isinstance(old, date) else old
            if value != old:
                changed[key] = value
        if changed:
            store.record(s, actor, "member.field_set", member_id, _names_photo(changed), subject=m.member_no)
        return member_view(m)


def renew_membership(store: Store, actor: Actor, member_id: str, until: date) -> MemberView:
    require(actor, *LIBRARIAN)
    with store.transaction() as s:
        m = s.get(Member, member_id)
        if m is None:
            raise NotFound(MSG_MEMBER_NOT_FOUND)
        if m.erased_on is not None:
            raise InvariantError(MSG_ERASED)
        # the end it renews from: two renewals made apart at two centres both stand (the later end)
        store.record(s, actor, "member.field_set", member_id, {"expires_on": until.isoformat(),
                                                               "renewed_from": m.expires_on.isoformat()},
                     subject=m.member_no)
        return member_view(m)


def lookup_member(store: Store, actor: Actor, code: str) -> MemberView | None:
    """By the card's barcode (member number) or national ID. A librarian's (and an admin's), as
    every read of a member's record is (`MEMBER_READERS`): a child's details are not for a user
    with only secretariat roles, or a manager."""
    require(actor, *MEMBER_READERS)
    with store.read() as s:
        m = find_member(s, code)
        return member_view(m) if m else None


def get_member(store: Store, actor: Actor, member_id: str) -> MemberView:
    """One member's record by id (a librarian's)."""
    require(actor, *MEMBER_READERS)
    with store.read() as s:
        m = s.get(Member, member_id)
        if m is None:
            raise NotFound(MSG_MEMBER_NOT_FOUND)
        return member_view(m)


def search_members(store: Store, actor: Actor, query: str, limit: int = 50) -> list[MemberView]:
    """By number or national ID (exactly); by the national ID of the guardian a child is
    registered with, or a mobile number (the member's or the guardian's, written any way:
    «۰۹۱۲ ۱۲۳ ۴۵۶۷», «+98 912…», «912…»): every member it names; or by name: every word typed
    starts a word of the name, in any order — "سلیمانی" (the family name alone), "مریم سلی" and
    "سلیمانی مریم" all find مریم سلیمانی. Names that start with what was typed come first, then by
    name. A librarian's."""
    require(actor, *MEMBER_READERS)
    with store.read() as s:
        exact = find_member(s, query)
        if exact is not None:
            return [member_view(exact)]
        by_number = _by_guardian_or_mobile(query)
        if by_number is not None:
            rows = s.scalars(select(Member).where(by_number, Member.merged_into.is_(None))
                             .order_by(collate(Member.first_name + " " + Member.last_name, COLLATION)).limit(limit))
            return [member_view(m) for m in rows]
        key = " ".join(search_key(query).translate(_LIKE_SPECIAL).split())
        if not key:
            return []
        rows = s.scalars(select(Member).where(_name_matches(key.split()), Member.merged_into.is_(None))
                         .order_by(case((Member.name_key.like(key + "%"), 0),
                                        (_JOINED.like(key.replace(" ", "") + "%"), 0), else_=1),
                                   collate(Member.first_name + " " + Member.last_name, COLLATION))
                         .limit(limit))
        return [member_view(m) for m in rows]


def _by_guardian_or_mobile(query: str) -> ColumnElement[bool] | None:
    """The members a number typed names other than by their card or their own national ID: the
    children registered with a guardian's national ID, or the members of a mobile number (their
    own, or their guardian's: a parent calls about a lost card); None when it is no such number."""
    digits = id_digits(query).replace("(", "").replace(")", "").removeprefix("+")  # «+98 (912) …»
    if not digits.isdigit():
        return None
    ways: list[ColumnElement[bool]] = []
    if len(digits) == 10 and is_valid_national_id(digits):
        ways.append(Member.guardian_national_id == digits)
    if is_valid_mobile(digits):  # (ten digits may be both: «912…» a mobile without its 0)
        mobile = normalize_mobile(digits)
        ways += [Member.phone == mobile, Member.guardian_phone == mobile]
    return or_(*ways) if ways else None


#: The name's key with its spaces (and so its half-spaces) taken out: «علی‌رضا», «علی رضا» and
#: «علیرضا» all read «علیرضا» in it.
_JOINED = func.replace(Member.name_key, " ", "")
#: A word typed is looked for inside the joined name from this many letters («علیرضا», «عبدالله»,
#: «میرزازاده»); a shorter one («علی», «رضا») only as the beginning of a word of the name.
JOINED_MIN = 4


def _name_matches(words: list[str]) -> ColumnElement[bool]:
    """Every word typed begins a word of the name, in any order; or is, from `JOINED_MIN` letters,
    written without the space or half-space the name has («علیرضا» finds «علی‌رضا محمدی»); or
    two words typed side by side are one word of the name («علی رضا» finds «علیرضا محمدی»)."""
    def one(w: str) -> ColumnElement[bool]:
        starts = or_(Member.name_key.like(w + "%"), Member.name_key.like("% " + w + "%"))
        return or_(starts, _JOINED.like("%" + w + "%")) if len(w) >= JOINED_MIN else starts

    ways = [and_(*(one(w) for w in words))]
    for i in range(len(words) - 1):  # two words typed apart that the name writes as one
        ways.append(and_(*(one(w) for w in words[:i] + words[i + 2:]), _JOINED.like("%" + words[i] + words[i + 1] + "%")))
    return or_(*ways)


def recent_members(store: Store, actor: Actor, centre: str | None = None, limit: int = 50) -> list[MemberView]:
    """The members registered last (at a centre, or anywhere), the newest first; a record merged
    into another (one person registered twice) is not listed, as search does not list it, nor one
    whose details were removed (found by its number only). A librarian's."""
    require(actor, *MEMBER_READERS)
    with store.read() as s:
        q = select(Member).where(Member.merged_into.is_(None), Member.erased_on.is_(None))
        if centre:
            q = q.where(Member.home_centre == centre)
        rows = s.scalars(q.order_by(Member.registered_at.desc(), Member.member_no.desc()).limit(limit))
        return [member_view(m) for m in rows]


#: LIKE's wildcards (and its escape) taken out of typed words: a name never holds them.
_LIKE_SPECIAL = str.maketrans("", "", "%_\\")
