"""chronicle: turn a pile of dated news articles into the record of a story.

The public API::

    from chronicle import Chronicle, timeline
"""

from chronicle.api import Chronicle, timeline
from chronicle.errors import ChronicleError, EvaluationError, InputError, StoreError
from chronicle.models import (
    Article,
    Claim,
    Evidence,
    IngestReport,
    Rejection,
    StoredArticle,
    Timeline,
    TimelineEntry,
    TimelineEvent,
    Timex,
)

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Chronicle",
    "ChronicleError",
    "Claim",
    "EvaluationError",
    "Evidence",
    "IngestReport",
    "InputError",
    "Rejection",
    "StoreError",
    "StoredArticle",
    "Timeline",
    "TimelineEntry",
    "TimelineEvent",
    "Timex",
    "__version__",
    "timeline",
]
