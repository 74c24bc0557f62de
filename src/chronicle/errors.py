"""chronicle's one exception tree.

``ChronicleError`` is the base of everything chronicle raises on purpose:

- ``InputError``: an input cannot be read as articles (bad path, unknown format, bad
  option value). Per-file problems during a batch are not raised but reported as
  :class:`chronicle.models.Rejection` so that the rest of the batch goes on.
- ``StoreError``: the store file is unusable (not a chronicle store, newer schema,
  corrupt).
- ``EvaluationError``: benchmark data is missing or malformed.
"""

from __future__ import annotations

__all__ = ["ChronicleError", "EvaluationError", "InputError", "StoreError"]


class ChronicleError(Exception):
    """Base class of every error chronicle raises on purpose."""


class InputError(ChronicleError):
    """An input or option cannot be used."""


class StoreError(ChronicleError):
    """The store cannot be opened or is inconsistent."""


class EvaluationError(ChronicleError):
    """Benchmark data is missing or malformed."""
