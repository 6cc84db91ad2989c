"""数据质量检查: the nightly run of the quality rules on the batch engine — scores per rule and township, the
failing records as 问题记录 (kept once per rule and record, closed as 已整改 when a run no longer finds them).

Reads the registry (core, the foundation) and 社会救助's enrolments through its interface; writes only
数据中心's own tables. One run per day: running again the same day replaces that day's scores (idempotent).
"""

from __future__ import annotations

from datetime import date

import pyarrow as pa
from django.db import transaction
from django.utils import timezone

from minzheng.assistance.interface import enrolment_rows_in_force
from minzheng.batch.dataquality import (
    ENROLMENTS_SCHEMA,
    HOUSEHOLDS_SCHEMA,
    MEMBERS_SCHEMA,
    PERSONS_SCHEMA,
    RULE_CODES,
    QualityInputs,
    run_quality_rules,
)
from minzheng.core.models import Household, HouseholdMembership, Person
from minzheng.core.services.audit import record_event

from ..models import QualityIssue, QualityRule, QualityRun, QualityScore
from ..rules.catalogue import RULES

_CHUNK = 5000


def sync_rules() -> None:
    """The catalogue's rules in the rule table: new ones added, descriptions kept current, ``enabled`` left as
    an administrator set it."""
    for spec in RULES:
        assert spec.code in RULE_CODES, spec.code
        QualityRule.objects.update_or_create(
            code=spec.code,
            defaults={
                "name": spec.name, "domain": spec.domain, "dimension": spec.dimension, "basis": spec.basis,
                "capability": spec.capability, "record": spec.record,
            },
        )  # fmt: skip


def _table(rows, names: list[str], schema: pa.Schema) -> pa.Table:
    columns = {name: [] for name in names}
    for row in rows:
        for name, value in zip(names, row, strict=True):
            columns[name].append(value)
    return pa.table({field.name: pa.array(columns[field.name], type=field.type) for field in schema})


def quality_inputs(as_of: date) -> QualityInputs:
    persons = _table(
        (
            (pk, number, kind == Person.RESIDENT_ID, birth, death, deceased, code)
            for pk, number, kind, birth, death, deceased, code in Person.objects.values_list(
                "pk",
                "id_number",
                "id_kind",
                "birth_date",
                "death_date",
                "is_deceased",
                "residence_division_code",
            ).iterator(chunk_size=_CHUNK)
        ),
        [
            "person_id",
            "id_number",
            "is_resident_id",
            "birth_date",
            "death_date",
            "is_deceased",
            "division_code",
        ],
        PERSONS_SCHEMA,
    )
    households = _table(
        Household.objects.filter(dissolved_on__isnull=True)
        .values_list("pk", "head_id", "residence_division_code")
        .iterator(chunk_size=_CHUNK),
        ["household_id", "head_id", "division_code"],
        HOUSEHOLDS_SCHEMA,
    )
    members = _table(
        HouseholdMembership.objects.filter(valid_to__isnull=True)
        .values_list("household_id", "person_id")
        .iterator(chunk_size=_CHUNK),
        ["household_id", "person_id"],
        MEMBERS_SCHEMA,
    )
    enrolments = _table(
        enrolment_rows_in_force(as_of).iterator(chunk_size=_CHUNK),
        ["enrolment_id", "household_id", "payee_id", "division_code"],
        ENROLMENTS_SCHEMA,
    )
    return QualityInputs(persons, households, members, enrolments)


def run_quality(as_of: date | None = None) -> QualityRun:
    """检查 every rule switched on over the whole registry as of ``as_of`` (today): scores and 问题记录."""
    as_of = as_of or timezone.localdate()
    sync_rules()
    rules = {rule.code: rule for rule in QualityRule.objects.filter(enabled=True)}
    result = run_quality_rules(quality_inputs(as_of), list(rules), as_of)
    found = result.failures.to_pylist()
    with transaction.atomic():
        run, _ = QualityRun.objects.update_or_create(
            run_on=as_of, defaults={"started_at": timezone.now(), "finished_at": None}
        )
        run.scores.all().delete()
        scores = [
            QualityScore(
                run=run,
                rule=rules[s["rule_code"]],
                division_code=s["township_prefix"].ljust(12, "0"),
                checked=s["checked"],
                failed=s["failed"],
            )
            for s in result.scores.to_pylist()
        ]
        QualityScore.objects.bulk_create(scores, batch_size=2000)
        opened, closed = _keep_issues(rules, found, as_of)
        run.checked = sum(s.checked for s in scores)
        run.failed = len(found)
        run.finished_at = timezone.now()
        run.save()
        record_event(
            None, "datacenter.quality", object_type="quality_run", object_id=run.pk, username="夜间任务",
            summary=f"数据质量检查 {as_of:%Y-%m-%d}：检查 {run.checked} 条，问题 {run.failed} 条，新增 {opened} 条，已整改 {closed} 条",
        )  # fmt: skip
    return run


def _keep_issues(rules: dict[str, QualityRule], found: list[dict], as_of: date) -> tuple[int, int]:
    """New failures become open 问题记录, known ones stay (reopened if they had been fixed), open ones of the
    rules run that were not found again are 已整改."""
    rule_ids = {code: rule.pk for code, rule in rules.items()}
    keys = {(rule_ids[f["rule_code"]], f["record_id"]): f for f in found}
    existing = {
        (issue.rule_id, issue.record_id): issue
        for issue in QualityIssue.objects.filter(rule_id__in=rule_ids.values())
        .filter(resolved_on__isnull=True)
        .only("rule_id", "record_id", "resolved_on")
    }
    reopened_or_known = set(existing)
    stale = [key for key in existing if key not in keys]
    closed = _update([existing[key].pk for key in stale], resolved_on=as_of)
    _update([existing[k].pk for k in reopened_or_known if k in keys], last_found_on=as_of)
    fresh = [key for key in keys if key not in existing]
    resolved = {
        (issue.rule_id, issue.record_id): issue
        for issue in QualityIssue.objects.filter(rule_id__in=rule_ids.values(), resolved_on__isnull=False)
    }
    to_reopen = [resolved[key].pk for key in fresh if key in resolved]
    _update(to_reopen, resolved_on=None, last_found_on=as_of)
    QualityIssue.objects.bulk_create(
        [
            QualityIssue(
                rule_id=key[0],
                record_id=key[1],
                division_code=keys[key]["division_code"],
                evidence=keys[key]["evidence"][:300],
                first_found_on=as_of,
                last_found_on=as_of,
            )
            for key in fresh
            if key not in resolved
        ],
        batch_size=2000,
    )
    return len(fresh), closed


def _update(pks: list[int], **values) -> int:
    """One UPDATE per 900 keys (SQLite's bound-parameter limit on old builds)."""
    return sum(
        QualityIssue.objects.filter(pk__in=pks[start : start + 900]).update(**values)
        for start in range(0, len(pks), 900)
    )
