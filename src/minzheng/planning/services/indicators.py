"""Indicator definitions and their binding to plan rows (规划指标绑定).

``sync_indicators`` makes a definition for every collected computed source and every catalogue entry, then
binds each plan row that has no binding yet: to a computed source when one carries its name (so a source a
domain adds later is picked up by the next sync, with no change here), else to the catalogue's entered
definition. Targets come from the plan's printed target (parsed), or — for 不低于省定/市定指标要求 — from the
plan it implements; baselines from what the plan states, else from the 2020 figure where one exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from minzheng.core.errors import PermissionDenied
from minzheng.core.jurisdiction import covers
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event, snapshot

from ..errors import InvalidIndicator
from ..figures import figure, monitoring_period, sources
from ..indicator_catalogue import (
    BASELINES,
    CATALOGUE,
    SOURCE_ALIASES,
    CatalogueEntry,
    entry_for_name,
    names_match,
    normalise_name,
)
from ..indicator_rules import FormulaError, check_formula, unit_decimals
from ..models import (
    Aggregation,
    Comparison,
    Direction,
    IndicatorBinding,
    IndicatorDefinition,
    PeriodType,
    Plan,
    PlanIndicator,
    SourceKind,
    ValueType,
)

_INHERITED_TARGET = ("省定", "市定", "上级")


@dataclass(frozen=True)
class SyncResult:
    definitions_created: int
    bindings_created: int
    bindings_moved_to_sources: int


def sync_indicators(actor=None) -> SyncResult:
    """Definitions for every source and catalogue entry; bindings for unbound rows of every plan. Idempotent."""
    with transaction.atomic():
        created = _sync_definitions()
        precise = _sync_precision()
        bound, moved = _bind_rows(Plan.objects.order_by("division_code", "pk"), actor)
        if created or bound or moved or precise:
            record_event(
                actor,
                AuditEvent.UPDATE,
                object_type="indicator_sync",
                summary=f"同步指标：新建定义{created}个，新绑定{bound}个，改为业务数据计算{moved}个"
                + (f"，按单位设定小数位{precise}个" if precise else ""),
                username="" if actor is not None else "system",
            )
    return SyncResult(created, bound, moved)


def _sync_definitions() -> int:
    created = 0
    existing = set(IndicatorDefinition.objects.values_list("code", flat=True))
    for source in sources().values():
        if source.code not in existing:
            IndicatorDefinition.objects.create(
                code=source.code,
                name=source.name,
                unit=source.unit,
                decimals=unit_decimals(source.unit),
                period_type=source.period_type,
                source_kind=SourceKind.COMPUTED,
                source_code=source.code,
                aggregation=Aggregation.NONE,  # the source computes every level itself
                direction=_direction_of(source.code),
                definition=source.definition,
            )
            created += 1
    for entry in CATALOGUE:
        if entry.code not in existing:
            _create_from_catalogue(entry)
            created += 1
    return created


def _sync_precision() -> int:
    """Shipped definitions created before precision followed the unit (all at the default 2 decimals) print at
    their unit's precision (% 1, counts 0); a definition a person has saved (audited) keeps its own."""
    edited = set(
        AuditEvent.objects.filter(object_type="indicator_definition").values_list("object_id", flat=True)
    )
    shipped = {entry.code for entry in CATALOGUE} | set(sources())
    changed = 0
    for definition in IndicatorDefinition.objects.filter(decimals=2, code__in=shipped):
        wanted = unit_decimals(definition.unit, definition.value_type)
        if wanted != 2 and str(definition.pk) not in edited:
            definition.decimals = wanted
            definition.save(update_fields=["decimals"])
            changed += 1
    return changed


def _direction_of(source_code: str) -> str:
    # The gap between urban and rural standards is to narrow (target 1.3 from about 1.5 in 2020).
    return Direction.LOWER if source_code == "assistance.dibao_urban_rural_ratio" else Direction.HIGHER


def _create_from_catalogue(entry: CatalogueEntry) -> IndicatorDefinition:
    return IndicatorDefinition.objects.create(
        code=entry.code,
        name=entry.name,
        unit=entry.unit,
        decimals=unit_decimals(entry.unit, entry.value_type),
        period_type=PeriodType.YEAR,
        source_kind=SourceKind.ENTERED,
        numerator_label=entry.numerator,
        denominator_label=entry.denominator,
        factor=entry.factor,
        aggregation=entry.aggregation,
        direction=entry.direction,
        value_type=entry.value_type,
        min_value=entry.min_value,
        max_value=entry.max_value,
        change_comment_percent=entry.change_comment_percent,
        definition=entry.definition,
    )


def _source_definition_for(name: str, available_codes: set[str]) -> IndicatorDefinition | None:
    """The computed definition whose source prints this name (or lists it as an alias)."""
    entry = entry_for_name(name)
    preferred = [code for code in (entry.sources if entry else ()) if code in available_codes]
    computed = IndicatorDefinition.objects.filter(
        source_kind=SourceKind.COMPUTED, source_code__in=available_codes
    )
    for definition in computed:
        if definition.source_code in preferred or names_match(
            name, (definition.name, *SOURCE_ALIASES.get(definition.code, ()))
        ):
            return definition
    return None


def _bind_rows(plans, actor) -> tuple[int, int]:
    available = set(sources())
    bound = moved = 0
    for plan in plans:
        for row in plan.indicators.order_by("order").select_related("binding__definition"):
            computed = _source_definition_for(row.name, available)
            existing = getattr(row, "binding", None)
            if existing is not None:
                # A row bound automatically to an entered definition moves to a source once a domain offers
                # one; a binding set by hand (updated_by) is left as the person chose.
                if (
                    computed is not None
                    and existing.updated_by_id is None
                    and existing.definition.source_kind == SourceKind.ENTERED
                ):
                    existing.definition = computed
                    _fill_baseline(existing, plan, row)
                    existing.save()
                    moved += 1
                continue
            definition = computed
            if definition is None:
                entry = entry_for_name(row.name)
                definition = IndicatorDefinition.objects.filter(code=entry.code).first() if entry else None
            if definition is None:
                continue
            binding = IndicatorBinding(plan_indicator=row, definition=definition, target_year=plan.period_end)
            _fill_target(binding, plan, row)
            _fill_baseline(binding, plan, row)
            binding.save()
            bound += 1
    return bound, moved


def _fill_target(binding: IndicatorBinding, plan: Plan, row: PlanIndicator) -> None:
    if row.target_value is not None:
        binding.target_comparison, binding.target_value = row.comparison, row.target_value
        binding.target_basis = "规划原文"
        return
    if any(word in row.target for word in _INHERITED_TARGET) and plan.parent_id:
        above = (
            IndicatorBinding.objects.filter(
                plan_indicator__plan_id=plan.parent_id,
                definition=binding.definition,
                target_value__isnull=False,
            )
            .select_related("plan_indicator__plan")
            .first()
        )
        if above is not None:
            binding.target_comparison = (
                Comparison.AT_LEAST if "不低于" in row.target else above.target_comparison
            )
            binding.target_value = above.target_value
            binding.target_basis = f"继承上级规划《{above.plan_indicator.plan.title}》"
            return
    binding.target_basis = "目标为文字表述，需设定目标值" if row.target else "规划未列目标"


def _fill_baseline(binding: IndicatorBinding, plan: Plan, row: PlanIndicator) -> None:
    year = plan.period_start - 1
    stated = next(
        (
            b
            for b in BASELINES
            if b.region == plan.region_name and normalise_name(b.indicator) == normalise_name(row.name)
        ),
        None,
    )
    if row.baseline_value is not None:
        binding.baseline_value, binding.baseline_year, binding.baseline_basis = (
            row.baseline_value, row.baseline_year or year, "规划指标表基期值",
        )  # fmt: skip
    elif stated is not None:
        binding.baseline_value, binding.baseline_year, binding.baseline_basis = (
            stated.value, stated.year, stated.basis,
        )  # fmt: skip
    elif binding.definition.source_kind == SourceKind.COMPUTED:
        found = figure(binding.definition, plan.division_code, monitoring_period(binding.definition, year))
        if found.value is not None:
            binding.baseline_value, binding.baseline_year = found.value.quantize(Decimal("0.0001")), year
            binding.baseline_basis = f"按{year}年末业务数据计算"


def update_binding(
    actor,
    row: PlanIndicator,
    *,
    definition: IndicatorDefinition,
    target_comparison: str,
    target_value: Decimal | None,
    target_year: int,
    baseline_value: Decimal | None,
    baseline_year: int | None,
    note: str = "",
) -> IndicatorBinding:
    """The binding of one plan row, set by hand (kept as chosen by later syncs)."""
    require(actor, Capability.MANAGE_PLANS)
    if not covers(actor.division_code, row.plan.division_code):
        raise PermissionDenied("只能维护本辖区规划的指标绑定")
    if target_value is not None and target_comparison not in Comparison.values:
        raise InvalidIndicator("请选择目标值的比较方式", field="target_comparison")
    if target_value is None and target_comparison:
        raise InvalidIndicator("填写了比较方式时须填写目标数值", field="target_value")
    if not row.plan.period_start <= target_year <= row.plan.period_end + 10:
        raise InvalidIndicator("目标年份应在规划期内或之后", field="target_year")
    binding = getattr(row, "binding", None) or IndicatorBinding(plan_indicator=row, target_year=target_year)
    fields = [
        "definition",
        "target_comparison",
        "target_value",
        "target_year",
        "baseline_value",
        "baseline_year",
    ]
    before = snapshot(binding, fields) if binding.pk else None
    binding.definition = definition
    binding.target_comparison, binding.target_value, binding.target_year = (
        target_comparison if target_value is not None else "", target_value, target_year,
    )  # fmt: skip
    binding.target_basis = note.strip()[:100] or "人工设定"
    binding.baseline_value, binding.baseline_year = baseline_value, baseline_year
    if baseline_value is not None:
        binding.baseline_basis = binding.baseline_basis or "人工设定"
    binding.updated_by = actor
    with transaction.atomic():
        binding.save()
        record_event(
            actor,
            AuditEvent.UPDATE if before else AuditEvent.CREATE,
            object_type="indicator_binding",
            object_id=binding.pk,
            division_code=row.plan.division_code,
            summary=f"指标绑定：《{row.plan.title}》{row.name} → {definition.name}",
            before=before,
            after=snapshot(binding, fields),
        )
    return binding


@dataclass
class DefinitionInput:
    code: str
    name: str
    unit: str
    period_type: str
    source_kind: str
    source_code: str = ""
    expression: str = ""
    numerator_label: str = ""
    denominator_label: str = ""
    factor: Decimal = Decimal(1)
    aggregation: str = Aggregation.SUM
    direction: str = Direction.HIGHER
    decimals: int = 2
    value_type: str = ValueType.DECIMAL
    min_value: Decimal | None = None
    max_value: Decimal | None = None
    change_comment_percent: Decimal | None = None
    definition: str = ""


def save_definition(
    actor, data: DefinitionInput, existing: IndicatorDefinition | None = None
) -> IndicatorDefinition:
    """Create or change a definition (领导, 系统管理员); the checks name the field at fault."""
    require(actor, Capability.MANAGE_PLANS)
    _check_definition(data, existing)
    definition = existing or IndicatorDefinition()
    fields = list(DefinitionInput.__dataclass_fields__)
    before = snapshot(definition, fields) if existing else None
    for name in fields:
        setattr(definition, name, getattr(data, name))
    with transaction.atomic():
        definition.save()
        record_event(
            actor,
            AuditEvent.UPDATE if existing else AuditEvent.CREATE,
            object_type="indicator_definition",
            object_id=definition.pk,
            summary=f"指标定义：{definition.name}（{definition.code}）",
            before=before,
            after=snapshot(definition, fields),
        )
    return definition


def _check_definition(data: DefinitionInput, existing: IndicatorDefinition | None) -> None:
    import re

    if not re.fullmatch(r"[a-z][a-z0-9_]*\.[a-z0-9_.]+", data.code or ""):
        raise InvalidIndicator(
            "指标编码格式应为 领域.名称，如 planning.nursing_bed_ratio（小写字母、数字、下划线）",
            field="code",
        )
    clash = IndicatorDefinition.objects.filter(code=data.code)
    if existing is not None:
        clash = clash.exclude(pk=existing.pk)
    if clash.exists():
        raise InvalidIndicator(f"指标编码 {data.code} 已存在", field="code")
    if not data.name.strip():
        raise InvalidIndicator("请填写指标名称", field="name")
    if data.period_type not in PeriodType.values:
        raise InvalidIndicator("周期应为月、季或年", field="period_type")
    if data.aggregation not in Aggregation.values or data.direction not in Direction.values:
        raise InvalidIndicator("汇总方式或方向不正确", field="aggregation")
    if data.source_kind == SourceKind.COMPUTED and data.source_code not in sources():
        raise InvalidIndicator(f"计算来源 {data.source_code or '（空）'} 不存在", field="source_code")
    if data.source_kind == SourceKind.FORMULA:
        try:
            references = check_formula(data.expression)
        except FormulaError as exc:
            raise InvalidIndicator(str(exc), field="expression") from None
        known = set(IndicatorDefinition.objects.filter(code__in=references).values_list("code", flat=True))
        unknown = [code for code in references if code not in known]
        if unknown or data.code in references:
            raise InvalidIndicator(
                "公式引用了不存在的指标或自身：" + "、".join(unknown or [data.code]), field="expression"
            )
    if data.aggregation == Aggregation.RATIO and not data.denominator_label.strip():
        raise InvalidIndicator("按分子分母汇总的指标须填写分母", field="denominator_label")
    if data.source_kind not in SourceKind.values:
        raise InvalidIndicator("来源应为业务数据计算、填报或公式", field="source_kind")
    if data.min_value is not None and data.max_value is not None and data.min_value > data.max_value:
        raise InvalidIndicator("最小值不能大于最大值", field="min_value")
