"""婚姻家庭辅导: rooms per registry, sessions with kind and outcome (no private details), scoped pages."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from minzheng.marriage.errors import InvalidMarriageInput
from minzheng.marriage.models import CounsellingSession
from minzheng.marriage.services.counselling import add_room, record_session
from minzheng.marriage.services.divorces import Agreement, receive_divorce
from tests.core.factories import PASSWORD

from .factories import marry

pytestmark = pytest.mark.django_db


def test_rooms_and_sessions_through_pages(client, registry, registrar, registry_admin, outsider):
    assert client.login(username=registry_admin.username, password=PASSWORD)
    today = timezone.localdate()
    client.post(
        f"/marriage/registries/{registry.pk}/rooms/",
        {"name": "元宝区婚姻家庭辅导室", "opened_on": f"{today:%Y-%m-%d}"},
    )
    room = registry.counselling_rooms.get()
    assert "元宝区婚姻家庭辅导室" in client.get(f"/marriage/registries/{registry.pk}/").content.decode()
    client.logout()
    app = receive_divorce(registrar, marry(registrar, registry, on=date(2020, 1, 1)), registry=registry,
                          agreement=Agreement("无", "无", "无"))  # fmt: skip
    assert client.login(username=registrar.username, password=PASSWORD)
    response = client.post("/marriage/counselling/new/", {
        "room": str(room.pk), "held_on": f"{today:%Y-%m-%d}", "kind": "cooling_off", "counsellor": "孙老师",
        "outcome": "reconciled", "divorce_id": str(app.pk), "note": "双方沟通后同意再考虑",
    })  # fmt: skip
    assert response.status_code == 302
    session = CounsellingSession.objects.get()
    assert session.divorce_id == app.pk
    assert "离婚冷静期辅导" in client.get("/marriage/counselling/").content.decode()
    bad = client.post("/marriage/counselling/new/", {"room": str(room.pk), "held_on": f"{today:%Y-%m-%d}",
                      "kind": "family", "counsellor": "孙老师", "outcome": "open", "divorce_id": "999999"})  # fmt: skip
    assert "没有这个编号的离婚登记申请" in bad.content.decode()
    client.logout()
    assert client.login(username=outsider.username, password=PASSWORD)
    assert "孙老师" not in client.get("/marriage/counselling/").content.decode()
    assert client.post(f"/marriage/registries/{registry.pk}/rooms/", {"name": "x"}).status_code == 404


def test_session_date_must_follow_the_room_opening(registry, registrar, registry_admin):
    room = add_room(registry_admin, registry, name="辅导室", opened_on=timezone.localdate())
    with pytest.raises(InvalidMarriageInput):
        record_session(registrar, room, held_on=timezone.localdate() - timedelta(days=1), kind="family",
                       counsellor="孙老师", outcome="open")  # fmt: skip
