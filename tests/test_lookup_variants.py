"""Every look-up a clerk makes, with what they type as a Persian or an Arabic keyboard writes it,
pasted from Word, Excel or a web page, or read out in groups: one table of spellings, the public
services that look things up, and a hypothesis run over the decorations a paste brings."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kanoon_desk.errors import ValidationError
from kanoon_desk.persian import search_key, sort_key, to_persian_digits
from kanoon_desk.services import library as lib
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.services.secretariat_agencies import MSG_NAME_TAKEN, save_agency
from kanoon_desk.store import Store

from .library_helpers import NATIONAL_IDS, TODAY, Lib, make_library
from .secretariat_helpers import Desk, case_input, make_secretariat_desk, national_id

DAY = date(2025, 5, 4)

#: (stored as the clerk who saved it typed it, typed by the clerk who looks it up): one word each
#: way round, the letters one keyboard writes for another's
LETTERS = [
    ("رؤیا", "رویا"), ("رویا", "رؤیا"),  # hamza on waw
    ("فاطمة", "فاطمه"), ("فاطمه", "فاطمة"),  # teh marbuta
    ("أحمدی", "احمدی"), ("احمدی", "أحمدی"), ("إلهام", "الهام"),  # hamza on alef
    ("خانۀ", "خانهٔ"), ("خانهٔ", "خانۀ"), ("خانۀ", "خانه"),  # heh with hamza, as one letter or two
    ("پائیزان", "پاییزان"), ("پاییزان", "پائیزان"),  # hamza on yeh
    ("آزاده", "ازاده"),  # the madda left off
    ("كريمي", "کریمی"), ("کریمی", "كريمي"), ("كاظمي", "کاظمی"),  # Arabic kaf and yeh
    ("ھادی", "هادی"),  # heh doachashmee
]

#: What a paste or a careless keyboard adds around or inside a word, none of which is the word.
DECORATIONS: list[Callable[[str], str]] = [
    lambda s: s,
    lambda s: "\u200f" + s + "\u200e",  # RLM / LRM from Word
    lambda s: "\u061c" + s + "\t",  # ALM, a trailing tab from Excel
    lambda s: s + "\r\n",  # a newline from a web page
    lambda s: "\u00a0" + s + "\u00a0",  # no-break spaces
    lambda s: s[:1] + "\u0640" + s[1:],  # tatweel (keshide)
    lambda s: s[:1] + "\u064e" + s[1:],  # a fatha
    lambda s: s[:2] + "\u200d" + s[2:],  # a zero-width joiner
]


def _arabic_digits(s: str) -> str:
    return s.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


def number_forms(digits: str, groups: tuple[int, ...]) -> list[str]:
    """A number as read out and typed: Latin, Persian or Arabic-Indic digits, in groups split by a
    space, a dash, an en dash, a no-break space, a half-space (Shift+Space) or a dot, with the bidi
    marks a paste brings."""
    parts, at = [], 0
    for n in groups:
        parts.append(digits[at:at + n])
        at += n
    forms = [digits] + [sep.join(parts) for sep in (" ", "-", "\u2013", "\u00a0", "\u200c", ".")]
    out = []
    for f in forms:
        out += [f, to_persian_digits(f), _arabic_digits(f), "\u200f" + f + "\u200e\t"]
    return out


# --- secretariat ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sec_desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Desk, dict[str, str]]]:
    """A secretariat desk holding one case per stored spelling: its applicant's last name and a
    subject word are that spelling."""
    desk = make_secretariat_desk(tmp_path_factory.mktemp("sec"))
    cases: dict[str, str] = {}
    for i, stored in enumerate(sorted({s for s, _ in LETTERS})):
        r = sec.intake(desk.store, desk.clerk, case_input(i + 1, last_name=stored, subject=f"شکایت {stored} از شهرداری"),
                       on=DAY)
        sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
        sec.register(desk.store, desk.clerk, r.case_id, on=DAY)
        sec.refer(desk.store, desk.expert, r.case_id, desk.manager.user_id, on=DAY)
        cases[stored] = r.case_id
    yield desk, cases
    desk.store.close()
    shutil.rmtree(desk.tmp, ignore_errors=True)


#: How a reader reads the letters of `LETTERS` (the test's own word, not the code's): one letter each.
_READS = str.maketrans({"ة": "ه", "ۀ": "ه", "\u0654": "", "ھ": "ه", "أ": "ا", "إ": "ا", "آ": "ا", "ؤ": "و",
                        "ئ": "ی", "ي": "ی", "ك": "ک"})


def _same(found: dict[str, str], typed: str) -> set[str]:
    """The ids of the spellings stored that read as `typed` (both «رؤیا» and «رویا» for «رویا»)."""
    return {i for stored, i in found.items() if stored.translate(_READS) == typed.translate(_READS)}


@pytest.mark.parametrize(("stored", "typed"), LETTERS)
def test_case_search_finds_a_name_and_a_word_in_either_keyboards_letters(
        sec_desk: tuple[Desk, dict[str, str]], stored: str, typed: str) -> None:
    desk, cases = sec_desk
    for decorate in DECORATIONS:
        for words in (decorate(typed), "شکایت " + decorate(typed)):
            found = {r.id for r in q.search(desk.store, desk.clerk, q.SearchQuery(text=words))}
            assert found == _same(cases, typed), (stored, words)


@pytest.mark.parametrize(("stored", "typed"), LETTERS)
def test_cartable_filter_reads_the_subject_as_the_search_does(
        sec_desk: tuple[Desk, dict[str, str]], stored: str, typed: str) -> None:
    desk, cases = sec_desk
    for decorate in DECORATIONS:
        for words in (decorate(typed), "شکایت " + decorate(typed)):
            items = q.cartable(desk.store, desk.manager, words=words)
            assert {i.case_id for i in items} == _same(cases, typed), (stored, words)
            assert q.cartable_count(desk.store, desk.manager, words=words) == len(_same(cases, typed)), (stored, words)


def test_tracking_code_and_national_id_as_read_out_over_the_phone(sec_desk: tuple[Desk, dict[str, str]]) -> None:
    desk, cases = sec_desk
    case_id = cases["رویا"]
    with desk.store.read() as s:
        from kanoon_desk.models.secretariat import Case
        c = s.get(Case, case_id)
        assert c is not None
        code, nid = c.tracking_code, c.national_id
    for typed in number_forms(code, (4, 4, 4, 4)) + ["\u061c" + code + "\u200c"]:
        assert [r.id for r in q.search(desk.store, desk.clerk, q.SearchQuery(text=typed))] == [case_id], typed
        status = q.case_status_by_tracking_code(desk.store, typed)
        assert status is not None, repr(typed)
    for typed in number_forms(nid, (3, 6, 1)) + [f"{nid[:3]}.{nid[3:9]}.{nid[9]}", f"{nid[:3]}/{nid[3:9]}/{nid[9]}"]:
        if "/" not in typed:  # (a slash makes it a letter number: «1234/ص/1404»)
            assert case_id in [r.id for r in q.search(desk.store, desk.clerk, q.SearchQuery(text=typed))], typed
        known = q.find_applicant(desk.store, desk.clerk, typed)
        assert known is not None and known.national_id == nid, typed
        assert case_id in [r.id for r in q.possible_duplicates(desk.store, desk.clerk, typed, "", on=DAY)], typed


def test_an_agency_typed_on_another_keyboard_is_the_same_agency(tmp_path: Path) -> None:
    desk = make_secretariat_desk(tmp_path)
    save_agency(desk.store, desk.admin, name="اداره کل راه و شهرسازی استان")
    for typed in ("اداره كل راه و شهرسازي استان", "اداره‌ی كل راه و شهرسازی استان".replace("‌ی", ""),
                  "اداره کل راه و شهرسازی استان\u200f", "ادارة کل راه و شهرسازی استان"):
        with pytest.raises(ValidationError) as err:
            save_agency(desk.store, desk.admin, name=typed)
        assert str(err.value) == MSG_NAME_TAKEN and err.value.field == "name"
    desk.store.close()


# --- lending -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lending(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Lib, dict[str, str], dict[str, str]]]:
    """A lending desk with one adult member and one title per stored spelling."""
    desk = make_library(tmp_path_factory.mktemp("lib"))
    members: dict[str, str] = {}
    titles: dict[str, str] = {}
    for i, stored in enumerate(sorted({s for s, _ in LETTERS})):
        m = lib.register_member(desk.store, desk.admin, lib.MemberInput(
            first_name="سارا", last_name=stored, national_id=national_id(200000 + i), category="adult",
            phone="09351234567"), today=TODAY)
        members[stored] = m.id
        t = lib.add_title(desk.store, desk.admin, lib.TitleInput(title=f"قصه {stored}", author=f"نویسنده {stored}"),
                          same_name_ok=True)  # (one title by its key: told apart here on purpose)
        titles[stored] = t.id
    yield desk, members, titles
    desk.store.close()


@pytest.mark.parametrize(("stored", "typed"), LETTERS)
def test_member_and_title_search_in_either_keyboards_letters(
        lending: tuple[Lib, dict[str, str], dict[str, str]], stored: str, typed: str) -> None:
    desk, members, titles = lending
    for decorate in DECORATIONS:
        for query in (decorate(typed), "سارا " + decorate(typed), decorate(typed) + " سار"):
            found = {m.id for m in lib.search_members(desk.store, desk.admin, query)} - {desk.adult.id}  # (احمدی)
            assert found == _same(members, typed), (stored, query)
        for query in (decorate(typed), "قصه " + decorate(typed), "نویسنده " + decorate(typed)):
            assert {t.id for t in lib.search_titles(desk.store, query)} == _same(titles, typed), (stored, query)


def test_member_by_national_id_and_number_as_typed(lending: tuple[Lib, dict[str, str], dict[str, str]]) -> None:
    desk = lending[0]
    nid = NATIONAL_IDS[0]
    for typed in number_forms(nid, (3, 6, 1)) + [f"{nid[:3]}.{nid[3:9]}.{nid[9]}"]:
        found = lib.lookup_member(desk.store, desk.admin, typed)
        assert found is not None and found.id == desk.child.id, typed
        assert [m.id for m in lib.search_members(desk.store, desk.admin, typed)] == [desk.child.id], typed
    number = desk.child.member_no
    for typed in (to_persian_digits(number), _arabic_digits(number), "\u200f" + number + "\u200e\t", " " + number + "\n"):
        found = lib.lookup_member(desk.store, desk.admin, typed)
        assert found is not None and found.id == desk.child.id, typed


def test_isbn_and_barcode_as_typed(lending: tuple[Lib, dict[str, str], dict[str, str]]) -> None:
    desk = lending[0]
    for typed in ("978-964-391-300-7", "9789643913007", "۹۷۸-۹۶۴-۳۹۱-۳۰۰-۷", "٩٧٨٩٦٤٣٩١٣٠٠٧", "964-391-300-7",
                  "9643913007", "ISBN 964 391 300 7", "شابک: ۹۶۴-۳۹۱-۳۰۰-۷", "\u200e978\u2013964\u2013391\u2013300\u20137\u200f"):
        assert [t.id for t in lib.search_titles(desk.store, typed)] == [desk.title.id], typed
        found = lib.lookup_isbn(desk.store, typed)
        assert found is not None and found.id == desk.title.id, typed
    barcode = desk.copies[0].barcode
    for typed in (to_persian_digits(barcode), _arabic_digits(barcode), barcode.lower(), "\u200f" + barcode + "\t"):
        assert lib.get_copy(desk.store, typed).barcode == barcode, typed


# --- one key for storage and look-up --------------------------------------------------------------

_PERSIAN_WORD = st.text(alphabet="آابپتثجچحخدرزژسشصطعفقکگلمنوهیأإؤئةۀيكھ", min_size=2, max_size=8)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(word=_PERSIAN_WORD, decorate=st.sampled_from(DECORATIONS))
def test_a_pasted_word_keys_as_the_stored_word(word: str, decorate: Callable[[str], str]) -> None:
    """Whatever a paste adds, the search key of the pasted word is the stored word's; and a key made
    by an earlier release (letters not folded) is brought to this one's from itself (the re-key
    of a desk's stored keys, `eventlog.REKEYS`)."""
    assert search_key(decorate(word)) == search_key(word)
    assert search_key(search_key(word)) == search_key(word)


def test_names_sort_as_a_persian_reader_expects() -> None:
    names = ["مریم", "ژاله", "آرش", "احمد", "پریا", "بابک", "چنگیز", "گلاره", "کاوه", "خانۀ ما", "هادی", "یاسمن",
             "ھانیه", "زهرا"]
    assert sorted(names, key=sort_key) == ["آرش", "احمد", "بابک", "پریا", "چنگیز", "خانۀ ما", "زهرا", "ژاله", "کاوه",
                                           "گلاره", "مریم", "هادی", "ھانیه", "یاسمن"]


def test_a_store_keyed_by_an_earlier_release_is_rekeyed_once_when_opened(tmp_path: Path) -> None:
    """A desk whose stored keys hold the letters as typed (an earlier release's) finds «رویا» for
    «رؤیا» once this version opens it, and `check` finds its keys as a re-fold makes them."""
    from kanoon_desk.eventlog import K_REFOLDS_DONE
    from kanoon_desk.services.ops import check

    desk = make_library(tmp_path)
    m = lib.register_member(desk.store, desk.admin, lib.MemberInput(
        first_name="رؤیا", last_name="أحمدی", national_id=national_id(300001), category="adult", phone="09351234567"), today=TODAY)
    t = lib.add_title(desk.store, desk.admin, lib.TitleInput(title="پائیز در خانۀ ما", author="فاطمة"))
    sdesk = make_secretariat_desk(tmp_path)  # (another file in the same folder: d.sqlite3)
    r = sec.intake(sdesk.store, sdesk.clerk, case_input(1, last_name="مسئول", subject="تأخیر در پاسخ"), on=DAY)
    for store in (desk.store, sdesk.store):  # as an earlier release left it: keys as typed, no re-key done
        with store.transaction() as s:
            conn = s.connection()
            conn.exec_driver_sql("UPDATE lib_members SET name_key = first_name || ' ' || last_name")
            for table, column in (("case_fts", "body"), ("lib_titles_fts", "body")):
                rows = conn.exec_driver_sql(f"SELECT rowid, {column} FROM {table}").all()
                for rowid, body in rows:
                    old = body
                    for a, b in (("رویا", "رؤیا"), ("احمدی", "أحمدی"), ("پاییز", "پائیز"), ("خانه", "خانۀ"),
                                 ("فاطمه", "فاطمة"), ("مسیول", "مسئول"), ("تاخیر", "تأخیر")):
                        old = old.replace(a, b)
                    conn.exec_driver_sql(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", (old, rowid))
        with store.transaction() as s:
            store.set_state(s, K_REFOLDS_DONE, '["hand_over_sender"]')
        store.close()
    again = Store(desk.store.path)
    assert [x.id for x in lib.search_members(again, desk.admin, "رویا احمدی")] == [m.id]
    assert [x.id for x in lib.search_titles(again, "پاییز خانه")] == [t.id]
    assert [x.id for x in lib.search_titles(again, "فاطمه")] == [t.id]
    again.close()
    assert check(desk.store.path) == []
    again = Store(sdesk.store.path)
    assert [x.id for x in q.search(again, sdesk.clerk, q.SearchQuery(text="تاخیر مسئول"))] == [r.case_id]
    again.close()
    assert check(sdesk.store.path) == []


def test_a_name_with_or_without_its_half_space_finds_the_member(tmp_path: Path) -> None:
    """«علیرضا», «علی‌رضا» and «علی رضا» are one name however it was saved or is typed."""
    desk = make_library(tmp_path)
    saved = {}
    for i, (first, last) in enumerate((("علی\u200cرضا", "محمدی"), ("علیرضا", "کاظمی"), ("علی رضا", "سلیمانی"),
                                        ("مریم", "میرزا\u200cزاده"))):
        saved[last] = lib.register_member(desk.store, desk.admin, lib.MemberInput(
            first_name=first, last_name=last, national_id=national_id(400000 + i), category="adult"), today=TODAY).id
    alireza = {saved["محمدی"], saved["کاظمی"], saved["سلیمانی"]}
    names = lambda typed: {m.id for m in lib.search_members(desk.store, desk.admin, typed)}  # noqa: E731
    for typed in ("علیرضا", "علی\u200cرضا", "علی رضا", "علي رضا", "علیرضا\u200f", "علی‌ رضا"):
        assert names(typed) == alireza, typed
    for typed, who in (("علیرضا محمدی", "محمدی"), ("علی رضا کاظمی", "کاظمی"), ("کاظمی علیرضا", "کاظمی"),
                       ("علیرضا سلیمانی", "سلیمانی"), ("میرزازاده", "میرزا\u200cزاده"), ("مریم میرزا زاده", "میرزا\u200cزاده")):
        assert names(typed) == {saved[who]}, typed
    assert names("علی") == alireza  # the beginning of the name, as before
    desk.store.close()


def test_the_cartable_filter_finds_a_subject_kept_with_its_marks(tmp_path: Path) -> None:
    """A subject keeps the marks typed («محمّد», «لطفاً»: `normalize_text`); the filter typed
    without them, or with them, finds it."""
    desk = make_secretariat_desk(tmp_path)
    r = sec.intake(desk.store, desk.clerk, case_input(1, subject="لطفاً به شکایت محمّد رسیدگی شود"), on=DAY)
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
    sec.register(desk.store, desk.clerk, r.case_id, on=DAY)
    sec.refer(desk.store, desk.expert, r.case_id, desk.manager.user_id, on=DAY)
    for words in ("محمد", "محمّد", "لطفا به", "لطفاً به شکایت", "شكايت محمد"):
        assert [i.case_id for i in q.cartable(desk.store, desk.manager, words=words)] == [r.case_id], words
    desk.store.close()


def test_a_guardians_mobile_or_national_id_finds_the_children(tmp_path: Path) -> None:
    """A parent calls about a lost card: their mobile number, written any way, or the national ID
    a child without one of their own was registered with, lists the children."""
    desk = make_library(tmp_path)  # the child: guardian «علی محمدی», 09121234567
    guardian = national_id(600001)
    twins = [lib.register_member(desk.store, desk.admin, lib.MemberInput(
        first_name=name, last_name="نیکو", guardian_national_id=guardian, birth_date=date(2017, 1, 1),
        guardian_name="رضا نیکو", guardian_phone="09351112233"), today=TODAY).id for name in ("سارا", "پریا")]
    found = lambda typed: [m.id for m in lib.search_members(desk.store, desk.admin, typed)]  # noqa: E731
    for typed in ("09121234567", "۰۹۱۲ ۱۲۳ ۴۵۶۷", "+98 912 123 4567", "98-912-123-4567", "9121234567",
                  "٠٩١٢١٢٣٤٥٦٧", "\u200f0912-123-4567\u200e", "+98 (912) 1234567"):
        assert found(typed) == [desk.child.id], typed
    assert found("09351234567") == [desk.adult.id]  # a member's own mobile
    for typed in ("0935 111 2233", guardian, f"{guardian[:3]}-{guardian[3:9]}-{guardian[9]}", to_persian_digits(guardian)):
        assert found(typed) == [twins[1], twins[0]], typed  # «پریا» before «سارا»
    assert found("09129999999") == []
    # a mobile typed without its 0 that is also a well-formed national ID: still the mobile
    both = lib.register_member(desk.store, desk.admin, lib.MemberInput(
        first_name="کاوه", last_name="نیکو", national_id=national_id(600002), category="adult",
        phone="09120000006"), today=TODAY).id
    assert found("9120000006") == [both]
    desk.store.close()


@settings(max_examples=60, deadline=None)
@given(pair=st.sampled_from(LETTERS), decorations=st.lists(st.sampled_from(DECORATIONS), min_size=1, max_size=3),
       before=st.sampled_from(["", "سارا "]))
def test_member_search_through_any_mix_of_paste_decorations(
        lending: tuple[Lib, dict[str, str], dict[str, str]], pair: tuple[str, str],
        decorations: list[Callable[[str], str]], before: str) -> None:
    """The table's spellings with one to three decorations on top of each other, the first name
    before them or not: the member saved in either keyboard's letters is found."""
    desk, members, _titles = lending
    stored, typed = pair
    for decorate in decorations:
        typed = decorate(typed)
    found = {m.id for m in lib.search_members(desk.store, desk.admin, before + typed)} - {desk.adult.id}
    assert found == _same(members, pair[1]), (stored, before + typed)


def test_a_registration_or_letter_number_typed_with_the_persian_keyboard_on(tmp_path: Path) -> None:
    """The clerk keeps the Persian keyboard on: the number's D comes out «ی» (Shift: «ي»), a
    letter's L «م»; the digits Persian. The case is found as if the layout had been switched."""
    desk = make_secretariat_desk(tmp_path)
    r = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
    number = sec.register(desk.store, desk.clerk, r.case_id, on=DAY)
    letter = sec.forward(desk.store, desk.admin, r.case_id, desk.agency.id, on=DAY).letter_no
    persian_keys = str.maketrans({"D": "ی", "L": "م"})
    for typed in (number.translate(persian_keys), to_persian_digits(number.translate(persian_keys)),
                  to_persian_digits(number.translate(str.maketrans({"D": "ي"}))),
                  to_persian_digits(number.split("-", 1)[1].translate(persian_keys)),  # «ی۰۱-۱۴۰۴-۰۰۰۰۰۱»
                  letter.translate(persian_keys), to_persian_digits(letter.translate(persian_keys))):
        assert [x.id for x in q.search(desk.store, desk.clerk, q.SearchQuery(text=typed))] == [r.case_id], typed
    assert q.search(desk.store, desk.clerk, q.SearchQuery(text="مریم")) == []  # a word stays a word
    desk.store.close()
