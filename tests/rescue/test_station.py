"""Station operations through the services (救助管理办法 国务院令第381号, 实施细则 民政部令第24号, 2015 意见)."""

from datetime import date, timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from minzheng.core.identity import make_resident_id
from minzheng.core.models import AuditEvent
from minzheng.rescue.errors import InvalidRescueInput, RescueConflict
from minzheng.rescue.indicator_sources import SOURCES as INDICATORS
from minzheng.rescue.models import ActionKind, Client, Discharge, MatchProposal, ProposalStatus
from minzheng.rescue.services import discharge, intake, tracing

from .factories import admit, register_elder

pytestmark = pytest.mark.django_db


def _room(station, sex):
    return station.rooms.get(sex=sex)


def test_a_police_escort_needs_the_handover_form(desk, station):
    """办法 第五条: 公安机关 护送 — the 交接表 number is recorded with the intake."""
    with pytest.raises(InvalidRescueInput) as refused:
        admit(desk, station, source="police")
    assert refused.value.field == "handover_ref"
    client = admit(
        desk, station, source="police", handover_ref="丹公交〔2026〕15号", escort_unit="站前派出所"
    )
    assert client.handover_ref == "丹公交〔2026〕15号"


def test_an_unidentified_person_needs_an_estimated_age(desk, station):
    with pytest.raises(InvalidRescueInput) as refused:
        admit(desk, station, estimated_age=None)
    assert refused.value.field == "estimated_age"


def test_rooms_are_separated_by_sex(desk, station):
    """办法 第八条: 受助人员住宿应当男女分室."""
    with pytest.raises(InvalidRescueInput) as refused:
        admit(desk, station, sex="male", room=_room(station, "female"))
    assert refused.value.field == "room" and "男女分室" in refused.value.message
    assert admit(desk, station, sex="female", room=_room(station, "female")).room.code == "女201"


def test_an_identified_intake_takes_sex_and_age_from_a_valid_id_number(desk, station):
    number = make_resident_id("210602", date(1960, 5, 1), 11)
    client = admit(desk, station, id_number=number, name="刘长山", sex="", estimated_age=None)
    assert client.identified and client.sex == "male" and client.birth_date == date(1960, 5, 1)
    with pytest.raises(InvalidRescueInput) as refused:
        admit(desk, station, id_number=number[:-1] + ("0" if number[-1] != "0" else "1"), name="刘长山")
    assert refused.value.field == "id_number"


def test_voluntary_departure_is_never_refused(desk, station):
    """办法 第十一条: 救助站不得限制受助人员离开 — even unidentified, on the first day, with clocks running."""
    client = admit(desk, station)
    intake.add_belonging(desk, client, item="手机", quantity=1)
    discharge.discharge(desk, client, kind=Discharge.LEFT)
    client.refresh_from_db()
    assert client.discharge == "left" and client.belongings.get().returned


def test_the_stay_is_ten_days_unless_an_extension_is_filed(desk, station):
    """实施细则: 救助期限一般不超过10天；延长的报上级民政主管部门备案."""
    client = admit(desk, station, days_ago=0)
    admitted = timezone.localtime(client.admitted_at).date()
    assert intake.stay_end(client) == admitted + timedelta(days=9)
    with pytest.raises(InvalidRescueInput):
        intake.file_extension(desk, client, filed_on=admitted, filing_ref="丹民备〔2026〕3号", until=admitted + timedelta(days=5),
                              reason="待DNA比对")  # fmt: skip
    intake.file_extension(desk, client, filed_on=admitted, filing_ref="丹民备〔2026〕3号", until=admitted + timedelta(days=30),
                          reason="待DNA比对")  # fmt: skip
    assert intake.stay_end(client) == admitted + timedelta(days=30)


def test_settlement_is_only_for_the_unidentified_after_three_months(desk, station):
    """2015 意见: 滞留超过3个月仍无法查明身份的 → 落户安置."""
    recent = admit(desk, station, days_ago=60)
    with pytest.raises(RescueConflict):
        discharge.discharge(desk, recent, kind=Discharge.SETTLED, destination="丹东市社会福利院")
    old = admit(desk, station, days_ago=100)
    discharge.discharge(desk, old, kind=Discharge.SETTLED, destination="丹东市社会福利院")
    assert Client.objects.get(pk=old.pk).discharge == "settled"


def test_a_dna_result_needs_a_request_first(desk, station):
    client = admit(desk, station)
    with pytest.raises(RescueConflict):
        tracing.log_action(desk, client, kind=ActionKind.DNA_RESULT, at=timezone.now())
    tracing.log_action(
        desk, client, kind=ActionKind.DNA_REQUEST, at=timezone.now(), reference="丹公刑协〔2026〕8号"
    )
    tracing.log_action(desk, client, kind=ActionKind.DNA_RESULT, at=timezone.now(), note="未比中")
    assert list(client.actions.values_list("kind", flat=True)) == ["dna_request", "dna_result"]


def test_intake_matches_the_wander_registry_and_the_confirmed_match_identifies_and_returns(desk, station):
    """易走失人员信息库 first at intake; the caseworker confirms; 接送返回 with hand-over; the rate is 100 %."""
    entry = register_elder(desk)
    tracing.register_report(desk, reported_on=timezone.localdate(), reporter="王强", name="王德富", sex="male",
                            division_code="210602000000", birth_year=1950, home_code="210602002001", features="白发、跛行")  # fmt: skip
    client = admit(desk, station, name="", estimated_age=76)
    proposals = list(client.proposals.order_by("-score"))
    assert proposals[0].wander_risk_id == entry.pk and proposals[0].score >= 60
    assert any(p.report_id for p in proposals)
    with pytest.raises(RescueConflict):
        discharge.record_return(
            desk, client, destination="元宝区", receiving_party="王强", handed_over_on=timezone.localdate()
        )
    tracing.decide_proposal(desk, proposals[0], confirm=True)
    client.refresh_from_db()
    assert client.identified and client.name == "王德福" and client.hometown_code == "210602002001"
    assert not client.proposals.filter(status=ProposalStatus.PROPOSED).exists()
    discharge.record_return(desk, client, destination="元宝区城隍庙一社区", receiving_party="王强（儿子）",
                            handed_over_on=timezone.localdate(), escort="站内工作人员2名")  # fmt: skip
    client.refresh_from_db()
    assert client.discharge == "returned" and client.return_trip.receiving_party == "王强（儿子）"
    rate = INDICATORS[0].compute(
        "210602000000", timezone.localdate() - timedelta(days=1), timezone.localdate()
    )
    assert rate.value == 100 and rate.denominator == 1


def test_the_return_rate_counts_identified_people_not_returned(desk, station):
    number = make_resident_id("220102", date(1980, 1, 1), 21)
    placed = admit(desk, station, id_number=number, name="孙立", sex="", estimated_age=None)
    discharge.discharge(desk, placed, kind=Discharge.CARE, destination="丹东市托养中心")
    rate = INDICATORS[0].compute(
        "210602000000", timezone.localdate() - timedelta(days=1), timezone.localdate()
    )
    assert rate.value == 0 and rate.denominator == 1
    assert INDICATORS[0].compute("210603000000", timezone.localdate(), timezone.localdate()).value is None


def test_a_new_registration_is_matched_with_the_people_already_in_the_station(desk, station):
    client = admit(desk, station, estimated_age=74)
    assert not client.proposals.exists()
    entry = register_elder(desk)
    assert MatchProposal.objects.get(client=client).wander_risk_id == entry.pk


def test_another_county_cannot_act_on_a_client(desk, other_desk, station):
    client = admit(desk, station)
    with pytest.raises(Http404):
        tracing.log_action(other_desk, client, kind=ActionKind.NOTICE, at=timezone.now())
    with pytest.raises(Http404):
        discharge.discharge(other_desk, client, kind=Discharge.LEFT)


def test_every_write_is_audited(desk, station):
    client = admit(desk, station)
    tracing.log_action(desk, client, kind=ActionKind.NOTICE, at=timezone.now(), reference="全国救助寻亲网")
    summaries = list(AuditEvent.objects.filter(object_type="rescue.client").values_list("summary", flat=True))
    assert any("入站" in s for s in summaries) and any("发布寻亲公告" in s for s in summaries)
