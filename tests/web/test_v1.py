"""The /v1 REST API against a real server on localhost over a real SQLite store."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import BaseModel, TypeAdapter

from chronicle import Chronicle
from chronicle.errors import InputError
from chronicle.web import ServeConfig, create_app, schemas

from .conftest import ROOT, serving

TOKEN = "a-test-token-of-32-characters-xx"
SAMPLE = ROOT / "examples" / "harbor-strike"


def get(url: str, **params: Any) -> httpx.Response:
    return httpx.get(url, params=params, timeout=120)


@pytest.mark.parametrize(
    ("path", "model"),
    [
        ("/v1/story", schemas.Story),
        ("/v1/timeline", schemas.Timeline),
        ("/v1/entities", schemas.Page[schemas.Entity]),
        ("/v1/events", schemas.Page[schemas.Event]),
        ("/v1/claims", schemas.Page[schemas.Claim]),
        ("/v1/claim-groups", schemas.Page[schemas.ClaimGroup]),
        ("/v1/disagreements", schemas.Page[schemas.Disagreement]),
        ("/v1/articles", schemas.Page[schemas.Article]),
        ("/v1/articles?q=strike", schemas.Page[schemas.Article]),
    ],
)
def test_answers_follow_their_documented_models(server: str, path: str, model: type[BaseModel]) -> None:
    response = httpx.get(server + path, timeout=120)
    assert response.status_code == 200
    TypeAdapter(model).validate_python(response.json(), strict=False)
    documented = httpx.get(f"{server}/openapi.json", timeout=30).json()["paths"]
    assert path.split("?")[0] in documented


def test_story_counts_articles_and_outlets(server: str) -> None:
    story = get(f"{server}/v1/story").json()
    assert story["articles"] == 13
    assert {s["name"] for s in story["sources"]} >= {"Valmora Courier", "Northern Wire Service"}
    assert story["first"] == "2025-03-01" and story["generation"] >= 13


def test_lists_are_paged_with_a_next_link(server: str) -> None:
    first = get(f"{server}/v1/entities", limit=2).json()
    assert len(first["items"]) == 2 and first["total"] > 2 and first["offset"] == 0
    second = httpx.get(first["next"], timeout=60).json()
    assert second["offset"] == 2 and second["items"][0]["id"] != first["items"][0]["id"]
    everything = get(f"{server}/v1/entities", limit=500).json()
    assert everything["next"] is None and len(everything["items"]) == everything["total"]
    assert get(f"{server}/v1/events", limit=501).status_code == 422
    assert get(f"{server}/v1/events", offset=-1).status_code == 422
    # Found by the schemathesis fuzzer: an offset past what SQLite takes as an integer was a 500.
    assert get(f"{server}/v1/articles", offset=2**63).status_code == 422
    assert get(f"{server}/v1/articles", offset=10**9).json()["items"] == []


@pytest.mark.parametrize(
    ("since", "until", "low", "high"),
    [
        ("2025-03", None, "2025-03-01", "9999"),
        (None, "2025-03", "0000", "2025-03-31"),
        ("2025-03-07", "2025-03-14", "2025-03-07", "2025-03-14"),
        ("2025", "2025", "2025-01-01", "2025-12-31"),
    ],
)
def test_since_and_until_take_a_year_month_or_day(
    server: str, since: str | None, until: str | None, low: str, high: str
) -> None:
    params = {k: v for k, v in (("since", since), ("until", until)) if v}
    events = get(f"{server}/v1/events", limit=500, **params).json()["items"]
    claims = get(f"{server}/v1/claims", limit=500, **params).json()["items"]
    assert events and all(low <= e["first"] <= high for e in events)
    assert all(c["date"] and low <= c["date"] <= high for c in claims)


def test_a_bad_date_is_a_clear_error(server: str) -> None:
    answer = get(f"{server}/v1/events", since="March")
    assert answer.status_code == 422 and "YYYY" in answer.text


def test_claims_filter_by_speaker_entity_and_stance(server: str) -> None:
    denials = get(f"{server}/v1/claims", stance="denies").json()["items"]
    assert denials and all(c["stance"] == "denies" for c in denials)
    assert get(f"{server}/v1/claims", stance="shouts").status_code == 422
    every = get(f"{server}/v1/claims", limit=500).json()["items"]
    spoken = [c for c in every if c["speaker_story_entity"]]
    assert spoken, "some speakers are story entities"
    entity = spoken[0]["speaker_story_entity"]
    by_id = get(f"{server}/v1/claims", speaker=entity, limit=500).json()["items"]
    assert by_id and all(c["speaker_story_entity"] == entity or c["speaker"] for c in by_id)
    assert {id(c) for c in by_id} and len(by_id) >= sum(1 for c in every if c["speaker_story_entity"] == entity)


def test_events_of_an_entity(server: str) -> None:
    union = get(f"{server}/v1/entities", q="Dockworkers Union").json()["items"][0]
    found = get(f"{server}/v1/events", entity=union["id"], limit=500).json()
    names = {n.casefold() for n in (union["name"], *union["aliases"])}
    assert found["total"] >= 1
    assert all({a.casefold() for a in e["actors"]} & names or (e["agent"] or "").casefold() in names
               for e in found["items"])


def test_search_highlights_the_match_as_segments(server: str) -> None:
    found = get(f"{server}/v1/articles", q="replacement crews").json()
    assert found["total"] >= 1
    segments = found["items"][0]["snippet"]
    assert any(is_match and text.casefold() in ("replacement", "crews") for text, is_match in segments)
    # Words that are FTS5 syntax are searched as words, not parsed as a query.
    for hostile in ['"', "AND", "NEAR(", "title:x", "*", "-"]:
        assert get(f"{server}/v1/articles", q=hostile).status_code == 200


def test_one_article_with_its_text_and_a_missing_one(server: str) -> None:
    first = get(f"{server}/v1/articles", limit=1).json()["items"][0]
    article = get(f"{server}/v1/articles/{first['id']}").json()
    assert article["id"] == first["id"] and len(article["text"]) > 100
    assert get(f"{server}/v1/articles/no-such-article").status_code == 404


def test_timeline_of_one_entity(server: str) -> None:
    whole = get(f"{server}/v1/timeline").json()
    court = get(f"{server}/v1/timeline", entity="Valmora Port Authority").json()
    assert court["entries"] and len(court["entries"]) <= len(whole["entries"])
    assert get(f"{server}/v1/timeline", entity="Nobody At All").status_code == 404


def test_etag_gzip_and_head(server: str) -> None:
    first = httpx.get(f"{server}/v1/timeline", timeout=120, headers={"Accept-Encoding": "gzip"})
    assert first.headers["content-encoding"] == "gzip"
    tag = first.headers["etag"]
    again = httpx.get(f"{server}/v1/timeline", timeout=30, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    other = httpx.get(f"{server}/v1/timeline", params={"dates": 2}, timeout=120)
    assert other.headers["etag"] != tag
    head = httpx.head(f"{server}/v1/timeline", timeout=30)
    assert head.status_code == 200 and head.content == b""


def test_old_api_still_answers_and_says_it_is_deprecated(server: str) -> None:
    old = get(f"{server}/api/claims", stance="denies")
    assert old.status_code == 200 and isinstance(old.json(), list)
    assert old.headers["deprecation"] == "true"
    paths = httpx.get(f"{server}/openapi.json", timeout=30).json()["paths"]
    assert paths["/api/timeline"]["get"]["deprecated"] is True


def test_other_host_names_are_refused(server: str) -> None:
    assert httpx.get(f"{server}/v1/story", headers={"Host": "attacker.example"}, timeout=30).status_code == 400
    assert httpx.get(f"{server}/v1/story", headers={"Host": "localhost"}, timeout=30).status_code == 200


def test_uploads_need_a_token(server: str) -> None:
    files = {"files": ("a.txt", b"date: 2025-05-01\n\nA test article.", "text/plain")}
    assert httpx.post(f"{server}/v1/ingest", files=files, timeout=30).status_code == 403


@pytest.fixture()
def writable(tmp_path: Path) -> Iterator[str]:
    db = tmp_path / "w.db"
    with Chronicle(db) as story:
        story.ingest([SAMPLE / "2025-03-01-dockworkers-vote-to-strike.txt"])
    config = ServeConfig(token=TOKEN, max_upload_bytes=200_000, max_upload_files=5)
    with serving(create_app(db, config=config)) as url:
        yield url


def _wait(url: str, job: dict[str, Any]) -> dict[str, Any]:
    deadline = time.monotonic() + 120
    while job["status"] in ("queued", "running"):
        assert time.monotonic() < deadline, "the upload job did not finish"
        time.sleep(0.1)
        job = httpx.get(f"{url}/v1/jobs/{job['id']}", timeout=30).json()
    return job


def test_upload_is_a_job_whose_report_names_each_file(writable: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    before = get(f"{writable}/v1/story").json()
    tag = httpx.get(f"{writable}/v1/timeline", timeout=120).headers["etag"]
    files = [
        ("files", ("deal.txt", (SAMPLE / "2025-04-05-deal-struck.txt").read_bytes(), "text/plain")),
        ("files", ("empty.txt", b"", "text/plain")),
    ]
    assert httpx.post(f"{writable}/v1/ingest", files=files, timeout=30).status_code == 401
    answer = httpx.post(f"{writable}/v1/ingest", files=files, headers=auth, timeout=30)
    assert answer.status_code == 202
    job = _wait(writable, answer.json())
    assert job["status"] == "done" and job["files"] == 2
    assert len(job["report"]["added"]) == 1
    assert [r["path"] for r in job["report"]["rejections"]] == ["empty.txt"]
    after = get(f"{writable}/v1/story").json()
    assert after["articles"] == before["articles"] + 1 and after["generation"] > before["generation"]
    # The write made every cached view stale: the timeline is new, not served from before.
    assert httpx.get(f"{writable}/v1/timeline", timeout=120, headers={"If-None-Match": tag}).status_code == 200


def test_a_zip_upload_is_unpacked(writable: str) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../escape/walk-out.txt", (SAMPLE / "2025-03-03-dockworkers-walk-out.txt").read_bytes())
        archive.writestr("talks.txt", (SAMPLE / "2025-03-07-port-talks-paused.txt").read_bytes())
    answer = httpx.post(f"{writable}/v1/ingest", files={"files": ("batch.zip", buffer.getvalue())},
                        headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30)
    job = _wait(writable, answer.json())
    assert job["status"] == "done" and len(job["report"]["added"]) == 2
    assert sorted(job["report"]["added"]) == ["talks", "walk-out"]


def test_an_uploaded_article_has_the_id_a_cli_ingest_gives_and_is_not_stored_twice(writable: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    deal = ("files", ("2025-04-05-deal-struck.txt", (SAMPLE / "2025-04-05-deal-struck.txt").read_bytes(), "text/plain"))
    other = ("files", ("talks.txt", (SAMPLE / "2025-03-07-port-talks-paused.txt").read_bytes(), "text/plain"))
    first = _wait(writable, httpx.post(f"{writable}/v1/ingest", files=[deal], headers=auth, timeout=30).json())
    assert first["report"]["added"] == ["2025-04-05-deal-struck"]
    # Sent again, second in a batch this time: the same article, unchanged, not a copy of itself.
    again = _wait(writable, httpx.post(f"{writable}/v1/ingest", files=[other, deal], headers=auth, timeout=30).json())
    assert again["report"]["unchanged"] == ["2025-04-05-deal-struck"]
    assert again["report"]["added"] == ["talks"] and again["report"]["copies"] == []


@pytest.mark.parametrize(
    ("files", "reason"),
    [
        ([("files", ("big.txt", b"x" * 300_000, "text/plain"))], "limit of 200000 bytes"),
        ([("files", (f"{i}.txt", b"date: 2025-05-01\n\nText.", "text/plain")) for i in range(6)], "more than 5 files"),
    ],
)
def test_upload_limits_give_413(writable: str, files: list[Any], reason: str) -> None:
    answer = httpx.post(f"{writable}/v1/ingest", files=files, headers={"Authorization": f"Bearer {TOKEN}"},
                        timeout=30)
    assert answer.status_code == 413 and reason in answer.json()["detail"]


def test_a_zip_bomb_is_refused(writable: str) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.txt", b"\0" * 5_000_000)
    assert len(buffer.getvalue()) < 200_000
    answer = httpx.post(f"{writable}/v1/ingest", files={"files": ("bomb.zip", buffer.getvalue())},
                        headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30)
    assert answer.status_code == 413


def test_off_the_loopback_every_request_needs_the_token(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    with Chronicle(db) as story:
        story.ingest([SAMPLE / "2025-03-01-dockworkers-vote-to-strike.txt"])
    with pytest.raises(InputError, match="API token"):
        create_app(db, config=ServeConfig(host="0.0.0.0"))
    app = create_app(db, config=ServeConfig(host="0.0.0.0", token=TOKEN))
    with serving(app) as url:
        assert httpx.get(f"{url}/v1/story", timeout=30).status_code == 401
        assert httpx.get(f"{url}/v1/story", headers={"Authorization": "Bearer wrong-token-000000"},
                         timeout=30).status_code == 401
        assert httpx.get(f"{url}/v1/story", headers={"Authorization": f"Bearer {TOKEN}"},
                         timeout=30).status_code == 200
        with httpx.Client(base_url=url, timeout=30, follow_redirects=True) as browser:
            assert browser.get("/", params={"token": TOKEN}).status_code == 200
            assert browser.get("/v1/story").status_code == 200


def test_serve_refuses_the_network_without_a_token(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    with Chronicle(db) as story:
        story.ingest([SAMPLE / "2025-03-01-dockworkers-vote-to-strike.txt"])
    chronicle = shutil.which("chronicle", path=str(Path(sys.executable).parent)) or "chronicle"
    env = {"PATH": str(Path(sys.executable).parent), "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([chronicle, "serve", "--db", str(db), "--host", "0.0.0.0"], capture_output=True,
                          text=True, timeout=60, env=env)
    assert done.returncode != 0 and "API token" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("fmt", "media", "marker"),
    [
        ("html", "text/html", "<!doctype html"),
        ("timelinejs", "application/json", '"events"'),
        ("csv-events", "text/csv", "date,"),
        ("csv-claims", "text/csv", "speaker"),
        ("markdown", "text/markdown", "#"),
    ],
)
def test_exports_download_as_files(server: str, fmt: str, media: str, marker: str) -> None:
    answer = get(f"{server}/v1/export/{fmt}")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith(media)
    assert "attachment" in answer.headers["content-disposition"]
    assert marker in answer.text[:2000].lower() or marker in answer.text[:2000]
    assert "<script>window.__pwned" not in answer.text
    assert get(f"{server}/v1/export/pdf").status_code == 404


def test_a_timeline_without_its_claims_keeps_only_what_its_entries_cite(server: str) -> None:
    whole = get(f"{server}/v1/timeline").json()
    light = get(f"{server}/v1/timeline", claims="false").json()
    assert whole["claims"] and whole["claim_groups"]
    assert light["claims"] == [] and light["claim_groups"] == []
    assert light["entries"] == whole["entries"] and light["disagreements"] == whole["disagreements"]
    cited = {s for e in light["entries"] for ev in e["events"] for s in ev["sources"]}
    assert {a["id"] for a in light["articles"]} == cited | {
        s for d in light["disagreements"] for side in d["sides"] for s in side["sources"]}
    assert len(light["articles"]) < len(whole["articles"])


def test_each_claim_says_its_outlet_and_how_many_reported_it(server: str) -> None:
    claims = get(f"{server}/v1/claims", limit=500).json()["items"]
    groups = {g["id"]: g for g in get(f"{server}/v1/claim-groups", limit=500).json()["items"]}
    outlets = {a["id"]: a["source"] for a in get(f"{server}/v1/articles", limit=500).json()["items"]}
    assert claims and all(c["outlet"] == outlets[c["article"]] for c in claims)
    assert all(c["reported_by"] == len(groups[c["group"]]["sources"]) for c in claims if c.get("group"))
    assert any(c["reported_by"] > 1 for c in claims)
