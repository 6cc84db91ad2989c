import pytest
from django.core.management import call_command


@pytest.fixture
def policy(db):
    """Every declared parameter's shipped value (基层治理's among them) and the holidays."""
    call_command("load_policy", verbosity=0)


@pytest.fixture
def village_division(divisions):
    from minzheng.core.models import Division

    return Division.objects.create(
        code="210602002201", name="山城村村委会", level=5, parent_code="210602002000", source="test"
    )


@pytest.fixture
def township_caseworker(divisions):
    from tests.core.factories import make_user

    return make_user("caseworker", "210602002000", username="qd_jb")
