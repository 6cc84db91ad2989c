"""公墓: registered with the approval the regulation requires, 墓区 laid out as a grid of 墓位 within the area
limits in force, burial (安葬) of a recorded death with the 20-year cycle, 寿穴 only for a surviving spouse,
village cemeteries only for that village's villagers, renewal (续期) and 年检."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Q

from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.policy.interface import (
    insert_version,
    normalise_division_code,
    parameter_value,
    record_in_force,
    require_in_jurisdiction,
)

from ..errors import FuneralConflict, InvalidFuneralInput
from ..models import (
    AnnualInspection,
    Cemetery,
    CemeteryKind,
    CemeterySection,
    DeathRecord,
    InspectionResult,
    Plot,
    PlotAreaLimit,
    PlotKind,
    PlotState,
)
from ..rules import cemeteries as rules
from .common import audit, check_in_jurisdiction, require_text

NATIONAL = "000000000000"
NATIONAL_SOURCE = "民事发〔1998〕10号第四条：骨灰墓（单、双人）占地不超过1平方米；土葬改革区遗体墓单人不超过4平方米、双人不超过6平方米"
_PLOT_FIELDS = ["number", "kind", "area_m2", "state", "first_occupant", "second_occupant", "reserved_for", "contract_on", "cycle_ends_on"]  # fmt: skip


@transaction.atomic
def register_cemetery(
    actor, *, name: str, kind: str, division_code: str, approving_level: str, approval_document: str,
    approved_on: date | None, address: str = "",
) -> Cemetery:  # fmt: skip
    """登记公墓: the approval must come from the level the regulation names (Arts 8–9)."""
    require(actor, Capability.MANAGE_POLICY)
    if kind not in CemeteryKind.values:
        raise InvalidFuneralInput("请选择公墓类型", field="kind")
    code = (division_code or "").strip()
    if len(code) != 12 or not code.isdigit():
        raise InvalidFuneralInput("所在区划代码应为12位数字", field="division_code")
    if kind == CemeteryKind.VILLAGE and code.endswith("000"):
        raise InvalidFuneralInput("农村公益性墓地应选择到所服务的村（12位村级代码）", field="division_code")
    check_in_jurisdiction(actor, code)
    if approving_level != rules.approving_level(kind):
        needed = "县级民政部门" if rules.approving_level(kind) == rules.COUNTY else "省级民政部门"
        raise InvalidFuneralInput(
            f"{CemeteryKind(kind).label}应由{needed}批准（《殡葬管理条例》第八、九条）",
            field="approving_level",
        )
    if approved_on is None:
        raise InvalidFuneralInput("请填写批准日期", field="approved_on")
    cemetery = Cemetery.objects.create(
        name=require_text(name, "name", "名称", 100), kind=kind, division_code=code,
        address=require_text(address, "address", "地址", 200, required=False), approving_level=approving_level,
        approval_document=require_text(approval_document, "approval_document", "批准文件", 100), approved_on=approved_on,
    )  # fmt: skip
    audit(
        actor,
        AuditEvent.CREATE,
        cemetery,
        f"登记公墓：{cemetery.name}",
        ["name", "kind", "division_code", "approval_document"],
    )
    return cemetery


def area_limit(cemetery: Cemetery, plot_kind: str, on: date) -> Decimal | None:
    """The limit in force for the cemetery's division on the day: a rule for its kind before one for all kinds."""
    versions = list(
        PlotAreaLimit.objects.filter(plot_kind=plot_kind, effective_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .filter(cemetery_kind__in=[cemetery.kind, ""])
    )
    own = record_in_force(
        [v for v in versions if v.cemetery_kind == cemetery.kind], cemetery.division_code, on
    )
    found = own or record_in_force([v for v in versions if not v.cemetery_kind], cemetery.division_code, on)
    return found.max_area_m2 if found else None


@transaction.atomic
def add_section(
    actor, cemetery: Cemetery, *, name: str, rows: int, columns: int, plot_kind: str, area_m2, on: date
) -> CemeterySection:
    """新建墓区: ``rows`` × ``columns`` plots of one kind and area, each within the area limit in force."""
    require(actor, Capability.MANAGE_POLICY)
    check_in_jurisdiction(actor, cemetery.division_code)
    name = require_text(name, "name", "墓区名称", 20)
    if not (1 <= (rows or 0) <= 50 and 1 <= (columns or 0) <= 60):
        raise InvalidFuneralInput("墓区排数应为1至50、每排墓位数应为1至60", field="rows")
    if plot_kind not in PlotKind.values:
        raise InvalidFuneralInput("请选择墓位类型", field="plot_kind")
    if plot_kind in (PlotKind.SINGLE_BODY, PlotKind.DOUBLE_BODY) and cemetery.kind != CemeteryKind.VILLAGE:
        raise InvalidFuneralInput("遗体墓位仅限土葬改革区的农村公益性墓地", field="plot_kind")
    try:
        area = Decimal(str(area_m2))
    except (InvalidOperation, TypeError):
        raise InvalidFuneralInput("墓位面积应为数字", field="area_m2") from None
    limit = area_limit(cemetery, plot_kind, on)
    problem = rules.area_problem(area if area.is_finite() else None, limit)
    if problem or area > Decimal("99"):
        raise InvalidFuneralInput(problem or "墓位面积不能超过99平方米", field="area_m2")
    if cemetery.sections.filter(name=name).exists():
        raise FuneralConflict(f"已有墓区“{name}”", field="name")
    section = CemeterySection.objects.create(cemetery=cemetery, name=name, rows=rows, columns=columns)
    Plot.objects.bulk_create(
        Plot(section=section, division_code=cemetery.division_code, number=f"{name}-{r:02d}-{c:02d}", row=r, column=c,
             kind=plot_kind, area_m2=area)
        for r in range(1, rows + 1) for c in range(1, columns + 1)
    )  # fmt: skip
    audit(
        actor,
        AuditEvent.CREATE,
        cemetery,
        f"{cemetery.name}新建墓区{name}：{rows}排×{columns}位，{area}平方米",
        ["name"],
    )
    return section


def _cycle_years(division_code: str, on: date) -> int:
    return int(parameter_value("funeral_plot_cycle_years", division_code, on, Decimal(20)))


@transaction.atomic
def bury(actor, plot: Plot, death: DeathRecord, *, on: date, reserved_for: str = "") -> Plot:
    """安葬: a recorded death in a free plot (or beside the spouse in a double plot's second place)."""
    require(actor, Capability.MANAGE_FUNERAL)
    check_in_jurisdiction(actor, plot.division_code)
    check_in_jurisdiction(actor, death.division_code)
    plot = Plot.objects.select_for_update().select_related("section__cemetery").get(pk=plot.pk)
    cemetery = plot.section.cemetery
    if on is None or on < death.death_date:
        raise InvalidFuneralInput("安葬日期不能早于死亡日期", field="on")
    if Plot.objects.filter(Q(first_occupant=death) | Q(second_occupant=death)).exists():
        raise FuneralConflict(f"{death.display_name}已安葬于其他墓位", field="death")
    if cemetery.kind == CemeteryKind.VILLAGE:
        person = death.person
        if person is None or not rules.villager_may_be_buried(
            cemetery.division_code, person.residence_division_code, person.hukou_division_code
        ):
            raise InvalidFuneralInput("农村公益性墓地只安葬本村村民（《殡葬管理条例》第九条）", field="death")
    reserved_for = (reserved_for or "").strip()
    if plot.state == PlotState.AVAILABLE:
        if reserved_for and not rules.may_reserve_for_living(plot.kind, 1):
            raise InvalidFuneralInput("只有双人墓可以为健在配偶预留（禁止出售寿穴）", field="reserved_for")
        plot.first_occupant, plot.contract_on = death, on
        plot.cycle_ends_on = rules.cycle_end(on, _cycle_years(plot.division_code, on))
        plot.state = PlotState.RESERVED if reserved_for else PlotState.OCCUPIED
        plot.reserved_for = reserved_for[:50]
    elif plot.state == PlotState.RESERVED:
        plot.second_occupant, plot.state, plot.reserved_for = death, PlotState.OCCUPIED, ""
    else:
        raise FuneralConflict(f"墓位{plot.number}已安葬", field="plot")
    plot.save()
    audit(actor, AuditEvent.UPDATE, plot, f"{plot.number}安葬{death.display_name}", _PLOT_FIELDS)
    return plot


@transaction.atomic
def renew(actor, plot: Plot, *, on: date) -> Plot:
    """续期: another cycle from the end of the current one (民事发〔1998〕10号)."""
    require(actor, Capability.MANAGE_FUNERAL)
    check_in_jurisdiction(actor, plot.division_code)
    plot = Plot.objects.select_for_update().get(pk=plot.pk)
    if plot.cycle_ends_on is None:
        raise InvalidFuneralInput("空闲墓位无需续期", field="on")
    plot.cycle_ends_on = rules.cycle_end(plot.cycle_ends_on, _cycle_years(plot.division_code, on))
    plot.save(update_fields=["cycle_ends_on"])
    audit(actor, AuditEvent.UPDATE, plot, f"{plot.number}续期至{plot.cycle_ends_on:%Y-%m-%d}", _PLOT_FIELDS)
    return plot


@transaction.atomic
def record_inspection(
    actor, cemetery: Cemetery, *, year: int, result: str, inspected_on: date, note: str = ""
) -> AnnualInspection:
    require(actor, Capability.MANAGE_POLICY)
    check_in_jurisdiction(actor, cemetery.division_code)
    if result not in InspectionResult.values:
        raise InvalidFuneralInput("请选择年检结论", field="result")
    if inspected_on is None or inspected_on.year < year:
        raise InvalidFuneralInput("检查日期应在年检年度内或之后", field="inspected_on")
    if result != InspectionResult.PASSED and not (note or "").strip():
        raise InvalidFuneralInput("基本合格或不合格须写明问题及整改要求", field="note")
    if cemetery.inspections.filter(year=year).exists():
        raise FuneralConflict(f"{year}年度已有年检结论", field="year")
    row = AnnualInspection.objects.create(
        cemetery=cemetery, division_code=cemetery.division_code, year=year, result=result, inspected_on=inspected_on,
        note=require_text(note, "note", "问题及整改要求", 300, required=False), recorded_by=actor,
    )  # fmt: skip
    audit(
        actor,
        AuditEvent.CREATE,
        row,
        f"{cemetery.name}{year}年检：{row.get_result_display()}",
        ["year", "result"],
    )
    return row


@transaction.atomic
def set_area_limit(actor, *, division_code: str, plot_kind: str, max_area_m2, effective_from: date, cemetery_kind: str = "", source_note: str = "") -> PlotAreaLimit:  # fmt: skip
    require(actor, Capability.MANAGE_POLICY)
    code = normalise_division_code(division_code)
    require_in_jurisdiction(actor, code)
    return _limit(actor, code, plot_kind, cemetery_kind, max_area_m2, effective_from, source_note)


def _limit(actor, code, plot_kind, cemetery_kind, max_area_m2, effective_from, source_note) -> PlotAreaLimit:
    if plot_kind not in PlotKind.values:
        raise InvalidFuneralInput("请选择墓位类型", field="plot_kind")
    if cemetery_kind and cemetery_kind not in CemeteryKind.values:
        raise InvalidFuneralInput("请选择公墓类型", field="cemetery_kind")
    try:
        limit = Decimal(str(max_area_m2))
    except (InvalidOperation, TypeError):
        raise InvalidFuneralInput("面积上限应为数字", field="max_area_m2") from None
    if not limit.is_finite() or limit <= 0 or limit > 99:
        raise InvalidFuneralInput("面积上限应为0至99平方米", field="max_area_m2")
    row = PlotAreaLimit(
        division_code=code, plot_kind=plot_kind, cemetery_kind=cemetery_kind, max_area_m2=limit,
        effective_from=effective_from, source_note=(source_note or "")[:300],
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )  # fmt: skip
    insert_version(
        PlotAreaLimit.objects.filter(division_code=code, plot_kind=plot_kind, cemetery_kind=cemetery_kind),
        row,
    )
    audit(actor, AuditEvent.CREATE, row, f"墓位面积上限：{row}", ["plot_kind", "max_area_m2"])
    return row


def load_plot_limits() -> int:
    """Ship the national limits of 民事发〔1998〕10号 (idempotent)."""
    added = 0
    for kind, limit in (
        (PlotKind.SINGLE_ASHES, 1),
        (PlotKind.DOUBLE_ASHES, 1),
        (PlotKind.SINGLE_BODY, 4),
        (PlotKind.DOUBLE_BODY, 6),
    ):
        if PlotAreaLimit.objects.filter(
            division_code=NATIONAL, plot_kind=kind, cemetery_kind="", effective_from=date(1998, 1, 1)
        ).exists():
            continue
        _limit(None, NATIONAL, kind, "", limit, date(1998, 1, 1), NATIONAL_SOURCE)
        added += 1
    return added
