"""The job's inputs from the platform's records: the monitored population and the rule versions.

The population is everyone with a category open on the day. A household is ``in_dibao`` when a member is
in 低保; its income line is the monthly 低保标准 in force for its division and area (社会救助's
``in_force`` service). 特困-only households get no line: the income rules do not apply to them.
"""

from collections import defaultdict
from datetime import date
from decimal import Decimal

import pyarrow as pa
from django.db.models import Q

from minzheng.assistance.interface import verification_policies
from minzheng.batch.monitoring import MONITORING_POPULATION_SCHEMA, RuleVersion
from minzheng.core.jurisdiction import division_prefix
from minzheng.core.services.registry import default_area_type

from ..models import DIBAO_CATEGORIES, TEKUN_CATEGORIES, LibraryCategory, RiskRule


def open_on(on: date) -> Q:
    return Q(valid_from__lte=on) & (Q(valid_to__isnull=True) | Q(valid_to__gt=on))


def population_table(on: date, *, division_code: str = "") -> pa.Table:
    """监测人口 (contract ``monitoring-input``) for the day, optionally under a division."""
    rows = LibraryCategory.objects.filter(open_on(on))
    prefix = division_prefix(division_code) if division_code else ""
    if prefix:
        rows = rows.filter(person__division_code__startswith=prefix)
    persons: dict[str, dict] = {}
    categories: dict[str, set[str]] = defaultdict(set)
    # in ID order: the job then checks the numbers distinct in one pass instead of hashing them all
    for id_number, key, division, birth, area, category in (
        rows.order_by("person__id_number")
        .values_list(
            "person__id_number",
            "person__household_key",
            "person__division_code",
            "person__birth_date",
            "person__area",
            "category",
        )
        .iterator(chunk_size=5000)
    ):
        persons[id_number] = {
            "id_number": id_number,
            "household_id": key,
            "division_code": division,
            "birth_date": birth,
            "area": area or default_area_type(division, ""),
        }
        categories[key].add(category)
    lines = _dibao_lines({(p["division_code"], p["area"]) for p in persons.values()}, on)
    for person in persons.values():
        household = categories[person["household_id"]]
        in_dibao = bool(household & DIBAO_CATEGORIES)
        tekun_only = bool(household & TEKUN_CATEGORIES) and not in_dibao
        person["in_dibao"] = in_dibao
        person["dibao_line"] = (
            None if tekun_only else lines.get((person["division_code"], person.pop("area")))
        )
    return pa.Table.from_pylist(list(persons.values()), schema=MONITORING_POPULATION_SCHEMA)


def _dibao_lines(keys: set[tuple[str, str]], on: date) -> dict[tuple[str, str], Decimal | None]:
    by_area: dict[str, set[str]] = defaultdict(set)
    for code, area in keys:
        by_area[area].add(code)
    lines = {}
    for area, codes in by_area.items():
        for code, policy in verification_policies(dict.fromkeys(codes, area), on).items():
            lines[(code, area)] = policy.dibao_monthly
    return lines


def rule_versions(*, only: RiskRule | None = None) -> list[RuleVersion]:
    """Every stored rule version for the engine (it resolves division and date itself). ``only``: a trial of
    one version alone, taken as switched on."""
    if only is not None:
        return [engine_version(only, enabled=True, open_ended=True)]
    return [engine_version(rule) for rule in RiskRule.objects.all()]


def engine_version(rule: RiskRule, *, enabled: bool | None = None, open_ended: bool = False) -> RuleVersion:
    params = rule.parameters or {}

    def number(name: str, kind=Decimal):
        return kind(Decimal(params[name])) if params.get(name) not in (None, "") else None

    return RuleVersion(
        rule_id=rule.pk,
        rule_code=rule.code,
        severity=rule.severity,
        division_prefix=division_prefix(rule.division_code),
        valid_from=date(2000, 1, 1) if open_ended else rule.valid_from,
        valid_to=None if open_ended else rule.valid_to,
        enabled=rule.enabled if enabled is None else enabled,
        amount=number("amount"),
        ratio=number("ratio"),
        months=number("months", int),
        grade=number("grade", int),
        age_from=number("age_from", int),
        age_to=number("age_to", int),
    )
