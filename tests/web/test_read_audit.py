"""The read-audit step lives in the selectors that fetch a sensitive record for display: a view or an API
endpoint cannot show such a record without the 查看详情 trace, and cannot forget it."""

import ast
from pathlib import Path

import pytest
from django.http import Http404

from minzheng.core.models import AuditEvent
from minzheng.core.read_audit import Channel
from minzheng.core.selectors.registry import read_household, read_person
from minzheng.core.services.accounts import issue_api_token
from tests.core.factories import PASSWORD

SRC = Path(__file__).resolve().parents[2] / "src" / "minzheng"


def _reads():
    return list(AuditEvent.objects.filter(action=AuditEvent.READ_DETAIL).order_by("pk"))


def test_reading_a_household_for_a_page_leaves_a_trace(county_caseworker, household):
    assert read_household(county_caseworker, household.pk, channel=Channel.PAGE) == household
    (event,) = _reads()
    assert (event.object_type, event.object_id, event.summary) == (
        "household",
        str(household.pk),
        f"查看家庭 {household.number}",
    )
    assert (
        event.division_code == household.residence_division_code
        and event.username == county_caseworker.username
    )


def test_the_api_channel_says_so_in_the_trace(county_caseworker, household):
    read_person(county_caseworker, household.head_id, channel=Channel.API)
    assert _reads()[0].summary == f"API 查看人员 {household.head.name}"


def test_another_regions_record_is_a_404_and_no_trace(outsider, household):
    with pytest.raises(Http404):
        read_household(outsider, household.pk, channel=Channel.PAGE)
    assert _reads() == []


def test_the_detail_page_and_the_api_audit_through_the_selector(client, county_caseworker, household):
    client.post("/login/", {"username": county_caseworker.username, "password": PASSWORD})
    client.get(f"/registry/households/{household.pk}/")
    token = issue_api_token(county_caseworker)
    client.get(f"/api/households/{household.pk}", headers={"Authorization": f"Bearer {token}"})
    assert [e.summary for e in _reads()] == [
        f"查看家庭 {household.number}",
        f"API 查看家庭 {household.number}",
    ]


def _audit_calls(path: Path) -> list[str]:
    """``record_event(…, AuditEvent.READ_DETAIL, …)`` / ``record_read(…)`` calls written in a module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in (
            "record_event", "record_read", "audited_read"
        ):  # fmt: skip
            source = ast.unparse(node)
            if (
                "READ_DETAIL" in source
                or ("record_read" in source and "export=True" not in source)
                or "audited_read" in source
            ):
                found.append(f"{path.relative_to(SRC)}: {source[:80]}")
    return found


def test_no_view_or_api_module_audits_a_read_itself():
    """Views and API functions call the ``read_*`` selectors; the audit of a detail read is written there."""
    pages = [
        *SRC.glob("*/views.py"),
        *SRC.glob("*/views/*.py"),
        *SRC.glob("*/api.py"),
        *SRC.glob("*/api_*.py"),
    ]
    assert len(pages) > 30
    assert [call for path in pages for call in _audit_calls(path)] == []
