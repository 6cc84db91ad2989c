"""儿童福利 demo data over the core demo population of 丹东 (``make demo``): children in every category of
丹东 (留守 children from rural households), 委托照护 with weekly contacts (some overdue, one disqualified carer), parents' situations,
孤儿/事实无人抚养 applications at each step, and 未保 cases open at each step — all through the services, so every write is audited."""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from minzheng.core.identity import age_on
from minzheng.core.models import Household, HouseholdMembership, Person, User

from ..models import ChildRecord
from ..rules import adoption as adoption_rules
from ..services import adoption as adoption_services
from ..services import allowances, protection, register

CITY = "2106"
DEMO_MARK = "（演示）"


@dataclass(frozen=True)
class DemoSummary:
    children: int
    flags: int
    entrustments: int
    contacts: int
    applications: int
    cases: int
    adoptions: int = 0


def demo_loaded() -> bool:
    return ChildRecord.objects.filter(flags__evidence__endswith=DEMO_MARK).exists()


def _children(today: date, area: str, count: int) -> list[Person]:
    """Living minors (2–15) of the city's demo households of ``area`` (城市/农村), in a stable order."""
    households = Household.objects.filter(area_type=area, residence_division_code__startswith=CITY)
    members = HouseholdMembership.objects.filter(household__in=households, valid_to__isnull=True).values(
        "person_id"
    )
    candidates = Person.objects.filter(
        pk__in=members, is_deceased=False, birth_date__isnull=False,
        birth_date__gt=date(today.year - 16, today.month, 1), birth_date__lt=date(today.year - 2, 1, 1),
    ).order_by("id_number")  # fmt: skip
    return [p for p in candidates[: count * 2] if 2 <= age_on(p.birth_date, today) < 16][:count]


_PLANS = ["left_behind", "left_behind", "left_behind", "orphan_scattered", "orphan_institutional",
          "de_facto_unattended", "de_facto_unattended", "hardship_poverty", "hardship_guardianship", "street"]  # fmt: skip


@transaction.atomic
def load_demo(*, seed: int = 20260118, today: date | None = None) -> DemoSummary:
    today = today or date.today()
    rng = random.Random(seed)
    # city-level demo staff: the children live in several counties (留守 children in rural ones)
    users = {
        u.username: u
        for u in User.objects.filter(username__in=["city_caseworker", "city_reviewer", "city_approver"])
    }
    director, supervisor, approver = users["city_caseworker"], users["city_reviewer"], users["city_approver"]
    opened = today - timedelta(days=120)
    flags = entrustments = contacts = applications = 0
    rural = iter(_children(today, Household.RURAL, 12))
    urban = iter(_children(today, Household.URBAN, 24))
    children = []
    for i in range(30):
        plan = _PLANS[i % len(_PLANS)]
        child = next(rural if plan == "left_behind" else urban, None)
        if child is None:
            continue
        children.append(child)
        record = register.open_record(director, person=child, registered_on=opened, school="中心小学")
        since = opened - timedelta(days=rng.randint(200, 900))
        if plan == "left_behind":
            for role in ("father", "mother"):
                register.record_parent_status(
                    director,
                    record,
                    role=role,
                    condition="working_away",
                    since=since,
                    evidence=f"外出务工登记{DEMO_MARK}",
                )
            entrustment, _ = register.entrust_care(
                director, record, carer_name=rng.choice(["王秀兰", "刘桂芝", "张德福", "李淑珍"]), carer_relation=rng.choice(["祖母", "祖父", "外祖母"]),
                carer_birth_date=date(1956, 3, 1), started_on=opened,
                agreement_signed_on=opened if i % 4 else None, school_notified_on=opened if i % 3 else None,
                committee_notified_on=opened, disqualifications=["vice"] if i == 0 else [],
            )  # fmt: skip
            entrustments += 1
            # weekly contacts until a few weeks ago for some children (overdue), up to last week for others
            stop = today - timedelta(days=rng.choice([2, 5, 20, 35]))
            day = opened + timedelta(days=rng.randint(0, 6))
            while day <= stop:
                register.record_contact(
                    director,
                    entrustment,
                    contacted_on=day,
                    by_role=rng.choice(["father", "mother"]),
                    method=rng.choice(["phone", "video"]),
                    note="学习生活正常",
                )
                contacts += 1
                day += timedelta(days=rng.randint(5, 8))
        elif plan.startswith("orphan"):
            for role in ("father", "mother"):
                register.record_parent_status(
                    director,
                    record,
                    role=role,
                    condition="dead",
                    since=since,
                    evidence=f"死亡医学证明{DEMO_MARK}",
                )
        elif plan == "de_facto_unattended":
            register.record_parent_status(
                director,
                record,
                role="father",
                condition="dead",
                since=since,
                evidence=f"死亡医学证明{DEMO_MARK}",
            )
            register.record_parent_status(
                director,
                record,
                role="mother",
                condition="imprisoned",
                since=since,
                until=since + timedelta(days=365 * 5),
                evidence=f"刑事判决书{DEMO_MARK}",
            )
        register.add_flag(
            director, record, category=plan, valid_from=opened, evidence=f"乡镇排查认定{DEMO_MARK}"
        )
        flags += 1
        if plan in ("orphan_scattered", "orphan_institutional", "de_facto_unattended"):
            received = opened + timedelta(days=7 + i)
            application = allowances.receive_application(
                director,
                record,
                kind=plan,
                applicant_name="监护人",
                applicant_relation="祖父母",
                received_on=received,
            )
            applications += 1
            step = i % 3
            if step >= 1:
                application = allowances.check_application(
                    supervisor,
                    application,
                    eligible=True,
                    checked_on=received + timedelta(days=10),
                    note=f"部门信息比对一致{DEMO_MARK}",
                )
            if step >= 2:
                allowances.confirm_application(
                    approver, application, confirmed=True, decided_on=received + timedelta(days=20)
                )
    cases = _protection_cases(director, supervisor, approver, children, today)
    adoptions = _adoption_in_progress(today, taken={c.pk for c in children})
    return DemoSummary(len(children), flags, entrustments, contacts, applications, cases, adoptions)


def _adoption_in_progress(today: date, *, taken: set[int]) -> int:
    """One 收养登记 at 元宝区's registry, 收养评估 under way: a married couple (30–50, at most one child) of a demo
    household adopts a young child of another household whose parents declared 特殊困难 (民法典 1093(三))."""
    clerk = User.objects.filter(username="county_caseworker").first()
    if clerk is None:
        return 0
    county = clerk.division_code[:6]
    young = Person.objects.filter(
        residence_division_code__startswith=county, is_deceased=False,
        birth_date__gt=date(today.year - 7, 1, 1), birth_date__lt=date(today.year - 1, 1, 1),
    ).exclude(pk__in=taken).order_by("id_number")  # fmt: skip
    child = next((p for p in young if p.memberships.filter(valid_to__isnull=True).exists()), None)
    if child is None:
        return 0
    home_of_child = child.memberships.filter(valid_to__isnull=True).values("household_id")
    for household in (
        Household.objects.filter(residence_division_code__startswith=county)
        .exclude(pk__in=home_of_child)
        .select_related("head")
        .order_by("number")[:400]
    ):
        head = household.head
        if head is None or head.birth_date is None or not 32 <= age_on(head.birth_date, today) <= 50:
            continue
        members = household.memberships.filter(valid_to__isnull=True)
        spouse = members.filter(relation="10").select_related("person").first()
        if spouse is None or spouse.person.birth_date is None or age_on(spouse.person.birth_date, today) < 30:
            continue
        if members.filter(relation__in=["20", "30"]).count() > 1:
            continue
        adoption = adoption_services.receive(
            clerk, case_type="hardship", child=child, adopter=head, adopter_spouse=spouse.person,
            adopter_married=True, adopter_children=members.filter(relation__in=["20", "30"]).count(),
            giver=f"生父母（特殊困难，无力抚养）{DEMO_MARK}", child_consents=None,
            documents=list(adoption_rules.DOCUMENTS["hardship"]), received_on=today - timedelta(days=20),
        )  # fmt: skip
        adoption_services.start_evaluation(
            clerk, adoption, evaluators=["民政局收养评估员", "社会工作师（第三方）"],
            started_on=today - timedelta(days=15),
        )  # fmt: skip
        return 1
    return 0


_REPORTS = [
    ("neglect", "committee", "村（居）民委员会", "父母外出多日，儿童独自在家无人照料"),
    ("abuse", "school", "中心小学", "班主任发现儿童身上多处淤青，疑似家庭暴力"),
    ("injury", "hospital", "市第一医院", "急诊接诊儿童外伤，陈述与伤情不符"),
    ("street", "police", "派出所", "火车站附近发现独自流浪儿童，身份不明"),
    ("neglect", "hotline_minors", "", "未成年人保护热线匿名反映儿童长期辍学、无人照看"),
]


def _received(today: date, step: int) -> datetime:
    """09:0x on ``today``, or a few minutes ago when that is still to come (the demo run before 9 o'clock)."""
    at = timezone.make_aware(datetime.combine(today, time(9, step)))
    return min(at, timezone.now() - timedelta(minutes=10 - step))


def _protection_cases(director, supervisor, approver, children, today: date) -> int:
    """Open 未保 cases at each step (接报, 已评估, 帮扶中, 监护干预中) and one closed and reviewed."""
    if not children:
        return 0
    for step, (situation, channel, reporter, text) in enumerate(_REPORTS):
        child = children[step % len(children)]
        anonymous = not reporter
        case = protection.receive_report(
            director, division_code=child.residence_division_code, child=child,
            child_description=f"{child.name}，{age_on(child.birth_date, today)}岁", channel=channel,
            reporter_kind="anonymous" if anonymous else "institution", reporter_name=reporter, situation=situation,
            description=text, received_at=_received(today, step),
        )  # fmt: skip
        case.handlers.add(supervisor)
        if step == 0:
            continue  # 已接报，待调查评估
        if step == 3:
            protection.refer_to_police(director, case, referred_on=today, police_unit="火车站派出所")
            protection.place_child(
                approver, case, kind="temporary", ground=1, placement="protection",
                institution_name="丹东市未成年人救助保护中心", started_on=today,
            )  # fmt: skip
        protection.assess(
            supervisor, case, assessed_on=today, participants="乡镇（街道）、县级民政、派出所",
            safety="已脱离危险" if step != 2 else "存在再次受伤风险", guardianship="监护缺失或监护不当",
            health="身体状况一般，需心理疏导", risk_level=["low", "medium", "high", "critical", "low"][step],
        )  # fmt: skip
        if step == 1:
            continue  # 已评估，待制定帮扶计划
        protection.make_plan(
            director, case, items=["guidance", "psychological", "assistance"], note="监护指导、心理疏导，协助申请临时救助",
            planned_on=today,
        )  # fmt: skip
        if step == 2:
            protection.intervene(
                supervisor, case, kind="admonition", taken_on=today, note="对监护人进行训诫（演示）"
            )
        if step == 4:
            protection.close_case(approver, case, closed_on=today, note="经核实已妥善处置，监护人返回照料")
            protection.review_closure(supervisor, case, reviewed_on=today, note="处置得当")
    return len(_REPORTS)
