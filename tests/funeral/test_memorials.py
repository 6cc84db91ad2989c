"""网络祭扫: a memorial page only with the family's consent, showing nothing but the name and the dates they chose;
代祭扫 for a grave in the cemetery; 清明 booking quotas per cemetery and day (民政部 清明祭扫通知: 预约、限流、错峰)."""

from datetime import date, timedelta

import pytest
from django.http import Http404
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minzheng.funeral.errors import FuneralConflict, InvalidFuneralInput
from minzheng.funeral.models import Plot, VisitQuota
from minzheng.funeral.rules.memorials import booking_fits, shown_dates
from minzheng.funeral.services import cemeteries, memorials
from minzheng.funeral.services.deaths import UnidentifiedInput, record_certificate, record_unidentified
from tests.core.factories import HouseholdFactory, make_user

from .factories import certificate

pytestmark = pytest.mark.django_db


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    capacity=st.integers(0, 50),
    booked=st.integers(0, 50),
    party=st.integers(-2, 10),
    party_max=st.integers(1, 8),
)
def test_a_booking_fits_when_the_party_is_allowed_and_places_remain(capacity, booked, party, party_max):
    """清明祭扫 预约限流: never more than the day's places, never more than the party limit per booking."""
    ok = 1 <= party <= party_max and booked + party <= capacity
    assert (booking_fits(capacity, booked, party, party_max) == "") == ok


def test_the_public_page_shows_the_dates_only_as_the_family_chose_pipl_49():
    """个人信息保护法 第四十九条: the next of kin decide about the deceased's data — full dates, years, or none."""
    born, died = date(1940, 3, 5), date(2026, 7, 20)
    assert shown_dates(born, died, "full") == "1940年03月05日 — 2026年07月20日"
    assert shown_dates(born, died, "years") == "1940 — 2026"
    assert shown_dates(born, died, "none") == ""


@pytest.fixture
def death(desk, divisions):
    person = HouseholdFactory(size=1).head
    return record_certificate(desk, certificate(person), today=date(2026, 8, 1))


def test_a_memorial_is_public_with_consent_shows_only_the_chosen_name_and_goes_when_withdrawn(
    client, desk, death
):
    memorial = memorials.publish_memorial(
        desk, death, shown_name="慈父 " + death.name, dates_shown="years", consent_by="王强", consent_relation="子",
        consent_on=date(2026, 8, 1), today=date(2026, 8, 2),
    )  # fmt: skip
    url = f"/public/funeral/memorials/{memorial.token}/"
    page = client.get(url).content.decode()
    assert "慈父 " + death.name in page and "1" in page and "2026" in page
    for private in (death.id_number, death.id_number[-4:], death.issuer_name, "王强", "07月20日"):
        assert private not in page
    client.post(url)
    assert "已有 1 次献花" in client.get(url).content.decode()
    with pytest.raises(FuneralConflict):
        memorials.publish_memorial(desk, death, shown_name="x", dates_shown="none", consent_by="王强", consent_relation="子", consent_on=date(2026, 8, 1), today=date(2026, 8, 2))  # fmt: skip
    memorials.withdraw_memorial(desk, memorial)
    assert client.get(url).status_code == 404


def test_an_unidentified_body_has_no_memorial(desk, divisions):
    body = record_unidentified(
        desk,
        UnidentifiedInput("丹公验字〔2026〕8号", "元宝分局", date(2026, 7, 3), date(2026, 7, 1), "210602002001", "other", "unnatural", "男性"),
        today=date(2026, 8, 1),
    )  # fmt: skip
    with pytest.raises(InvalidFuneralInput) as refused:
        memorials.publish_memorial(desk, body, shown_name="无名氏", dates_shown="none", consent_by="-", consent_relation="-", consent_on=date(2026, 8, 1), today=date(2026, 8, 2))  # fmt: skip
    assert refused.value.field == "death"


@pytest.fixture
def cemetery(divisions):
    bureau = make_user("approver", "210602000000", username="yb_mzj")
    cemeteries.load_plot_limits()
    found = cemeteries.register_cemetery(
        bureau, name="元宝区凤凰山公益性公墓", kind="public", division_code="210602000000", approving_level="province",
        approval_document="辽民函〔2019〕12号", approved_on=date(2019, 5, 1),
    )  # fmt: skip
    cemeteries.add_section(bureau, found, name="A", rows=2, columns=4, plot_kind="single_ashes", area_m2="0.8", on=date(2026, 1, 1))  # fmt: skip
    return found


def test_proxy_tribute_only_for_a_grave_in_that_cemetery(desk, death, cemetery, other_desk):
    today = timezone.localdate()
    with pytest.raises(InvalidFuneralInput) as nowhere:
        memorials.order_proxy_tribute(
            desk, death, cemetery, requested_by="王强", services="献花", due_on=today
        )
    assert nowhere.value.field == "death"
    cemeteries.bury(desk, Plot.objects.get(number="A-01-01"), death, on=date(2026, 7, 25))
    tribute = memorials.order_proxy_tribute(desk, death, cemetery, requested_by="王强", services="献花、清扫墓碑", due_on=today)  # fmt: skip
    with pytest.raises(Http404):
        memorials.complete_proxy_tribute(other_desk, tribute, on=today, note="已完成")
    done = memorials.complete_proxy_tribute(desk, tribute, on=today, note="已献花并拍照发给家属")
    assert done.status == "done"


def test_the_public_books_within_the_days_places_and_a_cancellation_frees_them(client, desk, cemetery):
    day = timezone.localdate() + timedelta(days=3)
    quota = memorials.set_quota(desk, cemetery, day=day, capacity=6)
    listing = client.get("/public/funeral/visits/").content.decode()
    assert cemetery.name in listing
    booked = client.post(
        f"/public/funeral/visits/book/{quota.pk}/", {"name": "王强", "phone": "13800000000", "party": "4"}
    )
    assert "预约成功" in booked.content.decode()
    refused = client.post(
        f"/public/funeral/visits/book/{quota.pk}/", {"name": "李梅", "phone": "13900000000", "party": "3"}
    )
    assert "当日剩余2个名额" in refused.content.decode()
    too_many = client.post(
        f"/public/funeral/visits/book/{quota.pk}/", {"name": "李梅", "phone": "13900000000", "party": "6"}
    )
    assert "每次预约人数应为1至5人" in too_many.content.decode()
    with pytest.raises(InvalidFuneralInput) as lower:
        memorials.set_quota(desk, cemetery, day=day, capacity=3)
    assert lower.value.field == "capacity"
    code = VisitQuota.objects.get(pk=quota.pk).bookings.get().code
    client.post("/public/funeral/visits/cancel/", {"code": code, "phone": "13800000000"})
    assert VisitQuota.objects.get(pk=quota.pk).booked == 0
