"""节地生态安葬: the 奖补 rules (dated per-division data, set by the bureau), a deceased's eco-burial with the award
the rule in force on the burial day gives, and the month's award list — 制表 here, the maker-checker moves and
the export through ``payable_lists`` (the same as the 惠民殡葬结算)."""

from datetime import date

from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone

from minzheng.core.jurisdiction import division_prefix
from minzheng.core.models import AuditEvent
from minzheng.core.money import TOTAL_MAX, check_money
from minzheng.core.permissions import Capability, require
from minzheng.core.spreadsheets import Sheet
from minzheng.policy.interface import (
    add_months,
    insert_version,
    month_start,
    normalise_division_code,
    record_in_force,
    require_in_jurisdiction,
)

from ..errors import FuneralConflict, InvalidFuneralInput
from ..models import Cemetery, DeathRecord, EcoAwardList, EcoAwardRule, EcoBurial, EcoMethod, SettlementStatus
from ..rules.eco import eco_award
from . import payable_lists
from .common import audit, check_in_jurisdiction, require_text

KIND = payable_lists.ListKind("节地生态安葬奖补", "awards_count", ("month", "awards_count", "total"))
_BURIAL_FIELDS = ["method", "buried_on", "place", "family_name", "award"]


@transaction.atomic
def set_award_rule(
    actor, *, division_code: str, method: str, amount, effective_from: date, source_note: str = ""
) -> EcoAwardRule:
    """奖补标准 for a method from a date; a new version closes the previous one (a back-dated one fits between)."""
    require(actor, Capability.MANAGE_POLICY)
    code = normalise_division_code(division_code)
    require_in_jurisdiction(actor, code)
    if method not in EcoMethod.values:
        raise InvalidFuneralInput("请选择安葬方式", field="method")
    value = check_money(
        amount, field="amount", label="奖补金额", maximum=TOTAL_MAX, error=InvalidFuneralInput
    )
    if value is None:
        raise InvalidFuneralInput("请填写奖补金额", field="amount")
    if effective_from is None:
        raise InvalidFuneralInput("请填写生效日期", field="effective_from")
    rule = EcoAwardRule(
        division_code=code, method=method, amount=value, effective_from=effective_from,
        source_note=require_text(source_note, "source_note", "依据/来源", 300, required=False),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )  # fmt: skip
    insert_version(EcoAwardRule.objects.filter(division_code=code, method=method), rule)
    audit(
        actor,
        AuditEvent.CREATE,
        rule,
        f"节地生态安葬奖补标准：{rule}",
        ["method", "amount", "effective_from"],
    )
    return rule


def award_rule_for(method: str, division_code: str, on: date) -> EcoAwardRule | None:
    candidates = EcoAwardRule.objects.filter(method=method, effective_from__lte=on).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=on)
    )
    return record_in_force(list(candidates), division_code, on)


@transaction.atomic
def record_eco_burial(
    actor, death: DeathRecord, *, method: str, buried_on: date, cemetery: Cemetery | None = None,
    place: str = "", family_name: str = "", today: date | None = None,
) -> EcoBurial:  # fmt: skip
    """A deceased's 节地生态安葬 (once): the award is the rule in force for the deceased's division on the day."""
    require(actor, Capability.MANAGE_FUNERAL)
    check_in_jurisdiction(actor, death.division_code)
    today = today or timezone.localdate()
    if method not in EcoMethod.values:
        raise InvalidFuneralInput("请选择安葬方式", field="method")
    if buried_on is None or buried_on < death.death_date:
        raise InvalidFuneralInput("安葬日期不能早于死亡日期", field="buried_on")
    if buried_on > today:
        raise InvalidFuneralInput("安葬日期不能晚于今天", field="buried_on")
    if cemetery is not None:
        check_in_jurisdiction(actor, cemetery.division_code)
    if EcoBurial.objects.filter(death=death).exists():
        raise FuneralConflict(f"{death.display_name}已登记节地生态安葬", field="death")
    family_name = require_text(family_name, "family_name", "领取奖补的家属", 50, required=False)
    rule = award_rule_for(method, death.division_code, buried_on)
    burial = EcoBurial.objects.create(
        death=death, division_code=death.division_code, method=method, buried_on=buried_on, cemetery=cemetery,
        place=require_text(place, "place", "安葬地点", 100, required=False), family_name=family_name,
        award_rule=rule, award=eco_award(rule.amount if rule else None, family_named=bool(family_name)),
        recorded_by=actor, recorded_on=today,
    )  # fmt: skip
    audit(
        actor, AuditEvent.CREATE, burial,
        f"{death.display_name}{burial.get_method_display()}（{buried_on:%Y-%m-%d}），奖补{burial.award}元", _BURIAL_FIELDS,
    )  # fmt: skip
    return burial


@transaction.atomic
def prepare_award_list(actor, *, division_code: str, month: date, today: date | None = None) -> EcoAwardList:
    """制表: the awards recorded in the month in the division, each on one list only; again on a draft or returned
    list it is refreshed."""
    require(actor, Capability.PREPARE_PAYROLL)
    code = normalise_division_code(division_code)
    check_in_jurisdiction(actor, code)
    month = month_start(month)
    if month > month_start(today or timezone.localdate()):
        raise InvalidFuneralInput("不能为未来月份制表", field="month")
    awards = EcoAwardList.objects.select_for_update().filter(division_code=code, month=month).first()
    if awards is not None and awards.status != SettlementStatus.DRAFT:
        raise FuneralConflict(
            f"{month:%Y年%m月}奖补发放表已{awards.get_status_display()}，不能重新制表", field="month"
        )
    if awards is None:
        awards = EcoAwardList.objects.create(division_code=code, month=month, prepared_by=actor)
    else:
        EcoBurial.objects.filter(award_list=awards).update(award_list=None)
        awards.prepared_by = actor
    due = EcoBurial.objects.filter(
        division_code__startswith=division_prefix(code), award__gt=0, award_list__isnull=True,
        recorded_on__gte=month, recorded_on__lt=add_months(month, 1),
    )  # fmt: skip
    ids = list(due.values_list("pk", flat=True))
    EcoBurial.objects.filter(pk__in=ids).update(award_list=awards)
    awards.awards_count = len(ids)
    awards.total = EcoBurial.objects.filter(pk__in=ids).aggregate(total=Sum("award"))["total"] or 0
    awards.save()
    audit(
        actor, AuditEvent.CREATE, awards, f"节地生态安葬奖补制表 {month:%Y-%m}：{len(ids)}人，{awards.total}元",
        ["month", "awards_count", "total"],
    )  # fmt: skip
    return awards


@transaction.atomic
def submit(actor, awards: EcoAwardList) -> EcoAwardList:
    return payable_lists.submit(actor, awards, KIND)


@transaction.atomic
def approve(actor, awards: EcoAwardList) -> EcoAwardList:
    return payable_lists.approve(actor, awards, KIND)


@transaction.atomic
def send_back(actor, awards: EcoAwardList, *, reason: str) -> EcoAwardList:
    return payable_lists.send_back(actor, awards, KIND, reason=reason)


def export(actor, awards: EcoAwardList) -> bytes:
    check_in_jurisdiction(actor, awards.division_code)
    burials = awards.burials.select_related("death").order_by("recorded_on", "pk")
    rows = [
        [b.death.display_name, b.get_method_display(), b.buried_on, b.family_name, float(b.award)]
        for b in burials
    ]
    rows.append(["合计", "", "", "", float(awards.total)])
    sheet = Sheet(
        f"{awards.month:%Y年%m月}节地生态安葬奖补", ["逝者", "安葬方式", "安葬日期", "领取家属", "奖补金额（元）"], rows,
        column_widths=(16, 16, 12, 14, 16),
        notes=[f"{awards.month:%Y年%m月} 节地生态安葬奖补发放表（{awards.get_status_display()}）"],
    )  # fmt: skip
    return payable_lists.export(actor, awards, KIND, sheet)
