"""No page of the demo is wider than the screen (issue 16, item 6): every kind of list, detail and form page
each demo role reaches, opened at 1440 × 900 and 1280 × 800, has no horizontal scroll of the document. The same
pass reads what the browser shows on each (charts and htmx parts included) for developer strings (item 5;
``test_pages_show_no_developer_strings`` checks every page's HTML, this the rendered page)."""

import pytest

from tests.e2e.demo_world import CONFIGURATION_LANGUAGES, PUBLIC_PAGES, data_strings, login, page_kind
from tests.e2e.visible_text import developer_strings

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

VIEWPORTS = [(1440, 900), (1280, 800)]

WIDTH = """async () => {
  // after a resize, let the charts redraw at the new width first
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  return {scroll: document.documentElement.scrollWidth, view: window.innerWidth,
  widest: [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > window.innerWidth)
    .slice(-1).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))[0] || ''}}"""


def _overflows(page, url: str) -> list[str]:
    found = []
    for width, height in VIEWPORTS:
        page.set_viewport_size({"width": width, "height": height})
        measured = page.evaluate(WIDTH)
        if measured["scroll"] > measured["view"]:
            found.append(f"{url} @{width}: {measured['scroll']} px ({measured['widest']})")
    return found


def _shown(page, url: str, data: frozenset[str]) -> list[str]:
    if page_kind(url) in CONFIGURATION_LANGUAGES:
        return []
    return [f"{url}: {found}" for found in developer_strings(page.inner_text("body"), data=data)]


def test_no_page_is_wider_than_the_screen(browser, demo_server, demo_pages, demo_world, django_db_blocker):
    problems: list[str] = []
    shown: list[str] = []
    checked = 0
    with django_db_blocker.unblock():
        data = data_strings()
    for username, urls in demo_pages.items():
        if not urls:
            continue
        context = browser.new_context(locale="zh-CN", viewport={"width": 1440, "height": 900})
        page = context.new_page()
        page.set_default_timeout(15_000)
        login(page, demo_server.url, username, demo_world.password)
        for url in urls:
            page.set_viewport_size({"width": 1440, "height": 900})
            page.goto(demo_server.url + url)
            shown += _shown(page, url, data)
            problems += _overflows(page, url)
            checked += 1
        context.close()
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    for url in PUBLIC_PAGES:
        page.goto(demo_server.url + url)
        shown += _shown(page, url, data)
        problems += _overflows(page, url)
        checked += 1
    context.close()
    print(f"{checked} pages at {len(VIEWPORTS)} sizes")
    assert not problems, "\n".join(problems)
    assert not shown, "developer strings on screen:\n" + "\n".join(shown)
