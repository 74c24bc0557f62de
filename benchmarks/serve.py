"""The server under load: 20 concurrent clients on the timeline, search, events and claims.

    python benchmarks/serve.py [--data ../shared/bench/t17] [--articles 10000] [--db PATH]
                               [--clients 20] [--seconds 20] [--json]

Builds (once, kept at ``--db``) a store of ``--articles`` articles from Timeline17, repeating
the corpus as needed: a repeat is stored as a copy of its original, as a re-published wire
story is, so the store holds that many articles and the originals are analysed. Then it starts
``chronicle serve`` (a real server, in its own process), times the first request of each
endpoint (the views are computed once for the store state), and has ``--clients`` concurrent
clients request each endpoint for ``--seconds`` seconds: requests per second, median and 95th
percentile latency. Last, the page in Debian's chromium: time until it is interactive
(its timeline drawn), and its height.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import T17

ENDPOINTS = {
    "timeline": "/v1/timeline",
    "timeline (as the page asks)": "/v1/timeline?claims=false",
    "search": "/v1/articles?q=oil+spill+well&limit=20",
    "events": "/v1/events?since=2010-05&until=2010-06&limit=50",
    "claims": "/v1/claims?stance=denies&limit=50",
}


#: The page's own first requests (see web/static/app.js).
PAGE_REQUESTS = (
    "/v1/story",
    "/v1/timeline?claims=false",
    "/v1/timeline?all=true&claims=false",
    "/v1/entities?limit=25",
    "/v1/claims?limit=20",
    "/v1/disagreements?limit=4",
)


def _chronicle() -> str:
    return shutil.which("chronicle", path=str(Path(sys.executable).parent)) or "chronicle"


def build_store(data: Path, articles: int, db: Path) -> None:
    """A store of ``articles`` articles: the corpus, repeated with new ids as needed."""
    from chronicle.ingest import read_articles
    from chronicle.models import Article

    corpus = [a for a in read_articles([data]) if isinstance(a, Article) and a.published]
    with tempfile.TemporaryDirectory() as folder:
        lines = Path(folder) / "corpus.jsonl"
        with lines.open("w", encoding="utf-8") as out:
            for n in range(articles):
                a = corpus[n % len(corpus)]
                out.write(json.dumps({
                    "id": f"r{n // len(corpus)}-{a.id}", "text": a.text, "title": a.title,
                    "source": a.source, "date": a.published.isoformat() if a.published else None,
                }) + "\n")
        started = time.perf_counter()
        subprocess.run([_chronicle(), "ingest", str(lines), "--db", str(db), "--analyse"], check=True)
        print(f"store built in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def load(url: str, clients: int, seconds: float) -> dict[str, float]:
    import httpx

    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client() -> None:
        nonlocal errors
        with httpx.Client(timeout=60, headers={"Accept-Encoding": "gzip"}) as http:
            while time.monotonic() < stop:
                started = time.perf_counter()
                # The bytes as sent (gzipped): unpacking them is the client's work, not the server's,
                # and here the clients share the server's two cores.
                with http.stream("GET", url) as answer:
                    for _ in answer.iter_raw():
                        pass
                took = time.perf_counter() - started
                with lock:
                    latencies.append(took)
                    errors += answer.status_code != 200

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "errors": errors,
        "rps": round(len(ordered) / seconds, 1),
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 1),
    }


def page_timing(base: str) -> dict[str, float]:
    """Time until the page's key dates can be used, until its time axis is drawn, and the page's
    height, in Debian's chromium."""
    chromium = shutil.which("chromium")
    if chromium is None:
        return {}
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        started = time.perf_counter()
        page.goto(base)
        page.wait_for_selector(".entry .event button, .entry .event", timeout=60_000)
        interactive = time.perf_counter() - started  # the key dates shown, their events clickable
        page.wait_for_selector(".vis-item", timeout=60_000)
        axis = time.perf_counter() - started
        height = page.evaluate("document.documentElement.scrollHeight")
        browser.close()
    return {"interactive_s": round(interactive, 2), "axis_s": round(axis, 2), "height_px": height}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=T17)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "chronicle-serve-bench.db")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"no benchmark data at {args.data}", file=sys.stderr)
        return 2
    if not args.db.exists():
        build_store(args.data, args.articles, args.db)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([_chronicle(), "serve", "--db", str(args.db), "--port", str(port)],
                              env={**os.environ}, stderr=subprocess.DEVNULL)
    result: dict[str, Any] = {"articles": args.articles, "clients": args.clients, "seconds": args.seconds}
    try:
        import httpx

        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/v1/story", timeout=5)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        result["story"] = httpx.get(f"{base}/v1/story", timeout=30).json()["articles"]
        first: dict[str, float] = {}
        for name, path in ENDPOINTS.items():
            started = time.perf_counter()
            httpx.get(base + path, timeout=3600).raise_for_status()
            first[name] = round(time.perf_counter() - started, 2)
        result["first_request_s"] = first
        # What the page asks for on load, made once for this store state before the page is timed.
        for path in PAGE_REQUESTS:
            started = time.perf_counter()
            httpx.get(base + path, timeout=3600).raise_for_status()
            first[path] = round(time.perf_counter() - started, 2)
        result["load"] = {name: load(base + path, args.clients, args.seconds) for name, path in ENDPOINTS.items()}
        result["page"] = page_timing(base)
    finally:
        server.terminate()
        server.wait(timeout=30)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"store: {result['story']} articles; {args.clients} clients, {args.seconds:.0f} s per endpoint")
        print(f"first request (computes the views once): {result['first_request_s']}")
        for name, row in result["load"].items():
            print(f"  {name:28} {row['rps']:7.1f} req/s  p50 {row['p50_ms']:7.1f} ms  p95 {row['p95_ms']:7.1f} ms"
                  f"  errors {row['errors']}")
        print(f"page: {result['page']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
