"""Test data for 婚姻登记: registries, couples with valid 公民身份号码, registrations."""

import itertools
from datetime import date

from minzheng.core.identity import make_resident_id
from minzheng.marriage.models import PriorStatus
from minzheng.marriage.services.marriages import PartyInput, register_marriage
from minzheng.marriage.services.registries import create_registry

_sequence = itertools.count(1)


def make_registry(actor, name: str = "元宝区婚姻登记处", division_code: str = "210602000000", level="county"):
    return create_registry(
        actor, name=name, division_code=division_code, level=level, address="元宝区测试路1号"
    )


def resident_id(birth: date, male: bool, county: str = "210602") -> str:
    n = next(_sequence) % 499
    return make_resident_id(county, birth, n * 2 + (1 if male else 0))


def party(
    birth: date, male: bool, name: str = "", prior: str = PriorStatus.NEVER, number: str = ""
) -> PartyInput:
    return PartyInput(
        name=name or ("张伟" if male else "李娜"),
        id_number=number or resident_id(birth, male),
        prior_status=prior,
    )


def couple(groom_birth=date(1995, 3, 1), bride_birth=date(1997, 6, 1)) -> tuple[PartyInput, PartyInput]:
    return party(groom_birth, True), party(bride_birth, False)


def marry(actor, registry, *, male=None, female=None, on: date | None = None, **overrides):
    groom, bride = couple()
    values = dict(
        registry=registry,
        male=male or groom,
        female=female or bride,
        declared_voluntary=True,
        declared_no_spouse=True,
        declared_no_prohibited_kinship=True,
        on=on,
    )
    values.update(overrides)
    return register_marriage(actor, **values)
