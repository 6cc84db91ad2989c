import pytest
from django.core.management import call_command


@pytest.fixture
def policy(db):
    """Every domain's shipped parameters, 社会救助's programs and standards (丹东 孤儿 1638/1284), holidays."""
    call_command("load_assistance_policy", verbosity=0)


def _user(role, code, username):
    from tests.core.factories import make_user

    return make_user(role, code, username=username)


@pytest.fixture
def director(divisions):
    """儿童主任 of 城隍庙一社区 (a caseworker of the village)."""
    return _user("caseworker", "210602002001", "yb_child_director")


@pytest.fixture
def supervisor(divisions):
    """儿童督导员 of 七道街道 (a reviewer of the township): 乡镇查验."""
    return _user("reviewer", "210602002000", "yb_child_supervisor")


@pytest.fixture
def county_approver(divisions):
    """县级民政 of 元宝区: 确认."""
    return _user("approver", "210602000000", "yb_child_approver")
