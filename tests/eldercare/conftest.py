import pytest
from django.core.management import call_command


@pytest.fixture
def policy(db):
    """The shipped parameters (reassessment interval, rectification periods …) and the 2020–2026 holidays."""
    call_command("load_assistance_policy", verbosity=0)


@pytest.fixture
def inspector(divisions):
    from tests.core.factories import make_user

    return make_user("reviewer", "210602000000", username="yb_inspector")


@pytest.fixture
def second_inspector(divisions):
    from tests.core.factories import make_user

    return make_user("approver", "210602000000", username="yb_inspector2")
