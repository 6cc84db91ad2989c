import pytest
from django.core.management import call_command


@pytest.fixture
def policy(db):
    """Every declared parameter's shipped value and the 2020–2026 holidays, and the 事项清单."""
    call_command("load_policy", verbosity=0)
    call_command("load_onestop_matters", verbosity=0)


@pytest.fixture
def assistance_policy(policy):
    from minzheng.assistance.services.seed import load_assistance_policy

    load_assistance_policy()


@pytest.fixture
def township_caseworker(divisions):
    from tests.core.factories import make_user

    return make_user("caseworker", "210602002000", username="qd_jb")


@pytest.fixture
def supervisor(divisions):
    from tests.core.factories import make_user

    return make_user("reviewer", "210602000000", username="yb_ts_sh")


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    settings.VAR_DIR = tmp_path
