"""Circulation: checkout, return, renewal with the loan rules, refusals and overrides, transit,
holds — one name for them all (`circ.X`).

The code lives in the modules beside this one, one purpose each: `circulation_views` (refusal
codes and messages, the views of loans, holds and returns), `circulation_loans` (the member desk,
checkout, renewal, overrides), `circulation_returns` (the return desk, a loan lost, a copy sent or
received) and `circulation_holds`. This module re-exports their public names for the callers (the
UI, the demo, tests and benchmarks); the services import from the modules themselves."""

from __future__ import annotations

from .circulation_holds import (
    cancel_hold,
    expire_holds,
    holds_of_title,
    place_hold,
    ready_holds,
    record_sent_for_hold,
)
from .circulation_loans import checkout, due_date, member_desk, renew, renew_all, void_checkout
from .circulation_returns import (
    checkin,
    found_copy,
    mark_loan_lost,
    receive_copy,
    record_loan_lost,
    send_copy,
)
from .circulation_undo import renewal_before, undo_renewal, undo_return
from .circulation_views import (
    HARD,
    MSG_COPY_NOT_HERE,
    MSG_COPY_NOT_LOST,
    MSG_COPY_OTHER_TITLE,
    MSG_COPY_WAS_LOST,
    MSG_HOLD_CLOSED,
    MSG_HOLD_DUPLICATE,
    MSG_HOLD_HERE,
    MSG_HOLD_NO_COPY,
    MSG_HOLD_NOT_FOUND,
    MSG_HOLD_NOT_WAITING,
    MSG_HOLD_ON_SHELF,
    MSG_LOAN_CLOSED,
    MSG_LOAN_NOT_FOUND,
    MSG_NO_OPEN_LOAN,
    MSG_NO_OVERRIDE,
    MSG_ON_LOAN,
    MSG_ON_LOAN_TO,
    MSG_OVERRIDE_REASON,
    MSG_VOID_HOLD,
    MSG_VOID_NOT_TODAY,
    MSG_VOID_RENEWED,
    OPEN_HOLD,
    REFUSALS,
    CirculationRefused,
    CopyWasLost,
    HoldView,
    LoanView,
    MemberDesk,
    ReturnResult,
    void_refused,
)
from .library_common import MSG_CENTRE

__all__ = ["CirculationRefused", "CopyWasLost", "HARD", "HoldView", "LoanView", "MSG_CENTRE",
           "MSG_COPY_NOT_HERE", "MSG_COPY_NOT_LOST", "MSG_COPY_OTHER_TITLE", "MSG_COPY_WAS_LOST",
           "MSG_HOLD_CLOSED", "MSG_HOLD_DUPLICATE", "MSG_HOLD_HERE", "MSG_HOLD_NO_COPY", "MSG_HOLD_NOT_FOUND",
           "MSG_HOLD_NOT_WAITING", "MSG_HOLD_ON_SHELF", "MSG_LOAN_CLOSED", "MSG_LOAN_NOT_FOUND",
           "MSG_NO_OPEN_LOAN", "MSG_NO_OVERRIDE", "MSG_ON_LOAN", "MSG_ON_LOAN_TO", "MSG_OVERRIDE_REASON", "MSG_VOID_HOLD",
           "MSG_VOID_NOT_TODAY", "MSG_VOID_RENEWED", "MemberDesk",
           "OPEN_HOLD", "REFUSALS", "ReturnResult", "cancel_hold", "checkin", "checkout", "due_date",
           "expire_holds", "found_copy", "holds_of_title", "mark_loan_lost", "member_desk", "place_hold",
           "ready_holds", "receive_copy", "record_loan_lost", "record_sent_for_hold", "renew", "renew_all", "renewal_before",
           "send_copy", "undo_renewal", "undo_return", "void_checkout", "void_refused"]
