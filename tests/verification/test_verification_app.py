"""家庭经济状况核对 in the platform: department deliveries in, a household's report out, runs in the
background with progress and cancellation, everything inside the jurisdiction and audited."""

import datetime as dt
from decimal import Decimal

import pytest

from minzheng.core.errors import PermissionDenied
from minzheng.core.models import AuditEvent
from minzheng.verification.errors import VerificationError
from minzheng.verification.models import HouseholdVerification, VerificationRun
from minzheng.verification.services import intake, runs
from tests.verification.world import AS_OF, REQUEST_DATE, csv_bytes, deliver_world


def test_a_households_report_is_computed_from_the_deliveries(county_caseworker, household, admin, members):
    deliver_world(admin, members)
    report = runs.request_report(county_caseworker, household_id=household.pk, on=REQUEST_DATE)
    result = HouseholdVerification.objects.get(pk=report.result_id)
    assert result.member_count == 3
    assert str(result.per_capita_monthly_income) == "166.67"  # 500 × 12 / 12 / 3
    assert result.total_financial_assets is not None and str(result.total_financial_assets) == "2000.00"
    assert any(row["id_number"] == members[0] and row["source"] == "wage" for row in result.member_income)
    # No 低保标准 is recorded for 元宝区 yet: the engine refuses to guess.
    assert report.conclusion == "manual_review"


def test_asking_again_with_nothing_changed_returns_the_same_run(county_caseworker, household, admin, members):
    deliver_world(admin, members)
    first = runs.request_report(county_caseworker, household_id=household.pk, on=REQUEST_DATE)
    second = runs.request_report(county_caseworker, household_id=household.pk, on=REQUEST_DATE)
    assert first.run_id == second.run_id and VerificationRun.objects.count() == 1


def test_a_new_delivery_makes_a_new_run(county_caseworker, household, admin, members):
    deliver_world(admin, members)
    first = runs.request_report(county_caseworker, household_id=household.pk, on=REQUEST_DATE)
    intake.receive_delivery(
        admin,
        data=csv_bytes([{"id_number": members[1], "month": "2026-05", "amount": "900.00"}]),
        file_name="pension-2.csv",
        dataset="pension",
        as_of=dt.date(2026, 7, 10),
    )
    second = runs.request_report(county_caseworker, household_id=household.pk, on=REQUEST_DATE)
    assert second.run_id != first.run_id


def test_households_of_another_county_cannot_be_verified(outsider, household):
    with pytest.raises(VerificationError, match="不在您的管辖范围内"):
        runs.request_report(outsider, household_id=household.pk, on=REQUEST_DATE)


def test_leaders_cannot_start_verifications(city_leader, household):
    with pytest.raises(PermissionDenied):
        runs.request_report(city_leader, household_id=household.pk, on=REQUEST_DATE)


def test_batch_run_covers_the_division_in_the_background(
    county_caseworker, household, admin, members, django_capture_on_commit_callbacks
):
    from tests.core.factories import HouseholdFactory

    HouseholdFactory(village="210602003001", size=2)
    HouseholdFactory(village="210603001001", size=2)  # another county: not included
    deliver_world(admin, members)
    with django_capture_on_commit_callbacks(execute=True):
        run = runs.start_batch(
            county_caseworker, division_code="210602000000", program="dibao", on=REQUEST_DATE
        )
    run.refresh_from_db()
    assert (run.status, run.total, run.done) == ("done", 2, 2)
    assert run.results.count() == 2 and run.manual_review == 2


def test_a_cancelled_run_stops_before_its_next_chunk(
    county_caseworker, household, admin, members, django_capture_on_commit_callbacks
):
    deliver_world(admin, members)
    run = runs.start_batch(county_caseworker, division_code="210602000000", program="dibao", on=REQUEST_DATE)
    runs.cancel_run(county_caseworker, run)
    runs.execute_run(run.pk)
    run.refresh_from_db()
    assert run.status == "cancelled" and run.results.count() == 0


def test_the_caseworker_may_add_a_note_but_figures_stay(county_caseworker, household, admin, members):
    deliver_world(admin, members)
    report = runs.request_report(county_caseworker, household_id=household.pk, on=REQUEST_DATE)
    result = HouseholdVerification.objects.get(pk=report.result_id)
    runs.add_note(county_caseworker, result, "户主称已失业，待入户核实")
    result.refresh_from_db()
    assert result.note == "户主称已失业，待入户核实" and str(result.per_capita_monthly_income) == "166.67"
    assert AuditEvent.objects.filter(object_type="household_verification", action="update").exists()


def test_a_bad_delivery_is_refused_in_chinese_and_changes_nothing(admin):
    with pytest.raises(VerificationError) as err:
        intake.receive_delivery(
            admin, data=b"id_number,amount\n1,2\n", file_name="pension.csv", dataset="pension", as_of=AS_OF
        )
    assert "month" in err.value.message or "列" in err.value.message
    from minzheng.verification.services.store import exchange_store

    assert exchange_store().receipts() == []


def test_the_same_delivery_twice_is_a_no_op(admin, members):
    table = csv_bytes([{"id_number": members[0], "month": "2026-01", "amount": "100.00"}])
    intake.receive_delivery(admin, data=table, file_name="p.csv", dataset="pension", as_of=AS_OF)
    again = intake.receive_delivery(admin, data=table, file_name="p.csv", dataset="pension", as_of=AS_OF)
    assert again.duplicate


def test_only_administrators_receive_department_data(county_caseworker, members):
    table = csv_bytes([{"id_number": members[0], "month": "2026-01", "amount": "100.00"}])
    with pytest.raises(PermissionDenied):
        intake.receive_delivery(
            county_caseworker, data=table, file_name="p.csv", dataset="pension", as_of=AS_OF
        )


def test_report_page_is_scoped_and_audited(client, county_caseworker, outsider, household, admin, members):
    from tests.core.factories import PASSWORD

    deliver_world(admin, members)
    report = runs.request_report(county_caseworker, household_id=household.pk, on=REQUEST_DATE)
    client.post("/login/", {"username": outsider.username, "password": PASSWORD})
    assert client.get(f"/verification/results/{report.result_id}/").status_code == 404
    assert client.get(f"/verification/runs/{report.run_id}/").status_code == 404
    assert client.post(f"/verification/results/{report.result_id}/note/", {"note": "x"}).status_code == 404
    assert client.post(f"/verification/runs/{report.run_id}/cancel/").status_code == 404
    client.post("/logout/")
    client.post("/login/", {"username": county_caseworker.username, "password": PASSWORD})
    body = client.get(f"/verification/results/{report.result_id}/").content.decode()
    assert "家庭经济状况核对报告" in body and "需人工复核" in body and members[0] not in body
    assert AuditEvent.objects.filter(action="read_detail", object_type="household_verification").exists()


def test_the_api_returns_the_report(client, county_caseworker, household, admin, members):
    from minzheng.core.services.accounts import issue_api_token

    deliver_world(admin, members)
    headers = {"Authorization": f"Bearer {issue_api_token(county_caseworker)}"}
    response = client.post(
        f"/api/verification/households/{household.pk}/report",
        {"request_date": "2026-07-15"},
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 200, response.json()
    assert response.json()["conclusion"] == "manual_review"
    assert (
        client.get(f"/api/verification/results/{response.json()['result_id']}", headers=headers).status_code
        == 200
    )


def test_the_report_pdf_has_the_bureau_heading_and_the_figures(
    client, county_caseworker, outsider, household, admin, members
):
    import io

    from pypdf import PdfReader

    from tests.core.factories import PASSWORD

    deliver_world(admin, members)
    report = runs.request_report(county_caseworker, household_id=household.pk, on=REQUEST_DATE)
    client.post("/login/", {"username": county_caseworker.username, "password": PASSWORD})
    response = client.get(f"/verification/results/{report.result_id}/report.pdf")
    assert response["Content-Type"] == "application/pdf"
    # pypdf returns these CID-keyed CJK glyphs as UTF-16 code units with NULs; poppler's pdftotext reads them
    # cleanly — the document is right, the extraction needs the NULs dropped.
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages).replace(
        "\x00", ""
    )
    for expected in ["丹东市元宝区民政局", "家庭经济状况核对报告", household.number, "¥166.67", "需人工复核"]:
        assert expected in text, expected
    assert members[0] not in text  # ID numbers masked in the document too
    client.post("/logout/")
    client.post("/login/", {"username": outsider.username, "password": PASSWORD})
    assert client.get(f"/verification/results/{report.result_id}/report.pdf").status_code == 404


def _received_long_ago(receipt, days: int) -> None:
    """Back-date a stored delivery's receipt (the store purges by the date a delivery was received)."""
    import json

    path = receipt.path / "receipt.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["received_at"] = (dt.datetime.now(dt.UTC) - dt.timedelta(days=days)).isoformat()
    path.write_text(json.dumps(data), encoding="utf-8")


def test_purge_after_the_retention_parameter_keeps_what_verification_reads(admin, members, dandong_policy):
    from django.core.management import call_command

    from minzheng.verification.services.store import exchange_store

    def deliver(dataset_rows, name, as_of):
        return intake.receive_delivery(
            admin, data=csv_bytes(dataset_rows), file_name=name, dataset="pension", as_of=as_of
        )

    old = deliver(
        [{"id_number": members[0], "month": "2025-01", "amount": "100.00"}], "p1.csv", dt.date(2025, 2, 1)
    )
    current = deliver(
        [{"id_number": members[0], "month": "2026-01", "amount": "200.00"}], "p2.csv", dt.date(2026, 2, 1)
    )
    _received_long_ago(old, 400)
    _received_long_ago(current, 400)
    call_command("purge_exchange")  # exchange_retention_days: 365 (seeded national default)
    assert not old.path.exists()  # superseded and past the period: gone
    assert not list(current.path.glob("raw.*"))  # the current delivery loses its raw file only
    assert (current.path / "accepted.parquet").exists()
    assert [r.delivery_id for r in exchange_store().current()] == [current.delivery_id]
    assert AuditEvent.objects.filter(action="delete", object_type="exchange_delivery").exists()


def test_nothing_is_purged_within_the_retention_period(admin, members, settings):
    from django.core.management import call_command

    settings.EXCHANGE_RETENTION_DAYS = 1000  # no policy row loaded: the installation's setting applies
    rows = [{"id_number": members[0], "month": "2025-01", "amount": "100.00"}]
    old = intake.receive_delivery(
        admin, data=csv_bytes(rows), file_name="p1.csv", dataset="pension", as_of=dt.date(2025, 2, 1)
    )
    _received_long_ago(old, 400)
    call_command("purge_exchange")
    assert list(old.path.glob("raw.*"))


@pytest.fixture
def dandong_policy(db):
    """The plans' figures: 丹东 城市低保 663 元/人/月 (2020), 低保边缘 1.5×, asset limit 24 months."""
    from django.core.management import call_command

    call_command("load_assistance_policy", verbosity=0)


def test_income_under_the_recorded_standard_is_eligible(
    county_caseworker, household, admin, members, dandong_policy
):
    deliver_world(admin, members, monthly_wage="500.00")  # 166.67 per person per month < 663
    report = runs.request_report(county_caseworker, household_id=household.pk, on=REQUEST_DATE)
    assert (report.conclusion, report.income_line) == ("eligible", Decimal("663.00"))


def test_income_over_the_standard_is_ineligible_with_the_reason(
    county_caseworker, household, admin, members, dandong_policy
):
    deliver_world(admin, members, monthly_wage="3000.00")  # 1,000 per person per month > 663
    report = runs.request_report(county_caseworker, household_id=household.pk, on=REQUEST_DATE)
    assert report.conclusion == "ineligible"
    assert any("收入" in r["message"] for r in report.reasons)


def test_the_report_shows_the_evidence_in_chinese_with_id_numbers_masked(
    client, county_caseworker, household, admin, members, dandong_policy
):
    import io

    from pypdf import PdfReader

    from minzheng.core.identity import mask_id_number
    from tests.core.factories import PASSWORD

    deliver_world(admin, members, monthly_wage="3000.00")
    report = runs.request_report(county_caseworker, household_id=household.pk, on=REQUEST_DATE)
    evidence_ids = {e["key"].get("id_number") for r in report.reasons for e in r["evidence"]} - {None}
    assert members[0] in evidence_ids  # stored in full: the record must identify the row
    client.post("/login/", {"username": county_caseworker.username, "password": PASSWORD})
    page = client.get(f"/verification/results/{report.result_id}/").content.decode()
    pdf = client.get(f"/verification/results/{report.result_id}/report.pdf").content
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).replace("\x00", "")
    for shown in (page, text):
        assert members[0] not in shown
        assert mask_id_number(members[0]) in shown
        assert "个人所得税 / 工资薪金" in shown and "收入认定线：663.00" in shown
    # 成员核对明细: every department row about the members, deciding or not (the PDF wraps long cells)
    assert "银行：工商银行；账户类型：活期" in page and "余额：2000.00" in page and "状态：正常" in page
    flat = text.replace("\n", "")
    assert "成员核对明细" in flat and "工商银行" in flat and "余额：2000.00" in flat and "状态：正常" in flat
    assert "家庭成员" in text and "与户主关系" in text


def test_the_dibao_edge_line_is_one_and_a_half_standards(
    county_caseworker, household, admin, members, dandong_policy
):
    deliver_world(admin, members, monthly_wage="2400.00")  # 800 per person: above 663, under 994.50
    report = runs.request_report(
        county_caseworker, household_id=household.pk, program="dibao_edge", on=REQUEST_DATE
    )
    assert (report.conclusion, report.income_line) == ("eligible", Decimal("994.50"))


def test_demo_population_and_deliveries_give_a_realistic_mix(
    county_caseworker, divisions, dandong_policy, django_capture_on_commit_callbacks
):
    from minzheng.core.demo import load_demo
    from minzheng.verification.demo import deliver_demo_exchange

    load_demo(seed=11, households=60, password="Demo@Pass2026", today=dt.date(2026, 11, 25))
    deliver_demo_exchange("2106", seed=11, today=dt.date(2026, 11, 25))
    with django_capture_on_commit_callbacks(execute=True):
        run = runs.start_batch(
            county_caseworker, division_code="210602000000", program="dibao", on=dt.date(2026, 11, 25)
        )
    run.refresh_from_db()
    assert run.status == "done" and run.done == run.total > 0
    assert run.eligible > 0 and run.ineligible > 0  # some poor, most not: what a real county looks like


def test_a_run_whose_engine_fails_is_marked_failed_with_nothing_stored(
    county_caseworker, household, admin, members, monkeypatch
):
    """Issue 12: a failed engine leaves the run failed with a Chinese reason — never half-stored."""
    from minzheng.batch.errors import EngineError
    from tests.core.factories import HouseholdFactory

    HouseholdFactory(village="210602003001", size=2)
    deliver_world(admin, members)
    run = runs.start_batch(county_caseworker, division_code="210602000000", program="dibao", on=REQUEST_DATE)
    real, calls = runs.run_verification, []

    def second_chunk_fails(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise EngineError("Spark 计算引擎内存不足，已中止：请增大 spark.driver.memory 或改用 DuckDB 引擎")
        return real(*args, **kwargs)

    monkeypatch.setattr(runs, "CHUNK_HOUSEHOLDS", 1)
    monkeypatch.setattr(runs, "run_verification", second_chunk_fails)
    with pytest.raises(EngineError):
        runs.execute_run(run.pk)
    run.refresh_from_db()
    assert run.status == "failed" and "内存不足" in run.error
    assert run.results.count() == 0 and run.done == 0


def test_the_report_page_and_pdf_show_every_reason_in_chinese_with_a_link_to_the_case(
    client, county_caseworker, household, admin, members, dandong_policy
):
    """Issue 12 item 4: no `pension`, no `ineligible` — every reason, source, dataset and value in Chinese,
    the evidence rows shown, and links back to the case that asked and to the household."""
    import io
    import re

    from pypdf import PdfReader

    from tests.core.factories import PASSWORD

    deliver_world(admin, members, monthly_wage="3000.00")
    head = members[0]
    extra = {
        "pension": [
            {"id_number": head, "month": "2026-03", "amount": "150.00", "kind": "basic_resident"},
            {"id_number": head, "month": "2026-04", "amount": "900.00", "kind": ""},
        ],
        "securities": [{"id_number": head, "kind": "fund", "market_value": "10.00", "as_of": "2026-06-30"}],
        "vehicles": [
            {
                "id_number": head,
                "plate": "辽F54321",
                "vehicle_type": "car",
                "registered_date": "2020-01-01",
                "purchase_price": "90000.00",
                "for_disability": "false",
            }
        ],
        # a statement intake must reject (negative), about a member: the data is incomplete
        "deposits": [
            {
                "id_number": head,
                "bank": "建设银行",
                "account_type": "time",
                "balance": "-1.00",
                "as_of": "2026-06-30",
            }
        ],
    }
    for dataset, rows in extra.items():
        intake.receive_delivery(
            admin,
            data=csv_bytes(rows),
            file_name=f"{dataset}-2.csv",
            dataset=dataset,
            as_of=AS_OF,
            source="dept2",
        )
    report = runs.request_report(
        county_caseworker,
        household_id=household.pk,
        on=REQUEST_DATE,
        requested_for=("救助申请 SQ-0001", "/assistance/cases/1/"),
    )
    codes = {r["code"] for r in report.reasons}
    assert {"income_above_line", "vehicle_over_price", "rejected_rows"} <= codes
    assert report.conclusion == "ineligible" and report.conclusion_label == "不符合"
    client.post("/login/", {"username": county_caseworker.username, "password": PASSWORD})
    page = client.get(f"/verification/results/{report.result_id}/").content.decode()
    pdf = client.get(f"/verification/results/{report.result_id}/report.pdf").content
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).replace("\x00", "")
    visible = re.sub(r"<script.*?</script>|<style.*?</style>|<[^>]+>", " ", page, flags=re.S)
    engine_words = re.compile(
        r"\b(pension|basic_resident|retirement|ineligible|eligible|manual_review|rejected_rows|"
        r"income_above_line|vehicle_over_price|deposits|securities|vehicles|fund|car|current|time|wage)\b"
    )
    for shown in (visible, text):
        assert not engine_words.findall(shown), [
            shown[max(0, m.start() - 80) : m.end() + 40] for m in engine_words.finditer(shown)
        ]
        assert "城乡居民基础养老金（不计入收入）" in shown.replace("\n", "")
        assert "拒收原因" in shown and "基金" in shown and "汽车" in shown
        assert "余额不得为负数" in shown.replace("\n", "")
    assert 'href="/assistance/cases/1/"' in page and "救助申请 SQ-0001" in page
    assert f'href="/registry/households/{household.pk}/"' in page
    assert "救助申请 SQ-0001" in text
