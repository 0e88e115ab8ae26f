"""schemathesis against the server's own OpenAPI schema, in process: no request gets a 5xx.

Every operation the schema documents (every endpoint and method, checked against the app's
routes), on SQLite and on PostgreSQL, in two phases:

- coverage: schemathesis' deterministic cases for each operation (each parameter and body field
  at its bounds and just past them, of the wrong type, missing), every other one sent with a
  valid device credential;
- fuzzing: hypothesis-generated cases that follow the schema and cases that break it, two in
  three with the credential.

A case sent without the credential keeps what schemathesis made (no credential, a made-up one,
any version headers). One sent with it is also of this program's versions (they are checked
first), an enrolment spends a valid code, and a push is aimed at the store: its device, the next
client sequence number and each event's device and office are the device's, each id is padded to
a UUID's length, a type mostly replaced by a real one, and sometimes an instant is moved to the
edge of the calendar or a case given a long tracking code. Then at most one integer of the query
or body is moved to the edge of the databases' BIGINT, and at most one text or key of the body
given a NUL (`_at_the_edges`): values schemathesis generates only by luck, where the databases
differ from Python. Every other value stays as generated. Before the fixes of this suite's
refusals it found 500s on both databases (integers past BIGINT in pull and snapshot, instants
past the calendar in UTC; on PostgreSQL NUL characters and a long tracking code).
Bounded by examples per operation (and fixed seeds): some twenty seconds per database.
"""

from __future__ import annotations

import random
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from kanoon_desk.server import create_app
from kanoon_desk.server.auth import enrol, new_enrolment_code
from kanoon_desk.server.db import ServerDb
from kanoon_desk.server.server_models import Device
from kanoon_desk.sync import protocol as p

from .helpers import reset_pg

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import schemathesis
    from schemathesis import GenerationMode

#: Fuzzed examples per operation, of requests that follow the schema and of requests that break it
#: (generating those is slower, and the coverage phase already breaks each field in turn).
EXAMPLES = {GenerationMode.POSITIVE: 25, GenerationMode.NEGATIVE: 10}
MODES = [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]
#: Event types a push with the credential may carry instead of a malformed one (shared and office
#: aggregates, a case (tracking code), SMS notices, office records).
TYPES = [("agency.set", "agency"), ("holiday.set", "holiday"), ("case.received", "case"),
         ("case.notified", "case"), ("notice.queued", "notice"), ("office.set", "office")]


def _edge_instant(rng: random.Random) -> str:
    """An instant in the first or last hour of the calendar, with an offset of up to 14 hours."""
    minute = timedelta(minutes=rng.randrange(60))
    when = datetime(1, 1, 1) + minute if rng.random() < 0.5 else datetime(9999, 12, 31, 23, 59) - minute
    offset = timedelta(minutes=rng.choice([-1, 1]) * rng.randrange(60, 14 * 60))
    return when.replace(tzinfo=timezone(offset)).isoformat()


@dataclass
class Api:
    schema: Any
    db: ServerDb
    device_id: str
    office: str
    credential: str

    def next_seq(self) -> int:
        with self.db.read() as s:
            return int(s.scalar(select(Device.last_client_seq).where(Device.id == self.device_id)) or 0) + 1


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def api(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    folder: Path = tmp_path_factory.mktemp("fuzz")
    if request.param == "sqlite":
        url = str(folder / "server.sqlite3")
    else:
        url = request.getfixturevalue("pg_url")
        reset_pg(url)
    app = create_app(url, attachments_dir=folder / "attachments", sms_every=None)
    db: ServerDb = app.state.db
    got = enrol(db, new_enrolment_code(db, "13"), "fuzz")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    try:
        yield Api(schema, db, got.device_id, got.office_code, f"Bearer {got.device_id}:{got.secret}")
    finally:
        db.close()


def _aimed_at_the_store(api: Api, body: Any, rng: random.Random) -> None:
    """A push body (as generated) made to pass the device checks, so its events reach the store."""
    if not isinstance(body, dict):
        return
    body["device_id"] = api.device_id
    body["first_client_seq"] = api.next_seq()
    events = body.get("events")
    for ev in events if isinstance(events, list) else []:
        if not isinstance(ev, dict):
            continue
        ev["device_id"], ev["office_code"] = api.device_id, api.office
        if isinstance(ev.get("id"), str):
            ev["id"] = (ev["id"] + "0" * 36)[:36]
        if rng.random() < 0.8:
            ev["type"], ev["aggregate_type"] = rng.choice(TYPES)
        if rng.random() < 0.25:
            ev["recorded_at"] = _edge_instant(rng)
        if isinstance(ev.get("payload"), dict) and rng.random() < 0.25:
            ev["payload"]["tracking_code"] = "".join(rng.choice("0123456789-ABC") for _ in range(rng.randrange(30, 40)))


#: Integers at the edges of the databases' BIGINT, and just past them.
INT_EDGES = [2**63 - 1, 2**63, 2**64, -(2**63) - 1]


def _at_the_edges(value: Any, rng: random.Random, *, nul: bool) -> Any:
    """`value` (a generated query or JSON body) with at most one integer moved to an edge of the
    databases' integers and (`nul`) at most one text or key given a NUL: what schemathesis
    generates only by luck."""
    slots: list[tuple[str, Any, Any]] = []  # (what, container, key or index)

    def find(v: Any, parent: Any = None, key: Any = None) -> None:
        if isinstance(v, bool):
            return
        if isinstance(v, int) or (isinstance(v, str) and v.isdigit() and parent is value):
            slots.append(("int", parent, key))
        elif isinstance(v, str):
            slots.append(("text", parent, key))
        elif isinstance(v, list):
            for i, item in enumerate(v):
                find(item, v, i)
        elif isinstance(v, dict):
            for k, item in list(v.items()):
                if nul and isinstance(k, str) and parent is not None:
                    slots.append(("key", v, k))
                find(item, v, k)

    find(value)
    ints = [slot for slot in slots if slot[0] == "int" and slot[1] is not None]
    if ints and rng.random() < 0.5:
        _, parent, key = rng.choice(ints)
        edge = rng.choice(INT_EDGES)
        parent[key] = str(edge) if isinstance(parent[key], str) else edge
    texts = [slot for slot in slots if slot[0] in ("text", "key") and slot[1] is not None]
    if nul and texts and rng.random() < 0.5:
        what, parent, key = rng.choice(texts)
        if what == "key":
            parent[key + "\x00"] = parent.pop(key)
        else:
            parent[key] = parent[key] + "\x00"
    return value


def _send(api: Api, case: Any, authorised: bool, rng: random.Random, failures: list[str], where: str,
          edges: bool = False) -> None:
    if edges:
        if isinstance(case.query, dict):
            case.query = _at_the_edges(case.query, rng, nul=False)
        if isinstance(case.body, dict | list):
            case.body = _at_the_edges(case.body, rng, nul=True)
    if authorised:  # and of this version (versions are checked before the credential)
        case.headers = {**(case.headers or {}), "authorization": api.credential,
                        p.HEADER_PROTOCOL.lower(): str(p.PROTOCOL_VERSION), p.HEADER_SCHEMA.lower(): str(p.SCHEMA_VERSION)}
        if isinstance(case.body, dict):
            for key, current in (("protocol_version", p.PROTOCOL_VERSION), ("schema_version", p.SCHEMA_VERSION)):
                if key in case.body:
                    case.body[key] = current
        if case.operation.label == "POST /v1/push":
            _aimed_at_the_store(api, case.body, rng)
        elif case.operation.label == "POST /v1/enroll" and isinstance(case.body, dict):
            case.body["code"] = new_enrolment_code(api.db, api.office)  # a valid code: the desk is made
    try:
        response = case.call()
    except Exception as exc:  # the app raised: what a client would get as a 500
        failures.append(f"{case.operation.label} ({where}, credential={authorised}): {exc!r}"[:600])
        return
    if response.status_code >= 500:
        failures.append(f"{case.operation.label} ({where}, credential={authorised}): "
                        f"{response.status_code} {response.text[:300]}")


def _coverage(api: Api, operation: Any, failures: list[str]) -> int:
    config = api.schema.config.generation_for(operation=operation)
    rng = random.Random(operation.label)  # a fixed choice of the edge values put into pushes
    count = 0
    for count, case in enumerate(api.schema.iter_coverage_cases(operation, generation_modes=MODES,
                                                                 generation_config=config), 1):
        _send(api, case, count % 2 == 0, rng, failures, "coverage", edges=True)
    return count


def _fuzz(api: Api, operation: Any, mode: Any, failures: list[str]) -> None:
    @settings(max_examples=EXAMPLES[mode], deadline=None, database=None, derandomize=True,
              phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy(generation_mode=mode), authorised=st.sampled_from([True, True, False]),
           rng=st.randoms(use_true_random=False))
    def one(case: Any, authorised: bool, rng: random.Random) -> None:
        _send(api, case, authorised, rng, failures, f"fuzz {mode.value}", edges=True)

    one()


def test_no_operation_of_the_schema_answers_5xx(api: Api) -> None:
    operations = [result.ok() for result in api.schema.get_all_operations()]
    labels = {op.label for op in operations}
    routes = {f"{m} {r.path}" for r in api.schema.app.routes if r.path.startswith("/v1/")
              for m in getattr(r, "methods", ()) if m != "HEAD"}
    assert labels == routes  # every endpoint and method is in the schema, so fuzzed
    failures: list[str] = []
    covered = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # schemathesis' notices about generation
        for operation in operations:
            covered += _coverage(api, operation, failures)
            for mode in MODES:
                _fuzz(api, operation, mode, failures)
    assert covered > 10 * len(operations)
    assert not failures, "\n".join(dict.fromkeys(failures))
    with api.db.read() as s:  # pushes did reach the store
        assert int(s.scalar(select(Device.last_client_seq).where(Device.id == api.device_id)) or 0) > 0
