"""A member's membership renewed at two centres while they worked apart: neither renewal is lost."""

from __future__ import annotations

import datetime
from pathlib import Path

from kanoon_desk.services import library as lib

from .helpers import LiveServer
from .test_lending_across_centres import centre_13_with_a_copy, centre_14, synced


def test_two_renewals_made_apart_keep_the_later_end_on_both_desks(server: LiveServer, tmp_path: Path) -> None:
    a, admin_a, child, _adult = centre_13_with_a_copy(server, tmp_path)
    b, admin_b = centre_14(server, tmp_path)
    synced(a, b)
    # apart: the guardian renews for a year and a half at 13; 14 renews her to winter, stamped later
    lib.renew_membership(a, admin_a, child.id, datetime.date(2027, 6, 1))
    lib.renew_membership(b, admin_b, child.id, datetime.date(2026, 12, 1))
    synced(a, b, a)
    for store in (a, b):
        assert lib.get_member(store, admin_a, child.id).expires_on == datetime.date(2027, 6, 1)  # not cut to winter
    # a renewal made knowing the end in force is a correction: it stands, shorter or not
    lib.renew_membership(b, admin_b, child.id, datetime.date(2027, 1, 1))
    synced(b, a)
    for store in (a, b):
        assert lib.get_member(store, admin_a, child.id).expires_on == datetime.date(2027, 1, 1)
