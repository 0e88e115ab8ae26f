"""Lending desk: members, the shared catalogue, copies, loan rules and override grants."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, case, func, or_, select, text
from sqlalchemy.orm import Session

from ..errors import QT_TRANSLATE_NOOP, InvariantError, NotFound, ValidationError
from ..eventlog import Actor, bump_counter
from ..ids import new_id
from ..models import Office, table_of
from ..models.library import AGE_GROUPS, MEMBER_CATEGORIES, Copy, Loan, LoanRule, Member, Title
from ..persian import (
    TEHRAN,
    damm_check_digit,
    is_valid_isbn,
    is_valid_mobile,
    normalize,
    normalize_isbn,
    normalize_mobile,
    normalize_national_id,
    search_key,
    to_ascii_digits,
)
from ..projections.library.titles import FTS_TABLE
from ..store import Store
from .accounts import require

LIBRARIAN = ("librarian", "admin")

MSG_REQUIRED = QT_TRANSLATE_NOOP("Errors", "این خانه را پر کنید.")
MSG_NATIONAL_ID = QT_TRANSLATE_NOOP("Errors", "کد ملی درست نیست.")
#: `{name}`, `{no}`: the member who has it (DuplicateNationalId.params)
MSG_NATIONAL_ID_TAKEN = QT_TRANSLATE_NOOP("Errors", "این کد ملی پیش‌تر برای {name} (شماره عضویت {no}) ثبت شده است.")
MSG_NATIONAL_ID_NEEDED = QT_TRANSLATE_NOOP(
    "Errors", "کد ملی عضو را بنویسید؛ تنها کودکی که کد ملی ندارد با کد ملی ولی‌اش ثبت می‌شود.")
MSG_MOBILE = QT_TRANSLATE_NOOP("Errors", "شماره همراه درست نیست (۰۹xxxxxxxxx).")
MSG_GUARDIAN = QT_TRANSLATE_NOOP("Errors", "برای عضو کودک و نوجوان نام و تلفن ولی را بنویسید.")
MSG_CATEGORY = QT_TRANSLATE_NOOP("Errors", "گروه عضویت ناشناخته است.")
MSG_CENTRE = QT_TRANSLATE_NOOP("Errors", "مرکز فرهنگی هنری پیدا نشد.")
MSG_MEMBER_NOT_FOUND = QT_TRANSLATE_NOOP("Errors", "عضوی با این شماره پیدا نشد.")
MSG_ISBN = QT_TRANSLATE_NOOP("Errors", "شابک درست نیست.")
MSG_AGE_GROUP = QT_TRANSLATE_NOOP("Errors", "گروه سنی باید یکی از الف، ب، ج، د، ه باشد.")
MSG_TITLE_NOT_FOUND = QT_TRANSLATE_NOOP("Errors", "عنوان پیدا نشد.")
MSG_COPY_NOT_FOUND = QT_TRANSLATE_NOOP("Errors", "نسخه‌ای با این بارکد پیدا نشد.")
MSG_BARCODE_TAKEN = QT_TRANSLATE_NOOP("Errors", "این بارکد پیش‌تر به نسخه دیگری داده شده است.")
MSG_BARCODE_SHAPE = QT_TRANSLATE_NOOP("Errors", "بارکد فقط رقم و حروف لاتین باشد (حداکثر ۳۲ نویسه).")
MSG_RULE_VALUE = QT_TRANSLATE_NOOP("Errors", "مقدار قاعده امانت باید عددی مثبت باشد.")
MSG_DATE_ORDER = QT_TRANSLATE_NOOP("Errors", "تاریخ پایان عضویت پیش از امروز است.")
MSG_PHOTO_TYPE = QT_TRANSLATE_NOOP("Errors", "عکس عضو باید پرونده JPEG یا PNG باشد.")
MSG_PHOTO_SIZE = QT_TRANSLATE_NOOP("Errors", "اندازه عکس حداکثر ۲ مگابایت است.")
MSG_PHOTO_UNREADABLE = QT_TRANSLATE_NOOP("Errors", "پرونده عکس خوانده نشد.")
MSG_SHELF = QT_TRANSLATE_NOOP("Errors", "نشانی قفسه حداکثر ۳۲ نویسه باشد.")
#: `{t}`: the title already in the catalogue (DuplicateIsbn.existing)
MSG_ISBN_TAKEN = QT_TRANSLATE_NOOP("Errors", "کتابی با این شابک در فهرست هست: «{t}». نسخه‌ها را به همان عنوان بیفزایید.")

#: Loan rules a new desk starts with (working days, loans at once, renewals).
DEFAULT_RULES: dict[str, tuple[int, int, int]] = {"child": (10, 3, 2), "teen": (14, 4, 2), "adult": (14, 5, 1)}


# --- views ------------------------------------------------------------------------------------


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

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


def member_view(m: Member) -> MemberView:
    return MemberView(m.id, m.member_no, m.national_id, m.first_name, m.last_name, m.category, m.birth_date,
                      m.phone, m.guardian_name, m.guardian_phone, m.home_centre, m.expires_on, m.photo,
                      m.guardian_national_id or "")


class DuplicateNationalId(ValidationError):
    """The national ID is another member's (`existing`), named in the message (`params`)."""

    def __init__(self, existing: MemberView) -> None:
        super().__init__(MSG_NATIONAL_ID_TAKEN, "national_id")
        self.existing = existing
        self.params = {"name": existing.full_name, "no": existing.member_no}


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


@dataclass(frozen=True)
class TitleView:
    id: str
    title: str
    author: str
    publisher: str
    isbn: str
    age_group: str
    subject: str


def title_view(t: Title) -> TitleView:
    return TitleView(t.id, t.title, t.author, t.publisher, t.isbn, t.age_group, t.subject)


class DuplicateIsbn(ValidationError):
    """The ISBN is that of a title already in the shared catalogue (`existing`): one book, one title.
    The message holds `{t}` for the existing title's name."""

    def __init__(self, existing: TitleView) -> None:
        super().__init__(MSG_ISBN_TAKEN, "isbn")
        self.existing = existing


@dataclass(frozen=True)
class TitleInput:
    title: str
    author: str = ""
    publisher: str = ""
    isbn: str = ""
    age_group: str = ""
    subject: str = ""


@dataclass(frozen=True)
class CopyView:
    id: str
    barcode: str
    title_id: str
    title: str
    home_centre: str
    shelf: str
    status: str
    location: str
    loanable: bool
    current_loan_id: str | None


def copy_view(c: Copy, title: str) -> CopyView:
    return CopyView(c.id, c.barcode, c.title_id, title, c.home_centre, c.shelf, c.status, c.location,
                    c.loanable, c.current_loan_id)


@dataclass(frozen=True)
class RuleView:
    category: str
    period_days: int
    max_loans: int
    max_renewals: int
    hold_days: int


# --- helpers shared by the lending services ----------------------------------------------------


def clean_code(code: str) -> str:
    """A scanned or typed barcode / member number: ASCII digits, no spaces, upper case."""
    return to_ascii_digits(normalize(code or "")).replace(" ", "").upper()


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
    if m is None and len(code) == 10 and code.isdigit():
        m = s.scalar(select(Member).where(Member.national_id == code, Member.merged_into.is_(None)).limit(1))
    for _hop in range(3):  # (a chain of merges, never a loop: each merge is refused on a merged member)
        if m is None or not m.merged_into:
            break
        m = s.get(Member, m.merged_into) or m
    return m


def find_copy(s: Session, barcode: str) -> Copy | None:
    barcode = clean_code(barcode)
    return s.scalar(select(Copy).where(Copy.barcode == barcode).limit(1)) if barcode else None


def centre_exists(s: Session, code: str) -> bool:
    return s.get(Office, code) is not None


def category_for(birth: date | None, today: date) -> str:
    if birth is None:
        return "child"
    age = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
    return "child" if age < 12 else "teen" if age < 18 else "adult"


def member_category(m: Member | MemberView | Any, today: date) -> str:
    """A member's category on a day: from the birth date when one is given — a child moves up to the
    teen and adult rules as they grow, decided when the rule is used (a fold cannot know today) —
    else the category recorded."""
    return category_for(m.birth_date, today) if m.birth_date else m.category


_RULES = table_of(LoanRule)
_RULE = select(_RULES.c.period_days, _RULES.c.max_loans, _RULES.c.max_renewals, _RULES.c.hold_days).where(
    _RULES.c.category == bindparam("category"))


def get_rule(s: Session, category: str) -> RuleView:
    """The loan rule of a member category (the defaults until an admin sets one); one plain
    statement, as every checkout and renewal asks."""
    s.flush()
    r = s.connection().execute(_RULE, {"category": category}).one_or_none()
    if r is None:
        period, loans, renewals = DEFAULT_RULES.get(category, DEFAULT_RULES["child"])
        return RuleView(category, period, loans, renewals, 3)
    return RuleView(category, r.period_days, r.max_loans, r.max_renewals, r.hold_days)


def _new_code(store: Store, s: Session, series: str, width: int) -> str:
    ident = store.identity
    body = f"{to_ascii_digits(ident.office_code)}{ident.device_no:02d}{bump_counter(s, series):0{width}d}"
    return body + (damm_check_digit(body) if body.isdigit() else "")


# --- members ----------------------------------------------------------------------------------


def _member_payload(s: Session, data: MemberInput, today: date, *, partial: bool) -> dict[str, Any]:
    p: dict[str, Any] = {}
    first, last = normalize(data.first_name or ""), normalize(data.last_name or "")
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
    p["guardian_name"] = normalize(data.guardian_name or "")
    if category != "adult" and (not p["guardian_name"] or not p["guardian_phone"]):
        raise ValidationError(MSG_GUARDIAN, "guardian_name" if not p["guardian_name"] else "guardian_phone")
    if data.home_centre:
        if not centre_exists(s, data.home_centre):
            raise ValidationError(MSG_CENTRE, "home_centre")
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
    if other_than:
        q = q.where(Member.id != other_than)
    holder = s.scalar(q.order_by(Member.merged_into.is_not(None), Member.registered_at).limit(1))
    if holder is not None:
        raise DuplicateNationalId(member_view(holder))


def _names_photo(p: dict[str, Any]) -> dict[str, Any]:
    """A payload that sets a photo also names its file as `sha256`, so sync carries the file."""
    if p.get("photo"):
        p["sha256"] = p["photo"]
    return p


_SHA256 = re.compile(r"[0-9a-f]{64}")
#: A member's photo: a JPEG or PNG of at most this many bytes (it is printed on a card).
MAX_PHOTO_BYTES = 2 * 1024 * 1024
PHOTO_TYPES = ("image/jpeg", "image/png")


def put_member_photo(store: Store, path: Path | str) -> str:
    """Keep a member's photo (JPEG or PNG) with the desk's attachments, content-addressed; returns
    its SHA-256 to put in `MemberInput.photo`. Refused at the "photo" field otherwise."""
    from .secretariat_files import put_bytes, sniff_mime

    try:
        data = Path(path).read_bytes()
    except OSError:
        raise ValidationError(MSG_PHOTO_UNREADABLE, "photo") from None
    if sniff_mime(data[:16]) not in PHOTO_TYPES:
        raise ValidationError(MSG_PHOTO_TYPE, "photo")
    if len(data) > MAX_PHOTO_BYTES:
        raise ValidationError(MSG_PHOTO_SIZE, "photo")
    return put_bytes(store, data, Path(path).name, "photo").sha256


def member_photo(store: Store, photo: str) -> bytes | None:
    """A member's photo (`MemberView.photo`), if there is one and its file is on this desk (sync
    brings a photo taken at another centre a little after the member)."""
    from .secretariat_files import attachment_path

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
    p.setdefault("expires_on", (today + timedelta(days=365)).isoformat())
    if date.fromisoformat(p["expires_on"]) < today and not expired_ok:
        raise ValidationError(MSG_DATE_ORDER, "expires_on")
    _check_identity(p["national_id"], p["category"], p["guardian_national_id"])
    _refuse_taken_national_id(s, p["national_id"])
    return p


def register_member(store: Store, actor: Actor, data: MemberInput, *, today: date | None = None) -> MemberView:
    """A new member (no duplicate national IDs); the member number is issued by this desk."""
    require(actor, *LIBRARIAN)
    today = today or date.today()
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
    today = today or date.today()
    with store.transaction() as s:
        m = s.get(Member, member_id)
        if m is None:
            raise NotFound(MSG_MEMBER_NOT_FOUND)
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
        store.record(s, actor, "member.field_set", member_id, {"expires_on": until.isoformat()},
                     subject=m.member_no)
        return member_view(m)


def lookup_member(store: Store, code: str) -> MemberView | None:
    """By the card's barcode (member number) or national ID."""
    with store.read() as s:
        m = find_member(s, code)
        return member_view(m) if m else None


def get_member(store: Store, member_id: str) -> MemberView:
    with store.read() as s:
        m = s.get(Member, member_id)
        if m is None:
            raise NotFound(MSG_MEMBER_NOT_FOUND)
        return member_view(m)


def search_members(store: Store, query: str, limit: int = 50) -> list[MemberView]:
    """By number or national ID (exactly), or by name: every word typed starts a word of the
    name, in any order — "سلیمانی" (the family name alone), "مریم سلی" and "سلیمانی مریم" all
    find مریم سلیمانی. Names that start with what was typed come first, then by name."""
    with store.read() as s:
        exact = find_member(s, query)
        if exact is not None:
            return [member_view(exact)]
        key = " ".join(search_key(query).translate(_LIKE_SPECIAL).split())
        if not key:
            return []
        words = [or_(Member.name_key.like(w + "%"), Member.name_key.like("% " + w + "%")) for w in key.split()]
        rows = s.scalars(select(Member).where(*words, Member.merged_into.is_(None))
                         .order_by(case((Member.name_key.like(key + "%"), 0), else_=1), Member.name_key)
                         .limit(limit))
        return [member_view(m) for m in rows]


def recent_members(store: Store, centre: str | None = None, limit: int = 50) -> list[MemberView]:
    """The members registered last (at a centre, or anywhere), the newest first."""
    with store.read() as s:
        q = select(Member)
        if centre:
            q = q.where(Member.home_centre == centre)
        rows = s.scalars(q.order_by(Member.registered_at.desc(), Member.member_no.desc()).limit(limit))
        return [member_view(m) for m in rows]


#: LIKE's wildcards (and its escape) taken out of typed words: a name never holds them.
_LIKE_SPECIAL = str.maketrans("", "", "%_\\")


# --- catalogue --------------------------------------------------------------------------------


def validate_title(data: TitleInput) -> dict[str, Any]:
    title = normalize(data.title or "")
    if not title:
        raise ValidationError(MSG_REQUIRED, "title")
    isbn = ""
    if data.isbn and normalize(data.isbn):
        if not is_valid_isbn(data.isbn):
            raise ValidationError(MSG_ISBN, "isbn")
        isbn = normalize_isbn(data.isbn)
    age = normalize(data.age_group or "")
    if age and age not in AGE_GROUPS:
        raise ValidationError(MSG_AGE_GROUP, "age_group")
    return {"title": title, "author": normalize(data.author or ""), "publisher": normalize(data.publisher or ""),
            "isbn": isbn, "age_group": age, "subject": normalize(data.subject or "")}


def _isbn_check(body: str) -> str:
    """The check character of an ISBN body: 9 digits (ISBN-10, mod 11) or 12 (ISBN-13, mod 10)."""
    if len(body) == 9:
        r = (11 - sum((10 - i) * int(c) for i, c in enumerate(body)) % 11) % 11
        return "X" if r == 10 else str(r)
    return str((10 - sum((3 if i % 2 else 1) * int(c) for i, c in enumerate(body)) % 10) % 10)


def isbn_key(isbn: str) -> str:
    """An ISBN (as `normalize_isbn` gives it) in one normal form, ISBN-13: the ISBN-10 and the
    ISBN-13 of one book give the same key."""
    if len(isbn) == 10:
        body = "978" + isbn[:9]
        return body + _isbn_check(body)
    return isbn


def isbn_forms(isbn: str) -> list[str]:
    """The ways one book's ISBN can be stored: its ISBN-13 and, for 978 ISBNs, its ISBN-10."""
    key = isbn_key(isbn)
    forms = [key]
    if key.startswith("978") and len(key) == 13:
        forms.append(key[3:12] + _isbn_check(key[3:12]))
    return forms


def title_by_isbn(s: Session, isbn: str, *, other_than: str = "") -> Title | None:
    """The catalogue's title with this ISBN (in either form), if any, other than `other_than`."""
    if not isbn:
        return None
    q = select(Title).where(Title.isbn.in_(isbn_forms(isbn)))
    if other_than:
        q = q.where(Title.id != other_than)
    return s.scalar(q.order_by(Title.added_at, Title.id).limit(1))


def _refuse_known_isbn(s: Session, isbn: str, other_than: str = "") -> None:
    found = title_by_isbn(s, isbn, other_than=other_than)
    if found is not None:
        raise DuplicateIsbn(title_view(found))


def add_title(store: Store, actor: Actor, data: TitleInput) -> TitleView:
    """A new title of the shared catalogue; an ISBN already there (ISBN-10 or -13) is refused at
    the ISBN field, naming the title it belongs to."""
    require(actor, *LIBRARIAN)
    p = validate_title(data)
    with store.transaction() as s:
        _refuse_known_isbn(s, p["isbn"])
        title_id = new_id()
        store.record(s, actor, "title.added", title_id, p, subject=p["title"][:200])
        t = s.get(Title, title_id)
        assert t is not None
        return title_view(t)


def update_title(store: Store, actor: Actor, title_id: str, data: TitleInput) -> TitleView:
    require(actor, *LIBRARIAN)
    p = validate_title(data)
    with store.transaction() as s:
        t = s.get(Title, title_id)
        if t is None:
            raise NotFound(MSG_TITLE_NOT_FOUND)
        if p["isbn"] and isbn_key(p["isbn"]) != isbn_key(t.isbn or ""):
            _refuse_known_isbn(s, p["isbn"], other_than=title_id)
        changed = {k: v for k, v in p.items() if getattr(t, k) != v}
        if changed:
            store.record(s, actor, "title.field_set", title_id, changed, subject=t.title[:200])
        return title_view(t)


def fts_query(query: str) -> str:
    """FTS5 MATCH text: each normalised word as a quoted prefix term (user text never is syntax)."""
    words = [w.replace('"', "") for w in search_key(query).split()]
    return " ".join(f'"{w}"*' for w in words if w)


#: Above this many matches a query is too broad to rank them all by bm25 within the time a person
#: waits; the first matches are ordered by how the title reads against the query instead.
RANK_CAP = 200


def _fts_ids(s: Session, match: str, key: str, limit: int) -> list[str]:
    sql = f"SELECT title_id FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q"
    ids = [r[0] for r in s.execute(text(sql + " LIMIT :n"), {"q": match, "n": RANK_CAP})]
    if len(ids) < RANK_CAP:
        return [r[0] for r in s.execute(text(sql + " ORDER BY rank LIMIT :n"), {"q": match, "n": limit})]
    names = dict(s.execute(select(Title.id, Title.title).where(Title.id.in_(ids))).all())

    def closeness(tid: str) -> tuple[bool, bool, int]:
        name = search_key(names.get(tid, ""))
        return (not name.startswith(key), key not in name, len(name))

    return sorted(ids, key=closeness)[:limit]


def search_titles(store: Store, query: str, limit: int = 50) -> list[TitleView]:
    """Full-text search over title, author, publisher, subject and ISBN (normalised Persian): the
    words as a phrase first (the last one a prefix), then all the words anywhere."""
    words = fts_query(query)
    if not words:
        return []
    key = search_key(query)
    phrase = '"' + " ".join(w.replace('"', "") for w in key.split()) + '"*'
    ids: list[str] = []
    with store.read() as s:
        for match in ([phrase, words] if len(key.split()) > 1 else [words]):
            for tid in _fts_ids(s, match, key, limit):
                if tid not in ids:
                    ids.append(tid)
            if len(ids) >= limit:
                break
        ids = ids[:limit]
        by_id = {t.id: t for t in s.scalars(select(Title).where(Title.id.in_(ids)))}
        return [title_view(by_id[i]) for i in ids if i in by_id]


def recent_titles(store: Store, limit: int = 50) -> list[TitleView]:
    """The titles added last to the catalogue (here or at another centre), the newest first."""
    with store.read() as s:
        rows = s.scalars(select(Title).order_by(Title.added_at.desc(), Title.id.desc()).limit(limit))
        return [title_view(t) for t in rows]


def get_title(store: Store, title_id: str) -> TitleView:
    with store.read() as s:
        t = s.get(Title, title_id)
        if t is None:
            raise NotFound(MSG_TITLE_NOT_FOUND)
        return title_view(t)


def validate_barcode(s: Session, barcode: str) -> str:
    code = clean_code(barcode)
    if not code or len(code) > 32 or not all(c.isascii() and (c.isalnum() or c in "-.") for c in code):
        raise ValidationError(MSG_BARCODE_SHAPE, "barcode")
    if s.scalar(select(Copy.id).where(Copy.barcode == code).limit(1)):
        raise ValidationError(MSG_BARCODE_TAKEN, "barcode")
    return code


def add_copy(store: Store, actor: Actor, title_id: str, *, barcode: str = "", shelf: str = "",
             home_centre: str = "", loanable: bool = True) -> CopyView:
    """A copy of a title held by a centre; without a barcode this desk issues one."""
    require(actor, *LIBRARIAN)
    with store.transaction() as s:
        t = s.get(Title, title_id)
        if t is None:
            raise NotFound(MSG_TITLE_NOT_FOUND)
        centre = home_centre or actor.office_code
        if not centre_exists(s, centre):
            raise ValidationError(MSG_CENTRE, "home_centre")
        code = validate_barcode(s, barcode) if barcode else _new_code(store, s, "copy_barcode", 7)
        copy_id = new_id()
        store.record(s, actor, "copy.added", copy_id, {
            "barcode": code, "title_id": title_id, "home_centre": centre,
            "shelf": normalize(shelf or ""), "loanable": loanable}, subject=code)
        c = s.get(Copy, copy_id)
        assert c is not None
        return copy_view(c, t.title)


def get_copy(store: Store, barcode: str) -> CopyView:
    with store.read() as s:
        c = find_copy(s, barcode)
        if c is None:
            raise NotFound(MSG_COPY_NOT_FOUND)
        return copy_view(c, s.scalar(select(Title.title).where(Title.id == c.title_id)) or "")


def copies_of_title(store: Store, title_id: str) -> list[CopyView]:
    with store.read() as s:
        t = s.get(Title, title_id)
        name = t.title if t else ""
        rows = s.scalars(select(Copy).where(Copy.title_id == title_id).order_by(Copy.home_centre, Copy.barcode))
        return [copy_view(c, name) for c in rows]


#: Copies that are on no shelf any more: no label is printed for them.
GONE = ("withdrawn", "lost")


def copies_added_on(store: Store, centre: str, day: date) -> list[CopyView]:
    """The copies a centre added on a day (the desk's calendar day in Tehran), for their labels;
    withdrawn and lost ones are left out."""
    start = datetime.combine(day, time.min, TEHRAN).astimezone(UTC)
    with store.read() as s:
        rows = s.execute(select(Copy, Title.title).outerjoin(Title, Title.id == Copy.title_id).where(
            Copy.home_centre == centre, Copy.added_at >= start, Copy.added_at < start + timedelta(days=1),
            Copy.status.not_in(GONE)).order_by(Copy.added_at, Copy.barcode))
        return [copy_view(c, title or "") for c, title in rows]


def update_copy(store: Store, actor: Actor, barcode: str, *, shelf: str | None = None, loanable: bool | None = None,
                home_centre: str | None = None) -> CopyView:
    """Correct a copy: its shelf mark, whether it may be lent, its home centre. Only the fields
    given and changed are recorded (`copy.field_set`); its status is recomputed (a copy whose home
    is corrected while it stands at another centre goes home)."""
    require(actor, *LIBRARIAN)
    with store.transaction() as s:
        c = find_copy(s, barcode)
        if c is None:
            raise NotFound(MSG_COPY_NOT_FOUND, "barcode")
        changed: dict[str, Any] = {}
        if shelf is not None:
            mark = normalize(shelf)
            if len(mark) > 32:
                raise ValidationError(MSG_SHELF, "shelf")
            if mark != c.shelf:
                changed["shelf"] = mark
        if home_centre is not None and home_centre != c.home_centre:
            if not centre_exists(s, home_centre):
                raise ValidationError(MSG_CENTRE, "home_centre")
            changed["home_centre"] = home_centre
        if loanable is not None and bool(loanable) != c.loanable:
            changed["loanable"] = bool(loanable)
        if changed:
            store.record(s, actor, "copy.field_set", c.id, changed, subject=c.barcode)
        return copy_view(c, s.scalar(select(Title.title).where(Title.id == c.title_id)) or "")


MSG_WITHDRAW_ON_LOAN = QT_TRANSLATE_NOOP(
    "Errors", "این نسخه در امانت است؛ نخست آن را بازگردانید (اگر نزد عضو گم شده است، در میز امانت «گم‌شده نزد عضو» "
              "را بزنید).")


def withdraw_copy(store: Store, actor: Actor, barcode: str, reason: str = "") -> CopyView:
    """Take a copy out of circulation (worn, damaged). Not one on loan here: it is returned first
    (one lent at another centre offline meets the withdrawal in sync as `copy.retired_on_loan`)."""
    require(actor, *LIBRARIAN)
    with store.transaction() as s:
        c = find_copy(s, barcode)
        if c is None:
            raise NotFound(MSG_COPY_NOT_FOUND)
        if c.status == "on_loan":
            raise InvariantError(MSG_WITHDRAW_ON_LOAN, "barcode")
        store.record(s, actor, "copy.withdrawn", c.id, {"reason": normalize(reason or "")}, subject=c.barcode)
        return copy_view(c, s.scalar(select(Title.title).where(Title.id == c.title_id)) or "")


def mark_copy_lost(store: Store, actor: Actor, barcode: str, note: str = "", *, today: date | None = None) -> CopyView:
    """The copy is lost. One on loan was lost with its member: its loan is closed as lost
    (`loan.lost`, as «گم‌شده نزد عضو» at the desk) rather than left open for ever."""
    from .circulation import record_loan_lost

    require(actor, *LIBRARIAN)
    with store.transaction() as s:
        c = find_copy(s, barcode)
        if c is None:
            raise NotFound(MSG_COPY_NOT_FOUND)
        loan = s.scalar(select(Loan).where(Loan.copy_id == c.id, Loan.returned_at.is_(None))
                        .order_by(Loan.out_hlc.desc()).limit(1))
        if loan is not None:
            record_loan_lost(store, s, actor, loan, c.barcode, note, today or date.today())
        else:
            store.record(s, actor, "copy.marked_lost", c.id, {"note": normalize(note or "")}, subject=c.barcode)
        return copy_view(c, s.scalar(select(Title.title).where(Title.id == c.title_id)) or "")


def catalogue_counts(store: Store) -> dict[str, int]:
    with store.read() as s:
        return {status: n for status, n in s.execute(select(Copy.status, func.count()).group_by(Copy.status))}


# Loan rules, override grants and centres live in library_rules; re-exported for the callers, on
# first use (library_rules imports this module: importing it first must work too).
if TYPE_CHECKING:
    from .library_rules import (
        CentreView,
        add_centre,
        can_override,
        centres,
        list_centres,
        list_rules,
        set_override_grant,
        set_rule,
        update_centre,
    )

__all__ = ["CentreView", "add_centre", "can_override", "centres", "list_centres", "list_rules",
           "set_override_grant", "set_rule", "update_centre"]
_FROM_RULES = frozenset(__all__)


def __getattr__(name: str) -> Any:
    if name in _FROM_RULES:
        from . import library_rules

        return getattr(library_rules, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
