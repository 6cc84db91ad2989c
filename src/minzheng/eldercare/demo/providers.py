"""演示数据 for 养老服务: institutions, facilities, residents, assessments, visits, supervision and 适老化改造
over the core demo population of Dandong (run ``demo`` first). Same seed, same data.

Proportions follow the Dandong plan where it gives them (公办 47 : 民办 87 institutions in 2020; 护理型床位
target ≥ 60%; 区域养老服务中心 covering ~60% of townships by 2025; 1,500 特殊困难家庭 适老化改造 in the
十四五 period, recorded as 300 a year) and are scaled to the demo's sample population. Registry rows are
bulk-inserted (as core's demo is); supervision goes through the services so deadlines are counted in working
days and every step is audited.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from stdnum.cn.uscc import calc_check_digit

from minzheng.core.models import AuditEvent, Division, Person, User
from minzheng.core.services.audit import record_event

from ..models import (
    CapabilityAssessment,
    CommunityFacility,
    HardshipElder,
    HomeCareBed,
    Institution,
    QualityRating,
    Residency,
    StaffMember,
    Visit,
    VisitAssignment,
)
from ..rules.assessment import ITEMS, next_assessment_due, score_assessment
from ..rules.visits import Month, months_between
from .casework import retrofit_demo, supervision_demo

DEMO_CITY = "2106"
DEMO_MARK = "演示数据"


@dataclass(frozen=True)
class DemoSummary:
    institutions: int
    facilities: int
    residents: int
    assessments: int
    hardship_elders: int
    visits: int
    hazards: int
    retrofit_cases: int


def demo_loaded() -> bool:
    return Institution.objects.filter(address__endswith=f"（{DEMO_MARK}）").exists()


def _uscc(rng: random.Random, county: str, kind: str) -> str:
    body = kind + county + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
    return body + calc_check_digit(body)


def _scores(rng: random.Random, capability: float) -> dict[str, int]:
    """A plausible score sheet: each item near ``capability`` × its maximum (0 frail … 1 fully able)."""
    sheet = {}
    for item in ITEMS:
        value = round(item.max_score * min(max(capability + rng.uniform(-0.2, 0.2), 0), 1))
        sheet[item.code] = value
    if sheet["B.3.9"] == 0 and rng.random() > 0.02:
        sheet["B.3.9"] = 1  # comas are rare
    return sheet


class _Demo:
    def __init__(self, seed: int, today: date):
        self.rng = random.Random(seed)
        self.today = today
        self.users = {u.username: u for u in User.objects.filter(username__in=_USERNAMES)}
        missing = set(_USERNAMES) - set(self.users)
        if missing:
            raise RuntimeError(f"缺少演示用户 {sorted(missing)}，请先运行 manage.py demo")

    def townships(self) -> list[tuple[str, str]]:
        return list(
            Division.objects.filter(code__startswith=DEMO_CITY, level=4, valid_to__isnull=True)
            .order_by("code")
            .values_list("code", "name")
        )

    def villages(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        rows = Division.objects.filter(
            code__startswith=DEMO_CITY, level=5, valid_to__isnull=True
        ).values_list("code", flat=True)
        for code in rows:
            found.setdefault(code[:9] + "000", []).append(code)
        return found

    def elders(self) -> list[Person]:
        born_by = self.today.replace(year=self.today.year - 60)
        qs = Person.objects.filter(
            residence_division_code__startswith=DEMO_CITY, is_deceased=False, birth_date__lte=born_by
        )
        return list(qs.only("id", "name", "birth_date", "residence_division_code", "address").order_by("id"))


_USERNAMES = [
    "city_caseworker",
    "city_reviewer",
    "city_approver",
    "county_reviewer",
    "township_caseworker",
    "county_caseworker",
]
_PRIVATE_NAMES = [
    "颐养院",
    "康养中心",
    "老年公寓",
    "福寿园",
    "颐和苑",
    "安康护理院",
    "夕阳红养老院",
    "乐龄之家",
]
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"


@transaction.atomic
def load_demo(*, seed: int = 20260115, today: date | None = None) -> DemoSummary:
    today = today or date.today()
    demo = _Demo(seed, today)
    townships = demo.townships()
    villages = demo.villages()
    if not townships:
        raise RuntimeError("没有丹东市的乡镇（街道）区划，请先运行 load_divisions")
    creator = demo.users["city_caseworker"]

    institutions = _institutions(demo, townships, villages)
    facilities = _facilities(demo, townships, villages)
    _staff(demo, institutions, facilities)
    elders = demo.elders()
    residents, assessments, taken = _residents(demo, institutions, elders, creator)
    hardship, hardship_people = _hardship(demo, elders, taken, residents, assessments, creator)
    visit_count = _visits(demo, hardship)
    _home_beds(demo, institutions, hardship_people)
    _ratings(demo, institutions)
    hazards = supervision_demo(demo, institutions, today)
    cases = retrofit_demo(demo, today, creator)
    record_event(
        None,
        AuditEvent.IMPORT,
        username="demo",
        object_type="eldercare.demo",
        division_code=f"{DEMO_CITY}00000000",
        summary=f"载入养老服务演示数据：机构{len(institutions)}家，入住{len(residents)}人（seed={seed}）",
    )
    return DemoSummary(
        len(institutions),
        len(facilities),
        len(residents),
        len(assessments),
        len(hardship),
        visit_count,
        hazards,
        cases,
    )


def _institutions(demo, townships, villages) -> list[Institution]:
    """养老机构: one 公办 敬老院/福利院 for about a third of townships, 民办 ones in between (47 : 87 in 2020)."""
    rng = demo.rng
    institutions = []
    for code, name in townships:
        village = rng.choice(villages.get(code, [code]))
        public = rng.random() < 0.3
        private = rng.random() < 0.4
        for is_public in [True] * public + [False] * private:
            # Smaller than real homes: the demo population is a ~2.5% sample of Dandong's.
            beds = rng.choice([20, 30, 40, 50, 60, 80]) if not is_public else rng.choice([20, 30, 40, 50])
            nursing_share = rng.uniform(0.45, 0.85)
            short = (
                name.replace("街道", "")
                .replace("镇", "")
                .replace("乡", "")
                .replace("满族", "")
                .replace("朝鲜族", "")
            )
            title = f"{name}敬老院" if is_public else f"丹东{short}{rng.choice(_PRIVATE_NAMES)}"
            if any(i.name == title for i in institutions):
                continue
            opened = date(rng.randint(2005, 2024), rng.randint(1, 12), 1)
            institutions.append(
                Institution(
                    name=title,
                    filing_number=f"丹民养备{opened.year}{len(institutions) + 1:04d}",
                    filed_on=opened,
                    nature="public" if is_public else rng.choice(["private", "private", "private", "pbpr"]),
                    operator_name=f"{title}" if is_public else f"{title[:-3]}养老服务有限公司",
                    operator_uscc=_uscc(rng, code[:6], "12" if is_public else "52"),
                    division_code=village,
                    address=f"{name}{rng.randint(1, 300)}号（{DEMO_MARK}）",
                    phone=f"0415-{rng.randint(2000000, 6999999)}",
                    beds_total=beds,
                    nursing_beds=int(beds * nursing_share),
                    medical_care=rng.choices(["none", "contracted", "clinic", "hospital"], [1, 5, 3, 1])[0],
                    fire_safety=rng.choices(["passed", "rectifying", "unknown"], [8, 1, 1])[0],
                    comprehensive_function=is_public and rng.random() < 0.4,
                    opened_on=opened,
                )
            )
    Institution.objects.bulk_create(institutions)
    return institutions


def _facilities(demo, townships, villages) -> list[CommunityFacility]:
    """Community facilities: 区域养老服务中心 in ~60% of townships, 日间照料中心 and 社区站 in communities, 农村互助养老大院 in villages (code 2xx by 城乡分类 is not in the demo data: villages of 乡/镇)."""
    rng = demo.rng
    facilities = []
    for code, name in townships:
        if rng.random() < 0.6:
            facilities.append(
                CommunityFacility(
                    name=f"{name}区域养老服务中心",
                    kind="regional",
                    division_code=code,
                    address=f"{name}（{DEMO_MARK}）",
                    operator_name=f"{name}办事处",
                    services=["day_care", "emergency", "home_visits", "meals", "rehab"],
                    beds=rng.choice([10, 15, 20]),
                    area_sqm=rng.randint(500, 1500),
                    opened_on=date(rng.randint(2019, 2025), 6, 1),
                )
            )
        rural = name.endswith(("镇", "乡"))
        for village in rng.sample(villages.get(code, []), min(len(villages.get(code, [])), 2)):
            kind = "rural_mutual" if rural else rng.choice(["daycare", "station"])
            label = {
                "rural_mutual": "农村互助养老大院",
                "daycare": "日间照料中心",
                "station": "社区养老服务站",
            }[kind]
            facilities.append(
                CommunityFacility(
                    name=f"{name}{village[-3:]}{label}",
                    kind=kind,
                    division_code=village,
                    address=f"{name}（{DEMO_MARK}）",
                    services=rng.sample(["meals", "cleaning", "culture", "day_care", "bathing"], 3),
                    opened_on=date(rng.randint(2016, 2025), 3, 1),
                )
            )
    CommunityFacility.objects.bulk_create(facilities)
    return facilities


def _staff(demo, institutions, facilities) -> None:
    """Staff: 社会工作者 are still scarce (plan: 1 per 100 beds by 2025), care workers ~1 per 4 beds."""
    rng = demo.rng
    staff = []
    for institution in institutions:
        for _ in range(max(1, institution.beds_total // 4)):
            staff.append(
                StaffMember(
                    institution=institution,
                    division_code=institution.division_code,
                    name=_name(rng),
                    role="care_worker",
                    certificate="养老护理员（四级）",
                    hired_on=date(rng.randint(2015, 2025), 3, 1),
                )
            )
        for _ in range(1 if rng.random() < 0.3 else 0):
            staff.append(
                StaffMember(
                    institution=institution,
                    division_code=institution.division_code,
                    name=_name(rng),
                    role="social_worker",
                    certificate="助理社会工作师",
                    hired_on=date(rng.randint(2018, 2025), 9, 1),
                )
            )
    for facility in facilities:
        if facility.kind == "regional" and rng.random() < 0.2:
            staff.append(
                StaffMember(
                    facility=facility,
                    division_code=facility.division_code,
                    name=_name(rng),
                    role="social_worker",
                    certificate="社会工作师",
                    hired_on=date(2023, 3, 1),
                )
            )
    StaffMember.objects.bulk_create(staff)


def _residents(demo, institutions, elders, creator) -> tuple[list[Residency], list, set]:
    rng, today = demo.rng, demo.today
    rng.shuffle(elders)
    # Residents: the oldest and frailest are the likeliest to live in a home; fill to 55–85% of beds.
    residents, assessments, taken = [], [], set()
    pool = iter(sorted(elders, key=lambda p: p.birth_date)[: len(elders) // 2])
    for institution in institutions:
        nursing_left = institution.nursing_beds
        for _ in range(int(institution.beds_total * rng.uniform(0.55, 0.85))):
            person = next(pool, None)
            if person is None:
                break
            taken.add(person.pk)
            capability = rng.choice([0.15, 0.3, 0.45, 0.6, 0.8, 0.95])
            bed = "nursing" if capability < 0.7 and nursing_left > 0 else "general"
            nursing_left -= bed == "nursing"
            admitted = today - timedelta(days=rng.randint(30, 2500))
            grade = (
                "special"
                if capability < 0.2
                else "grade1"
                if capability < 0.4
                else "grade2"
                if capability < 0.6
                else "grade3"
                if capability < 0.9
                else "self_care"
            )
            fee = Decimal(rng.choice([1800, 2200, 2600, 3000, 3600, 4200, 5200]))
            residents.append(
                Residency(
                    institution=institution,
                    person=person,
                    division_code=institution.division_code,
                    admitted_on=admitted,
                    bed_kind=bed,
                    room=f"{rng.randint(1, 5)}0{rng.randint(1, 9)}-{rng.randint(1, 3)}",
                    care_grade=grade,
                    funding="tekun" if institution.nature == "public" and rng.random() < 0.5 else "self",
                    monthly_fee=Decimal(0) if institution.nature == "public" and rng.random() < 0.5 else fee,
                )
            )
            assessments.append(
                _assessment(
                    rng,
                    person,
                    capability,
                    min(admitted + timedelta(days=rng.randint(-20, 300)), today),
                    creator,
                )
            )
    Residency.objects.bulk_create(residents, batch_size=2000)
    return residents, assessments, taken


def _hardship(demo, elders, taken, residents, assessments, creator) -> tuple[list[HardshipElder], list]:
    """特殊困难老年人: living alone, empty-nest, disabled … assigned to the most local demo caseworker. 特困 residents of public homes are on the register too (集中供养), so 特困失能集中供养率 has both sides."""
    rng, today = demo.rng, demo.today
    hardship_people = [p for p in elders if p.pk not in taken][: max(200, len(elders) // 12)]
    tekun_residents = {stay.person.pk for stay in residents if stay.funding == "tekun"}
    hardship_people += [stay.person for stay in residents if stay.person.pk in tekun_residents]
    hardship = []
    for person in hardship_people:
        visitor = (
            demo.users["township_caseworker"]
            if person.residence_division_code.startswith("210602002")
            else (
                demo.users["county_caseworker"]
                if person.residence_division_code.startswith("210602")
                else demo.users["city_caseworker"]
            )
        )
        categories = rng.sample(
            ["alone", "empty_nest", "left_behind", "disabled", "severe_disability", "family_planning"],
            rng.choice([1, 1, 2]),
        )
        hardship.append(
            HardshipElder(
                person=person,
                division_code=person.residence_division_code,
                categories=sorted(categories),
                is_tekun=person.pk in tekun_residents or rng.random() < 0.15,
                assigned_to=visitor if rng.random() < 0.97 else None,
                contact_name=_name(rng),
                contact_phone=f"13{rng.randint(100000000, 999999999)}",
                registered_on=date(today.year - rng.choice([0, 1, 2]), rng.randint(1, 6), 1),
            )
        )
        if person.pk not in tekun_residents and ("disabled" in categories or rng.random() < 0.4):
            capability = (
                rng.choice([0.2, 0.35, 0.5]) if "disabled" in categories else rng.choice([0.6, 0.8, 0.95])
            )
            assessments.append(
                _assessment(rng, person, capability, today - timedelta(days=rng.randint(20, 500)), creator)
            )
    HardshipElder.objects.bulk_create(hardship, batch_size=2000)
    CapabilityAssessment.objects.bulk_create(assessments, batch_size=2000)
    return hardship, hardship_people


def _visits(demo, hardship) -> int:
    """Monthly visit plans and visits this year: ~95% visited each month, the current month in progress."""
    rng, today = demo.rng, demo.today
    plans, visits = [], []
    for month in months_between(date(today.year, 1, 1), today):
        share = 0.55 if month == Month.of(today) else rng.uniform(0.9, 0.99)
        for elder in hardship:
            if elder.registered_on > month.last_day or elder.assigned_to is None:
                continue
            plans.append(
                VisitAssignment(
                    elder=elder,
                    month=month.first_day,
                    assigned_to=elder.assigned_to,
                    division_code=elder.division_code,
                )
            )
            if rng.random() < share:
                day = min(month.first_day + timedelta(days=rng.randint(0, 27)), today)
                visits.append(
                    Visit(
                        elder=elder,
                        division_code=elder.division_code,
                        visited_on=day,
                        method=rng.choices(["home", "phone", "video"], [6, 3, 1])[0],
                        visitor=elder.assigned_to,
                        findings=rng.choice(_FINDINGS),
                        needs_follow_up=False,
                    )
                )
    VisitAssignment.objects.bulk_create(plans, batch_size=5000)
    Visit.objects.bulk_create(visits, batch_size=5000)
    return len(visits)


def _home_beds(demo, institutions, hardship_people) -> None:
    """家庭养老床位 served by institutions of the same county."""
    rng, today = demo.rng, demo.today
    by_county: dict[str, list[Institution]] = {}
    for institution in institutions:
        by_county.setdefault(institution.division_code[:6], []).append(institution)
    beds = []
    for person in hardship_people[: len(hardship_people) // 6]:
        nearby = by_county.get(person.residence_division_code[:6])
        if nearby:
            beds.append(
                HomeCareBed(
                    person=person,
                    institution=rng.choice(nearby),
                    division_code=person.residence_division_code,
                    address=person.address or "—",
                    services=["home_visits", "meals", "emergency"],
                    started_on=today - timedelta(days=rng.randint(10, 600)),
                )
            )
    HomeCareBed.objects.bulk_create(beds)


def _ratings(demo, institutions) -> None:
    """Ratings (GB/T 37276): about half the institutions rated, most 2–3 stars."""
    rng, today = demo.rng, demo.today
    ratings = [
        QualityRating(
            institution=i,
            division_code=i.division_code,
            grade=rng.choices([1, 2, 3, 4, 5], [1, 4, 4, 2, 1])[0],
            rated_on=date(today.year - 1, 11, 1),
            valid_until=date(today.year + 2, 10, 31),
            rated_by="丹东市养老机构等级评定委员会",
            certificate_number=f"丹养评{today.year - 1}{n:03d}",
            recorded_by=demo.users["city_reviewer"],
        )
        for n, i in enumerate(institutions)
        if rng.random() < 0.5
    ]
    QualityRating.objects.bulk_create(ratings)


_FINDINGS = [
    "身体状况良好，生活能自理",
    "独居，家中整洁，已提醒用电安全",
    "血压偏高，已提醒按时服药",
    "子女每周探望，情况稳定",
    "冬季取暖正常",
    "行动不便，已联系助餐服务",
    "情绪低落，已协调社工跟进",
    "家中燃气报警器工作正常",
]


def _name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(
        rng.choice("秀英桂兰玉梅建国志强海燕丽华明军红霞淑珍凤兰德胜春生") for _ in range(rng.choice([1, 2]))
    )


def _assessment(rng, person, capability: float, on: date, creator) -> CapabilityAssessment:
    sheet = _scores(rng, capability)
    result = score_assessment(sheet)
    return CapabilityAssessment(
        person=person,
        division_code=person.residence_division_code,
        assessed_on=on,
        reason="initial",
        assessors=f"{_name(rng)}、{_name(rng)}",
        agency="丹东市老年人能力评估中心",
        scores=sheet,
        self_care_score=result.part_scores["self_care"],
        motor_score=result.part_scores["motor"],
        mental_score=result.part_scores["mental"],
        perception_score=result.part_scores["perception"],
        total_score=result.total,
        level=int(result.level),
        level_by_coma=result.by_coma,
        base_level=int(result.base_level),
        next_due_on=next_assessment_due(on, 12),
        recorded_by=creator,
    )
