"""演示数据: a reproducible synthetic population for Dandong city (2106) and demo users for every role.

Same seed, same people. Households are spread over Dandong's real villages and communities; every
公民身份号码 passes the GB 11643 checksum and agrees with the person's birth date and sex; names come from
Faker's zh_CN provider. Nothing here is real personal data.
"""

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from faker import Faker

from ..identity import make_resident_id
from ..jurisdiction import full_code
from ..models import AuditEvent, Division, Household, HouseholdMembership, ImportBatch, Person, Role, User
from ..services.accounts import create_user, ensure_roles
from ..services.audit import record_event
from ..services.registry import default_area_type, next_household_numbers

DEMO_CITY = "2106"
# Household sizes as the 2020 census reports them for Liaoning (mean ≈ 2.4; demo leans a little larger).
_SIZE_WEIGHTS = {1: 14, 2: 30, 3: 30, 4: 15, 5: 8, 6: 3}
_MANCHU_COUNTIES = {"210624", "210682"}  # 宽甸满族自治县, 凤城市
_DISABILITY_RATE = 0.06


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    division_code: str
    role: str


def demo_users(city: str = DEMO_CITY, county: str = "210602", township: str = "210602002") -> list[DemoUser]:
    levels = [("city", "丹东市", city), ("county", "元宝区", county), ("township", "七道街道", township)]
    users = []
    for level, place, code in levels:
        for role, label in Role.CHOICES:
            users.append(DemoUser(f"{level}_{role}", f"{place}{label}", full_code(code), role))
    # A caseworker of a neighbouring county, to show that jurisdictions do not overlap.
    users.append(DemoUser("zhenxing_caseworker", "振兴区经办人", full_code("210603"), Role.CASEWORKER))
    return users


def demo_loaded() -> bool:
    return ImportBatch.objects.filter(kind="demo").exists()


@transaction.atomic
def load_demo(
    *, seed: int = 20260101, households: int = 20_000, password: str, today: date | None = None
) -> ImportBatch:
    today = today or date.today()
    ensure_roles()
    for u in demo_users():
        if not User.objects.filter(username=u.username).exists():
            create_user(
                username=u.username,
                password=password,
                full_name=u.full_name,
                division_code=u.division_code,
                role_codes=[u.role],
            )
    creator = User.objects.get(username="city_caseworker")
    batch = ImportBatch.objects.create(
        kind="demo",
        file_name=f"演示数据 seed={seed}",
        file_sha256=f"demo-{seed}-{households}",
        status=ImportBatch.COMMITTED,
        division_code=full_code(DEMO_CITY),
        uploaded_by=creator,
    )
    villages = list(
        Division.objects.filter(code__startswith=DEMO_CITY, level=5, valid_to__isnull=True).values_list(
            "code", "name"
        )
    )
    if not villages:
        raise RuntimeError("没有丹东市的村（社区）区划，请先运行 load_divisions")
    generator = _Generator(seed, today)
    plans = [generator.household(villages) for _ in range(households)]

    persons = [p for plan in plans for p, _ in plan.members]
    for person in persons:
        person.import_batch = batch
    Person.objects.bulk_create(persons, batch_size=2000)
    by_township: dict[str, list] = defaultdict(list)
    for plan in plans:
        by_township[plan.village[:9]].append(plan)
    rows = []
    for township, group in by_township.items():
        for plan, number in zip(group, next_household_numbers(township, len(group)), strict=True):
            rows.append(
                Household(
                    number=number,
                    residence_division_code=plan.village,
                    address=plan.address,
                    area_type=default_area_type(plan.village, ""),
                    head_id=plan.members[0][0].pk,
                    established_on=plan.established_on,
                    import_batch=batch,
                )
            )
    Household.objects.bulk_create(rows, batch_size=2000)
    head_household = {h.head_id: h.pk for h in rows}
    memberships = []
    for plan in plans:
        household_pk = head_household[plan.members[0][0].pk]
        for person, relation in plan.members:
            memberships.append(
                HouseholdMembership(
                    household_id=household_pk,
                    person_id=person.pk,
                    relation=relation,
                    valid_from=plan.established_on,
                    valid_to=person.death_date,
                )
            )
    HouseholdMembership.objects.bulk_create(memberships, batch_size=2000)
    batch.row_count = batch.created_persons = len(persons)
    batch.created_households = len(rows)
    batch.save(update_fields=["row_count", "created_persons", "created_households"])
    record_event(
        None,
        AuditEvent.IMPORT,
        username="demo",
        object_type="import_batch",
        object_id=batch.pk,
        division_code=batch.division_code,
        summary=f"载入演示数据：{len(rows)}户{len(persons)}人（seed={seed}）",
    )
    return batch


@dataclass
class _HouseholdPlan:
    village: str
    address: str
    established_on: date
    members: list[tuple[Person, str]]


class _Generator:
    def __init__(self, seed: int, today: date):
        self.rng = random.Random(seed)
        self.faker = Faker("zh_CN")
        self.faker.seed_instance(seed)
        self.today = today
        self.used_ids: set[str] = set()
        sizes, weights = zip(*_SIZE_WEIGHTS.items(), strict=True)
        self.sizes, self.weights = sizes, weights

    def household(self, villages: list[tuple[str, str]]) -> _HouseholdPlan:
        rng = self.rng
        village, village_name = villages[rng.randrange(len(villages))]
        county = village[:6]
        size = rng.choices(self.sizes, self.weights)[0]
        surname = self.faker.last_name()
        head_age = rng.randint(24, 88) if size == 1 else rng.randint(26, 70)
        head_male = rng.random() < 0.72
        head = self.person(county, village, surname, head_age, head_male)
        head.is_deceased, head.death_date = False, None  # a household's head is alive (or the head changed)
        members = [(head, "01")]
        if size >= 2:
            spouse_age = max(20, head_age + rng.randint(-4, 4))
            members.append(
                (self.person(county, village, self.faker.last_name(), spouse_age, not head_male), "10")
            )
        for _ in range(max(0, size - 2)):
            if head_age > 45 and rng.random() < 0.25:
                parent_age = min(head_age + rng.randint(22, 32), 104)
                members.append((self.person(county, village, surname, parent_age, rng.random() < 0.4), "50"))
            else:
                child_male = rng.random() < 0.5
                child_age = max(0, head_age - rng.randint(22, 36))
                members.append(
                    (
                        self.person(county, village, surname, child_age, child_male),
                        "20" if child_male else "30",
                    )
                )
        address = f"{village_name.removesuffix('居委会').removesuffix('村委会')}{rng.randint(1, 300)}号"
        for person, _ in members:
            person.address = address
        established = self.today - timedelta(days=rng.randint(30, 365 * 20))
        return _HouseholdPlan(village, address, established, members)

    def person(self, county: str, village: str, surname: str, age: int, male: bool) -> Person:
        rng = self.rng
        birth = self.today - timedelta(days=age * 365 + rng.randint(0, 364))
        # Most people were first registered in their county; some came from elsewhere in Liaoning.
        address_code = (
            county if rng.random() < 0.9 else rng.choice(["210102", "210203", "210302", "210902", "211002"])
        )
        while True:
            sequence = rng.randrange(0, 500) * 2 + (1 if male else 0)
            number = make_resident_id(address_code, birth, sequence)
            if number not in self.used_ids:
                self.used_ids.add(number)
                break
        manchu_share = 0.55 if county in _MANCHU_COUNTIES else 0.2
        draw = rng.random()
        ethnicity = "满族" if draw < manchu_share else ("朝鲜族" if draw < manchu_share + 0.02 else "汉族")
        disabled = rng.random() < _DISABILITY_RATE * (2 if age >= 60 else 1)
        deceased = age >= 70 and rng.random() < 0.03
        return Person(
            id_number=number,
            name=surname + (self.faker.first_name_male() if male else self.faker.first_name_female()),
            sex="1" if male else "2",
            birth_date=birth,
            ethnicity=ethnicity,
            hukou_division_code=village,
            residence_division_code=village,
            phone=self.faker.phone_number() if age >= 16 else "",
            disability_category=rng.choice(["视力", "听力", "言语", "肢体", "智力", "精神", "多重"])
            if disabled
            else "",
            disability_grade=rng.randint(1, 4) if disabled else None,
            is_deceased=deceased,
            death_date=self.today - timedelta(days=rng.randint(1, 300)) if deceased else None,
        )
