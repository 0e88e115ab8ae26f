"""Fold of loan rules, override grants and the log of overridden refusals."""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.orm import Session

from ...eventlog import FoldEvent, projector, resetter
from ...models.library import LoanRule, OverrideGrant, OverrideLog


@projector("loan_rule.set", "loan_rule")
def _rule_set(s: Session, e: FoldEvent) -> None:
    rule = s.get(LoanRule, e.aggregate_id)
    p = e.payload
    if rule is None:
        rule = LoanRule(category=e.aggregate_id, period_days=14, max_loans=3, max_renewals=2, hold_days=3)
        s.add(rule)
    for key in ("period_days", "max_loans", "max_renewals", "hold_days"):
        if key in p:
            setattr(rule, key, int(p[key]))
    s.flush()


@resetter("loan_rule")
def _rule_reset(s: Session, category: str) -> None:
    s.execute(delete(LoanRule).where(LoanRule.category == category))


@projector("override.grant_set", "override_grant")
def _grant_set(s: Session, e: FoldEvent) -> None:
    grant = s.get(OverrideGrant, e.aggregate_id)
    if grant is None:
        s.add(OverrideGrant(user_id=e.aggregate_id, granted=bool(e.payload["granted"])))
    else:
        grant.granted = bool(e.payload["granted"])
    s.flush()


@resetter("override_grant")
def _grant_reset(s: Session, user_id: str) -> None:
    s.execute(delete(OverrideGrant).where(OverrideGrant.user_id == user_id))


@projector("circulation.overridden", "override")
def _overridden(s: Session, e: FoldEvent) -> None:
    p = e.payload
    s.add(OverrideLog(id=e.aggregate_id, action=p["action"], refusals=" ".join(p["refusals"]),
                      user_id=e.user_id, centre=p.get("centre", e.office_code), member_id=p.get("member_id", ""),
                      copy_id=p.get("copy_id", ""), loan_id=p.get("loan_id", ""),
                      note=p.get("note", ""), at=e.recorded_at))
    s.flush()


@resetter("override")
def _override_reset(s: Session, oid: str) -> None:
    s.execute(delete(OverrideLog).where(OverrideLog.id == oid))
