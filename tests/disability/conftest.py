from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command


@pytest.fixture
def policy(db, divisions):
    """Every domain's shipped parameters, 社会救助's programs, holidays, and 丹东's 两项补贴 standards."""
    call_command("load_assistance_policy", verbosity=0)
    from minzheng.assistance.services.standards import set_standard
    from tests.core.factories import make_user

    admin = make_user("approver", "210600000000", username="dd_std")
    for kind, amount in (("disability_living", "110"), ("disability_care", "100")):
        set_standard(
            admin, kind=kind, area="all", division_code="210600000000", effective_from=date(2025, 1, 1),
            amount=Decimal(amount), source_note="测试标准",
        )  # fmt: skip


def _user(role, code, username):
    from tests.core.factories import make_user

    return make_user(role, code, username=username)


@pytest.fixture
def clerk(divisions):
    """乡镇经办人 of 七道街道 (受理)."""
    return _user("caseworker", "210602002000", "yb_dis_clerk")


@pytest.fixture
def checker(divisions):
    """乡镇审核人 of 七道街道 (初审)."""
    return _user("reviewer", "210602002000", "yb_dis_checker")


@pytest.fixture
def cdpf(divisions):
    """县残联审核人 of 元宝区 — the 残联's own account."""
    return _user("cdpf_reviewer", "210602000000", "yb_cdpf")


@pytest.fixture
def approver(divisions):
    """县民政审批人 of 元宝区 (审定)."""
    return _user("approver", "210602000000", "yb_dis_approver")


@pytest.fixture
def outsider_cdpf(divisions):
    """残联审核人 of another county (振兴区)."""
    return _user("cdpf_reviewer", "210603000000", "zx_cdpf")
