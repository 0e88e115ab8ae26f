"""Fold of agency, applicant and case events into the secretariat tables and the FTS5 index.

Every date a case carries comes from the payload (`day`, `at`), never from the clock, so a re-fold
anywhere gives the same rows. A case acted on after it was closed, or forwarded while another
forward is still open, raises a conflict and keeps both facts.

Each module registers its projectors and resetters with `kanoon_desk.eventlog` when imported;
`kanoon_desk.projections` imports this package, which imports them all here.
"""

# In the order the single `projections/secretariat.py` registered them (`known_event_types` lists
# event types in registration order): not sorted on purpose. `case_row` registers the FTS table's
# reset SQL.
from . import case_row, parties, cases, letters  # noqa: F401, I001
