"""Which stored article an incoming one is: a re-ingest, an update, or a different article."""

from __future__ import annotations

from dataclasses import replace

from chronicle.models import Article

__all__ = ["resolve_id"]


def resolve_id(article: Article, stored_hash: str | None, stored_path: str | None) -> tuple[Article, bool]:
    """The id the article is stored under, and whether it updates the stored one.

    Same id and text is a re-ingest; same id and path is an update (the file changed);
    otherwise a different article that happens to share a file stem gets an id suffixed with
    its content hash, so neither overwrites the other.
    """
    if stored_hash is None or stored_hash == article.content_hash:
        return article, False
    if stored_path == article.path:
        return article, True
    return replace(article, id=f"{article.id}@{article.content_hash[:8]}"), False
