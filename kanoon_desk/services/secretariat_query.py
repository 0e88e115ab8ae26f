"""Reading the secretariat: search, queues, cartable, overdue list, the case view, the public look-up.

The code lives in `secretariat_status` (status words, work queues), `secretariat_search` (search,
overdue list, intake look-ups), `secretariat_cartable` and `secretariat_case` (the case view with
its timeline, the tracking-code look-up); this module re-exports their public names so that
callers read the secretariat as `q.name`. Lists are paged (offset/limit plus a count) for lazy Qt
models."""

from __future__ import annotations

from .secretariat_cartable import CARTABLE_SORTS, CartableItem, cartable, cartable_count, sent_items
from .secretariat_case import (
    CaseDetail,
    PublicStatus,
    TimelineEntry,
    case_status_by_tracking_code,
    get_case,
    timeline,
)
from .secretariat_search import (
    MSG_BAD_TRACKING,
    CaseRow,
    KnownApplicant,
    SearchQuery,
    code_spans,
    duplicate_of,
    find_applicant,
    find_case_id,
    fts_match,
    hinted_national_id,
    overdue,
    overdue_count,
    possible_duplicates,
    search,
    search_count,
    search_error,
    subject_words,
    twin_cases,
)
from .secretariat_status import (
    NOTICE_FA,
    OUTCOME_FA,
    QUEUE_ROLES,
    QUEUES,
    QUIET_QUEUES,
    REFERRED_TO_EXPERT,
    STATUS_FA,
    queue_counts,
    queue_where,
    status_key,
)

__all__ = [
    # where a case stands, and the work queues
    "STATUS_FA", "REFERRED_TO_EXPERT", "status_key", "NOTICE_FA", "QUEUES", "QUIET_QUEUES", "QUEUE_ROLES",
    "queue_where", "OUTCOME_FA", "queue_counts",
    # finding cases
    "CaseRow", "SearchQuery", "MSG_BAD_TRACKING", "search_error", "fts_match", "search", "search_count",
    "find_case_id", "subject_words", "possible_duplicates", "hinted_national_id", "twin_cases", "duplicate_of", "code_spans", "KnownApplicant", "find_applicant", "overdue",
    "overdue_count",
    # the cartable
    "CartableItem", "CARTABLE_SORTS", "cartable", "cartable_count", "sent_items",
    # one case
    "TimelineEntry", "CaseDetail", "timeline", "get_case", "PublicStatus", "case_status_by_tracking_code",
]
