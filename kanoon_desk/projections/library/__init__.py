"""Fold of lending events: rules, members, titles (with their FTS index), copies, loans, holds, stock-takes.

Each module registers its projectors and resetters with `kanoon_desk.eventlog` when imported;
`kanoon_desk.projections` imports this package, which imports them all here.
"""

# In the order the single `projections/library.py` registered them (`known_event_types` lists
# event types in registration order): not sorted on purpose.
from . import rules, members, titles, copies, loans, holds, stocktakes, notices  # noqa: F401, I001
