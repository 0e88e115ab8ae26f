"""Search, duplicate hints, tracking-code look-up and the conflicts the fold raises."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from kanoon_desk.eventlog import ingest, projection_digests, refold_all
from kanoon_desk.models import Conflict, Event
from kanoon_desk.models.secretariat import Case
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.store import Store

from .secretariat_helpers import Desk, case_input, make_secretariat_desk

DAY = date(2025, 5, 4)


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return make_secretariat_desk(tmp_path)


def test_word_search_is_normalised_arabic_letters_and_digits(desk: Desk) -> None:
    r = sec.intake(desk.store, desk.clerk, case_input(1, subject="تأخیر در صدور پروانه ساختمانی",
                                                     text="پلاک ۱۲ کوچه یکم"), on=DAY)
    sec.intake(desk.store, desk.clerk, case_input(2, subject="قطعی آب"), on=DAY)
    # typed with Arabic yeh and kaf, Arabic-Indic digits: the stored Persian text still matches
    for typed in ("ساختماني", "پروانه", "صدور پروان", "كوچه", "پلاک ١٢", "زهرا کریمی"):
        rows = q.search(desk.store, desk.clerk, q.SearchQuery(text=typed))
        assert r.case_id in [x.id for x in rows], typed
    assert q.search_count(desk.store, desk.clerk, q.SearchQuery(text="ساختمانی")) == 1
    assert q.search(desk.store, desk.clerk, q.SearchQuery(text="هواپیما")) == []
    assert q.search(desk.store, desk.clerk, q.SearchQuery(text="  ")) != []  # no words: everything


def test_lookup_by_codes_national_id_and_filters(desk: Desk) -> None:
    r1 = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    r2 = sec.intake(desk.store, desk.clerk, case_input(2), on=DAY - timedelta(days=40))
    sec.review(desk.store, desk.expert, r1.case_id, accept=True, on=DAY)
    number = sec.register(desk.store, desk.clerk, r1.case_id, on=DAY)
    by = lambda text, **kw: [x.id for x in q.search(desk.store, desk.clerk, q.SearchQuery(text=text, **kw))]  # noqa: E731
    from kanoon_desk.persian import to_persian_digits
    assert by(to_persian_digits(r2.tracking_code)) == [r2.case_id]
    assert by(number.lower()) == [r1.case_id]
    assert by(r1.national_id) == [r1.case_id]
    assert by("", status="registered") == [r1.case_id]
    assert by("", date_from=DAY - timedelta(days=1)) == [r1.case_id]
    assert by("", date_to=DAY - timedelta(days=1)) == [r2.case_id]
    assert by("برق") == [r1.case_id, r2.case_id]  # newest received first
    assert q.find_case_id(desk.store, desk.clerk, r2.tracking_code) == r2.case_id
    page = q.search(desk.store, desk.clerk, q.SearchQuery(), offset=1, limit=1)
    assert [x.id for x in page] == [r2.case_id]
    assert page[0].received_date == DAY - timedelta(days=40)  # a date, as the ORM reads it
    count = lambda text, **kw: q.search_count(desk.store, desk.clerk, q.SearchQuery(text=text, **kw))  # noqa: E731
    assert (count("برق"), count("برق", date_from=DAY - timedelta(days=1)), count("", status="received")) == (2, 1, 1)
    assert by("برق", overdue=True, on=DAY) == [] and count("", overdue=True, on=DAY) == 0


def test_public_status_by_tracking_code_tells_nothing_personal(desk: Desk) -> None:
    r = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    pub = q.case_status_by_tracking_code(desk.store, r.tracking_code)
    assert pub is not None and pub.status == "received" and pub.received_date == DAY
    assert "کریمی" not in repr(pub) and r.national_id not in repr(pub)
    wrong = r.tracking_code[:-1] + str((int(r.tracking_code[-1]) + 1) % 10)
    assert q.case_status_by_tracking_code(desk.store, wrong) is None
    assert q.case_status_by_tracking_code(desk.store, "abc") is None


def test_duplicate_hint_same_national_id_or_same_subject_within_90_days(desk: Desk) -> None:
    old = sec.intake(desk.store, desk.clerk, case_input(1, subject="عدم پاسخگویی به درخواست انشعاب آب"),
                     on=DAY - timedelta(days=100))
    recent = sec.intake(desk.store, desk.clerk, case_input(2, subject="عدم پاسخگویی به درخواست انشعاب آب"),
                        on=DAY - timedelta(days=10))
    hits = q.possible_duplicates(desk.store, desk.clerk, case_input(1).national_id, "موضوع تازه", on=DAY)
    assert hits == []  # same person, but more than 90 days ago
    hits = q.possible_duplicates(desk.store, desk.clerk, case_input(2).national_id, "موضوع تازه", on=DAY)
    assert [h.id for h in hits] == [recent.case_id]
    hits = q.possible_duplicates(desk.store, desk.clerk, "", "انشعاب آب درخواست", on=DAY)
    assert [h.id for h in hits] == [recent.case_id]
    assert old.case_id not in [h.id for h in hits]


def _events_missing(src: Store, dst: Store) -> list[Event]:
    with dst.read() as s:
        have = set(s.scalars(select(Event.id)))
    with src.read() as s:
        out = []
        for e in s.scalars(select(Event).where(Event.id.not_in(have)).order_by(Event.hlc, Event.id)):
            out.append(Event(id=e.id, type=e.type, aggregate_type=e.aggregate_type, aggregate_id=e.aggregate_id,
                             payload=e.payload, hlc=e.hlc, device_id=e.device_id, office_code=e.office_code,
                             user_id=e.user_id, recorded_at=e.recorded_at, schema_version=1, client_seq=None))
        return out


def _twin(desk: Desk, tmp_path: Path) -> Store:
    desk.store.close()
    (tmp_path / "b").mkdir()
    shutil.copyfile(tmp_path / "d.sqlite3", tmp_path / "b" / "d.sqlite3")
    desk.store = Store(tmp_path / "d.sqlite3")
    return Store(tmp_path / "b" / "d.sqlite3")


def _ready(desk: Desk) -> str:
    r = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
    sec.register(desk.store, desk.clerk, r.case_id, on=DAY)
    return r.case_id


def test_forwarded_twice_on_two_desks_raises_one_conflict_and_keeps_both(desk: Desk, tmp_path: Path) -> None:
    case_id = _ready(desk)
    other = _twin(desk, tmp_path)
    sec.forward(desk.store, desk.admin, case_id, desk.agency.id, letter_no="A-1", on=DAY)
    sec.forward(other, desk.admin, case_id, desk.agency.id, letter_no="B-1", on=DAY)
    with desk.store.transaction() as s:
        ingest(s, _events_missing(other, desk.store))
    with other.transaction() as s:
        ingest(s, _events_missing(desk.store, other))
    digests = []
    for st in (desk.store, other):
        d = q.get_case(st, desk.admin, case_id)
        assert sorted(f["letter_no"] for f in d.forwards) == ["A-1", "B-1"]
        with st.read() as s:
            kinds = [c.kind for c in s.scalars(select(Conflict))]
            digests.append(projection_digests(s))
        assert kinds == ["case.forwarded_twice"]
    assert digests[0] == digests[1]


def test_closed_on_one_desk_while_other_acted_raises_conflict(desk: Desk, tmp_path: Path) -> None:
    case_id = _ready(desk)
    other = _twin(desk, tmp_path)
    sec.close(desk.store, desk.admin, case_id, outcome="unresolved", on=DAY)
    sec.forward(other, desk.admin, case_id, desk.agency.id, letter_no="B-2", on=DAY + timedelta(days=1))
    for a, b in ((desk.store, other), (other, desk.store)):
        with b.transaction() as s:
            ingest(s, _events_missing(a, b))
    results = []
    for st in (desk.store, other):
        with st.read() as s:
            results.append(([c.kind for c in s.scalars(select(Conflict))], projection_digests(s)))
        assert q.get_case(st, desk.admin, case_id).case["status"] == "closed"
    assert results[0] == results[1] and results[0][0] == ["case.acted_after_close"]
    with desk.store.transaction() as s:
        refold_all(s)
        assert projection_digests(s) == results[0][1]


def _fts_rows(store: Store) -> list[tuple[int, str]]:
    with store.read() as s:
        return [tuple(r) for r in s.execute(text("SELECT rowid, body FROM case_fts ORDER BY rowid"))]


def test_a_case_received_and_registered_in_one_pulled_batch_is_found_by_its_number(
        desk: Desk, tmp_path: Path) -> None:
    other = _twin(desk, tmp_path)
    case_id = _ready(desk)  # applicant, intake, review, registration: on `other` in one batch
    with desk.store.read() as s:
        number = s.scalar(select(Case.registration_no).where(Case.id == case_id))
    with other.transaction() as s:
        assert len(ingest(s, _events_missing(desk.store, other))) == 4
    for typed in (number, "برق"):
        assert [x.id for x in q.search(other, desk.clerk, q.SearchQuery(text=typed))] == [case_id], typed
    assert _fts_rows(other) == _fts_rows(desk.store) and len(_fts_rows(other)) == 1
    with other.transaction() as s:  # a full re-fold indexes each case once, the same way
        refold_all(s)
    assert _fts_rows(other) == _fts_rows(desk.store)


def test_a_very_similar_subject_is_most_of_its_significant_words(desk: Desk) -> None:
    power = sec.intake(desk.store, desk.clerk, case_input(1, subject="قطعی مکرر برق در محله"), on=DAY)
    sec.intake(desk.store, desk.clerk, case_input(2, subject="خرابی آسفالت خیابان",
                                                  text="قطعی مکرر برق هم داریم"), on=DAY)

    def hits(subject: str) -> list[str]:
        return [h.id for h in q.possible_duplicates(desk.store, desk.clerk, "", subject, on=DAY)]

    assert hits("قطعی مکرر برق خیابان") == [power.case_id]  # 3 of its 4 words (the second case's text
    # has them too, but not its subject)
    assert hits("قطعی مکرر برق خیابان فردوسی") == []  # 3 of 5 is less than two thirds
    assert hits("قطعی برق در محله ما") == [power.case_id]  # stop words left out: 3 of 3
    assert hits("قطعي آب خیابان") == []  # one of three words is not most of them
    assert hits("برق‌رسانی مکرر") == hits("برق رسانی مکرر") == [power.case_id]  # a half-space is a space
    assert q.subject_words("قطعیِ  برقِ در محله‌ها و خیابان") == ["قطعی", "برق", "محله", "خیابان"]


def test_a_registration_number_typed_in_part_finds_its_case(desk: Desk) -> None:
    cases = []
    for n in range(1, 13):  # numbers 13-D01-1404-000001 … 000012
        r = sec.intake(desk.store, desk.clerk, case_input(n), on=DAY)
        sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
        cases.append((r.case_id, sec.register(desk.store, desk.clerk, r.case_id, on=DAY)))
    case_id, number = cases[11]
    assert number == "13-D01-1404-000012"
    ids = lambda text: [r.id for r in q.search(desk.store, desk.clerk, q.SearchQuery(text=text))]  # noqa: E731
    for typed in ("1404-000012", "۱۴۰۴-۰۰۰۰۱۲", "1404-12", "D01-1404-12", "d01-1404-000012", "12", "13-D01-1404-12",
                  number):
        assert ids(typed) == [case_id], typed  # "1404-000012" is ten digits: it was taken for a national ID
    assert ids("1") == [cases[0][0]]  # the counter: number 1, not every number holding a 1
    assert ids("1403-000012") == []


def test_a_tracking_code_with_a_wrong_check_digit_is_said_to_be_wrong(desk: Desk) -> None:
    r = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    wrong = r.tracking_code[:-1] + str((int(r.tracking_code[-1]) + 1) % 10)
    assert q.search(desk.store, desk.clerk, q.SearchQuery(text=wrong)) == []
    assert q.search_error(wrong) == "کد رهگیری نادرست است؛ رقم‌هایش را دوباره بخوانید."
    assert q.search_error(" ".join(wrong[i:i + 4] for i in range(0, 16, 4))) is not None  # as read out
    assert q.search_error(r.tracking_code) is None and q.search_error("برق") is None
    assert [x.id for x in q.search(desk.store, desk.clerk, q.SearchQuery(text=r.tracking_code))] == [r.case_id]


def test_a_letter_number_finds_the_case_the_letter_was_about(desk: Desk) -> None:
    """An agency's answer cites our letter's number: the search lists the case it was about. Our
    letters carry their own mark now; a letter numbered like a registration number (issued before
    the mark, or typed from the paper register) lists both cases, never only the wrong one."""
    by = lambda text: [x.id for x in q.search(desk.store, desk.clerk, q.SearchQuery(text=text))]  # noqa: E731
    ids = []
    for n in (1, 2, 3):
        r = sec.intake(desk.store, desk.clerk, case_input(n), on=DAY)
        sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
        sec.register(desk.store, desk.clerk, r.case_id, on=DAY)
        ids.append(r.case_id)
    letter = sec.forward(desk.store, desk.admin, ids[0], desk.agency.id, on=DAY).letter_no
    assert "-L" in letter and by(letter) == [ids[0]] and by(letter.lower()) == [ids[0]]
    late = DAY + timedelta(days=30)
    sec.follow_up(desk.store, desk.expert, ids[0], method="letter", on=late)
    follow = q.get_case(desk.store, desk.clerk, ids[0]).follow_ups[0]["letter_no"]
    assert follow != letter and by(follow) == [ids[0]]
    second = q.get_case(desk.store, desk.clerk, ids[1]).case["registration_no"]
    sec.forward(desk.store, desk.admin, ids[2], desk.agency.id, letter_no=second, on=DAY)  # an old-style number
    assert sorted(by(second)) == sorted([ids[1], ids[2]])
    sec.forward(desk.store, desk.admin, ids[1], desk.agency.id, letter_no="۴۵۶/ص/۱۴۰۴", on=DAY)
    assert by("456/ص/1404") == [ids[1]] and by("۴۵۶/ص/۱۴۰۴") == [ids[1]]


def test_a_word_typed_without_its_half_space_finds_the_case(desk: Desk) -> None:
    """«جمع‌آوری» found the case, «جمعآوری» nothing: the index holds the half-space as a space.
    The reverse too: a subject written without it is found by the word typed with one."""
    r1 = sec.intake(desk.store, desk.clerk, case_input(1, subject="عدم جمع‌آوری پسماند"), on=DAY)
    r2 = sec.intake(desk.store, desk.clerk, case_input(2, subject="عدم پاسخگویی اداره"), on=DAY)
    for typed, case_id in (("جمعآوری", r1.case_id), ("جمعآوری پسماند", r1.case_id), ("جمع‌آوری", r1.case_id),
                           ("پاسخ‌گویی", r2.case_id), ("پاسخ گویی اداره", r2.case_id)):
        assert [x.id for x in q.search(desk.store, desk.clerk, q.SearchQuery(text=typed))] == [case_id], typed
        assert q.search_count(desk.store, desk.clerk, q.SearchQuery(text=typed)) == 1, typed
    assert q.search(desk.store, desk.clerk, q.SearchQuery(text="آوریجمع")) == []


def test_what_a_person_typed_keeps_its_diacritics_and_search_still_finds_it(desk: Desk) -> None:
    """The expert's «لطفاً …» printed «لطفا …» on the rejection notice: storage dropped the tanvin
    (and a «محمّد» its shadda). Stored text keeps them; search, on the normalised key, finds the
    case typed with them or without."""
    r = sec.intake(desk.store, desk.clerk, case_input(1, subject="اعتراض به عوارض ملک محمّد",
                                                     text="لطفاً رسیدگی کنید", address="کوچهٔ شهید مطهّری"),
                   on=DAY)
    note = "لطفاً رونوشت سند مالکیت ۲ برگ را بیاورید."
    sec.review(desk.store, desk.expert, r.case_id, accept=False, reason="مدارک ناقص", note=note, on=DAY)
    case = q.get_case(desk.store, desk.clerk, r.case_id).case
    assert case["reject_note"] == "لطفاً رونوشت سند مالکیت 2 برگ را بیاورید."  # (digits stored ASCII)
    assert case["subject"] == "اعتراض به عوارض ملک محمّد" and case["text"] == "لطفاً رسیدگی کنید"
    notice = q.get_case(desk.store, desk.clerk, r.case_id).notices[0]["text"]
    assert "«مدارک ناقص» پذیرفته نشد. لطفاً رونوشت" in notice
    assert q.get_case(desk.store, desk.clerk, r.case_id).applicant["address"] == "کوچهٔ شهید مطهّری"
    for typed in ("محمد", "محمّد", "لطفا", "لطفاً رسیدگی"):
        assert [x.id for x in q.search(desk.store, desk.clerk, q.SearchQuery(text=typed))] == [r.case_id], typed
    # the other steps' words as well: an instruction, a follow-up's note, a close's note
    other = sec.intake(desk.store, desk.clerk, case_input(2), on=DAY).case_id
    sec.review(desk.store, desk.expert, other, accept=True, on=DAY)
    sec.register(desk.store, desk.clerk, other, on=DAY)
    sec.refer(desk.store, desk.expert, other, desk.manager.user_id, instruction="فوراً اقدام شود", on=DAY)
    sec.forward(desk.store, desk.manager, other, desk.agency.id, on=DAY)
    sec.follow_up(desk.store, desk.expert, other, method="phone", note="قطعاً پاسخ می‌دهند", on=DAY)
    sec.close(desk.store, desk.expert, other, outcome="unresolved", note="ظاهراً بی‌پاسخ ماند", on=DAY)
    said = [t.payload for t in q.get_case(desk.store, desk.clerk, other).timeline]
    assert {"فوراً اقدام شود", "قطعاً پاسخ می‌دهند", "ظاهراً بی‌پاسخ ماند"} <= {
        p.get("instruction") or p.get("note") for p in said}


def test_the_count_of_a_search_reads_the_cases_alone(desk: Desk) -> None:
    """The search page counts its list as it opens (all cases): counted around the rows' select,
    SQLite joined every case to its agency and holder first (~1 s for a million cases, twice as
    the page opened). The count reads the cases' smallest index alone, and counts the same."""
    from kanoon_desk.services import secretariat_search as ss

    for n in range(3):
        sec.intake(desk.store, desk.clerk, case_input(n), on=date(2025, 5, 4))
    everything = q.SearchQuery()
    shape, params = ss._search_plan(everything) or ((), {})
    with desk.store.reading() as conn:
        plan = " | ".join(str(r[3]) for r in conn.execute("EXPLAIN QUERY PLAN " + ss._search_count(shape).sql, params))
    assert "agencies" not in plan and "holder" not in plan and "COVERING INDEX" in plan, plan
    assert q.search_count(desk.store, desk.clerk, everything) == len(q.search(desk.store, desk.clerk, everything)) == 3
    received = q.SearchQuery(status="received")
    assert q.search_count(desk.store, desk.clerk, received) == 3
    word = q.SearchQuery(text=case_input(1).subject.split()[0])
    assert q.search_count(desk.store, desk.clerk, word) == len(q.search(desk.store, desk.clerk, word)) >= 1


@pytest.mark.parametrize("status", ["received", "closed", "forwarded"])
def test_a_status_filter_reads_its_cases_newest_first_from_an_index(desk: Desk, status: str) -> None:
    """The search page's status filter (751,000 closed cases of a million: a first page took 1.3-2.2 s,
    «ارسال به دستگاه» 130-250 ms) read every case of the status, then sorted them newest first to
    keep 50: the status's cases are now read from an index in that order, and the list is the same."""
    from .query_plans import plans

    for i in range(3):
        sec.intake(desk.store, desk.clerk, case_input(i + 1), on=DAY)
    with plans(desk.store, raw=True) as seen:
        rows = q.search(desk.store, desk.clerk, q.SearchQuery(status=status), limit=50)
        q.search(desk.store, desk.clerk, q.SearchQuery(status=status), offset=50, limit=50)
    assert len(rows) == (3 if status == "received" else 0)
    assert [r.received_date for r in rows] == sorted((r.received_date for r in rows), reverse=True)
    lines = [(sql, line) for sql, lines in seen for line in lines if "cases" in sql and " cases " in line + " "]
    assert len(lines) == 2
    for sql, line in lines:
        assert "USING INDEX ix_cases_status_key (status=?)" in line, (line, sql)
    assert not any("TEMP B-TREE" in line for _sql, lines in seen for line in lines)


def test_the_hint_finds_the_applicant_back_however_the_national_id_is_typed(desk: Desk) -> None:
    """Persian digits, dashes, or the last (check) digit mistyped: the applicant's earlier case is
    hinted; a different ID (another body) is not the same person."""
    from kanoon_desk.persian import to_persian_digits
    nid = case_input(7).national_id
    earlier = sec.intake(desk.store, desk.clerk, case_input(7), on=DAY - timedelta(days=5))
    sec.intake(desk.store, desk.clerk, case_input(8, subject="خرابی آسفالت"), on=DAY - timedelta(days=5))
    wrong_check = nid[:9] + str((int(nid[9]) + 1) % 10)
    for typed in (to_persian_digits(nid), f"{nid[:3]}-{nid[3:9]}-{nid[9]}", wrong_check,
                  to_persian_digits(wrong_check)):
        hits = q.possible_duplicates(desk.store, desk.clerk, typed, "", on=DAY)
        assert [h.id for h in hits] == [earlier.case_id], typed
    assert q.hinted_national_id(wrong_check) == (nid, True)
    assert q.hinted_national_id(nid) == (nid, False) and q.hinted_national_id("12345") is None
    other_body = str((int(nid[0]) + 1) % 10) + nid[1:]
    assert [h.id for h in q.possible_duplicates(desk.store, desk.clerk, other_body, "", on=DAY)] == []


def test_the_same_subject_written_again_with_more_words_is_hinted(desk: Desk) -> None:
    """The clerk writes the earlier complaint's subject with more words, Arabic ي/ك, or without
    its half-spaces: hinted; a subject sharing one word or a different complaint: not."""
    earlier = sec.intake(desk.store, desk.clerk, case_input(1, subject="تأخیر در پرداخت یارانه معیشتی"),
                         on=DAY - timedelta(days=3))
    sec.intake(desk.store, desk.clerk, case_input(2, subject="قطعی آب در محله"), on=DAY - timedelta(days=3))

    def hits(subject: str) -> list[str]:
        return [h.id for h in q.possible_duplicates(desk.store, desk.clerk, "", subject, on=DAY)]

    assert hits("شکایت از تأخیر طولانی در پرداخت یارانه معیشتی خانواده") == [earlier.case_id]
    assert hits("تاخير در پرداخت يارانه معيشتي") == [earlier.case_id]
    assert hits("پرداخت یارانه‌های معیشتی") == hits("پرداخت یارانههای معیشتی") == [earlier.case_id]
    assert hits("تأخیر در صدور پروانه ساختمانی") == []  # one word of theirs is not their complaint
    assert hits("قطعی برق خیابان") == []
