"""Test data of 救助管理: a station with a men's and a women's room; intakes through the service."""

from datetime import date, timedelta

from django.utils import timezone

from minzheng.rescue.services import intake, registry, stations


def make_station(bureau, division_code: str = "210602000000", name: str = "元宝区救助管理站"):
    station = stations.register_station(
        bureau, name=name, division_code=division_code, address="元宝区兴东路1号"
    )
    stations.add_room(bureau, station, code="男101", sex="male", beds=4)
    stations.add_room(bureau, station, code="女201", sex="female", beds=4)
    return station


def admit(desk, station, *, days_ago: float = 0, **fields):
    values = {"source": "public", "sex": "male", "estimated_age": 75, "features": "白发、跛行", "found_place": "丹东站广场",
              "found_code": "210602002001"}  # fmt: skip
    values.update(fields)
    at = timezone.now() - timedelta(days=days_ago, minutes=1)
    return intake.take_in(desk, intake.IntakeInput(station=station, admitted_at=at, **values))


def register_elder(desk, **fields):
    values = {"division_code": "210602002001", "name": "王德福", "sex": "male", "guardian_name": "王强",
              "guardian_phone": "13800000000", "consent_on": date(2026, 1, 5), "birth_date": date(1950, 3, 1),
              "dementia": True, "features": "白发、跛行", "wearable_id": "DD-SH-0001"}  # fmt: skip
    values.update(fields)
    return registry.register_wander_risk(desk, **values)
