"""离站: 接送返回 with escort and hand-over, 亲属领回, 托养, 送医, 落户安置, 自愿离站 (never refused), 死亡."""

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from minzheng.core.models import AuditEvent

from ..errors import InvalidRescueInput, RescueConflict
from ..models import Client, Discharge, ReturnTrip
from ..rules.clocks import is_settlement_candidate
from ..rules.stays import discharge_needs_destination, voluntary_departure_allowed
from .common import audit, check_handler, division_code_of, limit, require_text


def _leave(actor, client: Client, kind: str, at: datetime, destination: str) -> Client:
    client.discharge, client.discharged_at, client.destination = kind, at, destination
    client.save(update_fields=["discharge", "discharged_at", "destination"])
    client.belongings.update(returned=True)
    audit(actor, AuditEvent.UPDATE, client, f"{client.number}离站：{client.get_discharge_display()}",
          ["discharge", "discharged_at", "destination"])  # fmt: skip
    return client


@transaction.atomic
def discharge(
    actor, client: Client, *, kind: str, at: datetime | None = None, destination: str = ""
) -> Client:
    """离站 other than 接送返回 (``record_return``). 自愿离站 is always accepted (办法 第十一条: 不得限制受助人员离开);
    落户安置 only for a person unidentified past the 长期滞留 limit (2015 意见)."""
    check_handler(actor, client.division_code)
    if not voluntary_departure_allowed(client.in_station):
        raise RescueConflict("受助人员已离站", field="kind")
    if kind not in Discharge.values or kind == Discharge.RETURNED:
        raise InvalidRescueInput("请选择离站方式（接送返回请登记返回交接）", field="kind")
    at = at or timezone.now()
    if at < client.admitted_at:
        raise InvalidRescueInput("离站时间不能早于入站时间", field="at")
    destination = require_text(
        destination, "destination", "去向", 200, required=discharge_needs_destination(kind)
    )
    if kind == Discharge.SETTLED:
        admitted_on = timezone.localtime(client.admitted_at).date()
        months = limit("rescue_settlement_after_months", client.division_code, admitted_on)
        if not is_settlement_candidate(admitted_on, timezone.localtime(at).date(), months, client.identified):
            raise RescueConflict(f"落户安置限于身份无法查明且滞留超过{months}个月的受助人员", field="kind")
    if kind == Discharge.FAMILY and not client.identified:
        raise RescueConflict("亲属领回前请先登记身份查明", field="kind")
    return _leave(actor, client, kind, at, destination)


@transaction.atomic
def record_return(
    actor, client: Client, *, destination: str, receiving_party: str, handed_over_on: date, escort: str = "",
    voucher: str = "", destination_code: str = "",
) -> ReturnTrip:  # fmt: skip
    """接送返回 (办法 第七条 乘车凭证; 第十一条 通知亲属领回): the identified person is escorted home and handed over."""
    check_handler(actor, client.division_code)
    if not client.in_station:
        raise RescueConflict("受助人员已离站", field="destination")
    if not client.identified:
        raise RescueConflict("身份查明后才能接送返回", field="destination")
    if handed_over_on is None:
        raise InvalidRescueInput("请填写交接日期", field="handed_over_on")
    if (
        handed_over_on < timezone.localtime(client.admitted_at).date()
        or handed_over_on > timezone.localdate()
    ):
        raise InvalidRescueInput("交接日期应在入站之后、不晚于今天", field="handed_over_on")
    trip = ReturnTrip.objects.create(
        client=client, destination=require_text(destination, "destination", "返回地", 200),
        destination_code=division_code_of(destination_code, "destination_code", "返回地区划代码", required=False),
        escort=require_text(escort, "escort", "护送人员", 100, required=False),
        voucher=require_text(voucher, "voucher", "乘车凭证", 100, required=False),
        receiving_party=require_text(receiving_party, "receiving_party", "接收人或单位", 100),
        handed_over_on=handed_over_on,
    )  # fmt: skip
    at = timezone.make_aware(datetime.combine(handed_over_on, datetime.min.time().replace(hour=12)))
    _leave(actor, client, Discharge.RETURNED, max(at, client.admitted_at), trip.destination)
    return trip
