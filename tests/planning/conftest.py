"""Planning fixtures: the divisions of the four seed plans and the seed plans themselves."""

import pytest


@pytest.fixture
def plan_divisions(divisions):
    """Adds 沈阳市/浑南区 and 阜新市 to the core test tree (辽宁/丹东/元宝区/振兴区/吉林…)."""
    from minzheng.core.models import Division

    rows = [
        ("210100000000", "沈阳市", 2, "210000000000"),
        ("210112000000", "浑南区", 3, "210100000000"),
        ("210900000000", "阜新市", 2, "210000000000"),
    ]
    Division.objects.bulk_create(
        Division(code=code, name=name, level=level, parent_code=parent, source="test")
        for code, name, level, parent in rows
    )
    return divisions


@pytest.fixture
def seed_plans(plan_divisions):
    """The four seed plans, keyed by region: 辽宁省, 丹东市, 阜新市, 浑南区."""
    from minzheng.planning.services import load_seed_plans

    return {plan.region_name: plan for plan in load_seed_plans()}


@pytest.fixture
def login(client):
    from tests.core.factories import PASSWORD

    def as_user(user):
        client.post("/login/", {"username": user.username, "password": PASSWORD})
        return client

    return as_user


@pytest.fixture
def monitored_plans(seed_plans):
    """The seed plans with the status rule, definitions and bindings that ``load_plans`` ships."""
    from minzheng.planning import services

    services.seed_status_rules()
    services.sync_indicators()
    return seed_plans


def row_of(plan, name: str):
    return plan.indicators.select_related("binding__definition").get(name=name, source="table")
