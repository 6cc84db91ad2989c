import pytest

from tests.core.factories import make_user


@pytest.fixture
def desk(divisions):
    """经办人 of 元宝区 at the 殡仪馆 desk (records deaths, keeps orders)."""
    return make_user("caseworker", "210602000000", username="yb_bz")


@pytest.fixture
def other_desk(divisions):
    """经办人 of 振兴区 (another county)."""
    return make_user("caseworker", "210603000000", username="zx_bz")
