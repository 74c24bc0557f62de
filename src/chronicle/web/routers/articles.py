"""``/v1/articles``: the stored articles, searchable (SQLite FTS5), and each with its text."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response

from chronicle.serialize import stored_article_dict
from chronicle.web.deps import ServedDep, json_response
from chronicle.web.params import DateBounds, Paging, page
from chronicle.web.schemas import Article as ArticleModel
from chronicle.web.schemas import ArticleText, Page

router = APIRouter(tags=["articles"])


def _segments(snippet: str) -> list[tuple[str, bool]]:
    """FTS5's snippet (matches between U+E000 and U+E001) as (text, is_match) segments, so a page
    shows the match without ever reading article text as markup."""
    out: list[tuple[str, bool]] = []
    for i, part in enumerate(snippet.replace("\ue001", "\ue000").split("\ue000")):
        if part:
            out.append((part, i % 2 == 1))
    return out


@router.get("/articles", response_model=Page[ArticleModel])
def articles(
    *,
    request: Request,
    q: Annotated[str | None, Query(max_length=200, description="words to search for (all must occur)")] = None,
    source: Annotated[str | None, Query(max_length=200, description="the outlet")] = None,
    bounds: Annotated[DateBounds, Depends()],
    paging: Annotated[Paging, Depends()],
    state: ServedDep,
) -> Response:
    """Stored articles by date, or by relevance to ``q`` with the matching passage."""
    found, total = state.views.store().article_page(
        query=q, source=source, since=bounds.since, until=bounds.until, limit=paging.limit, offset=paging.offset,
    )
    rows: list[dict[str, Any]] = []
    for stored, snippet in found:
        row = stored_article_dict(stored)
        if snippet is not None:
            row["snippet"] = _segments(snippet)
        rows.append(row)
    return json_response(page(request, None, paging, total=total, rows=rows))


@router.get("/articles/{article_id:path}", response_model=ArticleText)
def article(article_id: str, state: ServedDep) -> Response:
    """One article with its text, so a page can show evidence in context."""
    stored = state.views.store().get_article(article_id)
    if stored is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return json_response(stored_article_dict(stored, text=True))
