"""Taking a wrong scan off a case: the event, who may, the fold in any arrival order."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from kanoon_desk.errors import InvariantError, NotFound, PermissionDenied, ValidationError
from kanoon_desk.eventlog import ingest, projection_digests, refold_all
from kanoon_desk.models import Event
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.services.secretariat_files import attachment_path
from kanoon_desk.store import Store

from .factories import make_user
from .secretariat_helpers import PDF_BYTES, PNG_BYTES, Desk, case_input, make_secretariat_desk

DAY = date(2025, 5, 4)


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return make_secretariat_desk(tmp_path)


def _scan(tmp: Path, name: str, data: bytes = PDF_BYTES) -> Path:
    path = tmp / name
    path.write_bytes(data)
    return path


def _case_with_scans(desk: Desk) -> tuple[str, list[dict[str, object]]]:
    r = sec.intake(desk.store, desk.clerk, case_input(1, attachments=[_scan(desk.tmp, "درخواست.pdf")]), on=DAY)
    sec.add_attachment(desk.store, desk.clerk, r.case_id, _scan(desk.tmp, "سند دیگری.png", PNG_BYTES))
    return r.case_id, q.get_case(desk.store, desk.clerk, r.case_id).attachments


def test_a_wrong_scan_is_taken_off_with_its_reason_on_the_timeline(desk: Desk) -> None:
    case_id, scans = _case_with_scans(desk)
    wrong = scans[1]
    sec.remove_attachment(desk.store, desk.clerk, case_id, str(wrong["id"]), reason="سند شخص دیگری بود")
    d = q.get_case(desk.store, desk.clerk, case_id)
    assert [a["filename"] for a in d.attachments] == ["درخواست.pdf"]
    step = d.timeline[-1]
    assert step.type == "case.attachment_removed" and step.user_name == "کاربر clerk1"
    assert step.payload["filename"] == "سند دیگری.png" and step.payload["reason"] == "سند شخص دیگری بود"
    assert attachment_path(desk.store, str(wrong["sha256"])).exists()  # the bytes stay, for the audit
    # the right scan can be added again: the wrong one no longer counts as the case's
    sec.add_attachment(desk.store, desk.clerk, case_id, _scan(desk.tmp, "دوباره.png", PNG_BYTES))
    assert len(q.get_case(desk.store, desk.clerk, case_id).attachments) == 2
    with pytest.raises(NotFound):  # a removed one is not removed twice
        sec.remove_attachment(desk.store, desk.expert, case_id, str(wrong["id"]), reason="دوباره")


def test_who_may_take_a_scan_off_and_when(desk: Desk) -> None:
    case_id, scans = _case_with_scans(desk)
    other_clerk = make_user(desk.store, desk.admin, "clerk2", "clerk")
    with pytest.raises(PermissionDenied):  # a scan another clerk attached
        sec.remove_attachment(desk.store, other_clerk, case_id, str(scans[0]["id"]), reason="اشتباه")
    with pytest.raises(PermissionDenied):
        sec.remove_attachment(desk.store, desk.librarian, case_id, str(scans[0]["id"]), reason="اشتباه")
    with pytest.raises(ValidationError) as err:  # no reason: said at its field
        sec.remove_attachment(desk.store, desk.clerk, case_id, str(scans[0]["id"]), reason="  ")
    assert err.value.field == "reason"
    with pytest.raises(NotFound):
        sec.remove_attachment(desk.store, desk.clerk, case_id, "no-such-scan", reason="اشتباه")
    sec.remove_attachment(desk.store, desk.expert, case_id, str(scans[0]["id"]), reason="اشتباه")  # an expert may
    sec.review(desk.store, desk.expert, case_id, accept=False, reason="مدارک ناقص", on=DAY)
    with pytest.raises(InvariantError):  # a closed case keeps its papers as they were
        sec.remove_attachment(desk.store, desk.admin, case_id, str(scans[1]["id"]), reason="اشتباه")
    assert len(q.get_case(desk.store, desk.clerk, case_id).attachments) == 1


def _clone(ev: Event) -> Event:
    cols = {c.key: getattr(ev, c.key) for c in Event.__table__.columns}
    cols["client_seq"] = None
    return Event(**cols)


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_a_removal_folds_the_same_whatever_the_arrival_order(desk: Desk, tmp_path: Path, seed: int) -> None:
    case_id, scans = _case_with_scans(desk)
    sec.remove_attachment(desk.store, desk.clerk, case_id, str(scans[1]["id"]), reason="سند شخص دیگری بود")
    with desk.store.read() as s:
        events = list(s.scalars(select(Event).order_by(Event.hlc)))
        for e in events:
            s.expunge(e)
        expected = projection_digests(s)
    if seed == 0:  # the removal first, the scan it removes after
        events.sort(key=lambda e: e.type != "case.attachment_removed")
    else:
        random.Random(seed).shuffle(events)
    other = Store(tmp_path / f"other{seed}.sqlite3")
    other.set_identity("99", 9)
    for e in events:
        with other.transaction() as s:
            ingest(s, [_clone(e)])
    with other.read() as s:
        got = projection_digests(s)
    assert sorted(t for t in expected if expected[t] != got.get(t)) == []
    with other.transaction() as s:
        refold_all(s)
    with other.read() as s:
        assert projection_digests(s) == got


def test_one_scan_listed_twice_at_intake_under_two_names_is_refused_naming_both(desk: Desk) -> None:
    """A file and its copy («نامه.pdf», «نامه (1).pdf») chosen together: the case listed and
    printed the same pages twice; now the intake is refused at the scans, naming both, and
    nothing is recorded."""
    first, copy = _scan(desk.tmp, "نامه.pdf"), _scan(desk.tmp, "نامه (1).pdf")
    other = _scan(desk.tmp, "عکس.png", PNG_BYTES)
    with pytest.raises(ValidationError) as err:
        sec.intake(desk.store, desk.clerk, case_input(1, attachments=[first, other, copy]), on=DAY)
    assert err.value.field == "attachments"
    assert str(err.value) == "«نامه (۱).pdf» همان پیوست «نامه.pdf» است؛ یکی از آن دو را از فهرست بردارید."
    assert err.value.params == {"name": "نامه (1).pdf", "first": "نامه.pdf"}
    with desk.store.read() as s:
        assert s.scalar(select(Event.id).where(Event.type == "case.received")) is None
    r = sec.intake(desk.store, desk.clerk, case_input(1, attachments=[first, other]), on=DAY)
    assert [a["filename"] for a in q.get_case(desk.store, desk.clerk, r.case_id).attachments] == ["نامه.pdf", "عکس.png"]


def test_the_agencys_answer_with_a_scan_the_case_already_has_is_refused_at_the_scan(desk: Desk) -> None:
    """The applicant's letter picked again as the agency's answer (the wrong file): it was listed a
    second time as «پاسخ»; now the answer is refused at its scan and nothing is recorded, and the
    right scan is taken."""
    case_id, _scans = _case_with_scans(desk)
    sec.review(desk.store, desk.expert, case_id, accept=True, on=DAY)
    sec.register(desk.store, desk.clerk, case_id, on=DAY)
    sec.forward(desk.store, desk.manager, case_id, desk.agency.id, on=DAY)
    with pytest.raises(ValidationError) as err:
        sec.record_response(desk.store, desk.clerk, case_id, text="پاسخ دستگاه",
                            attachment=_scan(desk.tmp, "پاسخ شهرداری.pdf"), on=DAY)
    assert err.value.field == "attachment"
    d = q.get_case(desk.store, desk.clerk, case_id)
    assert d.case["status"] == "forwarded" and len(d.attachments) == 2
    sec.record_response(desk.store, desk.clerk, case_id, text="پاسخ دستگاه",
                        attachment=_scan(desk.tmp, "پاسخ شهرداری.pdf", PDF_BYTES + b"%answer\n"), on=DAY)
    d = q.get_case(desk.store, desk.clerk, case_id)
    assert d.case["status"] == "answered"
    assert ("پاسخ شهرداری.pdf", "response") in [(a["filename"], a["kind"]) for a in d.attachments]
    assert len(d.attachments) == 3


def test_a_scans_bytes_are_on_the_disk_before_its_name_is(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    """The case's event naming a scan commits durably right after the scan is kept; its file was
    named before its bytes were flushed, so a power cut could leave the event naming an empty
    file. (A power cut cannot be played in a test: the order of the two steps is checked.)"""
    import os

    from kanoon_desk.services import secretariat_files

    steps: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        steps.append("fsync")
        real_fsync(fd)

    def replace(src: Any, dst: Any) -> None:
        steps.append(f"name {Path(dst).name[:8]}")
        real_replace(src, dst)

    monkeypatch.setattr(secretariat_files.os, "fsync", fsync)
    monkeypatch.setattr(secretariat_files.os, "replace", replace)
    kept = secretariat_files.put_bytes(desk.store, PDF_BYTES, "درخواست.pdf")
    assert steps == ["fsync", f"name {kept.sha256[:8]}"]
    assert attachment_path(desk.store, kept.sha256).read_bytes() == PDF_BYTES
