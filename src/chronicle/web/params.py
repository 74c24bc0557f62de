"""What the API's query parameters mean: date bounds, pages."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from typing import Annotated, Any, TypeVar

from fastapi import HTTPException, Query, Request

__all__ = ["DateBounds", "Paging", "page", "parse_bound"]

T = TypeVar("T")

_BOUND = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
MAX_LIMIT = 500
#: Far past any store, and within what SQLite takes as an integer (a larger offset was a 500).
MAX_OFFSET = 1_000_000_000


def parse_bound(value: str | None, *, end: bool) -> dt.date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as a day: a year or month starts on its first day
    as a lower bound (``since``) and ends on its last as an upper one (``until``)."""
    if value is None or not value.strip():
        return None
    match = _BOUND.fullmatch(value.strip())
    try:
        if match is None:
            raise ValueError(value)
        year, month, day = int(match[1]), match[2], match[3]
        if day is not None:
            return dt.date(year, int(month or 1), int(day))
        if month is not None:
            m = int(month)
            return dt.date(year, m, calendar.monthrange(year, m)[1] if end else 1)
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    except ValueError:
        raise HTTPException(422, f"not a date: {value!r} (YYYY, YYYY-MM or YYYY-MM-DD)") from None


class DateBounds:
    """``since`` and ``until`` of a request, both inclusive."""

    def __init__(
        self,
        since: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)")] = None,
        until: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)")] = None,
    ) -> None:
        self.since = parse_bound(since, end=False)
        self.until = parse_bound(until, end=True)

    def keeps(self, day: str | None) -> bool:
        """Whether an ISO date (or a coarser date like ``2024-01``) falls within the bounds."""
        if self.since is None and self.until is None:
            return True
        if not day:
            return False
        if self.since is not None and day < self.since.isoformat()[: len(day)]:
            return False
        return not (self.until is not None and day[:10] > self.until.isoformat())


class Paging:
    def __init__(
        self,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"items per page (at most {MAX_LIMIT})")] = 50,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")] = 0,
    ) -> None:
        self.limit = limit
        self.offset = offset


def page(request: Request, items: Sequence[T] | None, paging: Paging, *, total: int | None = None,
         rows: list[Any] | None = None) -> dict[str, Any]:
    """A page of ``items`` (or the ready ``rows`` of a page of ``total``), with the next page's address."""
    if rows is None:
        assert items is not None
        rows = list(items[paging.offset: paging.offset + paging.limit])
        total = len(items)
    assert total is not None
    following = paging.offset + paging.limit
    next_url = str(request.url.include_query_params(offset=following)) if following < total else None
    return {"items": rows, "total": total, "limit": paging.limit, "offset": paging.offset, "next": next_url}
