"""Use cases: one function per thing a person can do, each one transaction, roles checked here."""
