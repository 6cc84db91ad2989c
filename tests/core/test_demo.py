"""演示数据: reproducible, valid, over real divisions, with users for every role at three levels."""

from datetime import date

from minzheng.core.demo import load_demo
from minzheng.core.identity import parse_resident_id
from minzheng.core.models import Household, Person, User


def test_demo_ids_agree_with_birth_date_and_sex_and_use_real_villages(divisions):
    load_demo(seed=7, households=40, password="Demo@Pass2026", today=date(2026, 11, 25))
    people = list(
        Person.objects.order_by("pk").values_list(
            "id_number", "name", "sex", "birth_date", "residence_division_code"
        )
    )
    for number, _, sex, birth, _ in people:
        rid = parse_resident_id(number, today=date(2026, 11, 25))
        assert (rid.sex, rid.birth_date) == (sex, birth)
    assert {p[4] for p in people} <= {"210602002001", "210602002002", "210602003001", "210603001001"}
    assert Household.objects.count() == 40 and len(people) >= 40


def test_the_same_seed_generates_the_same_people():
    from minzheng.core.demo.registry import _Generator

    villages = [("210602002001", "城隍庙一社区居委会"), ("210602003001", "广济社区居委会")]

    def people(seed):
        generator = _Generator(seed, date(2026, 1, 1))
        return [(p.id_number, p.name, r) for _ in range(20) for p, r in generator.household(villages).members]

    assert people(3) == people(3) and people(3) != people(4)


def test_demo_users_exist_for_each_role_at_city_county_and_township(divisions):
    load_demo(seed=7, households=5, password="Demo@Pass2026", today=date(2026, 11, 25))
    for level, code in [("city", "210600000000"), ("county", "210602000000"), ("township", "210602002000")]:
        for role in ["caseworker", "reviewer", "approver", "leader", "sysadmin"]:
            user = User.objects.get(username=f"{level}_{role}")
            assert user.division_code == code and user.role_codes() == {role}
