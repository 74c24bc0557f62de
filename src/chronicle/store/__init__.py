"""The store: one SQLite file; the only place in chronicle that speaks SQL."""

from chronicle.store.sqlite import SCHEMA_VERSION, Store

__all__ = ["SCHEMA_VERSION", "Store"]
