"""Fixtures every test may use: a small real division tree, users per role, households."""

import pytest
from django.conf import settings

from tests.core.factories import HouseholdFactory, make_divisions, make_user

# Django empties tables between live-server tests, which the audit log's append-only triggers would refuse;
# tests/core/test_audit.py installs the real triggers inside a rolled-back transaction instead. Set here,
# before pytest-django migrates the test database.
settings.AUDIT_APPEND_ONLY_TRIGGERS = False


@pytest.fixture
def divisions(db):
    return make_divisions()


@pytest.fixture
def county_caseworker(divisions):
    """经办人 of 元宝区 (210602)."""
    return make_user("caseworker", "210602000000", username="yb_jb")


@pytest.fixture
def outsider(divisions):
    """经办人 of 振兴区 (210603): another county of the same city."""
    return make_user("caseworker", "210603000000", username="zx_jb")


@pytest.fixture
def city_leader(divisions):
    return make_user("leader", "210600000000", username="dd_ld")


@pytest.fixture
def sysadmin(divisions):
    return make_user("sysadmin", "210602000000", username="yb_admin")


@pytest.fixture
def household(divisions):
    """A three-person household in 城隍庙一社区, 七道街道, 元宝区."""
    return HouseholdFactory(village="210602002001", size=3)
