"""Fixtures of the verification app's tests: the exchange store in a temporary directory, an administrator
who receives department data, the household's members."""

import pytest


@pytest.fixture(autouse=True)
def exchange_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path


@pytest.fixture
def admin(divisions):
    from tests.core.factories import make_user

    return make_user("sysadmin", "210600000000", username="dd_admin")


@pytest.fixture
def members(household):
    return [m.person.id_number for m in household.memberships.order_by("relation")]
