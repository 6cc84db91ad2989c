"""The verification benchmark's synthetic world (家庭经济状况核对 at city scale), generated in DuckDB SQL.

Households of 1–6 members (~2.5 per household), skewed department data: many income months per earner, a few
persons with dozens of bank accounts, four deposit/asset statements, a bank delivery with broken rows, one
county without a 低保标准. Written as Parquet, one file per dataset; the parameters are Dandong-like.
"""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from minzheng.batch.intake import DatasetSnapshot
from minzheng.batch.verification import Parameter, default_parameters

FULL_HOUSEHOLDS = 1_000_000
DELIVERED_AS_OF = dt.date(2025, 7, 1)
COUNTIES = ["210602", "210603", "210604", "210624", "210681", "210682"]
WEIGHTS = "[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]"
STATEMENTS = ["2024-09-30", "2024-12-31", "2025-03-31", "2025-06-30"]

_WORLD_SQL = """
CREATE MACRO rnd(x, salt) AS CAST(hash(x, salt) % 1000000 AS BIGINT);  -- 0 … 999,999: scale it for wider ranges
CREATE MACRO cents(x) AS CAST(CAST(x AS DECIMAL(18,0)) * 0.01 AS DECIMAL(18,2));
CREATE TABLE hh AS
  SELECT range AS hno,
         CASE WHEN r < 250000 THEN 1 WHEN r < 550000 THEN 2 WHEN r < 800000 THEN 3
              WHEN r < 920000 THEN 4 WHEN r < 970000 THEN 5 ELSE 6 END AS size
  FROM (SELECT range, rnd(range, 1) AS r FROM range({n}));
CREATE TABLE persons AS
  SELECT hno, CAST(first + unnest(range(size)) AS BIGINT) AS p
  FROM (SELECT hno, size, CAST(SUM(size) OVER (ORDER BY hno) - size AS BIGINT) AS first FROM hh);
CREATE TABLE people AS
  SELECT hno, p, body || substr('10X98765432',
           CAST(list_sum([CAST(substr(body, i, 1) AS INTEGER) * {weights}[i] FOR i IN range(1, 18)]) AS BIGINT) % 11 + 1, 1)
           AS id_number, birth
  FROM (SELECT hno, p, {counties}[(p // 1000) % 6 + 1] || strftime(birth, '%Y%m%d') || lpad(CAST(p % 1000 AS VARCHAR), 3, '0') AS body, birth
        FROM (SELECT hno, p, DATE '1940-01-01' + CAST(((p // 6000) * 53) % 30000 AS INTEGER) AS birth FROM persons));
CREATE TABLE requests AS
  SELECT 'R' || hno AS request_id, 'H' || hno AS household_id,
         CASE WHEN rnd(hno, 5) < 30000 THEN '211381' ELSE {counties}[rnd(hno, 6) % 6 + 1] END
           || lpad(CAST(rnd(hno, 2) % 12 + 1 AS VARCHAR), 3, '0') || lpad(CAST(rnd(hno, 3) % 20 + 1 AS VARCHAR), 3, '0')
           AS division_code,
         ['2025-07-15', '2025-07-20', '2025-08-05'][rnd(hno, 4) % 3 + 1]::DATE AS request_date,
         CASE WHEN rnd(hno, 7) < 850000 THEN 'dibao' ELSE 'dibao_edge' END AS program, id_number
  FROM people JOIN (SELECT hno FROM hh) USING (hno);
CREATE TABLE months AS SELECT strftime(DATE '2023-08-01' + INTERVAL (range) MONTH, '%Y-%m') AS month, range AS m FROM range(24);
"""

_DATASETS_SQL: dict[str, str] = {
    "hukou": """SELECT id_number, '居民' || p AS name, 1 + p % 2 AS sex, birth AS birth_date,
                   '210602001001' AS hukou_code,
                   CASE WHEN rnd(p, 30) < 5000 THEN 'deceased' WHEN rnd(p, 30) < 8000 THEN 'moved_out' ELSE 'normal' END AS status,
                   CASE WHEN rnd(p, 30) < 8000 THEN DATE '2025-05-01' END AS status_date
                FROM people WHERE rnd(p, 31) >= 1000""",
    "tax_income": """SELECT id_number, month, c.category,
                   cents(CASE WHEN rnd(p, 11) < 700000 THEN 20000 + rnd(p, 12) % 90000 ELSE 100000 + rnd(p, 12) % 700000 END
                         + rnd(p * 31 + m, 13) % 10000) AS amount
                FROM people CROSS JOIN months
                JOIN (SELECT 'wage' AS category, 0 AS k UNION ALL SELECT 'labour', 1 UNION ALL SELECT 'interest', 2) AS c
                  ON (c.k = 0 AND rnd(p, 10) < 450000) OR (c.k = 1 AND rnd(p, 14) < 20000)
                  OR (c.k = 2 AND rnd(p, 15) < 50000)""",
    "pension": """SELECT id_number, month, cents(CASE WHEN rnd(p, 23) < 300000 THEN 15000 + rnd(p, 21) % 20000
                                                 ELSE 100000 + rnd(p, 21) % 200000 END) AS amount,
                   CASE WHEN rnd(p, 23) < 300000 THEN 'basic_resident' WHEN rnd(p, 23) < 320000 THEN 'other'
                        ELSE 'retirement' END AS kind
                FROM people CROSS JOIN months WHERE rnd(p, 20) < 200000""",
    "unemployment": """SELECT id_number, DATE '2024-10-01' AS registered_date, month AS benefit_month,
                   cents(150000) AS benefit_amount
                FROM people CROSS JOIN months WHERE rnd(p, 22) < 20000 AND m BETWEEN 14 AND 19""",
    "deposits": """SELECT id_number, '银行' || b AS bank, CASE WHEN b % 2 = 0 THEN 'current' ELSE 'time' END AS account_type,
                   cents(CASE WHEN rnd(p * 7 + b, 41) < 950000 THEN rnd(p * 7 + b + s, 42) % 1500000
                              ELSE 1000000 + rnd(p * 7 + b + s, 42) % 50000000 END) AS balance,
                   CAST(st AS DATE) AS as_of
                FROM (SELECT p, id_number, unnest(range(CASE WHEN rnd(p, 40) < 1000 THEN 40 ELSE 1 + rnd(p, 43) % 3 END)) AS b
                      FROM people WHERE rnd(p, 44) < 700000)
                CROSS JOIN (SELECT unnest({statements}) AS st, unnest(range(4)) AS s)""",
    "securities": """SELECT id_number, 'fund' AS kind, cents(rnd(p + s, 51) % 3000000) AS market_value, CAST(st AS DATE) AS as_of
                FROM people CROSS JOIN (SELECT unnest({statements}) AS st, unnest(range(4)) AS s) WHERE rnd(p, 50) < 50000""",
    "insurance_policies": """SELECT id_number, '寿险' AS policy_type, cents(rnd(p + s, 53) % 2000000) AS cash_value,
                   CAST(st AS DATE) AS as_of
                FROM people CROSS JOIN (SELECT unnest({statements}[3:4]) AS st, unnest(range(2)) AS s) WHERE rnd(p, 52) < 80000""",
    "housing_fund": """SELECT id_number, CAST(st AS DATE) AS as_of, cents(rnd(p + s, 55) % 4000000) AS balance,
                   cents(50000) AS monthly_deposit
                FROM people CROSS JOIN (SELECT unnest({statements}) AS st, unnest(range(4)) AS s) WHERE rnd(p, 54) < 300000""",
    "real_estate": """SELECT id_number, 'P' || p || '-' || k AS property_id,
                   CASE WHEN k = 2 THEN 'commercial' ELSE 'residential' END AS usage, cents(6000) AS area_m2,
                   CASE WHEN rnd(p, 61) < 300000 THEN 0.5 ELSE 1.0 END::DECIMAL(9,4) AS share, DATE '2015-01-01' AS registered_date
                FROM people CROSS JOIN range(3) AS t(k)
                WHERE (k = 0 AND rnd(p, 60) < 500000) OR (k = 1 AND rnd(p, 62) < 20000) OR (k = 2 AND rnd(p, 63) < 10000)""",
    "vehicles": """SELECT id_number, '辽F' || p AS plate,
                   CASE WHEN r < 100000 THEN 'motorcycle' WHEN r < 130000 THEN 'tricycle' ELSE 'car' END AS vehicle_type,
                   DATE '2020-01-01' AS registered_date,
                   cents(CASE WHEN r % 10 = 0 THEN 5000000 WHEN r % 10 = 1 THEN 5000001 ELSE 1000000 + rnd(p, 71) * 8 END)
                     AS purchase_price,
                   rnd(p, 72) < 20000 AS for_disability
                FROM (SELECT p, id_number, rnd(p, 73) AS r FROM people WHERE rnd(p, 70) < 200000)""",
    "business": """SELECT id_number, '91210600MA0U' || lpad(CAST(p % 1000000 AS VARCHAR), 6, '0') AS uscc,
                   ['legal_rep', 'shareholder', 'owner'][rnd(p, 81) % 3 + 1] AS role,
                   cents(CASE WHEN rnd(p, 82) % 4 = 0 THEN 10000000 ELSE rnd(p, 83) * 50 END) AS registered_capital,
                   CASE WHEN rnd(p, 84) < 800000 THEN 'active' ELSE 'closed' END AS status
                FROM people WHERE rnd(p, 80) < 30000""",
    "deaths": "SELECT id_number, DATE '2025-05-20' AS death_date FROM people WHERE rnd(p, 90) < 2000",
}


def benchmark_parameters() -> list[Parameter]:
    """Dandong-like standards: a city default, county overrides, one dated change, one township override,
    one exempt category in one county; 211381 has no standard (→ manual_review)."""
    d = Decimal
    return [
        *default_parameters(),
        Parameter("2106", "dibao_standard", d("663")),
        Parameter("210602", "dibao_standard", d("680"), valid_from=dt.date(2025, 7, 18)),
        Parameter("210604001", "dibao_standard", d("700")),
        Parameter("210681", "dibao_standard", d("620"), valid_to=dt.date(2025, 7, 31)),
        Parameter("210624", "income_exempt.interest", d("1")),
        Parameter("210603", "vehicle_price_limit", d("80000")),
    ]


def generate_world(directory: Path, households: int) -> dict[str, int]:
    """Write requests and department datasets as Parquet under ``directory``; returns rows per table."""
    directory.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(config={"threads": 2})
    con.execute("SET enable_progress_bar = false")
    fmt = {"n": households, "weights": WEIGHTS, "counties": str(COUNTIES), "statements": str(STATEMENTS)}
    con.execute(_WORLD_SQL.format(**fmt))
    counts = {"requests": _copy(con, "SELECT * FROM requests", directory / "requests.parquet")}
    for name, sql in _DATASETS_SQL.items():
        counts[name] = _copy(con, sql.format(**fmt), directory / f"{name}.parquet")
    _bad_delivery(con, directory / "deposits_delivery.csv")
    con.close()
    return counts


def _copy(con: duckdb.DuckDBPyConnection, sql: str, path: Path) -> int:
    con.execute(f"COPY ({sql}) TO '{path}' (FORMAT parquet, ROW_GROUP_SIZE 1000000)")
    return con.sql(f"SELECT COUNT(*) FROM '{path}'").fetchall()[0][0]


def _bad_delivery(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """The latest deposits statement as a bank would send it, with ~0.5% broken rows."""
    con.execute(f"""COPY (
        SELECT CASE WHEN r < 3000 THEN substr(id_number, 1, 17) || CASE WHEN right(id_number, 1) = '1' THEN '2' ELSE '1' END
                    ELSE id_number END AS id_number, bank, account_type,
               CASE WHEN r BETWEEN 3000 AND 4000 THEN '12.345' ELSE CAST(balance AS VARCHAR) END AS balance,
               CASE WHEN r BETWEEN 4000 AND 5000 THEN '2025-06-31' ELSE CAST(as_of AS VARCHAR) END AS as_of
        FROM (SELECT *, rnd(hash(id_number, bank), 99) AS r FROM '{path.parent / "deposits.parquet"}'
              WHERE as_of = DATE '2025-06-30')) TO '{path}' (HEADER, DELIMITER ',')""")


def snapshot_of(directory: Path) -> DatasetSnapshot:
    tables = {name: [directory / f"{name}.parquet"] for name in _DATASETS_SQL}
    return DatasetSnapshot(tables=tables, as_of=dict.fromkeys(tables, DELIVERED_AS_OF))
