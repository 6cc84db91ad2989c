"""婚姻登记档案: scanned documents checked and served only inside the jurisdiction, 查档 logged, 补录."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from minzheng.core.models import AuditEvent
from minzheng.marriage.errors import InvalidMarriageInput, MarriageConflict
from minzheng.marriage.models import ArchiveQuery, MarriageStatus
from minzheng.marriage.services import archives as svc
from tests.core.factories import PASSWORD

from .factories import marry, party

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_upload_checks_type_and_content_and_download_is_jurisdiction_checked(
    client, registry, registrar, outsider
):
    m = marry(registrar, registry, on=date(2024, 2, 2))
    with pytest.raises(InvalidMarriageInput) as error:
        svc.add_document(
            registrar, m, upload=SimpleUploadedFile("声明书.pdf", b"MZ\x90\x00evil"), kind="declaration"
        )
    assert "不符" in error.value.message
    with pytest.raises(InvalidMarriageInput):
        svc.add_document(registrar, m, upload=SimpleUploadedFile("a.exe", PDF), kind="declaration")
    assert client.login(username=registrar.username, password=PASSWORD)
    response = client.post(f"/marriage/marriages/{m.pk}/documents/new/",
                           {"kind": "declaration", "file": SimpleUploadedFile("声明书.pdf", PDF)})  # fmt: skip
    assert response.status_code == 302
    doc = m.documents.get()
    assert doc.size == len(PDF) and len(doc.sha256) == 64
    detail = client.get(f"/marriage/marriages/{m.pk}/").content.decode()
    assert "声明书.pdf" in detail
    download = client.get(f"/marriage/marriages/{m.pk}/documents/{doc.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert AuditEvent.objects.filter(
        object_type="marriage.archivedocument", action=AuditEvent.READ_DETAIL
    ).exists()
    client.logout()
    assert client.login(username=outsider.username, password=PASSWORD)
    assert client.get(f"/marriage/marriages/{m.pk}/documents/{doc.pk}/").status_code == 404
    assert client.get(f"/marriage/marriages/{m.pk}/documents/new/").status_code == 404


def test_archive_search_is_logged_with_its_purpose(client, registry, registrar, outsider):
    groom = party(date(1988, 8, 8), True)
    marry(registrar, registry, male=groom, female=party(date(1990, 1, 1), False), on=date(2015, 5, 5))
    assert client.login(username=registrar.username, password=PASSWORD)
    page = client.post(
        "/marriage/archives/", {"id_number": groom.id_number, "purpose": "当事人申请补领结婚证"}
    )
    assert "J210602-2015-000001" in page.content.decode()
    log = ArchiveQuery.objects.get()
    assert (log.results, log.purpose) == (
        1,
        "当事人申请补领结婚证",
    ) and groom.id_number not in log.id_number_masked
    assert "当事人申请补领结婚证" in client.get("/marriage/archives/log/").content.decode()
    refused = client.post("/marriage/archives/", {"id_number": groom.id_number, "purpose": ""})
    assert "请填写查询事由" in refused.content.decode() and ArchiveQuery.objects.count() == 1
    client.logout()
    assert client.login(username=outsider.username, password=PASSWORD)
    assert "当事人申请补领结婚证" not in client.get("/marriage/archives/log/").content.decode()


def test_backfill_keeps_the_original_registry_and_refuses_a_clash(client, registry, registrar):
    groom = party(date(1960, 1, 1), True)
    old = svc.backfill_marriage(
        registrar, registry=registry, original_registry="丹东市元宝区民政局", registered_on=date(1985, 10, 1),
        certificate_number="丹元婚字第85-123号", male=groom, female=party(date(1962, 1, 1), False),
    )  # fmt: skip
    assert (
        old.backfilled
        and old.status == MarriageStatus.IN_FORCE
        and old.original_registry == "丹东市元宝区民政局"
    )
    with pytest.raises(MarriageConflict):
        marry(registrar, registry, male=groom)
    with pytest.raises(MarriageConflict):
        svc.backfill_marriage(
            registrar, registry=registry, original_registry="某县民政局", registered_on=date(1990, 1, 1),
            certificate_number="X-1", male=groom, female=party(date(1965, 1, 1), False),
        )  # fmt: skip
    ended = svc.backfill_marriage(
        registrar, registry=registry, original_registry="某县民政局", registered_on=date(1980, 1, 1),
        certificate_number="X-2", male=party(date(1955, 1, 1), True), female=party(date(1958, 1, 1), False),
        ended_on=date(1983, 1, 1), end_status=MarriageStatus.WIDOWED,
    )  # fmt: skip
    assert ended.status == MarriageStatus.WIDOWED
    assert client.login(username=registrar.username, password=PASSWORD)
    form = client.post("/marriage/marriages/backfill/", {"registry": str(registry.pk), "original_registry": "",
                                                        "certificate_number": "X-3"})  # fmt: skip
    assert "请填写原登记机关" in form.content.decode()
    assert "历史档案补录" in client.get(f"/marriage/marriages/{old.pk}/").content.decode()
