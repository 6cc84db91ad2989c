import pytest
from django.core.management import call_command


@pytest.fixture
def policy(db):
    """Every declared parameter's shipped value (区划地名's clocks among them) and the holidays."""
    call_command("load_policy", verbosity=0)


@pytest.fixture
def approver(divisions):
    from tests.core.factories import make_user

    return make_user("approver", "210602000000", username="yb_pn_approver")


@pytest.fixture
def city_approver(divisions):
    from tests.core.factories import make_user

    return make_user("approver", "210600000000", username="dd_pn_approver")


@pytest.fixture
def outsider_approver(divisions):
    from tests.core.factories import make_user

    return make_user("approver", "210603000000", username="zx_pn_approver")
