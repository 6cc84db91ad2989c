"""数据质量 as the pages read it: the latest run's scores per domain and per division below the viewer's,
and the open 问题记录 of the jurisdiction — always inside it."""

from dataclasses import dataclass

from django.db.models import QuerySet, Sum
from django.urls import reverse

from minzheng.core.jurisdiction import child_prefix_length, division_prefix, scope
from minzheng.core.models import Household, Person
from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.divisions import names_of

from ..models import QualityIssue, QualityRule, QualityRun, QualityScore
from ..rules.catalogue import DIMENSIONS


@dataclass(frozen=True)
class ScoreRow:
    label: str
    checked: int
    failed: int

    @property
    def score(self) -> str:
        return f"{100 * (1 - self.failed / self.checked):.1f}" if self.checked else "—"


def latest_run() -> QualityRun | None:
    return QualityRun.objects.filter(finished_at__isnull=False).order_by("-run_on").first()


def _scores(user, run: QualityRun) -> QuerySet:
    return scope(QualityScore.objects.filter(run=run), user, field="division_code")


def scores_by_rule(user, run: QualityRun) -> list[tuple[QualityRule, ScoreRow]]:
    require(user, Capability.VIEW_REGISTRY)
    totals = {
        row["rule"]: row
        for row in _scores(user, run).values("rule").annotate(checked=Sum("checked"), failed=Sum("failed"))
    }
    rules = QualityRule.objects.filter(pk__in=totals)
    return [
        (rule, ScoreRow(rule.name, totals[rule.pk]["checked"], totals[rule.pk]["failed"])) for rule in rules
    ]


def scores_by_domain(user, run: QualityRun) -> list[ScoreRow]:
    require(user, Capability.VIEW_REGISTRY)
    rows = (
        _scores(user, run)
        .values("rule__domain")
        .annotate(checked=Sum("checked"), failed=Sum("failed"))
        .order_by("rule__domain")
    )
    return [ScoreRow(r["rule__domain"], r["checked"], r["failed"]) for r in rows]


def scores_by_division(user, run: QualityRun) -> list[ScoreRow]:
    """Per division one level below the viewer's (a city's counties, a county's townships)."""
    require(user, Capability.VIEW_REGISTRY)
    own = division_prefix(user.division_code)
    length = max(child_prefix_length(user.division_code), len(own))
    sums: dict[str, list[int]] = {}
    for code, checked, failed in _scores(user, run).values_list("division_code", "checked", "failed"):
        key = code[:length].ljust(12, "0")
        total = sums.setdefault(key, [0, 0])
        total[0] += checked
        total[1] += failed
    names = names_of(set(sums))
    return [ScoreRow(names.get(code, code), c, f) for code, (c, f) in sorted(sums.items())]


def open_issues(user, rule_code: str = "") -> QuerySet[QualityIssue]:
    require(user, Capability.VIEW_REGISTRY)
    qs = scope(QualityIssue.objects.filter(resolved_on__isnull=True), user, field="division_code")
    if rule_code:
        qs = qs.filter(rule__code=rule_code)
    return qs.select_related("rule").order_by("rule_id", "division_code", "record_id")


def issue_links(issues: list[QualityIssue]) -> dict[int, tuple[str, str]]:
    """(what, url) of each issue's record, for one page of issues in two queries (persons, households)."""
    person_ids = {i.record_id for i in issues if i.rule.record == "person"}
    household_ids = {i.record_id for i in issues if i.rule.record == "household"}
    persons = dict(Person.objects.filter(pk__in=person_ids).values_list("pk", "name"))
    households = dict(Household.objects.filter(pk__in=household_ids).values_list("pk", "number"))
    links = {}
    for issue in issues:
        if issue.rule.record == "person":
            name = persons.get(issue.record_id, "")
            links[issue.pk] = (name[:1] + "*" * max(len(name) - 1, 0) if name else "—",
                               reverse("datacenter:person_file", args=[issue.record_id]))  # fmt: skip
        elif issue.rule.record == "household":
            links[issue.pk] = (households.get(issue.record_id, "—"),
                               reverse("datacenter:household_file", args=[issue.record_id]))  # fmt: skip
        else:
            links[issue.pk] = (f"救助对象 {issue.record_id}",
                               reverse("assistance:enrolment_detail", args=[issue.record_id]))  # fmt: skip
    return links


def rule_choices() -> list[tuple[str, str]]:
    return list(QualityRule.objects.values_list("code", "name"))


def dimension_label(code: str) -> str:
    return DIMENSIONS.get(code, "")
