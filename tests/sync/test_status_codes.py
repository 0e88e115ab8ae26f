"""The public look-up and tracking codes that carry the office: a code two cases share (made before
codes carried the office) shows neither applicant's status; a new code from two offices' first
desks never repeats."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import httpx
from sqlalchemy import insert

from kanoon_desk.ids import new_id
from kanoon_desk.persian import damm_check_digit
from kanoon_desk.server import status
from kanoon_desk.server.db import ServerDb
from kanoon_desk.server.server_models import ServerEvent
from kanoon_desk.services import secretariat as sec
from kanoon_desk.sync import client
from tests.secretariat_helpers import case_input

from .helpers import LiveServer, bootstrap_admin, enrol

NOW = datetime(2026, 12, 4, tzinfo=UTC)


def _case_rows(office: str, code: str, first_seq: int) -> list[dict[str, object]]:
    case_id = new_id()
    return [{"id": new_id(), "server_seq": first_seq + i, "type": kind, "aggregate_type": "case",
             "aggregate_id": case_id, "payload": {}, "hlc": first_seq + i, "device_id": f"d{office}",
             "office_code": office, "user_id": "u", "recorded_at": NOW, "schema_version": 1,
             "client_seq": first_seq + i, "scope": office, "tracking_code": code if i == 0 else None,
             "received_at": NOW}
            for i, kind in enumerate(("case.received", "case.reviewed"))]


def test_a_code_two_cases_share_shows_neither_status(db: ServerDb) -> None:
    shared = "001123456789" + damm_check_digit("001123456789")  # a 13-digit code of device 1, twice
    alone = "001987654321" + damm_check_digit("001987654321")
    with db.transaction() as s:
        s.execute(insert(ServerEvent), _case_rows("13", shared, 1) + _case_rows("14", shared, 3)
                  + _case_rows("14", alone, 5))
    assert status.lookup(db, shared) is None  # not one applicant's status shown to the other
    found = status.lookup(db, alone)
    assert found is not None and found.status == "in_review"


def test_two_offices_first_desks_issue_codes_that_carry_their_office(server: LiveServer, tmp_path: Path) -> None:
    receipts = []
    for office in ("13", "14"):
        desk = enrol(server, tmp_path / f"{office}.sqlite3", office)
        receipts.append(sec.intake(desk, bootstrap_admin(desk), case_input()))
        assert client.sync_once(desk).ok
    a, b = (r.tracking_code for r in receipts)
    assert (a[:6], b[:6]) == ("001301", "001401") and len(a) == len(b) == 16
    for code in (a, b):
        spaced = " ".join(code[i:i + 4] for i in range(0, 16, 4))  # as printed on the receipt
        answer = httpx.get(f"{server.url}/v1/status/{spaced}")
        assert answer.status_code == 200 and answer.json()["tracking_code"] == code


def test_the_public_look_up_reads_a_code_as_an_applicant_pastes_or_types_it(db: ServerDb) -> None:
    """Copied from a Persian SMS (the Arabic letter mark, a byte-order mark), typed in groups with
    the Persian keyboard's half-space (Shift+Space) or dots, in Arabic-Indic digits: one code."""
    code = "0013015481196" + damm_check_digit("0013015481196") + "00"
    code = code[:15] + damm_check_digit(code[:15])
    with db.transaction() as s:
        s.execute(insert(ServerEvent), _case_rows("13", code, 1))
    groups = [code[i:i + 4] for i in range(0, 16, 4)]
    for typed in ("\u061c" + code + "\u061c", "\ufeff" + code, "\u200c".join(groups), ".".join(groups),
                  " \u200c ".join(groups), "\u2067" + "-".join(groups) + "\u2069",
                  code.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))):
        found = status.lookup(db, typed)
        assert found is not None and found.tracking_code == code, repr(typed)
