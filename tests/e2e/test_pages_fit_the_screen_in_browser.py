"""No page of the demo is wider than the screen (issue 16, item 6): every kind of list, detail and form page
each demo role reaches, opened at 1440 × 900 and 1280 × 800, has no horizontal scroll of the document."""

import pytest

from tests.e2e.demo_world import PUBLIC_PAGES, login

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


def test_no_page_is_wider_than_the_screen(browser, demo_server, demo_pages, demo_world):
    problems: list[str] = []
    checked = 0
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
            problems += _overflows(page, url)
            checked += 1
        context.close()
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    for url in PUBLIC_PAGES:
        page.goto(demo_server.url + url)
        problems += _overflows(page, url)
        checked += 1
    context.close()
    print(f"{checked} pages at {len(VIEWPORTS)} sizes")
    assert not problems, "\n".join(problems)
