import pytest
from django.core.management import call_command


@pytest.fixture
def policy(db):
    """Every domain's shipped parameters (法定婚龄, 冷静期) and the 2020–2026 holidays."""
    call_command("load_policy", verbosity=0)


@pytest.fixture
def registry_admin(divisions):
    from tests.core.factories import make_user

    return make_user("approver", "210602000000", username="yb_marriage_admin")


@pytest.fixture
def registry(registry_admin, policy):
    from tests.marriage.factories import make_registry

    return make_registry(registry_admin)


@pytest.fixture
def registrar(registry, registry_admin, county_caseworker):
    from minzheng.marriage.services.registries import add_registrar

    add_registrar(registry_admin, registry, user=county_caseworker, qualification_number="DJY-001")
    return county_caseworker
