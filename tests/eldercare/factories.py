"""Test data for 养老服务: institutions with valid 统一社会信用代码, elders, full assessment score sheets."""

import itertools
from datetime import date

from stdnum.cn.uscc import calc_check_digit

from minzheng.eldercare.models import Institution
from minzheng.eldercare.rules.assessment import ITEMS
from minzheng.eldercare.services.providers import InstitutionFields, register_institution
from tests.core.factories import PersonFactory

_numbers = itertools.count(1)


def valid_uscc(county: str = "210602") -> str:
    base = f"52{county}MJ{next(_numbers):07d}"[:17].upper()
    return base + calc_check_digit(base)


def institution_fields(**overrides) -> InstitutionFields:
    values = dict(
        name=f"测试养老院{next(_numbers)}",
        nature="private",
        operator_name="丹东市测试养老服务有限公司",
        operator_uscc=valid_uscc(),
        division_code="210602002001",
        address="元宝区七道街道测试路1号",
        beds_total=10,
        nursing_beds=6,
        opened_on=date(2020, 1, 1),
    )
    values.update(overrides)
    return InstitutionFields(**values)


def make_institution(actor, **overrides) -> Institution:
    return register_institution(actor, institution_fields(**overrides))


def make_elder(village: str = "210602002001", birth: date = date(1940, 3, 1), name: str = "王桂兰"):
    return PersonFactory(village=village, birth=birth, name=name, male=False)


def scores(**changes) -> dict[str, int]:
    """A full score sheet (every item at its maximum) with some items changed: scores(**{"B.1.1": 2})."""
    return {item.code: item.max_score for item in ITEMS} | changes
