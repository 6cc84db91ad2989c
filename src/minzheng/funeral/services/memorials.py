"""网络祭扫: memorial pages published on the family's consent (and taken down when it is withdrawn), 代祭扫 orders
for a grave in one of the bureau's cemeteries, 清明 booking quotas per cemetery and day and the public's bookings
(places counted under a row lock, never over the quota)."""

import re
import secrets
from datetime import date

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.policy.interface import parameter_value

from ..errors import FuneralConflict, InvalidFuneralInput
from ..models import (
    Cemetery,
    DateShown,
    DeathRecord,
    EcoBurial,
    Memorial,
    Plot,
    ProxyStatus,
    ProxyTribute,
    VisitBooking,
    VisitQuota,
)
from ..rules.memorials import booking_fits
from .common import audit, check_in_jurisdiction, require_text

_MEMORIAL_FIELDS = [
    "shown_name",
    "dates_shown",
    "consent_by",
    "consent_relation",
    "consent_on",
    "withdrawn_on",
]
_PHONE = re.compile(r"1\d{10}")


@transaction.atomic
def publish_memorial(
    actor, death: DeathRecord, *, shown_name: str, dates_shown: str, consent_by: str, consent_relation: str,
    consent_on: date, today: date | None = None,
) -> Memorial:  # fmt: skip
    """网上纪念馆 on the family's consent; publishing again after a withdrawal gives a new link."""
    require(actor, Capability.MANAGE_FUNERAL)
    check_in_jurisdiction(actor, death.division_code)
    today = today or timezone.localdate()
    if death.unidentified:
        raise InvalidFuneralInput("无名尸体没有家属同意，不能建立网上纪念馆", field="death")
    if dates_shown not in DateShown.values:
        raise InvalidFuneralInput("请选择显示日期的方式", field="dates_shown")
    if consent_on is None or consent_on > today:
        raise InvalidFuneralInput("同意日期不能晚于今天", field="consent_on")
    values = dict(
        shown_name=require_text(shown_name, "shown_name", "显示姓名", 50),
        dates_shown=dates_shown,
        consent_by=require_text(consent_by, "consent_by", "同意公开的家属", 50),
        consent_relation=require_text(consent_relation, "consent_relation", "与逝者关系", 20),
        consent_on=consent_on,
        withdrawn_on=None,
        token=secrets.token_urlsafe(16)[:22],
    )
    memorial = Memorial.objects.select_for_update().filter(death=death).first()
    if memorial is not None and memorial.withdrawn_on is None:
        raise FuneralConflict(f"{death.display_name}的网上纪念馆已公开", field="death")
    if memorial is None:
        memorial = Memorial.objects.create(
            death=death, division_code=death.division_code, recorded_by=actor, **values
        )
    else:
        for key, value in values.items():
            setattr(memorial, key, value)
        memorial.save()
    audit(
        actor, AuditEvent.CREATE, memorial, f"家属{memorial.consent_by}同意公开网上纪念馆", _MEMORIAL_FIELDS
    )
    return memorial


@transaction.atomic
def withdraw_memorial(actor, memorial: Memorial, *, on: date | None = None) -> Memorial:
    """The family withdraws consent: the public page disappears at once."""
    require(actor, Capability.MANAGE_FUNERAL)
    check_in_jurisdiction(actor, memorial.division_code)
    memorial = Memorial.objects.select_for_update().get(pk=memorial.pk)
    if memorial.withdrawn_on is not None:
        raise FuneralConflict("家属已撤回同意")
    memorial.withdrawn_on = on or timezone.localdate()
    memorial.save(update_fields=["withdrawn_on"])
    audit(actor, AuditEvent.UPDATE, memorial, "家属撤回同意，网上纪念馆已下线", _MEMORIAL_FIELDS)
    return memorial


def pay_tribute(token: str) -> bool:
    """献花: one more tribute on a published page (nothing about the visitor is kept)."""
    return bool(
        Memorial.objects.filter(token=str(token)[:32], withdrawn_on__isnull=True).update(
            tributes=F("tributes") + 1
        )
    )


def _buried_in(death: DeathRecord, cemetery: Cemetery) -> bool:
    in_plot = Plot.objects.filter(section__cemetery=cemetery).filter(
        Q(first_occupant=death) | Q(second_occupant=death)
    )
    return in_plot.exists() or EcoBurial.objects.filter(death=death, cemetery=cemetery).exists()


@transaction.atomic
def order_proxy_tribute(
    actor, death: DeathRecord, cemetery: Cemetery, *, requested_by: str, services: str, due_on: date,
    today: date | None = None,
) -> ProxyTribute:  # fmt: skip
    """代祭扫: only for a deceased laid to rest in that cemetery, on a day not past."""
    require(actor, Capability.MANAGE_FUNERAL)
    check_in_jurisdiction(actor, cemetery.division_code)
    today = today or timezone.localdate()
    if due_on is None or due_on < today:
        raise InvalidFuneralInput("约定日期不能早于今天", field="due_on")
    if not _buried_in(death, cemetery):
        raise InvalidFuneralInput(f"{death.display_name}未安葬在{cemetery.name}", field="death")
    tribute = ProxyTribute.objects.create(
        death=death, cemetery=cemetery, division_code=cemetery.division_code, due_on=due_on, recorded_by=actor,
        requested_by=require_text(requested_by, "requested_by", "委托人", 50),
        services=require_text(services, "services", "祭扫内容", 100),
    )  # fmt: skip
    audit(
        actor,
        AuditEvent.CREATE,
        tribute,
        f"代祭扫：{death.display_name}，{due_on:%Y-%m-%d}",
        ["due_on", "services"],
    )
    return tribute


@transaction.atomic
def complete_proxy_tribute(actor, tribute: ProxyTribute, *, on: date, note: str) -> ProxyTribute:
    require(actor, Capability.MANAGE_FUNERAL)
    check_in_jurisdiction(actor, tribute.division_code)
    tribute = ProxyTribute.objects.select_for_update().get(pk=tribute.pk)
    if tribute.status != ProxyStatus.OPEN:
        raise FuneralConflict("该代祭扫已完成")
    if on is None or on > timezone.localdate():
        raise InvalidFuneralInput("完成日期不能晚于今天", field="on")
    tribute.status, tribute.done_on = ProxyStatus.DONE, on
    tribute.done_note = require_text(note, "note", "完成情况", 200)
    tribute.save(update_fields=["status", "done_on", "done_note"])
    audit(
        actor,
        AuditEvent.UPDATE,
        tribute,
        f"代祭扫完成：{tribute.done_note}",
        ["status", "done_on", "done_note"],
    )
    return tribute


@transaction.atomic
def set_quota(
    actor, cemetery: Cemetery, *, day: date, capacity: int, today: date | None = None
) -> VisitQuota:
    """A day's places for the cemetery; never below what is already booked."""
    require(actor, Capability.MANAGE_FUNERAL)
    check_in_jurisdiction(actor, cemetery.division_code)
    if day is None or day < (today or timezone.localdate()):
        raise InvalidFuneralInput("不能为过去的日期设置号源", field="day")
    if capacity is None or not 0 <= int(capacity) <= 100000:
        raise InvalidFuneralInput("可预约人数应为0至100000", field="capacity")
    quota = VisitQuota.objects.select_for_update().filter(cemetery=cemetery, day=day).first()
    if quota is None:
        quota = VisitQuota.objects.create(
            cemetery=cemetery, division_code=cemetery.division_code, day=day, capacity=capacity
        )
    else:
        if int(capacity) < quota.booked:
            raise InvalidFuneralInput(
                f"已预约{quota.booked}人，可预约人数不能少于已预约人数", field="capacity"
            )
        quota.capacity = capacity
        quota.save(update_fields=["capacity"])
    audit(
        actor,
        AuditEvent.UPDATE,
        quota,
        f"{cemetery.name}{day:%Y-%m-%d}祭扫号源{capacity}人",
        ["day", "capacity"],
    )
    return quota


@transaction.atomic
def book_visit(
    *, quota_id: int, name: str, phone: str, party: int, today: date | None = None
) -> VisitBooking:
    """公开预约: the day's places are counted under the quota's row lock, so two visitors never take the last one."""
    today = today or timezone.localdate()
    quota = VisitQuota.objects.select_for_update().select_related("cemetery").filter(pk=quota_id).first()
    if quota is None or quota.day < today:
        raise InvalidFuneralInput("该预约日期不存在或已过期，请重新选择", field="quota")
    phone = str(phone or "").strip()
    if not _PHONE.fullmatch(phone):
        raise InvalidFuneralInput("手机号码应为11位数字", field="phone")
    party_max = int(parameter_value("funeral_visit_party_max", quota.division_code, quota.day, 5))
    refused = booking_fits(quota.capacity, quota.booked, int(party or 0), party_max)
    if refused:
        raise InvalidFuneralInput(refused, field="party")
    booking = VisitBooking.objects.create(
        quota=quota, code=secrets.token_hex(4).upper(), name=require_text(name, "name", "预约人", 50), phone=phone,
        party=party,
    )  # fmt: skip
    VisitQuota.objects.filter(pk=quota.pk).update(booked=F("booked") + party)
    return booking


@transaction.atomic
def cancel_visit(*, code: str, phone: str) -> VisitBooking:
    booking = (
        VisitBooking.objects.select_for_update()
        .filter(
            code=str(code or "").strip().upper()[:12], phone=str(phone or "").strip()[:11], cancelled=False
        )
        .first()
    )
    if booking is None:
        raise InvalidFuneralInput("预约号或手机号码不正确", field="code")
    booking.cancelled = True
    booking.save(update_fields=["cancelled"])
    VisitQuota.objects.filter(pk=booking.quota_id).update(booked=F("booked") - booking.party)
    return booking
