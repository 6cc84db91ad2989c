"""Reproducible 社会组织 demo data, written through the real services (receipt by a caseworker, decision by a
reviewer): registrations since 2008 at the 丹东市 and 元宝区 registries, a few changes and deregistrations,
annual reports for the last two years (some late, some with management fees over 10 %), 年检 results, and the
nightly clocks run once so missing reports are proposed for 活动异常 and some listings decided."""

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from minzheng.core.identity import make_resident_id
from minzheng.core.models import AuditEvent, User
from minzheng.core.services.audit import record_event

from ..errors import SocialOrgError
from ..models import Application, CreditListing, ListingStatus, Organisation
from ..rules.kinds import OrgForm, OrgKind
from ..services import credit, ratings, registration, reports
from .socialwork import load_social_work

MARK = "（演示）"
REGISTRIES = {  # registry division → (caseworker, reviewer, place name, share)
    "210600000000": ("city_caseworker", "city_reviewer", "丹东市", 0.6),
    "210602000000": ("county_caseworker", "county_reviewer", "丹东市元宝区", 0.4),
}
TOPICS = ["围棋", "书法", "摄影", "老年大学校友", "志愿者", "慈善", "养老服务", "社会工作", "青少年足球", "红十字",
          "餐饮行业", "个体劳动者", "律师", "心理咨询", "残疾人康复", "诗词", "民俗文化", "鸭绿江文化", "草莓产业",
          "板栗种植", "旅游", "物业管理", "家政服务", "电子商务", "商会"]  # fmt: skip
ASSOC_SUFFIX = ["协会", "学会", "研究会", "促进会", "联合会"]
SERVICE_SUFFIX = ["培训学校", "康复中心", "养老院", "服务中心", "幼儿园", "社会工作服务中心"]
STREETS = ["锦山大街", "江城大街", "六纬路", "兴五路", "帽盔山路", "站前二马路", "青年大街", "汤池路"]


@dataclass
class DemoSummary:
    organisations: int
    rated: int
    applications_open: int
    reports: int
    listed: int
    proposed: int


def demo_loaded() -> bool:
    return Organisation.objects.filter(address__endswith=MARK).exists()


def _users() -> dict[str, User]:
    names = {n for pair in REGISTRIES.values() for n in pair[:2]}
    users = {u.username: u for u in User.objects.filter(username__in=names)}
    if missing := names - set(users):
        raise RuntimeError(f"缺少演示账号 {', '.join(sorted(missing))}，请先运行 manage.py demo")
    return users


QUALIFIERS = ["", "青年", "老年", "女性", "城区", "社区", "新区", "边境", "滨江", "鸭绿江"]


def _unique(name: str, place: str, used: set[str]) -> str:
    for q in QUALIFIERS:
        candidate = name.replace(place, place + q, 1)
        if candidate not in used:
            used.add(candidate)
            return candidate
    n = len(used)
    used.add(f"{name}{n}")
    return f"{name}{n}"


def _particulars(
    rng: random.Random, n: int, kind: OrgKind, form: OrgForm, place: str, received: date, used: set[str]
) -> registration.Particulars:
    topic = TOPICS[n % len(TOPICS)]
    if kind == OrgKind.ASSOCIATION:
        name, funds = (
            f"{place}{topic}{rng.choice(ASSOC_SUFFIX)}",
            Decimal(rng.choice([30000, 50000, 100000, 200000])),
        )
    elif kind == OrgKind.SERVICE:
        name, funds = (
            f"{place}{topic}{rng.choice(SERVICE_SUFFIX)}",
            Decimal(rng.choice([30000, 100000, 500000])),
        )
    else:
        floor = [4_000_000, 6_000_000] if form == OrgForm.PUBLIC else [2_000_000, 3_000_000]
        name, funds = f"{place}{topic}基金会", Decimal(rng.choice(floor))
    units = rng.choice([0, 0, 0, 35, 60]) if kind == OrgKind.ASSOCIATION else 0
    birth = date(1955, 1, 1) + timedelta(days=n * 37)  # one person per organisation (社团 第十二条)
    return registration.Particulars(
        name=_unique(name, place, used),
        address=f"{place}{rng.choice(STREETS)}{rng.randrange(1, 300)}号{MARK}",
        purpose=f"团结{topic}领域从业者和爱好者，开展公益服务",
        business_scope="交流、培训、咨询、公益活动",
        activity_area=place,
        legal_rep_name=rng.choice("王李张刘陈杨赵黄周吴")
        + rng.choice(["建国", "秀英", "志强", "丽华", "海涛", "春梅"]),
        legal_rep_id_number=make_resident_id("210602", birth, (n * 2 + 1) % 1000),
        funds=funds,
        supervisor=rng.choice(
            ["民政局", "文化旅游和广播电视局", "体育局", "教育局", "卫生健康委员会", "工商业联合会"]
        ),
        supervisor_approved_on=received - timedelta(days=rng.randrange(5, 40)),
        individual_members=rng.randrange(50, 400) if kind == OrgKind.ASSOCIATION and not units else 0,
        unit_members=units,
        full_time_staff=rng.randrange(1, 30),
    )


def _kind(rng: random.Random) -> tuple[OrgKind, OrgForm]:
    r = rng.random()
    if r < 0.45:
        return OrgKind.ASSOCIATION, OrgForm.LEGAL_PERSON
    if r < 0.9:
        return OrgKind.SERVICE, rng.choice(
            [OrgForm.LEGAL_PERSON] * 8 + [OrgForm.PARTNERSHIP, OrgForm.INDIVIDUAL]
        )
    return OrgKind.FOUNDATION, rng.choice([OrgForm.PUBLIC, OrgForm.NON_PUBLIC, OrgForm.NON_PUBLIC])


def _finance(rng: random.Random, heavy_fees: bool) -> dict:
    income = Decimal(rng.randrange(50_000, 3_000_000))
    spending = (income * Decimal(rng.uniform(0.75, 1.05))).quantize(Decimal("1"))
    fees = (spending * Decimal(rng.uniform(0.11, 0.2) if heavy_fees else rng.uniform(0.03, 0.09))).quantize(
        Decimal("1")
    )
    charitable = min((income * Decimal(rng.uniform(0.6, 0.9))).quantize(Decimal("1")), spending - fees)
    return {
        "total_income": income,
        "previous_year_income": (income * Decimal(rng.uniform(0.8, 1.2))).quantize(Decimal("1")),
        "charitable_spending": charitable,
        "management_fees": fees,
        "total_spending": spending,
        "net_assets": Decimal(rng.randrange(30_000, 5_000_000)),
        "full_time_staff": rng.randrange(1, 30),
    }


def load_demo(*, seed: int = 20260601, count: int = 300, today: date | None = None) -> DemoSummary:
    today = today or date.today()
    rng = random.Random(seed)
    users = _users()
    orgs: list[Organisation] = []
    used: set[str] = set()
    registries = list(REGISTRIES.items())
    for n in range(count):
        _code, (cw_name, rv_name, place, _share) = (
            registries[0] if rng.random() < registries[0][1][3] else registries[1]
        )
        cw, rv = users[cw_name], users[rv_name]
        kind, form = _kind(rng)
        received = date(2008, 1, 1) + timedelta(days=rng.randrange(0, (today - date(2008, 1, 1)).days - 90))
        app = registration.receive_establishment(
            cw,
            org_kind=kind,
            org_form=form,
            particulars=_particulars(rng, n, kind, form, place, received, used),
            received_on=received,
        )
        decided = min(received + timedelta(days=rng.randrange(10, 58)), today)
        app = registration.decide(rv, app, approve=True, decided_on=decided, note="")
        orgs.append(app.organisation)
    open_apps = 0
    for n in range(6):  # applications still waiting, some near their 60-day limit
        _code, (cw_name, _rv, place, _s) = registries[n % 2]
        kind, form = _kind(rng)
        received = today - timedelta(days=rng.choice([5, 20, 45, 57, 59]))
        registration.receive_establishment(
            users[cw_name], org_kind=kind, org_form=form,
            particulars=_particulars(rng, count + n, kind, form, place, received, used), received_on=received,
        )  # fmt: skip
        open_apps += 1
    _changes(rng, orgs, users, today)
    report_count = _reports(rng, orgs, users, today)
    rated = _ratings(rng, orgs, users, today)
    credit.propose_missing_reports(today)
    reports.propose_revocations_for_missing(today)
    _decide_listings(rng, users, today)
    _warnings(rng, orgs, users, today)
    credit.run_clocks(today)
    stations, workers = load_social_work(rng, users["city_caseworker"], today)
    record_event(
        None, AuditEvent.IMPORT, username="demo", object_type="socialorgs.demo", division_code="210600000000",
        summary=f"社会组织演示数据：{len(orgs)}家，社工站{stations}个，社会工作者{workers}人",
    )  # fmt: skip
    return DemoSummary(
        organisations=len(orgs),
        rated=rated,
        applications_open=open_apps,
        reports=report_count,
        listed=CreditListing.objects.filter(status=ListingStatus.LISTED).count(),
        proposed=CreditListing.objects.filter(status=ListingStatus.PROPOSED).count(),
    )


def _pair(users, org) -> tuple[User, User]:
    cw_name, rv_name, _place, _share = REGISTRIES[org.division_code]
    return users[cw_name], users[rv_name]


def _changes(rng, orgs, users, today) -> None:
    associations = [o for o in orgs if o.name.endswith("协会")]
    renamed = rng.sample(associations, min(8, len(associations)))
    for org in renamed:
        cw, rv = _pair(users, org)
        p = registration.Particulars(**{f: getattr(org, f) for f in registration.ORG_FIELDS})
        p.name = org.name.removesuffix("协会") + "联合会"
        if Organisation.objects.filter(name=p.name).exists():
            continue
        p.supervisor_approved_on = today - timedelta(days=rng.randrange(3, 40))
        received = today - timedelta(days=2)
        app = registration.receive_change(
            cw, org, particulars=p, received_on=received, reason="经会员大会通过更名"
        )
        registration.decide(rv, app, approve=True, decided_on=today - timedelta(days=1), note="")
    others = [o for o in orgs if o not in renamed]
    for org in rng.sample(others, min(4, len(others))):
        org.refresh_from_db()
        if Application.objects.filter(organisation=org, status="received").exists():
            continue
        cw, rv = _pair(users, org)
        app = registration.receive_deregistration(
            cw,
            org,
            liquidated_on=today - timedelta(days=12),
            received_on=today - timedelta(days=3),
            reason="完成清算，自行解散",
        )
        registration.decide(rv, app, approve=True, decided_on=today - timedelta(days=1), note="")


def _reports(rng, orgs, users, today) -> int:
    count = 0
    for org in orgs:
        org.refresh_from_db()
        if org.status != "registered":
            continue
        cw, rv = _pair(users, org)
        for year in (today.year - 2, today.year - 1):
            if org.registered_on.year > year or rng.random() < (0.04 if year == today.year - 2 else 0.12):
                continue
            late = rng.random() < 0.1
            submitted = (
                date(year + 1, 6, rng.randrange(1, 28))
                if late
                else date(year + 1, rng.choice([3, 4, 5]), rng.randrange(1, 29))
            )
            report = reports.submit(
                cw, org, year=year, registry_submitted_on=min(submitted, today),
                supervisor_submitted_on=min(max(submitted - timedelta(days=rng.randrange(20, 60)), date(year + 1, 1, 2)), today),
                **_finance(rng, heavy_fees=rng.random() < 0.08),
            )  # fmt: skip
            count += 1
            if year == today.year - 1 and rng.random() < 0.3:
                continue  # still awaiting its result
            r = rng.random()
            result = "qualified" if r < 0.85 else "basic" if r < 0.96 else "unqualified"
            decided_on = min(report.registry_submitted_on + timedelta(days=rng.randrange(10, 60)), today)
            reports.decide(
                rv,
                report,
                result=result,
                decided_on=decided_on,
                note="" if result == "qualified" else "财务管理不规范，限期整改",
            )
    return count


def _ratings(rng, orgs, users, today) -> int:
    """等级评估 for some organisations: scored, publicised, confirmed; one objection answered, one downgrade."""
    done = 0
    for org in rng.sample(orgs, min(45, len(orgs))):
        org.refresh_from_db()
        cw, rv = _pair(users, org)
        try:
            r = ratings.apply(cw, org, applied_on=today - timedelta(days=70))
        except SocialOrgError:
            continue  # not eligible (第七条): too young, no report, listed …
        r = ratings.score(rv, r, score=rng.randrange(620, 980), scored_on=today - timedelta(days=60))
        if done == 0:
            r = ratings.object_to(
                cw, r, objection="对财务管理指标评分有异议", objected_on=today - timedelta(days=58)
            )
            r = ratings.answer(rv, r, answer="经复核维持原评分", answered_on=today - timedelta(days=50))
        if done == 1:
            done += 1
            continue  # still in 公示 … past it, awaiting confirmation
        r = ratings.confirm(rv, r, confirmed_on=today - timedelta(days=45))
        if done == 2 and r.level and r.level > 1:
            ratings.change(
                rv, r, new_level=r.level - 1, changed_on=today - timedelta(days=5), reason="年度检查基本合格"
            )
        done += 1
    return done


def _decide_listings(rng, users, today) -> None:
    for listing in CreditListing.objects.filter(status=ListingStatus.PROPOSED).select_related("organisation"):
        if rng.random() < 0.6:
            _cw, rv = _pair(users, listing.organisation)
            ground = listing.grounds.first()
            credit.decide(
                rv, listing, listed=True, decided_on=min(ground.established_on + timedelta(days=3), today)
            )


def _warnings(rng, orgs, users, today) -> None:
    """A few warnings (nothing to fix: 6-month automatic removal) and an unreachable organisation, listed."""
    candidates = [o for o in orgs if o.status == "registered" and not o.listings.exists()]
    for org in rng.sample(candidates, min(6, len(candidates))):
        cw, rv = _pair(users, org)
        reason = rng.choice(["warning_or_small_fine", "warning_or_small_fine", "unreachable"])
        on = today - timedelta(days=rng.randrange(20, 250))
        listing = credit.propose(
            cw, org, reason=reason, basis="（演示）行政处罚决定书/挂号信回执", established_on=on
        )
        credit.decide(rv, listing, listed=True, decided_on=on + timedelta(days=2))
