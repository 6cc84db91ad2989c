"""A small demo world and the walk over its pages, shared by the page checks (no developer strings, nothing
wider than the screen, accessibility) and the page-timing benchmark.

``build_demo_world()`` loads what ``make db demo`` loads, with small sizes (1,500 households instead of
20,000), through the demo commands themselves — the same data a user sees after ``make run``. The
``demo_world`` fixture builds it once per test module in the test database and empties the database after the
module, so no other file — whatever order pytest-xdist hands the files to a worker in — sees its rows or finds
it gone (Django's live-server tests empty the tables after each test). Tests that use it are also moved to the
end of the run (``tests/e2e/conftest.py``).

``walk_pages(client, …)`` lists the pages a user reaches: every sidebar link, every link in the body of those
pages (tabs, toolbars, forms), and the detail pages linked from the first rows of each table — one level
further for tabs, so a tab's list gives its first details too.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

DEMO_PASSWORD = "Yalu#River26-test"
DEMO_HOUSEHOLDS = 1_500

# One demo user per role (the roles a caseworker's day meets, and the three administrators).
ROLE_USERS = [
    "county_caseworker",
    "township_reviewer",
    "county_approver",
    "city_leader",
    "city_sysadmin",
    "county_secadmin",
    "county_auditadmin",
]

# Pages never walked: they act (logout) or leave the platform's HTML (API docs).
SKIPPED_PREFIXES = ("/logout/", "/api/", "/static/", "/media/")
SKIPPED_QUERY = re.compile(r"(^|&)(export|format|download)=")
FIRST_ROWS = 2

# Forms where an administrator types a configuration language, whose help must name its codes: the bank-file
# column definitions (表头|字段|格式), an indicator's formula ({a.b} / {c.d}), a program setting's conditions
# (JSON). Known and left as they are (issue 16 report): a picker per code would replace them.
CONFIGURATION_LANGUAGES = {
    "/payments/bank-formats/new/",
    "/payments/bank-formats/N/edit/",
    "/planning/indicators/new/",
    "/planning/indicators/N/",
    "/assistance/settings/",
}


def build_demo_world(*, households: int = DEMO_HOUSEHOLDS) -> None:
    """``make db demo`` with small sizes, into the current database (empty, migrated)."""
    from io import StringIO

    from django.core.management import call_command

    os.environ.setdefault("MINZHENG_DEMO_PASSWORD", DEMO_PASSWORD)
    quiet = {"stdout": StringIO()}
    call_command("load_divisions", "--provinces", "21", **quiet)
    for name in ("load_policy", "load_assistance_policy", "load_plans", "load_bank_formats"):
        call_command(name, **quiet)
    call_command("load_monitoring_rules", **quiet)
    call_command("load_funeral_policy", **quiet)
    call_command("load_division_changes", **quiet)
    call_command("load_onestop_matters", **quiet)
    call_command("demo", "--households", str(households), **quiet)
    call_command("demo_assistance", **quiet)
    call_command("demo_exchange", **quiet)
    call_command("demo_eldercare", **quiet)
    call_command("demo_marriage", **quiet)
    call_command("demo_children", **quiet)
    call_command("demo_socialorgs", "--count", "40", **quiet)
    call_command("demo_placenames", "--count", "300", **quiet)
    call_command("demo_community", "--grid-households", "20", **quiet)
    call_command("demo_planning", **quiet)
    call_command("demo_payments", "--households", "30", **quiet)
    call_command("demo_monitoring", **quiet)
    call_command("demo_funeral", "--deaths", "20", **quiet)
    call_command("demo_onestop", "--residents", "10", **quiet)
    call_command("demo_funds", "--outlets", "30", **quiet)
    call_command("demo_rescue", **quiet)
    call_command("demo_disability", **quiet)
    call_command("demo_datacenter", **quiet)  # last: it checks the quality of everything above
    _verify_a_township()


def _verify_a_township() -> None:
    """批量核对 of 七道街道 as the county caseworker does it (发起核对), so the world has 核对 reports with
    their reasons and evidence; run here, not by a worker (the benchmark runs without one)."""
    import datetime as dt

    from minzheng.core.models import User
    from minzheng.verification.models import VerificationRun
    from minzheng.verification.services.runs import execute_run, start_batch

    user = User.objects.get(username="county_caseworker")
    run = start_batch(user, division_code="210602002000", program="dibao", on=dt.date.today())
    run.refresh_from_db()
    if run.status == VerificationRun.QUEUED:
        execute_run(run.pk)


@dataclass
class DemoWorld:
    password: str
    users: list[str] = field(default_factory=lambda: list(ROLE_USERS))


@pytest.fixture(scope="module")
def demo_world(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[DemoWorld]:
    from django.core.management import call_command
    from django.test import override_settings

    var_dir = tmp_path_factory.mktemp("demo-var")
    overrides = override_settings(VAR_DIR=var_dir, MEDIA_ROOT=var_dir / "media")
    overrides.enable()
    previous = os.environ.get("MINZHENG_DEMO_PASSWORD")
    os.environ["MINZHENG_DEMO_PASSWORD"] = DEMO_PASSWORD
    try:
        with django_db_blocker.unblock():
            build_demo_world()
        yield DemoWorld(password=DEMO_PASSWORD)
    finally:
        with django_db_blocker.unblock():
            call_command("flush", interactive=False, verbosity=0)
        overrides.disable()
        if previous is None:
            os.environ.pop("MINZHENG_DEMO_PASSWORD", None)
        else:
            os.environ["MINZHENG_DEMO_PASSWORD"] = previous


@pytest.fixture(scope="module")
def demo_server(demo_world, django_db_blocker):
    """A live server over the demo world for the module (pytest-django's ``live_server`` would make
    each test transactional, and Django empties every table after a transactional test)."""
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        server = LiveServer("localhost")
    server._live_server_modified_settings.enable()
    try:
        yield server
    finally:
        server._live_server_modified_settings.disable()
        server.stop()


@pytest.fixture(scope="module")
def demo_pages(demo_world, django_db_blocker) -> dict[str, list[str]]:
    """One URL per kind of page (lists, details, forms, tabs) each demo role reaches, a kind listed under the
    first role that reaches it — for the layout and accessibility checks in the browser."""
    from django.test import Client

    pages: dict[str, list[str]] = {}
    seen: set[str] = set()
    kinds: set[str] = set()
    with django_db_blocker.unblock():
        for username in demo_world.users:
            client = Client()
            client.login(username=username, password=demo_world.password)
            reached = [url for url, response in walk_pages(client, seen=seen) if response.status_code == 200]
            pages[username] = page_kinds(reached, kinds)
    return pages


def login(page, base_url: str, username: str, password: str = DEMO_PASSWORD) -> None:
    page.goto(f"{base_url}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/login/" not in url)


# --- walking the pages -----------------------------------------------------------------------------------


class _Links(HTMLParser):
    """Links of a page, split by where they stand: the sidebar, table rows (with their row index), the rest of
    the main content."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sidebar: list[str] = []
        self.body: list[str] = []
        self.rows: list[tuple[int, str]] = []
        self._in_nav = 0
        self._in_main = 0
        self._tbody = 0
        self._row = -1

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if (tag == "nav" and "sidebar" in (a.get("class") or "")) or (tag == "nav" and self._in_nav):
            self._in_nav += 1
        if tag in ("main", "header"):  # the header holds the account pages (修改密码, 动态口令)
            self._in_main += 1
        if tag == "tbody":
            self._tbody += 1
            self._row = -1
        if tag == "tr" and self._tbody:
            self._row += 1
        if tag == "a" and a.get("href"):
            href = a["href"]
            if self._in_nav:
                self.sidebar.append(href)
            elif self._in_main and self._tbody:
                self.rows.append((self._row, href))
            elif self._in_main:
                self.body.append(href)

    def handle_endtag(self, tag):
        if tag == "nav" and self._in_nav:
            self._in_nav -= 1
        if tag in ("main", "header") and self._in_main:
            self._in_main -= 1
        if tag == "tbody" and self._tbody:
            self._tbody -= 1


def links_of(html: str) -> _Links:
    parser = _Links()
    parser.feed(html)
    return parser


def _walkable(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("", "http", "https") or (parts.netloc and parts.netloc not in ("testserver",)):
        return None
    if not parts.path.startswith("/") or parts.path.startswith(SKIPPED_PREFIXES):
        return None
    if SKIPPED_QUERY.search(parts.query):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _is_record(url: str) -> bool:
    """A page of one record (``/assistance/cases/281/``): checked once, whoever reaches it first."""
    return bool(re.search(r"/\d+/", urlsplit(url).path))


def walk_pages(client, *, seen: set[str] | None = None, depth: int = 2) -> Iterator[tuple[str, object]]:
    """Yield ``(url, response)`` for every HTML page the logged-in ``client`` reaches from the sidebar: the
    sidebar's pages, then the links of their main content (all of them outside tables, those of the first
    ``FIRST_ROWS`` rows of each table), ``depth`` levels deep. ``seen`` is shared across users: a record's
    page already checked as another role is not fetched again; lists and forms are, as their content and
    buttons differ by role."""
    seen = set() if seen is None else seen
    mine: set[str] = set()  # lists and forms are walked again for each role: they differ by role
    home = client.get("/", follow=True)  # an administrator's home is their own page (the audit log)
    yield "/", home
    mine.add("/")
    found = links_of(home.content.decode())
    frontier = [u for u in map(_walkable, found.sidebar + found.body) if u]
    for level in range(depth + 1):
        following: list[str] = []
        for url in frontier:
            if url in mine or (url in seen and _is_record(url)):
                continue
            mine.add(url)
            seen.add(url)
            response = client.get(url)
            if "text/html" not in response.get("Content-Type", ""):
                continue
            yield url, response
            if response.status_code != 200 or level == depth:
                continue
            found = links_of(response.content.decode())
            hrefs = found.body + [href for row, href in found.rows if row < FIRST_ROWS]
            following += [u for u in (_walkable(urljoin(url, h)) for h in hrefs) if u and u not in mine]
        frontier = list(dict.fromkeys(following))


# Pages without login: the login page, the public institution list, a community's 公示 (printed on notices).
PUBLIC_PAGES = [
    "/login/",
    "/public/eldercare/institutions/",
    "/public/gongshi/210602002001/",
    "/public/placenames/search/?q=锦山",
    "/public/placenames/announcements/",
]


def data_strings() -> frozenset[str]:
    """Records' own values that look like code: login names (``county_caseworker``) are data on the user
    pages, typed by their holders."""
    from minzheng.core.models import User

    return frozenset(User.objects.values_list("username", flat=True))


def page_kind(url: str) -> str:
    """The page a URL shows, whatever record or filter: ``/assistance/cases/N/`` for every case."""
    return re.sub(r"/\d+(?=/)", "/N", urlsplit(url).path)


def page_kinds(urls: list[str], seen_kinds: set[str] | None = None) -> list[str]:
    """One URL per kind of page (the first met), for checks that look at layout rather than data."""
    seen_kinds = set() if seen_kinds is None else seen_kinds
    chosen = []
    for url in urls:
        kind = page_kind(url)
        if kind not in seen_kinds:
            seen_kinds.add(kind)
            chosen.append(url)
    return chosen
