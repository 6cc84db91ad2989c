"""演示数据: the committees of 元宝区 (丹东, 210602) — members, groups, 村务监督委员会, facilities, workers, grids
with the registry's households and a few events, meetings, 村务公开 — and the 2026 换届 in progress (七道街道's
communities at every step: preparing, list published with an open objection, held). Through the services, so
every clock is computed as in real use. Same seed, same data."""

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from faker import Faker

from minzheng.core.models import Division, User

from ..models import Committee, CommitteeKind, MemberRole
from ..rules.disclosure import period_end
from ..services import committees as csvc
from ..services import elections as esvc
from ..services import facilities as fsvc
from ..services import meetings as msvc

COUNTY = "210602"
ROUND_TOWNSHIP = "210602002"  # 七道街道: the demo township account's desk


@dataclass
class DemoSummary:
    committees: int = 0
    rounds: int = 0
    held: int = 0
    centres: int = 0
    workers: int = 0
    grids: int = 0
    events: int = 0


def demo_loaded() -> bool:
    return Committee.objects.filter(division_code__startswith=COUNTY).exists()


def _actor() -> User:
    return User.objects.get(username="county_caseworker")


def _name(fake: Faker, rng: random.Random, female: bool) -> str:
    return fake.name_female() if female else fake.name_male()


@transaction.atomic
def load_demo(*, seed: int = 20261201, today: date | None = None, grid_households: int = 400) -> DemoSummary:
    today = today or date.today()
    rng = random.Random(seed)
    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    actor = _actor()
    summary = DemoSummary()
    villages = Division.objects.filter(code__startswith=COUNTY, level=5, valid_to__isnull=True).order_by(
        "code"
    )
    term_start = date(2021, 5, 15)  # 辽宁's last general 换届 (2021)
    for division in villages:
        village = division.name.endswith("村委会")
        kind = CommitteeKind.VILLAGE if village else CommitteeKind.RESIDENTS
        households = (
            rng.randint(250, 900)
            if village
            else rng.choice([rng.randint(60, 99), *[rng.randint(400, 1100)] * 6])
        )
        population = int(households * rng.uniform(2.2, 2.7))
        c = csvc.create_committee(
            actor, division_code=division.code, kind=kind, households=households, population=population,
            adults=int(population * 0.82), representatives=households // 10 if village else 0,
            term_start=term_start, term_number=11 if village else 8,
        )  # fmt: skip
        summary.committees += 1
        _members(actor, c, rng, fake, term_start)
        if village:
            for n in range(1, rng.randint(3, 5) + 1):
                csvc.add_group(
                    actor, c, name=f"第{n}村民小组", leader=fake.name_male(), households=households // 4
                )
            _meetings(actor, c, rng, today)
        for _ in range(3):
            csvc.add_supervisor(actor, c, name=fake.name(), sex=rng.choice("12"), appointed_on=term_start,
                                chair=_ == 0, accounting_skills=_ == 1)  # fmt: skip
        summary.centres += _centres(actor, c, rng)
        summary.workers += _workers(actor, c, rng, fake, village)
        grids, events = _grids(actor, c, rng, fake, today, grid_households)
        summary.grids += grids
        summary.events += events
        _disclosures(actor, c, rng, today)
    rounds, held = _round(actor, rng, fake, today)
    summary.rounds, summary.held = rounds, held
    return summary


def _members(actor, c: Committee, rng, fake, start: date) -> None:
    size = rng.randint(4, 7) if c.kind == CommitteeKind.VILLAGE else rng.randint(5, 9)
    roles = [MemberRole.DIRECTOR, MemberRole.DEPUTY] + [MemberRole.MEMBER] * (size - 2)
    for i, role in enumerate(roles):
        female = i in (1, 3) or rng.random() < 0.3
        csvc.add_member(
            actor, c, name=_name(fake, rng, female), sex="2" if female else "1", role=role,
            party_member=i == 0 or rng.random() < 0.5, party_secretary=i == 0 and rng.random() < 0.8, term_start=start,
        )  # fmt: skip


def _meetings(actor, c: Committee, rng, today: date) -> None:
    held = today - timedelta(days=rng.randint(20, 120))
    notice_days = rng.choice([12, 10, 15, 7])  # now and then too short a notice
    present = int(c.adults * rng.uniform(0.45, 0.7))
    m = msvc.record_meeting(
        actor, c, kind="assembly", title="审议本村集体收益使用方案", notified_on=held - timedelta(days=notice_days),
        held_on=held, eligible=c.adults, present=present, households_present=int(c.households * 0.7),
        minutes="会议由村民委员会主任主持，到会村民逐项审议并表决。",
    )  # fmt: skip
    if m.quorum_met:
        msvc.add_decision(
            actor, m, category="2", subject="本村集体经济收益用于道路硬化", yes_votes=int(present * 0.8)
        )
    reps = c.representatives
    r = msvc.record_meeting(
        actor, c, kind="representatives", title="讨论宅基地使用方案", notified_on=held + timedelta(days=20),
        held_on=held + timedelta(days=27), eligible=reps, present=int(reps * rng.choice([0.9, 0.75, 0.6])),
    )  # fmt: skip
    if r.quorum_met:
        msvc.add_decision(actor, r, category="6", subject="宅基地使用方案", yes_votes=int(r.present * 0.7))


def _centres(actor, c: Committee, rng) -> int:
    if rng.random() < 0.12:
        return 0  # a few still without a centre
    area = Decimal(int(c.households * rng.uniform(0.22, 0.55))) + Decimal(rng.randint(0, 99))
    fsvc.add_centre(actor, c, name=f"{c.name.removesuffix('居委会').removesuffix('居民委员会').removesuffix('村委会')}综合服务中心",
                    area_m2=area, rooms=rng.randint(4, 12), volunteer_station=rng.random() < 0.7,
                    opened_on=date(rng.randint(2015, 2023), rng.randint(1, 12), 1))  # fmt: skip
    return 1


def _workers(actor, c: Committee, rng, fake, village: bool) -> int:
    n = rng.randint(2, 4) if village else rng.randint(5, 11)
    posts = ["secretary", "director"] + ["staff"] * (n - 3) + ["grid"]
    for post in posts[:n]:
        female = rng.random() < 0.6
        fsvc.add_worker(
            actor, c, name=_name(fake, rng, female), sex="2" if female else "1", post=post, grade=rng.randint(1, 18),
            monthly_pay=Decimal(rng.randrange(3600, 5600, 50)), certificate=rng.choice(["", "", "assistant", "social"]),
            started_on=date(rng.randint(2012, 2025), rng.randint(1, 12), 1),
        )  # fmt: skip
    return n


def _grids(actor, c: Committee, rng, fake, today: date, per_grid: int) -> tuple[int, int]:
    groups = list(c.groups.all())
    count = len(groups) if groups else max(1, c.households // 450)
    events = 0
    for n in range(1, count + 1):
        grid = fsvc.add_grid(
            actor, c, number=f"{c.division_code[6:]}{n:02d}", name=groups[n - 1].name if groups else f"第{n}网格",
            group=groups[n - 1] if groups else None,
        )  # fmt: skip
        leader = fsvc.add_grid_worker(
            actor, grid, name=fake.name(), role="leader", number=f"WG{c.division_code[6:]}{n:02d}1"
        )
        fsvc.add_grid_worker(
            actor, grid, name=fake.name(), role="worker", number=f"WG{c.division_code[6:]}{n:02d}2"
        )
        fsvc.attach_unassigned_households(actor, grid, on=today, limit=per_grid)
        attached = grid.attached.select_related("household").first()
        if attached and rng.random() < 0.5:
            fsvc.report_event(
                actor, grid, reported_by=leader, reported_on=today - timedelta(days=rng.randint(0, 20)), kind="hardship",
                description="户主因病失去劳动能力，家庭收入骤减，申请救助意愿强烈", household_number=attached.household.number,
            )  # fmt: skip
            events += 1
        if rng.random() < 0.3:
            fsvc.report_event(actor, grid, reported_by=leader, reported_on=today - timedelta(days=rng.randint(0, 30)),
                              kind="elder", description="独居老人近日未出门，需上门探望")  # fmt: skip
            events += 1
    return count, events


def _disclosures(actor, c: Committee, rng, today: date) -> None:
    year = today.year if today.month > 3 else today.year - 1
    quarter = (today.month - 1) // 3 or 4
    for q in range(1, quarter + 1):
        end = period_end("quarterly", year, q)
        item = msvc.plan_disclosure(
            actor, c, category="decisions", period=f"{year}年第{q}季度", period_end=end
        )
        if end < today - timedelta(days=5) and rng.random() < 0.85:
            msvc.publish_disclosure(
                actor, item, published_on=end + timedelta(days=rng.randint(2, 14)), channel="board"
            )
    month_end = (
        period_end("monthly", today.year, today.month - 1 or 12)
        if today.month > 1
        else date(today.year - 1, 12, 31)
    )
    item = msvc.plan_disclosure(
        actor, c, category="finance", period=f"{month_end:%Y年%m月}财务收支", period_end=month_end
    )
    if rng.random() < 0.7 and month_end + timedelta(days=3) <= today:
        msvc.publish_disclosure(actor, item, published_on=month_end + timedelta(days=3), channel="both")


def _round(actor, rng, fake, today: date) -> tuple[int, int]:
    """The 2026 换届 in 七道街道: every step of the round somewhere."""
    committees = list(
        Committee.objects.filter(division_code__startswith=ROUND_TOWNSHIP).order_by("division_code")
    )
    rounds = held = 0
    for i, c in enumerate(committees):
        step = i % 4  # 0 preparing, 1 published with an open objection, 2 held, 3 not opened yet
        if step == 3:
            continue
        if step == 2:
            election_on = today - timedelta(days=rng.randint(5, 30))
            opened = election_on - timedelta(days=40)
        else:
            election_on = today + timedelta(days=rng.randint(25, 40) if step == 0 else rng.randint(18, 22))
            opened = today - timedelta(days=rng.randint(3, 10))
        r = esvc.open_round(actor, c, round_year=2026, election_on=election_on, today=opened)
        rounds += 1
        for _ in range(rng.randint(30, 60)):
            category = rng.choices("123", weights=[85, 12, 3])[0]
            since = date(2015, 3, 1) if category == "3" else None
            consent = opened if category == "3" else None
            esvc.add_voter(actor, r, name=fake.name(), category=category, group_name="",
                           resided_since=since, consented_on=consent)  # fmt: skip
        for post, female in ((MemberRole.DIRECTOR, False), (MemberRole.DEPUTY, True), (MemberRole.MEMBER, False),
                             (MemberRole.MEMBER, True), (MemberRole.MEMBER, False)):  # fmt: skip
            esvc.add_candidate(actor, r, name=_name(fake, rng, female), sex="2" if female else "1", post=post,
                               party_member=post == MemberRole.DIRECTOR, party_secretary=post == MemberRole.DIRECTOR)  # fmt: skip
        if step == 0:
            continue
        published = min(r.publish_by, today - timedelta(days=2)) if step == 1 else r.publish_by
        r = esvc.publish_voter_list(actor, r, published_on=published)
        if step == 1:
            esvc.file_objection(actor, r, filed_on=published + timedelta(days=1), complainant=fake.name(),
                                matter="本人户籍在本村，长期在本村居住，未列入选民名单")  # fmt: skip
            continue
        objection = esvc.file_objection(actor, r, filed_on=published + timedelta(days=2), complainant=fake.name(),
                                        matter="选民名单中有已迁出人员")  # fmt: skip
        esvc.answer_objection(actor, objection, answered_on=objection.filed_on + timedelta(days=2), upheld=True,
                              answer="经核实，已从名单中删除迁出人员")  # fmt: skip
        ballots = int(r.registered_voters * rng.uniform(0.75, 0.95))
        votes = {cand.pk: int(ballots * rng.uniform(0.55, 0.9)) for cand in r.candidates.all()}
        esvc.record_results(actor, r, held_on=r.election_on, ballots=ballots, votes=votes)
        held += 1
    return rounds, held
