"""Lending desk: the shared catalogue — titles (one per ISBN, full-text search) and the copies the
centres hold (barcodes, shelf marks, labels, withdrawal and loss)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from ..errors import QT_TRANSLATE_NOOP, InvariantError, NotFound, ValidationError
from ..eventlog import Actor
from ..ids import new_id
from ..models import office_today
from ..models.library import AGE_GROUPS, Copy, Loan, Title
from ..persian import TEHRAN, is_valid_isbn, latin_keys, normalize, normalize_isbn, normalize_text, search_key
from ..projections.library.titles import FTS_TABLE
from ..store import Store
from .accounts import require
from .circulation_returns import record_loan_lost
from .fts_words import phrase_match, table_probe, words_match
from .library_common import (
    LIBRARIAN,
    MSG_CENTRE,
    MSG_REQUIRED,
    MSG_TITLE_NOT_FOUND,
    _new_code,
    centre_exists,
    clean_code,
    copy_not_found,
    find_copy,
    pack_to_move,
)
from .library_rules import refuse_closed

MSG_ISBN = QT_TRANSLATE_NOOP("Errors", "شابک درست نیست.")
MSG_AGE_GROUP = QT_TRANSLATE_NOOP("Errors", "گروه سنی باید یکی از الف، ب، ج، د، ه باشد.")
MSG_BARCODE_TAKEN = QT_TRANSLATE_NOOP("Errors", "این بارکد پیش‌تر به نسخه دیگری داده شده است.")
MSG_BARCODE_SHAPE = QT_TRANSLATE_NOOP("Errors", "بارکد فقط رقم و حروف لاتین باشد (حداکثر ۳۲ نویسه).")
#: a copy's barcode box given the barcode printed on the book itself (its ISBN as an EAN-13, 978/979…):
#: it is the same on every copy of the book, so it cannot tell one copy from another
MSG_BARCODE_IS_ISBN = QT_TRANSLATE_NOOP(
    "Errors", "این بارکدِ خودِ کتاب (شابک پشت جلد) است و در همه نسخه‌های آن یکی است؛ برچسب بارکد کتابخانه را "
              "بخوانید، یا جا را خالی بگذارید تا بارکد داده شود.")
MSG_SHELF = QT_TRANSLATE_NOOP("Errors", "نشانی قفسه حداکثر ۳۲ نویسه باشد.")
#: `{t}`: the title already in the catalogue (DuplicateIsbn.existing)
MSG_ISBN_TAKEN = QT_TRANSLATE_NOOP("Errors", "کتابی با این شابک در فهرست هست: «{t}». نسخه‌ها را به همان عنوان بیفزایید.")


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


#: `{t}`, `{a}`: the title already in the catalogue and its author (SameTitle.existing)
MSG_TITLE_KNOWN = QT_TRANSLATE_NOOP(
    "Errors", "«{t}» از «{a}» در فهرست هست. نسخه‌ها را به همان عنوان بیفزایید.")
#: as MSG_TITLE_KNOWN, for a title with no author
MSG_TITLE_KNOWN_NO_AUTHOR = QT_TRANSLATE_NOOP(
    "Errors", "«{t}» بی نام نویسنده در فهرست هست. نسخه‌ها را به همان عنوان بیفزایید.")


class SameTitle(ValidationError):
    """A title of this name by this author, as the search reads them (ي/ك, the half-space, the
    marks), is in the catalogue (`existing`) and no ISBN tells the two apart: the same book, most
    likely, typed again. The message holds `{t}` and `{a}` (its name and author)."""

    def __init__(self, existing: TitleView) -> None:
        super().__init__(MSG_TITLE_KNOWN if existing.author else MSG_TITLE_KNOWN_NO_AUTHOR, "title")
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


def validate_title(data: TitleInput) -> dict[str, Any]:
    title = normalize_text(data.title or "")
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
    return {"title": title, "author": normalize_text(data.author or ""), "publisher": normalize_text(data.publisher or ""),
            "isbn": isbn, "age_group": age, "subject": normalize_text(data.subject or "")}


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


def lookup_isbn(store: Store, isbn: str) -> TitleView | None:
    """The catalogue's title with this ISBN as typed or scanned (hyphens, Persian digits, a label;
    ISBN-10 or the EAN-13 on the back cover), None when it has none; ValidationError at the ISBN
    when it is no ISBN."""
    if not is_valid_isbn(isbn or ""):
        raise ValidationError(MSG_ISBN, "isbn")
    with store.read() as s:
        found = title_by_isbn(s, normalize_isbn(isbn))
        return title_view(found) if found is not None else None


def _refuse_known_isbn(s: Session, isbn: str, other_than: str = "") -> None:
    found = title_by_isbn(s, isbn, other_than=other_than)
    if found is not None:
        raise DuplicateIsbn(title_view(found))


def same_title(s: Session, title: str, author: str, isbn: str = "") -> Title | None:
    """The catalogue's first title of this name by this author, as the search reads them (ي/ك, the
    half-space or a space, the marks), that no ISBN tells apart from one with `isbn`: the two have
    the same ISBN, or one of them has none. Another edition, with an ISBN of its own, is not it."""
    key = (search_key(title), search_key(author))
    for t in titles_by_name(s, title):
        if (search_key(t.title), search_key(t.author)) == key and (
                not isbn or not t.isbn or isbn_key(t.isbn) == isbn_key(isbn)):
            return t
    return None


def add_title(store: Store, actor: Actor, data: TitleInput, *, same_name_ok: bool = False) -> TitleView:
    """A new title of the shared catalogue; an ISBN already there (ISBN-10 or -13) is refused at
    the ISBN field, naming the title it belongs to. A title of the same name by the same author
    that no ISBN tells apart is refused at the title (`SameTitle`), unless `same_name_ok` (the
    librarian said it is another book)."""
    require(actor, *LIBRARIAN)
    p = validate_title(data)
    with store.transaction() as s:
        _refuse_known_isbn(s, p["isbn"])
        if not same_name_ok:
            known = same_title(s, p["title"], p["author"], p["isbn"])
            if known is not None:
                raise SameTitle(title_view(known))
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


def title_by_name(s: Session, name: str) -> Title | None:
    """The first title added of this exact name; else of the same words written with their marks
    or without («کُلاغ» for «کلاغ»: stored text keeps what was typed), by the search key."""
    named = s.scalar(select(Title).where(Title.title == normalize_text(name)).order_by(Title.added_at).limit(1))
    if named is not None:
        return named
    return next(iter(titles_by_name(s, name)), None)


def titles_by_name(s: Session, name: str) -> list[Title]:
    """Every title whose name reads as `name` by the search key (ي/ك, the half-space or a space,
    the marks), first added first."""
    key = search_key(name)
    if not key:
        return []
    ids = [r[0] for r in s.execute(text(f"SELECT title_id FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q"),
                                   {"q": '"' + key.replace('"', "") + '"'})]
    if not ids:
        return []
    return [t for t in s.scalars(select(Title).where(Title.id.in_(ids)).order_by(Title.added_at, Title.id))
            if search_key(t.title) == key]


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
    words as a phrase first (the last one a prefix), then all the words anywhere. An ISBN as a
    book prints it (hyphens, spaces, a «شابک» label, Persian digits; ISBN-10 or ISBN-13) finds
    the book kept with it in either form: the index holds it as one run of digits. A word typed
    without its half-space finds it written with one (`fts_words`)."""
    if not fts_query(query):
        return []
    if is_valid_isbn(query):
        with store.read() as s:
            found = s.scalars(select(Title).where(Title.isbn.in_(isbn_forms(normalize_isbn(query))))
                              .order_by(Title.added_at, Title.id).limit(limit)).all()
            if found:
                return [title_view(t) for t in found]
    key = search_key(query)
    typed = [w.replace('"', "") for w in key.split()]
    ids: list[str] = []
    with store.read() as s:
        # a word typed without its half-space («قصههای») is also looked for split («قصه‌های»)
        probe = table_probe(s, FTS_TABLE)
        words = words_match([w for w in typed if w], probe)
        for match in ([phrase_match(typed, probe), words] if len(typed) > 1 else [words]):
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


#: `{b}`: the barcode of another copy the one given begins (BarcodeCutShort.codes)
MSG_BARCODE_CUT_SHORT = QT_TRANSLATE_NOOP(
    "Errors", "بارکد نسخه دیگری ({b}) با این آغاز می‌شود؛ شاید اسکن ناتمام خوانده شده است. برچسب را دوباره "
              "بخوانید.")


class BarcodeCutShort(ValidationError):
    """A new barcode that another copy's begins with: a scan cut short (the scanner dropped the
    label's last characters) would otherwise become a second, shorter label of one book. The
    message holds `{b}`: in `codes`, the other copy's barcode as it is (a Latin code)."""

    def __init__(self, barcode: str) -> None:
        super().__init__(MSG_BARCODE_CUT_SHORT, "barcode")
        self.barcode = barcode
        self.codes = {"b": barcode}


#: above every character a barcode holds (digits, Latin capitals, «-», «.»): `code` < x < `code`+this
#: is the barcodes that begin with `code`, a range of the barcode index
_PAST_CODE = "~"


def validate_barcode(s: Session, barcode: str, *, scanned: bool = True) -> str:
    """A barcode for a new copy or a copy's correction, cleaned: the shape of one; not an ISBN; no
    copy's (at any centre: the catalogue is shared); and, when it was typed or `scanned` (not a
    cell of an imported list: no scanner cut it), not the beginning of another copy's (a scan cut
    short, `BarcodeCutShort`). A Persian letter is refused, not read as its key's Latin letter as a
    lookup reads it (`clean_code`): a new label is the code as meant, said at the field."""
    code = clean_code(barcode)
    if latin_keys(barcode or "") != (barcode or "") or not code or len(code) > 32 or not all(c.isascii() and (c.isalnum() or c in "-.") for c in code):
        raise ValidationError(MSG_BARCODE_SHAPE, "barcode")
    if len(code) == 13 and code.startswith(("978", "979")) and is_valid_isbn(code):
        raise ValidationError(MSG_BARCODE_IS_ISBN, "barcode")
    if s.scalar(select(Copy.id).where(Copy.barcode == code).limit(1)):
        raise ValidationError(MSG_BARCODE_TAKEN, "barcode")
    longer = s.scalar(select(Copy.barcode).where(Copy.barcode > code, Copy.barcode < code + _PAST_CODE)
                      .order_by(Copy.barcode).limit(1)) if scanned else None
    if longer is not None:
        raise BarcodeCutShort(longer)
    return code


def add_copy(store: Store, actor: Actor, title_id: str, *, barcode: str = "", shelf: str = "",
             home_centre: str = "", loanable: bool = True) -> CopyView:
    """A copy of a title held by a centre; without a barcode this desk issues one."""
    [added] = add_copies(store, actor, title_id, 1, first_barcode=barcode, shelf=shelf, home_centre=home_centre,
                         loanable=loanable)
    return added


#: The most copies added in one go (a delivery's copies of one title; more is a typing slip).
MAX_COPIES_AT_ONCE = 200
MSG_COPY_COUNT = QT_TRANSLATE_NOOP("Errors", "تعداد نسخه‌ها از ۱ تا ۲۰۰ باشد.")
MSG_BARCODE_RUN = QT_TRANSLATE_NOOP(
    "Errors", "برای چند نسخه، بارکد نخست باید به رقم پایان یابد تا بارکدهای پسین از آن شمرده شوند (مانند K000120).")
#: `{b}`: the barcode of the run that another copy has
MSG_BARCODE_IN_RUN_TAKEN = QT_TRANSLATE_NOOP(
    "Errors", "بارکد {b} از این رشته پیش‌تر به نسخه دیگری داده شده است؛ هیچ نسخه‌ای افزوده نشد.")


class BarcodeInRunTaken(ValidationError):
    """A barcode of a run of copies (not the first: that one is `MSG_BARCODE_TAKEN`) is another
    copy's. The message holds `{b}`: `barcode`, a Latin code (not given as `params`, whose digits
    a Persian interface shows in Persian)."""

    def __init__(self, barcode: str) -> None:
        super().__init__(MSG_BARCODE_IN_RUN_TAKEN, "barcode")
        self.barcode = barcode


def barcode_run(first: str, count: int) -> list[str]:
    """`count` barcodes counted on from `first` by its last run of digits, its width kept (K0099,
    K0100…; 099 → 100 → … 1000 grows a digit). ValidationError when `first` ends in no digit."""
    code = clean_code(first)
    if count == 1:
        return [code]
    body = code.rstrip("0123456789")
    digits = code[len(body):]
    if not digits:
        raise ValidationError(MSG_BARCODE_RUN, "barcode")
    return [f"{body}{int(digits) + i:0{len(digits)}d}" for i in range(count)]


def add_copies(store: Store, actor: Actor, title_id: str, count: int, *, first_barcode: str = "",
               shelf: str = "", home_centre: str = "", loanable: bool = True) -> list[CopyView]:
    """`count` copies of a title at once, all or none: with `first_barcode`, the labels that follow
    it (`barcode_run`: each checked as a scanned one is, and one another copy has refuses the
    run, naming it); without, codes this desk issues, one after another."""
    require(actor, *LIBRARIAN)
    if not 1 <= count <= MAX_COPIES_AT_ONCE:
        raise ValidationError(MSG_COPY_COUNT, "count")
    with store.transaction() as s:
        t = s.get(Title, title_id)
        if t is None:
            raise NotFound(MSG_TITLE_NOT_FOUND)
        centre = home_centre or actor.office_code
        if not centre_exists(s, centre):
            raise ValidationError(MSG_CENTRE, "home_centre")
        refuse_closed(s, centre, "home_centre")
        codes: list[str] = []
        if first_barcode:
            for i, code in enumerate(barcode_run(first_barcode, count)):
                try:
                    codes.append(validate_barcode(s, code))
                except ValidationError as err:
                    if i and err.message == MSG_BARCODE_TAKEN:
                        raise BarcodeInRunTaken(code) from err
                    raise
        else:
            codes = [_new_code(store, s, "copy_barcode", 7) for _ in range(count)]
        added: list[CopyView] = []
        for code in codes:
            copy_id = new_id()
            store.record(s, actor, "copy.added", copy_id, {
                "barcode": code, "title_id": title_id, "home_centre": centre,
                "shelf": normalize(shelf or ""), "loanable": loanable}, subject=code)
            c = s.get(Copy, copy_id)
            assert c is not None
            added.append(copy_view(c, t.title))
        return added


MSG_SAME_BARCODE = QT_TRANSLATE_NOOP("Errors", "این همان بارکد کنونی نسخه است؛ بارکد درست را بنویسید یا بخوانید.")


def relabel_copy(store: Store, actor: Actor, barcode: str, new_barcode: str) -> CopyView:
    """Correct a copy's barcode (a label stuck or a code typed wrong): the new one is checked as a
    new copy's is (`validate_barcode`: no other copy's at any centre, no ISBN, no scan cut short)
    and recorded as `copy.relabelled` with the old one, which the copy's history keeps; a scan of
    the old one then names the new (`OldBarcode`). Its loans, holds and stock-take lines hold the
    copy, not its barcode: a loan made at another desk before it heard of the change stays the
    copy's. Two desks apart that give one barcode to two copies meet `copy.barcode_twice`."""
    require(actor, *LIBRARIAN)
    with store.read() as s:
        c = find_copy(s, barcode)
        if c is None:
            raise copy_not_found(s, barcode)
        if clean_code(new_barcode) == c.barcode:
            raise ValidationError(MSG_SAME_BARCODE, "barcode")
    return update_copy(store, actor, barcode, new_barcode=new_barcode)


def copy_read_short(store: Store, code: str) -> str | None:
    """The barcode of a copy that `code` is with its last character dropped (a scan cut short),
    None when none is. This desk's barcodes and member numbers are counted alike (office, device,
    a counter, a check digit), the barcode one digit longer: a book's label read short can be, to
    the digit, another member's card number (149 of the small demo's 400 members)."""
    code = clean_code(code)
    if not code:
        return None
    with store.read() as s:
        found = s.scalar(select(Copy.barcode).where(Copy.barcode > code, Copy.barcode < code + _PAST_CODE,
                                                    func.length(Copy.barcode) == len(code) + 1)
                         .order_by(Copy.barcode).limit(1))
        return str(found) if found is not None else None


def get_copy(store: Store, barcode: str) -> CopyView:
    with store.read() as s:
        c = find_copy(s, barcode)
        if c is None:
            raise copy_not_found(s, barcode, None)
        return copy_view(c, s.scalar(select(Title.title).where(Title.id == c.title_id)) or "")


def copies_of_title(store: Store, title_id: str) -> list[CopyView]:
    with store.read() as s:
        t = s.get(Title, title_id)
        name = t.title if t else ""
        # plain rows, not mapped objects: a popular title has thousands of copies (7,280 on the
        # large store took 280 ms to load as objects, while the catalogue's list waited)
        rows = s.execute(select(Copy.id, Copy.barcode, Copy.title_id, Copy.home_centre, Copy.shelf, Copy.status,
                                Copy.location, Copy.loanable, Copy.current_loan_id)
                         .where(Copy.title_id == title_id).order_by(Copy.home_centre, Copy.barcode))
        return [CopyView(r[0], r[1], r[2], name, *r[3:]) for r in rows]


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
                home_centre: str | None = None, new_barcode: str | None = None) -> CopyView:
    """Correct a copy, all or nothing: its barcode (`new_barcode`, as `relabel_copy`), its shelf
    mark, whether it may be lent, its home centre. Only the fields given and changed are recorded
    (`copy.field_set`); its status is recomputed.

    A copy given to another centre for good does not stand on that centre's shelf at once: it is
    packed where it is and on its way (`in_transit`, on neither shelf: lent by neither, expected
    in neither stock-take, on the new centre's list of copies on their way) until the new centre
    scans it in (`receive_copy`, or found on its shelf at a stock-take). One on its shelf is
    recorded as standing where it was (`copy.received` there, `moved`); one on loan goes to its
    new home when it is returned, one elsewhere is on its way there already."""
    require(actor, *LIBRARIAN)
    with store.transaction() as s:
        c = find_copy(s, barcode)
        if c is None:
            raise copy_not_found(s, barcode)
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
            refuse_closed(s, home_centre, "home_centre")
            changed["home_centre"] = home_centre
        if loanable is not None and bool(loanable) != c.loanable:
            changed["loanable"] = bool(loanable)
        code = ""
        if new_barcode is not None and clean_code(new_barcode) != c.barcode:
            code = validate_barcode(s, new_barcode)
        if code:
            store.record(s, actor, "copy.relabelled", c.id, {"barcode": code, "previous": c.barcode}, subject=code)
            s.refresh(c)
        if "home_centre" in changed:
            pack_to_move(s, store, actor, c)
        if changed:
            store.record(s, actor, "copy.field_set", c.id, changed, subject=c.barcode)
        return copy_view(c, s.scalar(select(Title.title).where(Title.id == c.title_id)) or "")


MSG_WITHDRAW_ON_LOAN = QT_TRANSLATE_NOOP(
    "Errors", "این نسخه در امانت است؛ نخست آن را بازگردانید (اگر نزد عضو گم شده است، در میز امانت «گم‌شده نزد عضو» "
              "را بزنید).")


MSG_WITHDRAW_REASON = QT_TRANSLATE_NOOP(
    "Errors", "چرا وجین می‌شود؟ دلیل را بنویسید (فرسوده، آسیب‌دیده، تکراری…)؛ نسخه وجین نشد.")


def withdraw_copy(store: Store, actor: Actor, barcode: str, reason: str) -> CopyView:
    """Take a copy out of circulation (worn, damaged), saying why: the reason is shown in the
    copy's history and is what a stock-take or an auditor asks of a copy gone from the shelves.
    Not one on loan here: it is returned first (one lent at another centre offline meets the
    withdrawal in sync as `copy.retired_on_loan`)."""
    require(actor, *LIBRARIAN)
    if not normalize_text(reason or "").strip():
        raise ValidationError(MSG_WITHDRAW_REASON, "reason")
    with store.transaction() as s:
        c = find_copy(s, barcode)
        if c is None:
            raise copy_not_found(s, barcode, None)
        if c.status == "on_loan":
            raise InvariantError(MSG_WITHDRAW_ON_LOAN, "barcode")
        store.record(s, actor, "copy.withdrawn", c.id, {"reason": normalize_text(reason or ""),
                                                        "seen_received": c.received_hlc or 0}, subject=c.barcode)
        return copy_view(c, s.scalar(select(Title.title).where(Title.id == c.title_id)) or "")


def mark_copy_lost(store: Store, actor: Actor, barcode: str, note: str = "", *, today: date | None = None) -> CopyView:
    """The copy is lost. One on loan was lost with its member: its loan is closed as lost
    (`loan.lost`, as «گم‌شده نزد عضو» at the desk) rather than left open for ever."""
    require(actor, *LIBRARIAN)
    with store.transaction() as s:
        c = find_copy(s, barcode)
        if c is None:
            raise copy_not_found(s, barcode, None)
        loan = s.scalar(select(Loan).where(Loan.copy_id == c.id, Loan.returned_at.is_(None))
                        .order_by(Loan.out_hlc.desc()).limit(1))
        if loan is not None:
            record_loan_lost(store, s, actor, loan, c.barcode, note, today or office_today())
        else:
            store.record(s, actor, "copy.marked_lost", c.id, {"note": normalize_text(note or ""),
                                                              "seen_received": c.received_hlc or 0}, subject=c.barcode)
        return copy_view(c, s.scalar(select(Title.title).where(Title.id == c.title_id)) or "")


def catalogue_counts(store: Store) -> dict[str, int]:
    with store.read() as s:
        return {status: n for status, n in s.execute(select(Copy.status, func.count()).group_by(Copy.status))}
