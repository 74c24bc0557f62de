"""The REST API against a real server on localhost."""

from __future__ import annotations

import httpx
import pytest

from chronicle.errors import InputError
from chronicle.web import create_app


def test_timeline_follows_the_json_contract(server: str) -> None:
    data = httpx.get(f"{server}/api/timeline", timeout=120).json()
    assert data["schema"] == "chronicle.timeline/1"
    assert any(e["date"] == "2025-03-03" for e in data["entries"])
    assert {a["source"] for a in data["articles"]} >= {"Valmora Courier", "Northern Wire Service"}
    assert isinstance(data["claims"], list) and isinstance(data["disagreements"], list)


def test_timeline_options(server: str) -> None:
    data = httpx.get(f"{server}/api/timeline", params={"dates": 2, "since": "2025-04-01"}, timeout=120).json()
    assert len(data["entries"]) == 2
    assert all(e["date"] >= "2025-04" for e in data["entries"])
    bad = httpx.get(f"{server}/api/timeline", params={"dates": 0}, timeout=30)
    assert bad.status_code == 422


def test_articles_and_one_article(server: str) -> None:
    rows = httpx.get(f"{server}/api/articles", timeout=30).json()
    assert len(rows) == 13 and sum(1 for r in rows if r["duplicate_of"]) == 2
    first = rows[0]["id"]
    article = httpx.get(f"{server}/api/articles/{first}", timeout=30).json()
    assert article["id"] == first and len(article["text"]) > 100
    assert httpx.get(f"{server}/api/articles/no-such-article", timeout=30).status_code == 404


def test_claims_filter_and_entities(server: str) -> None:
    claims = httpx.get(f"{server}/api/claims", params={"stance": "denies"}, timeout=120).json()
    assert claims and all(c["stance"] == "denies" for c in claims)
    assert httpx.get(f"{server}/api/claims", params={"stance": "shouts"}, timeout=30).status_code == 400
    entities = httpx.get(f"{server}/api/entities", timeout=120).json()
    assert any(e["type"] == "PERSON" for e in entities)
    events = httpx.get(f"{server}/api/events", timeout=120).json()
    assert isinstance(events, list)


def test_page_is_served_with_a_strict_content_security_policy(server: str) -> None:
    page = httpx.get(server, timeout=30)
    assert page.status_code == 200 and "chronicle" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert httpx.get(f"{server}/static/app.js", timeout=30).status_code == 200
    assert "innerHTML" not in httpx.get(f"{server}/static/app.js", timeout=30).text


def test_openapi_schema_lists_the_endpoints(server: str) -> None:
    paths = httpx.get(f"{server}/openapi.json", timeout=30).json()["paths"]
    assert {"/api/timeline", "/api/articles", "/api/claims", "/api/entities", "/api/events"} <= set(paths)


def test_missing_store_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError):
        create_app(tmp_path / "none.db")


def test_claims_by_the_day_they_were_said(server: str) -> None:
    every = httpx.get(f"{server}/api/claims", timeout=120).json()
    days = sorted({c["date"] for c in every})
    one = httpx.get(f"{server}/api/claims", params={"since": days[0], "until": days[0]}, timeout=120).json()
    assert one and all(c["date"] == days[0] for c in one) and len(one) < len(every)
