"""Definitions and bindings: each seed plan's rows bound to computed sources where a domain offers one and to
entered definitions otherwise; targets parsed or inherited; baselines from the plans; new sources picked up."""

from decimal import Decimal

import pytest

from minzheng.core.indicator_sources import collect_indicator_sources
from minzheng.planning import services
from minzheng.planning.errors import InvalidIndicator
from minzheng.planning.models import IndicatorBinding, IndicatorDefinition, SourceKind
from tests.core.factories import make_user

from .conftest import row_of

pytestmark = pytest.mark.django_db


def test_the_standard_rows_are_computed_and_the_rest_entered(monitored_plans):
    dandong = monitored_plans["丹东市"]
    growth, ratio = row_of(dandong, "城乡低保标准年度增速"), row_of(dandong, "城市和农村低保平均标准比例")
    assert growth.binding.definition.source_code == "assistance.dibao_standard_growth"
    assert ratio.binding.definition.source_kind == SourceKind.COMPUTED
    beds = row_of(dandong, "养老机构护理型床位占比")
    # The elderly-care registry offers this figure, so the row is computed from it, not entered.
    assert beds.binding.definition.source_code == "eldercare.nursing_bed_ratio"
    assert beds.binding.definition.source_kind == SourceKind.COMPUTED
    lottery = row_of(dandong, "福利彩票销售网点数")  # 资金项目监督's outlet register offers it since
    assert lottery.binding.definition.source_code == "funds.lottery_outlets"
    assert dandong.indicators.filter(source="table", binding__isnull=True).count() == 0


def test_targets_are_parsed_from_the_printed_text(monitored_plans):
    dandong = monitored_plans["丹东市"]
    beds = row_of(dandong, "养老机构护理型床位占比").binding
    assert (beds.target_comparison, beds.target_value, beds.target_year) == ("≥", Decimal(60), 2025)
    ratio = row_of(dandong, "城市和农村低保平均标准比例").binding
    assert (ratio.target_comparison, ratio.target_value) == ("=", Decimal("1.3"))
    assert ratio.definition.direction == "lower"  # the urban–rural gap is to narrow


def test_a_text_target_is_left_for_a_person_to_quantify(monitored_plans):
    growth = row_of(monitored_plans["丹东市"], "城乡低保标准年度增速").binding
    assert growth.target_value is None and "需设定目标值" in growth.target_basis


def test_stated_2020_baselines_come_from_the_plans(monitored_plans):
    liaoning = row_of(monitored_plans["辽宁省"], "城市和农村低保平均标准比例").binding
    assert (liaoning.baseline_value, liaoning.baseline_year) == (Decimal("1.45"), 2020)
    assert "672" in liaoning.baseline_basis


def test_text_targets_of_plans_without_a_table_are_bound_by_name(monitored_plans):
    hunnan = monitored_plans["浑南区"]
    beds = hunnan.indicators.get(source="text", name="养老机构护理型床位占比").binding
    assert beds.definition.code == "eldercare.nursing_bed_ratio"  # computed from the elderly-care registry
    assert (beds.target_comparison, beds.target_value) == (">", Decimal(55))


def test_sync_is_idempotent(monitored_plans):
    assert services.sync_indicators() == services.SyncResult(0, 0, 0)


def test_a_source_a_domain_adds_later_is_picked_up_without_changes(seed_plans, monkeypatch):
    """A row no domain offers yet is entered by hand; when a domain starts offering its figure under the
    row's code, the next sync moves the binding to the computed source with no other change."""
    from minzheng.planning import figures

    offered_today = collect_indicator_sources()
    assert "funeral.eco_burial_rate" in offered_today  # 殡葬 offers it; pretend it did not, at first
    before_funeral = {
        code: source for code, source in offered_today.items() if code != "funeral.eco_burial_rate"
    }
    monkeypatch.setattr(figures, "collect_indicator_sources", lambda: before_funeral)
    services.seed_status_rules()
    services.sync_indicators()
    eco = row_of(seed_plans["丹东市"], "节地生态安葬率").binding
    assert (eco.definition.code, eco.definition.source_kind) == (
        "planning.eco_burial_rate",
        SourceKind.ENTERED,
    )

    monkeypatch.setattr(figures, "collect_indicator_sources", lambda: offered_today)
    result = services.sync_indicators()
    assert result.definitions_created == 1 and result.bindings_moved_to_sources >= 3
    eco = row_of(seed_plans["丹东市"], "节地生态安葬率").binding
    assert eco.definition.source_code == "funeral.eco_burial_rate"
    assert eco.definition.source_kind == SourceKind.COMPUTED


def test_a_binding_set_by_hand_is_kept_by_later_syncs(monitored_plans, monkeypatch):
    leader = make_user("leader", "210600000000")
    row = row_of(monitored_plans["丹东市"], "城乡低保标准年度增速")
    services.update_binding(
        leader, row, definition=row.binding.definition, target_comparison="≥", target_value=Decimal("5.5"),
        target_year=2025, baseline_value=Decimal("7.3"), baseline_year=2020, note="居民上年度人均消费支出增速",
    )  # fmt: skip
    services.sync_indicators()
    binding = IndicatorBinding.objects.get(plan_indicator=row)
    assert (binding.target_value, binding.target_basis, binding.updated_by) == (
        Decimal("5.5"),
        "居民上年度人均消费支出增速",
        leader,
    )


def test_a_county_leader_cannot_bind_the_city_plan(monitored_plans):
    from minzheng.core.errors import PermissionDenied

    row = row_of(monitored_plans["丹东市"], "城乡低保标准年度增速")
    with pytest.raises(PermissionDenied):
        services.update_binding(
            make_user("leader", "210602000000"), row, definition=row.binding.definition, target_comparison="",
            target_value=None, target_year=2025, baseline_value=None, baseline_year=None,
        )  # fmt: skip


def test_a_formula_definition_must_refer_to_known_indicators(monitored_plans):
    leader = make_user("leader", "210600000000")
    data = services.DefinitionInput(
        code="planning.beds_per_outlet", name="测试", unit="张", period_type="year", source_kind="formula",
        expression="{planning.lottery_outlets} / {planning.unknown}",
    )  # fmt: skip
    with pytest.raises(InvalidIndicator) as error:
        services.save_definition(leader, data)
    assert "planning.unknown" in error.value.message
    data.expression = "{planning.lottery_outlets} * 2"
    saved = services.save_definition(leader, data)
    assert IndicatorDefinition.objects.get(code="planning.beds_per_outlet") == saved
