"""The small world both fuzzing tests run against: two users of two roles in two regions, a case, an
enrolment and a roster, so generated requests reach real records as well as missing ones."""

from datetime import date

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from minzheng.core.services.accounts import issue_api_token
from tests.core.factories import HouseholdFactory, make_user


@pytest.fixture
def wsgi_app():
    # As Django's test client does: keep the test's connection (and its transaction) across requests
    # (PostgreSQL would otherwise close it at the start and end of every request).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def fuzz_world(divisions, county_caseworker):
    from minzheng.payments.services.generation import generate_roster
    from tests.assistance.casework import dibao_case
    from tests.payments.conftest import enrol

    from minzheng.assistance.services.seed import load_assistance_policy  # isort: skip
    from minzheng.payments.services.seed import load_bank_formats  # isort: skip

    load_assistance_policy()
    load_bank_formats()
    household = HouseholdFactory(village="210602002001", size=3)
    case = dibao_case(
        county_caseworker, HouseholdFactory(village="210602002002", size=2), until="investigating"
    )
    enrol(county_caseworker, household)
    roster = generate_roster(
        county_caseworker, program_code="dibao_urban", division_code="210602000000", month=date(2026, 6, 1)
    ).roster
    approver = make_user("approver", "210603000000", username="zx_sp")
    return {
        "users": [county_caseworker, approver],
        "tokens": [issue_api_token(county_caseworker), issue_api_token(approver)],
        "ids": {
            "households": household.pk,
            "persons": household.head_id,
            "cases": case.pk,
            "rosters": roster.pk,
            "lines": roster.lines.first().pk,
        },
    }
