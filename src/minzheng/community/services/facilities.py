"""Community service centres, 社区工作者, grids: workers, households attached from the registry, events and
their referral to 社会救助 as 主动发现 (through ``assistance.interface.open_case``)."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from minzheng.assistance import interface as assistance
from minzheng.core.models import AuditEvent, Household
from minzheng.core.money import check_money

from ..errors import CommunityConflict, InvalidCommunityInput
from ..models import (
    Committee,
    CommunityWorker,
    EventKind,
    EventStatus,
    Grid,
    GridEvent,
    GridHousehold,
    GridWorker,
    ServiceCentre,
    VillagerGroup,
)
from ..models.choices import GRID_ROLES, WORKER_POSTS
from .common import audit, may_manage, require_text

MAX_AREA = Decimal("100000")


@transaction.atomic
def add_centre(
    actor,
    committee: Committee,
    *,
    name: str,
    area_m2: Decimal,
    rooms: int,
    volunteer_station: bool,
    opened_on: date,
) -> ServiceCentre:
    may_manage(actor, committee.division_code)
    if area_m2 is None or not Decimal(0) < area_m2 <= MAX_AREA:
        raise InvalidCommunityInput(f"建筑面积应大于0且不超过{MAX_AREA}平方米", field="area_m2")
    centre = ServiceCentre.objects.create(
        committee=committee, division_code=committee.division_code, name=require_text(name, "name", "名称", 100),
        area_m2=area_m2, rooms=rooms, volunteer_station=volunteer_station, opened_on=opened_on,
    )  # fmt: skip
    audit(
        actor,
        AuditEvent.CREATE,
        centre,
        f"{committee.name}服务设施{centre.name}",
        ["area_m2", "rooms"],
    )
    return centre


@transaction.atomic
def add_worker(
    actor, committee: Committee, *, name: str, sex: str, post: str, grade: int, monthly_pay, certificate: str,
    started_on: date,
) -> CommunityWorker:  # fmt: skip
    may_manage(actor, committee.division_code)
    if post not in dict(WORKER_POSTS):
        raise InvalidCommunityInput("请选择岗位", field="post")
    pay = check_money(monthly_pay, field="monthly_pay", label="月薪酬", error=InvalidCommunityInput)
    if pay is None:
        raise InvalidCommunityInput("请填写月薪酬", field="monthly_pay")
    worker = CommunityWorker.objects.create(
        committee=committee, division_code=committee.division_code, name=require_text(name, "name", "姓名", 50),
        sex=sex, post=post, grade=grade, monthly_pay=pay, certificate=certificate, started_on=started_on,
    )  # fmt: skip
    audit(actor, AuditEvent.CREATE, worker, f"社区工作者{worker.name}", ["post", "grade", "monthly_pay"])
    return worker


@transaction.atomic
def add_grid(
    actor, committee: Committee, *, number: str, name: str, group: VillagerGroup | None = None
) -> Grid:
    may_manage(actor, committee.division_code)
    number = require_text(number, "number", "网格编号", 20)
    if Grid.objects.filter(number=number).exists():
        raise InvalidCommunityInput("网格编号已被使用", field="number")
    if group is not None and group.committee_id != committee.pk:
        raise InvalidCommunityInput("所选村民小组不属于本委员会", field="group")
    grid = Grid.objects.create(
        committee=committee, division_code=committee.division_code, number=number,
        name=require_text(name, "name", "名称", 100), group=group,
    )  # fmt: skip
    audit(actor, AuditEvent.CREATE, grid, f"{committee.name}网格{number}", ["number", "name"])
    return grid


@transaction.atomic
def add_grid_worker(actor, grid: Grid, *, name: str, role: str, number: str, phone: str = "") -> GridWorker:
    may_manage(actor, grid.division_code)
    if role not in dict(GRID_ROLES):
        raise InvalidCommunityInput("请选择职责", field="role")
    if role == "leader" and grid.workers.filter(role="leader").exists():
        raise InvalidCommunityInput("该网格已有网格长", field="role")
    worker = GridWorker.objects.create(
        grid=grid, name=require_text(name, "name", "姓名", 50), role=role,
        number=require_text(number, "number", "网格员编号", 20), phone=require_text(phone, "phone", "联系电话", 20, False),
    )  # fmt: skip
    audit(
        actor,
        AuditEvent.CREATE,
        worker,
        f"网格{grid.number}增加{worker.name}",
        ["role", "number"],
    )
    return worker


@transaction.atomic
def attach_unassigned_households(actor, grid: Grid, *, on: date, limit: int | None = None) -> int:
    """Attach the registry's current households of the grid's village or community that are in no grid yet
    (up to ``limit``, in household-number order); the number attached."""
    may_manage(actor, grid.division_code)
    taken = GridHousehold.objects.values("household_id")
    free = (
        Household.objects.filter(residence_division_code=grid.division_code, dissolved_on__isnull=True)
        .exclude(pk__in=taken)
        .order_by("number")
        .values_list("pk", flat=True)
    )
    ids = list(free[:limit] if limit else free)
    GridHousehold.objects.bulk_create(GridHousehold(grid=grid, household_id=pk, attached_on=on) for pk in ids)
    audit(actor, AuditEvent.UPDATE, grid, f"网格{grid.number}纳入{len(ids)}户", ["number"])
    return len(ids)


@transaction.atomic
def report_event(
    actor, grid: Grid, *, reported_by: GridWorker, reported_on: date, kind: str, description: str,
    household_number: str = "",
) -> GridEvent:  # fmt: skip
    may_manage(actor, grid.division_code)
    if reported_by.grid_id != grid.pk:
        raise InvalidCommunityInput("报告人不是本网格的网格员", field="reported_by")
    if kind not in EventKind.values:
        raise InvalidCommunityInput("请选择事件类型", field="kind")
    household = None
    if household_number.strip():
        household = Household.objects.filter(
            number=household_number.strip(), residence_division_code=grid.division_code
        ).first()
        if household is None:
            raise InvalidCommunityInput("本网格所在村（社区）没有该户编号的家庭户", field="household_number")
    event = GridEvent.objects.create(
        grid=grid, division_code=grid.division_code, reported_by=reported_by, reported_on=reported_on, kind=kind,
        description=require_text(description, "description", "情况描述", 500), household=household,
    )  # fmt: skip
    audit(actor, AuditEvent.CREATE, event, f"网格{grid.number}报告{event.get_kind_display()}", ["kind"])
    return event


@transaction.atomic
def refer_to_assistance(actor, event: GridEvent, *, program_code: str, today: date) -> str:
    """主动发现: a hardship a grid worker found becomes a 救助申请 through 社会救助's one door; the case number."""
    may_manage(actor, event.division_code)
    event = GridEvent.objects.select_for_update().get(pk=event.pk)
    if event.status != EventStatus.OPEN:
        raise CommunityConflict("该事件已处置")
    if event.household_id is None:
        raise InvalidCommunityInput("转社会救助须指明涉及的家庭户", field="program_code")
    opened = assistance.open_case(
        actor, household_id=event.household_id, program_code=program_code, source=assistance.CaseSource.PROACTIVE,
        applied_on=today, reason=f"网格员主动发现：{event.description}"[:200],
        source_reference=f"网格事件{event.pk}",
    )  # fmt: skip
    event.status, event.case_number = EventStatus.REFERRED, opened.number
    event.save(update_fields=["status", "case_number"])
    audit(actor, AuditEvent.UPDATE, event, f"转社会救助申请{opened.number}", ["status", "case_number"])
    return opened.number


@transaction.atomic
def close_event(actor, event: GridEvent, *, closed_on: date, outcome: str) -> GridEvent:
    may_manage(actor, event.division_code)
    if event.status == EventStatus.CLOSED:
        raise CommunityConflict("该事件已办结")
    event.status, event.closed_on = EventStatus.CLOSED, closed_on
    event.outcome = require_text(outcome, "outcome", "处置结果", 300)
    event.save(update_fields=["status", "closed_on", "outcome"])
    audit(actor, AuditEvent.UPDATE, event, "网格事件办结", ["status", "outcome"])
    return event
