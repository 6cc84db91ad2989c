"""部门数据库表交付 in the platform: an administrator takes a dataset from a table of a configured department
database (a separate SQLite file, or a schema of the PostgreSQL server when the suite runs on PostgreSQL),
by connection name — the URL stays in the configuration — with the same checks, report and audit as files."""

import datetime as dt
import io
import uuid

import pytest
import sqlalchemy as sa
from django.core.management import call_command
from django.db import connection as django_connection
from python_calamine import CalamineWorkbook

from minzheng.core.errors import PermissionDenied
from minzheng.core.models import AuditEvent
from minzheng.core.services.accounts import issue_api_token
from minzheng.verification.errors import VerificationError
from minzheng.verification.services import intake
from minzheng.verification.services.store import exchange_store
from tests.core.factories import PASSWORD
from tests.verification.world import AS_OF

PENSION_DDL = "CREATE TABLE {table} (id_number VARCHAR(18), month VARCHAR(7), amount NUMERIC(18,2))"


class DepartmentDatabase:
    """A department's database with a pension table, on the engine the suite runs on."""

    def __init__(self, url: str, schema: str | None):
        self.url, self.schema = url, schema
        self.table = f"{schema}.pension" if schema else "pension"

    def fill(self, rows: list[tuple]) -> None:
        engine = sa.create_engine(self.url)
        with engine.begin() as conn:
            conn.execute(sa.text(f"DROP TABLE IF EXISTS {self.table}"))
            conn.execute(sa.text(PENSION_DDL.format(table=self.table)))
            for row in rows:
                conn.execute(
                    sa.text(f"INSERT INTO {self.table} VALUES (:id_number, :month, :amount)"),
                    dict(zip(("id_number", "month", "amount"), row, strict=True)),
                )
        engine.dispose()


@pytest.fixture
def department(db, settings, tmp_path):
    if django_connection.vendor == "postgresql":
        # a schema of the test database, filled and read through connections of their own (committed)
        params = django_connection.get_connection_params()
        url = sa.URL.create(
            "postgresql+psycopg",
            username=params.get("user"),
            password=params.get("password"),
            host=params.get("host"),
            port=params.get("port"),
            database=params.get("dbname"),
        )
        schema = f"exchange_{uuid.uuid4().hex[:8]}"
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
        database = DepartmentDatabase(url.render_as_string(hide_password=False), schema)
    else:
        database = DepartmentDatabase(f"sqlite:///{tmp_path / 'pension-bureau.sqlite3'}", None)
    settings.EXCHANGE_DATABASES = {"pension_bureau": database.url}
    yield database
    if database.schema:
        with engine.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA {database.schema} CASCADE"))
        engine.dispose()


def receive(admin, department, **kwargs):
    return intake.receive_table(
        admin,
        connection=kwargs.get("connection", "pension_bureau"),
        table=kwargs.get("table", department.table),
        dataset="pension",
        as_of=kwargs.get("as_of", AS_OF),
    )


def test_a_table_delivery_is_checked_stored_audited_and_a_no_op_when_repeated(admin, members, department):
    department.fill(
        [(members[0], "2026-05", "1500.00"), (members[1], "2026-13", "9.00"), ("123", "2026-05", "1")]
    )
    receipt = receive(admin, department)
    assert (receipt.rows_accepted, receipt.rows_rejected) == (1, 2)
    assert receipt.original_name == f"pension_bureau:{department.table}"
    assert exchange_store().snapshot(cutoff=AS_OF).as_of["pension"] == AS_OF
    event = AuditEvent.objects.get(object_type="exchange_delivery", object_id=receipt.delivery_id)
    assert "pension_bureau" in event.summary and department.url not in event.summary
    assert receive(admin, department).duplicate
    assert len(exchange_store().receipts("pension")) == 1


def test_a_wrong_table_is_refused_and_the_earlier_delivery_stays(admin, members, department):
    department.fill([(members[0], "2026-05", "1500.00")])
    good = receive(admin, department)
    with pytest.raises(VerificationError, match="不存在"):
        receive(admin, department, table="no_such_table")
    with pytest.raises(VerificationError, match="未配置的数据库连接"):
        receive(admin, department, connection="tax")
    department.fill([])
    with pytest.raises(VerificationError, match="没有数据行"):
        receive(admin, department, as_of=dt.date(2026, 7, 10))
    assert [r.delivery_id for r in exchange_store().receipts()] == [good.delivery_id]


def test_only_administrators_take_in_department_tables(county_caseworker, department):
    department.fill([])
    with pytest.raises(PermissionDenied):
        receive(county_caseworker, department)


def test_the_page_offers_connection_names_never_urls_and_the_rejected_rows(
    client, admin, members, department
):
    department.fill([(members[0], "2026-05", "1500.00"), (members[1], "2026-5", "9.00")])
    client.post("/login/", {"username": admin.username, "password": PASSWORD})
    page = client.get("/verification/deliveries/").content.decode()
    assert "pension_bureau" in page and department.url not in page
    client.post(
        "/verification/deliveries/table/",
        {
            "connection": "pension_bureau",
            "table": department.table,
            "dataset": "pension",
            "as_of": "2026-07-01",
        },
    )
    receipt = exchange_store().receipts("pension")[0]
    assert receipt.rows_rejected == 1
    report = client.get(f"/verification/deliveries/{receipt.delivery_id}/rejected.xlsx")
    rows = CalamineWorkbook.from_filelike(io.BytesIO(report.content)).get_sheet_by_index(0).to_python()
    assert any("月份格式错误" in str(cell) for row in rows for cell in row)
    assert client.get("/verification/deliveries/0123456789abcdef01234567/rejected.xlsx").status_code == 404


def test_the_command_takes_a_table_in_for_scheduled_intake(admin, members, department):
    department.fill([(members[0], "2026-05", "1500.00")])
    out = io.StringIO()
    call_command(
        "receive_exchange_table",
        *("--connection", "pension_bureau", "--table", department.table, "--dataset", "pension"),
        *("--as-of", "2026-07-01", "--user", admin.username),
        stdout=out,
    )
    assert "1行有效" in out.getvalue()


def test_the_api_takes_a_table_in_by_connection_name(client, admin, county_caseworker, members, department):
    department.fill([(members[0], "2026-05", "1500.00"), (members[1], "2026-5", "9.00")])
    headers = {"Authorization": f"Bearer {issue_api_token(admin)}"}
    assert client.get("/api/verification/connections", headers=headers).json() == ["pension_bureau"]
    body = {"connection": "pension_bureau", "table": department.table, "dataset": "pension"}
    first = client.post(
        "/api/verification/deliveries/table",
        {**body, "as_of": "2026-07-01"},
        content_type="application/json",
        headers=headers,
    )
    assert first.status_code == 201, first.content
    assert (first.json()["rows_accepted"], first.json()["rows_rejected"]) == (1, 1)
    assert department.url not in first.content.decode()
    again = client.post(
        "/api/verification/deliveries/table",
        {**body, "as_of": "2026-07-01"},
        content_type="application/json",
        headers=headers,
    )
    assert again.status_code == 200 and again.json()["duplicate"]
    missing = client.post(
        "/api/verification/deliveries/table",
        {**body, "table": "no_such_table", "as_of": "2026-07-02"},
        content_type="application/json",
        headers=headers,
    )
    assert missing.status_code == 400 and "不存在" in missing.json()["detail"]
    caseworker = {"Authorization": f"Bearer {issue_api_token(county_caseworker)}"}
    assert client.get("/api/verification/connections", headers=caseworker).status_code == 403
    refused = client.post(
        "/api/verification/deliveries/table",
        {**body, "as_of": "2026-07-03"},
        content_type="application/json",
        headers=caseworker,
    )
    assert refused.status_code == 403
    assert len(exchange_store().receipts("pension")) == 1
