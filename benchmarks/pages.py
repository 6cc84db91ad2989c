"""Benchmark: server time of every list and detail page of the demo, as each demo user (issue 16: < 500 ms
on SQLite).

Needs the demo (``make db demo``, or ``MINZHENG_VAR_DIR=… make db demo``). For each demo user of 丹东市,
元宝区 and 七道街道 it opens the home page, follows every sidebar entry and every tab/sub-navigation link of
those pages (the list pages), then the first two record links of each list's table (the detail pages). Each
page is fetched once to warm up, then ``--repeat`` times through Django's test client in this process — the
time the server spends (middleware, queries, templates), not the network. The baseline, measured in the same
run, is ``/healthz``: the same client and middleware with no page work.

    MINZHENG_VAR_DIR=/work/demo-var .venv/bin/python benchmarks/pages.py
    MINZHENG_VAR_DIR=/work/demo-var .venv/bin/python benchmarks/pages.py --users county_caseworker --repeat 1
"""

import argparse
import os
import statistics
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minzheng.settings")

ROLES = ("caseworker", "reviewer", "approver", "leader", "sysadmin")
USERS = [f"{level}_{role}" for level in ("city", "county", "township") for role in ROLES]
LIMIT_MS = 500
# Not pages: downloads, exports, actions answered by GET with a file, the reveal of an ID number.
SKIP = (
    "logout",
    "export=",
    ".pdf",
    ".xlsx",
    ".docx",
    ".csv",
    "download",
    "reveal",
    "/api/",
    "/static/",
    "/files/",
)


class Links(HTMLParser):
    """The links of a page, by where they sit: the sidebar, tab bars / sub-navigation, table rows."""

    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.sidebar: list[str] = []
        self.tabs: list[str] = []
        self.rows: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = attributes.get("class") or ""
        if tag in ("nav", "div", "table", "tbody"):
            marker = ""
            if tag == "nav" and "sidebar" in classes:
                marker = "sidebar"
            elif tag == "div" and ("subnav" in classes or attributes.get("role") == "tablist"):
                marker = "tabs"
            elif tag == "tbody":
                marker = "rows"
            self.stack.append(marker)
        if tag == "a" and (href := attributes.get("href")) and href.startswith("/"):
            where = next((m for m in reversed(self.stack) if m), "")
            {"sidebar": self.sidebar, "tabs": self.tabs, "rows": self.rows}.get(where, []).append(href)

    def handle_endtag(self, tag):
        if tag in ("nav", "div", "table", "tbody") and self.stack:
            self.stack.pop()


def links_of(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    return parser


def page_url(href: str) -> str | None:
    if any(part in href for part in SKIP):
        return None
    parts = urlsplit(href)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def timed_get(client, url: str, repeat: int) -> tuple[int, float, str]:
    response = client.get(url)  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    body = response.content.decode(errors="replace") if response.status_code == 200 else ""
    return response.status_code, statistics.median(times), body


def walk(client, repeat: int, details_per_list: int) -> list[tuple[str, int, float]]:
    """(url, status, median ms) for home, the sidebar's lists, their tabs, and a few records of each."""
    seen: dict[str, tuple[int, float]] = {}

    def visit(url: str) -> str:
        if url in seen:
            return ""
        status, ms, body = timed_get(client, url, repeat)
        seen[url] = (status, ms)
        return body

    home = links_of(visit("/"))
    lists = [u for u in map(page_url, home.sidebar) if u]
    for url in list(lists):
        for tab in map(page_url, links_of(visit(url)).tabs):
            if tab and tab not in lists:
                lists.append(tab)
    for url in lists:
        body = visit(url)
        rows = [u for u in map(page_url, links_of(body).rows) if u and u not in lists]
        for detail in list(dict.fromkeys(rows))[:details_per_list]:
            visit(detail)
    return [(url, status, ms) for url, (status, ms) in seen.items()]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", nargs="+", default=USERS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--details", type=int, default=2, help="record pages opened from each list")
    parser.add_argument("--show", type=int, default=15, help="slowest pages printed")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from minzheng.core.models import User

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    print(
        f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]} {settings.DATABASES['default']['NAME']}"
    )
    baseline_client = Client()
    _, baseline_ms, _ = timed_get(baseline_client, "/healthz", max(args.repeat, 5))
    print(f"baseline /healthz: {baseline_ms:.1f} ms (median of {max(args.repeat, 5)})")

    results = []  # (ms, status, user, url)
    for username in args.users:
        user = User.objects.filter(username=username).first()
        if user is None:
            print(f"{username}: not in this database (run make demo)")
            continue
        client = Client()
        client.force_login(user)
        started = time.perf_counter()
        pages = walk(client, args.repeat, args.details)
        over = [p for p in pages if p[2] > LIMIT_MS]
        print(
            f"{username:22} {len(pages):3} pages in {time.perf_counter() - started:5.1f} s, "
            f"median {statistics.median(p[2] for p in pages):6.1f} ms, max {max(p[2] for p in pages):7.1f} ms, "
            f"over {LIMIT_MS} ms: {len(over)}"
        )
        results += [(ms, status, username, url) for url, status, ms in pages]

    results.sort(reverse=True)
    print(f"\nslowest {args.show} pages (median server time):")
    for ms, status, username, url in results[: args.show]:
        print(f"  {ms:7.1f} ms  {status}  {username:20} {url}")
    # a page a link leads to must open: a 404 behind a link is a broken page for that user, a 5xx a bug
    failures = [r for r in results if r[1] >= 400]
    for _ms, status, username, url in failures:
        print(f"  answered {status}: {username} {url}")
    over = [r for r in results if r[0] > LIMIT_MS]
    distinct = len({r[3] for r in results})
    print(
        f"\n{len(results)} page views ({distinct} distinct URLs), {len(over)} over {LIMIT_MS} ms, "
        f"{len(failures)} links answering 4xx/5xx; baseline {baseline_ms:.1f} ms"
    )
    sys.exit(1 if over or failures else 0)


if __name__ == "__main__":
    main()
