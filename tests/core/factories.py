"""Test data for the core domain: divisions, users, persons and households with valid ID numbers."""

import itertools
from datetime import date

from minzheng.core.identity import make_resident_id
from minzheng.core.jurisdiction import full_code
from minzheng.core.models import Division, Household, HouseholdMembership, Person
from minzheng.core.services.accounts import create_user

PASSWORD = "Yb#Ledger2026"

DIVISIONS = [
    ("21", "辽宁省", 1, ""),
    ("2106", "丹东市", 2, "21"),
    ("210602", "元宝区", 3, "2106"),
    ("210603", "振兴区", 3, "2106"),
    ("210602002", "七道街道", 4, "210602"),
    ("210602003", "广济街道", 4, "210602"),
    ("210603001", "永昌街道", 4, "210603"),
    ("210602002001", "城隍庙一社区居委会", 5, "210602002"),
    ("210602002002", "城隍庙二社区居委会", 5, "210602002"),
    ("210602003001", "广济社区居委会", 5, "210602003"),
    ("210603001001", "永昌社区居委会", 5, "210603001"),
    ("22", "吉林省", 1, ""),
    ("2201", "长春市", 2, "22"),
    ("220102", "南关区", 3, "2201"),
    ("220102001", "南岭街道", 4, "220102"),
    ("220102001001", "南岭社区居委会", 5, "220102001"),
]


def make_divisions() -> dict[str, Division]:
    rows = [
        Division(
            code=full_code(code),
            name=name,
            level=level,
            parent_code=full_code(parent) if parent else "",
            source="test",
        )
        for code, name, level, parent in DIVISIONS
    ]
    Division.objects.bulk_create(rows)
    return {d.code: d for d in rows}


_usernames = itertools.count(1)


def make_user(role: str, division_code: str, *, username: str | None = None):
    return create_user(
        username=username or f"user{next(_usernames)}",
        password=PASSWORD,
        full_name=f"测试{role}",
        division_code=division_code,
        role_codes=[role],
    )


_sequence = itertools.count(1)


def valid_id(county: str = "210602", birth: date = date(1980, 5, 17), male: bool = True) -> str:
    """A fresh valid 公民身份号码 (distinct per call)."""
    while True:
        n = next(_sequence)
        seq = (n % 500) * 2 + (1 if male else 0)
        day = birth.toordinal() + n // 500
        number = make_resident_id(county, date.fromordinal(day), seq)
        if not Person.objects.filter(id_number=number).exists():
            return number


def PersonFactory(
    *, village: str = "210602002001", name: str = "张三", male: bool = True, birth=date(1980, 5, 17), **extra
) -> Person:
    number = valid_id(village[:6], birth, male)
    return Person.objects.create(
        id_number=number,
        name=name,
        sex="1" if male else "2",
        birth_date=date(int(number[6:10]), int(number[10:12]), int(number[12:14])),
        residence_division_code=village,
        hukou_division_code=village,
        **extra,
    )


def HouseholdFactory(*, village: str = "210602002001", size: int = 3, number: str | None = None) -> Household:
    head = PersonFactory(village=village, name="王建国")
    household = Household.objects.create(
        number=number or f"{village[:9]}{Household.objects.count() + 1:06d}",
        residence_division_code=village,
        address="测试路1号",
        area_type=Household.URBAN,
        head=head,
        established_on=date(2020, 1, 1),
    )
    HouseholdMembership.objects.create(
        household=household, person=head, relation="01", valid_from=date(2020, 1, 1)
    )
    relations = ["10", "20", "30", "50", "50"]
    for i in range(size - 1):
        member = PersonFactory(
            village=village, name=f"王成员{i + 1}", male=i % 2 == 1, birth=date(1985 + i, 3, 3)
        )
        HouseholdMembership.objects.create(
            household=household, person=member, relation=relations[i], valid_from=date(2020, 1, 1)
        )
    return household
