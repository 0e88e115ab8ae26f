"""Office-hour instants for the demo's replayed work: what the services record while the demo
acts at a past day (`models.acting_at`), so a case's timeline and a loan's entry time read as the
day's work, not the minute the demo ran.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from ..persian import TEHRAN


class OfficeHours:
    """Instants on given days, in office hours (Tehran), each after the one before: the steps of one
    case, or a centre's day of lending. Never later than the real now (the demo's last day is
    today). Its own random source, so the demo's other choices do not depend on it."""

    def __init__(self, seed: object) -> None:
        self.rng = random.Random(str(seed))
        self.last: datetime | None = None

    def at(self, day: date) -> datetime:
        rng = self.rng
        moment = datetime.combine(day, time(8 + rng.randrange(6), rng.randrange(60), rng.randrange(60)), TEHRAN)
        if self.last is not None and moment <= self.last:
            moment = self.last + timedelta(minutes=1 + rng.randrange(20), seconds=rng.randrange(60))
        moment = min(moment, datetime.now(UTC))
        self.last = moment
        return moment
