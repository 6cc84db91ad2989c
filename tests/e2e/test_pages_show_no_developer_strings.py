"""Every page of the demo world, as each demo role and as the public, shows no developer string (issue 16,
item 5): no English enum value, snake_case key, JSON brace or full 18-digit ID number in its visible text."""

import pytest
from django.test import Client

from tests.e2e.demo_world import CONFIGURATION_LANGUAGES, PUBLIC_PAGES, data_strings, page_kind, walk_pages
from tests.e2e.visible_text import developer_strings, visible_text

# The world is committed before the test; the test's own writes (sessions, read audits) are rolled back.
pytestmark = pytest.mark.django_db


def test_no_page_of_the_demo_shows_a_developer_string(demo_world, django_db_blocker):
    problems: dict[str, list[str]] = {}
    errors: list[str] = []
    seen: set[str] = set()
    pages = 0
    with django_db_blocker.unblock():
        data = data_strings()
        for username in demo_world.users:
            client = Client()
            assert client.login(username=username, password=demo_world.password), username
            for url, response in walk_pages(client, seen=seen):
                pages += 1
                if page_kind(url) in CONFIGURATION_LANGUAGES:
                    continue
                if response.status_code >= 500:
                    errors.append(f"{username} {url} -> {response.status_code}")
                    continue
                found = developer_strings(visible_text(response.content.decode()), data=data)
                if found:
                    problems[f"{username} {url}"] = found
        anonymous = Client()
        for url in PUBLIC_PAGES:
            response = anonymous.get(url)
            pages += 1
            found = developer_strings(visible_text(response.content.decode()), data=data)
            if found:
                problems[f"(公众) {url}"] = found
    print(f"{pages} pages checked")
    report = "\n".join(f"{where}: {', '.join(found[:6])}" for where, found in sorted(problems.items()))
    assert not errors, "\n".join(errors)
    assert not problems, report
