"""Every UI URL (the list the jurisdiction matrix walks), fetched and posted with malformed query strings and
form fields by two users of two roles in two regions: no answer is a server error.

Malformed means what a careless user or an attacker types: negative and astronomically large numbers, years
past 9999, 13-digit division codes, NaN and 1e20 as amounts, impossible dates, 5,000-character text.
"""

import sys

from django.core.signals import got_request_exception
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.core.factories import PASSWORD

LONG = "长" * 5000
MALFORMED_QUERIES = [
    {"page": "-1", "year": "99999", "month": "2026-13", "offset": "-1", "limit": "99999999999999999999"},
    {"division": "2106030000001", "division_code": "2106030000001", "parent": "21060x", "q": LONG},
    {
        "start": "0001-01-01",
        "end": "9999-12-31",
        "on": "2026-02-30",
        "date_from": "x",
        "date_to": "99999-01-01",
    },
    {"page": "1e99", "year": "-5", "month": "0-0", "export": "xlsx", "status": "\x00", "kind": "<script>"},
]
MALFORMED_FORM = {
    "amount": "1e20",
    "monthly_amount": "NaN",
    "requested_amount": "Infinity",
    "per_capita_income": "-1",
    "per_capita_assets": "1e400",
    "estimated_cost": "1e20",
    "monthly_fee": "NaN",
    "persons": "99999999999999999999",
    "year": "99999",
    "month": "9999-99",
    "on": "2026-02-30",
    "day": "0000-00-00",
    "effective_from": "99999-01-01",
    "division": "2106030000001",
    "division_code": "2106030000001",
    "residence_division_code": "21060300000012",
    "name": LONG,
    "address": LONG,
    "reason": LONG,
    "note": LONG,
    "id_number": "1" * 40,
    "page": "-1",
    "action": "set_benefit_inputs",
}


def _urls() -> list[str]:
    """One concrete URL per named route: integer parameters are 1 (the world's first case, roster, household…
    on a fresh test database; elsewhere a 404, which is an answer too), text parameters ``x``."""
    found = []

    def walk(patterns, namespace=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, f"{namespace}{p.namespace}:" if p.namespace else namespace)
            elif isinstance(p, URLPattern) and p.name:
                converters = getattr(p.pattern, "converters", {})
                kwargs = {
                    name: (1 if type(conv).__name__ == "IntConverter" else "x")
                    for name, conv in converters.items()
                }
                try:
                    found.append(reverse(namespace + p.name, kwargs=kwargs))
                except Exception:  # a route with a regex we cannot fill: reported by the count below
                    continue

    walk(get_resolver().url_patterns)
    return sorted({u for u in found if not u.startswith("/api/")})


def test_every_ui_url_with_malformed_query_strings_and_forms_gives_no_server_error(fuzz_world):
    from tests.core.test_jurisdiction import all_url_names

    urls = _urls()
    assert len(urls) >= len([n for n in all_url_names() if not n.startswith("api")]) * 0.9
    errors: list[str] = []
    failures: list[str] = []

    def remember(sender, request, **kwargs):
        exc = sys.exc_info()[1]
        errors.append(f"{type(exc).__name__}: {str(exc)[:160]}")

    got_request_exception.connect(remember)
    requests = 0
    try:
        for user in fuzz_world["users"]:
            client = Client(raise_request_exception=False)
            assert (
                client.post("/login/", {"username": user.username, "password": PASSWORD}).status_code == 302
            )
            for url in urls:
                if url in ("/logout/",):
                    continue
                for query in MALFORMED_QUERIES:
                    errors.clear()
                    response = client.get(url, query)
                    requests += 1
                    if response.status_code >= 500:
                        failures.append(
                            f"{user.username} GET {url} {list(query)} -> {response.status_code} {errors[:1]}"
                        )
                errors.clear()
                response = client.post(url, MALFORMED_FORM)
                requests += 1
                if response.status_code >= 500:
                    failures.append(f"{user.username} POST {url} -> {response.status_code} {errors[:1]}")
    finally:
        got_request_exception.disconnect(remember)
    print(f"UI fuzzing: {len(urls)} URLs, {requests} requests, {len(failures)} server errors")
    assert not failures, "\n".join(failures)
