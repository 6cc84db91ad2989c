import pytest

from tests.core.factories import make_user


@pytest.fixture
def desk(divisions):
    """救助站经办人 of 元宝区 (takes people in, traces families, returns them)."""
    return make_user("caseworker", "210602000000", username="yb_jz")


@pytest.fixture
def other_desk(divisions):
    """经办人 of 振兴区 (another county)."""
    return make_user("caseworker", "210603000000", username="zx_jz")


@pytest.fixture
def bureau(divisions):
    return make_user("approver", "210602000000", username="yb_mzj_jz")


@pytest.fixture
def station(bureau):
    from .factories import make_station

    return make_station(bureau)
