"""Keyboard and accessibility (issue 16, item 8): axe-core, vendored and injected by the test (no page ships
it), finds no serious or critical violation on the main pages of the demo — home, login, the public pages, and
a list, a detail and a form of every domain; a user logs in and fills a search form with the keyboard alone,
and the focused control shows an outline."""

from collections import defaultdict
from pathlib import Path

import pytest

from tests.e2e.demo_world import PUBLIC_PAGES, login, page_kind

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

AXE = Path(__file__).resolve().parents[2] / "src/minzheng/web/static/vendor/axe-core/axe.min.js"
RUN_AXE = """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
  .filter(v => v.impact === 'serious' || v.impact === 'critical')
  .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)"""


def main_pages(pages: list[str]) -> list[str]:
    """Home, and per domain (the URL's first segment) its first list, detail and form page."""
    chosen: dict[str, dict[str, str]] = defaultdict(dict)
    for url in pages:
        kind = page_kind(url)
        segments = [s for s in kind.split("/") if s]
        domain = segments[0] if segments else ""
        role = "form" if {"new", "edit"} & set(segments) else "detail" if "N" in segments else "list"
        chosen[domain].setdefault(role, url)
    return [url for roles in chosen.values() for url in roles.values()]


def _violations(page, url: str) -> list[str]:
    page.add_script_tag(path=str(AXE))
    return [f"{url}: {v}" for v in page.evaluate(RUN_AXE)]


def test_main_pages_have_no_serious_accessibility_violation(browser, demo_server, demo_pages, demo_world):
    assert AXE.exists(), "axe-core is vendored under web/static/vendor/axe-core/"
    problems: list[str] = []
    checked = 0
    # bypass_csp: the page's Content-Security-Policy would refuse the injected axe script, as it should.
    context = browser.new_context(locale="zh-CN", viewport={"width": 1440, "height": 900}, bypass_csp=True)
    page = context.new_page()
    for url in ["/login/", *PUBLIC_PAGES[1:]]:
        page.goto(demo_server.url + url)
        problems += _violations(page, url)
        checked += 1
    context.close()
    for username, urls in demo_pages.items():
        if not urls:
            continue
        context = browser.new_context(
            locale="zh-CN", viewport={"width": 1440, "height": 900}, bypass_csp=True
        )
        page = context.new_page()
        page.set_default_timeout(15_000)
        login(page, demo_server.url, username, demo_world.password)
        for url in main_pages(urls):
            page.goto(demo_server.url + url)
            problems += _violations(page, url)
            checked += 1
        context.close()
    print(f"axe on {checked} pages")
    assert not problems, "\n".join(problems)


def test_a_caseworker_logs_in_and_searches_with_the_keyboard_alone(browser, demo_server, demo_world):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(demo_server.url + "/login/")
    if page.evaluate("document.activeElement.name") != "username":  # the box has autofocus; else Tab to it
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "username"
    page.keyboard.type("county_caseworker")
    page.keyboard.press("Tab")
    page.keyboard.type(demo_world.password)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/login/" not in url)

    page.goto(demo_server.url + "/monitoring/warnings/")
    # Tab from the top of the page until the search box has the focus: every control on the way is reachable.
    for _ in range(80):
        page.keyboard.press("Tab")
        # the header's 全局检索 box is also named q: the list's own box is the one inside <main>
        if page.evaluate("document.activeElement.name === 'q' && !!document.activeElement.closest('main')"):
            break
    else:
        pytest.fail("the search box of 预警处置 is not reachable by Tab")
    style, width = page.evaluate(
        "[getComputedStyle(document.activeElement).outlineStyle, getComputedStyle(document.activeElement).outlineWidth]"
    )
    assert style not in ("", "none") and float(width.removesuffix("px")) >= 2, (
        f"focus outline {style} {width}"
    )
    page.keyboard.type("不存在的姓名")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "q=" in url)
    assert "没有符合条件的预警" in page.inner_text("main")
    context.close()
