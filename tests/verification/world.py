"""A small department-data world for the verification app's tests: every required dataset delivered as CSV
through the real intake, the household's head earning a given wage."""

import csv
import datetime as dt
import io

from minzheng.batch.verification import REQUIRED_FOR_VERIFICATION
from minzheng.core.identity import make_resident_id
from minzheng.verification.services import intake

REQUEST_DATE = dt.date(2026, 7, 15)
AS_OF = dt.date(2026, 7, 1)
STRANGER = make_resident_id("210602", dt.date(1966, 6, 6), 99)  # keeps otherwise-empty datasets non-empty


def csv_bytes(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def deliver_world(admin, members: list[str], *, monthly_wage: str = "500.00") -> None:
    """Every required dataset, with the head earning ``monthly_wage`` for the 12 months before the request."""
    people = [*members, STRANGER]
    rows = {
        "hukou": [
            {
                "id_number": i,
                "name": "某",
                "sex": 1,
                "birth_date": f"{i[6:10]}-{i[10:12]}-{i[12:14]}",
                "hukou_code": "210602002001",
                "status": "normal",
                "status_date": "",
            }
            for i in people
        ],
        "tax_income": [
            {
                "id_number": members[0],
                "month": f"{2025 + (m >= 6):04d}-{(m + 6) % 12 + 1:02d}",
                "category": "wage",
                "amount": monthly_wage,
            }
            for m in range(12)
        ],
        "pension": [{"id_number": STRANGER, "month": "2026-01", "amount": "1000.00"}],
        "unemployment": [
            {
                "id_number": STRANGER,
                "registered_date": "2026-01-01",
                "benefit_month": "2026-01",
                "benefit_amount": "800.00",
            }
        ],
        "housing_fund": [
            {"id_number": STRANGER, "as_of": "2026-06-30", "balance": "100.00", "monthly_deposit": "10.00"}
        ],
        "deposits": [
            {
                "id_number": members[0],
                "bank": "工商银行",
                "account_type": "current",
                "balance": "2000.00",
                "as_of": "2026-06-30",
            }
        ],
        "securities": [
            {"id_number": STRANGER, "kind": "fund", "market_value": "10.00", "as_of": "2026-06-30"}
        ],
        "insurance_policies": [
            {"id_number": STRANGER, "policy_type": "life", "cash_value": "10.00", "as_of": "2026-06-30"}
        ],
        "real_estate": [
            {
                "id_number": STRANGER,
                "property_id": "P1",
                "usage": "residential",
                "area_m2": "60",
                "share": "1",
                "registered_date": "2010-01-01",
            }
        ],
        "vehicles": [
            {
                "id_number": STRANGER,
                "plate": "辽F12345",
                "vehicle_type": "car",
                "registered_date": "2020-01-01",
                "purchase_price": "90000.00",
                "for_disability": "false",
            }
        ],
        "business": [
            {
                "id_number": STRANGER,
                "uscc": "91210600MA0000000X",
                "role": "owner",
                "registered_capital": "10.00",
                "status": "active",
            }
        ],
        "deaths": [{"id_number": STRANGER, "death_date": "2026-01-01"}],
    }
    assert set(rows) == set(REQUIRED_FOR_VERIFICATION)
    for dataset, table in rows.items():
        intake.receive_delivery(
            admin, data=csv_bytes(table), file_name=f"{dataset}.csv", dataset=dataset, as_of=AS_OF
        )
