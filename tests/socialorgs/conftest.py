import pytest
from django.core.management import call_command


@pytest.fixture
def policy(db):
    """Every declared parameter's shipped value (社会组织's among them) and the 2020–2026 holidays."""
    call_command("load_policy", verbosity=0)


@pytest.fixture
def reviewer(divisions):
    from tests.core.factories import make_user

    return make_user("reviewer", "210602000000", username="yb_so_reviewer")


@pytest.fixture
def outsider_reviewer(divisions):
    from tests.core.factories import make_user

    return make_user("reviewer", "210603000000", username="zx_so_reviewer")
