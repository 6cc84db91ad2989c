"""The verification benchmark's yardsticks: the same rules as a straightforward pandas program (money as
integer 分) and as one hand-written DuckDB query. Independent of the engine on purpose; their conclusions must
equal the engine's for every household."""

from __future__ import annotations

import datetime as dt
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from verification_world import _DATASETS_SQL, benchmark_parameters

from minzheng.batch import parameters_table


def _resolve_parameters(
    keys: list[tuple[str, dt.date, str]],
) -> dict[tuple[str, dt.date, str], dict[str, Decimal]]:
    """Most specific prefix valid on the date, per (division, date, program) — few keys, a plain loop."""
    params = benchmark_parameters()
    resolved = {}
    for division, date, program in keys:
        best: dict[str, tuple[int, dt.date, Decimal]] = {}
        for p in params:
            name = p.name
            if name.startswith("income_line_multiplier."):
                if name != f"income_line_multiplier.{program}":
                    continue
                name = "income_line_multiplier"
            if not division.startswith(p.division_prefix) or p.valid_from > date:
                continue
            if p.valid_to is not None and date > p.valid_to:
                continue
            rank = (len(p.division_prefix), p.valid_from, p.value)
            if name not in best or rank > best[name]:
                best[name] = rank
        resolved[(division, date, program)] = {name: rank[2] for name, rank in best.items()}
    return resolved


def _cents(table: pa.Table, column: str, factor: int = 100) -> Any:
    """Exact DECIMAL → integer units (分 for money, 1/10000 for shares), never through float."""
    import pyarrow.compute as pc

    scaled = pc.multiply(table[column], pa.scalar(Decimal(factor), pa.decimal128(6, 0)))
    return pc.cast(scaled, pa.int64()).to_numpy()


def run_pandas(directory: Path, out: Path) -> None:
    """The same rules written the obvious way in pandas (merges and groupbys; money as integer 分)."""
    import numpy as np
    import pandas as pd

    from minzheng.batch.parameters import REQUIRED

    def read(name: str, columns: list[str], money: tuple[str, ...] = ()) -> pd.DataFrame:
        table = pq.read_table(directory / f"{name}.parquet", columns=columns)
        frame = table.drop_columns(list(money)).to_pandas()
        for column in money:
            frame[column] = _cents(table, column)
        return frame

    def half_up(n: Any, d: Any) -> Any:
        return np.where(n >= 0, (2 * n + d) // (2 * d), -((-2 * n + d) // (2 * d)))

    req = pq.read_table(directory / "requests.parquet").to_pandas()
    hh = (
        req.groupby("request_id")
        .agg(
            division_code=("division_code", "first"),
            request_date=("request_date", "first"),
            program=("program", "first"),
            n=("id_number", "nunique"),
        )
        .reset_index()
    )
    keys = list(
        hh[["division_code", "request_date", "program"]].drop_duplicates().itertuples(index=False, name=None)
    )
    resolved = _resolve_parameters(keys)
    rows = []
    for key, values in resolved.items():
        std = values.get("dibao_standard")
        line = asset = None
        if std is not None and "income_line_multiplier" in values:
            line = int(
                (std * values["income_line_multiplier"]).quantize(Decimal("0.01"), ROUND_HALF_UP) * 100
            )
        if std is not None:
            asset = int((std * values["asset_months"]).quantize(Decimal("0.01"), ROUND_HALF_UP) * 100)
        missing = any(values.get(name) is None for name in REQUIRED)
        exempt = {
            c
            for c in ("wage", "labour", "business", "rent", "interest", "other", "pension", "unemployment")
            if values.get(f"income_exempt.{c}") == 1
        }
        rows.append(
            {
                "division_code": key[0],
                "request_date": key[1],
                "program": key[2],
                "line": line,
                "asset_limit": asset,
                "param_missing": missing,
                "window": int(values.get("income_window_months", 12)),
                "exempt": exempt,
                "vehicle_limit": int(values["vehicle_price_limit"] * 100),
                "share_limit": int(values["residential_share_limit"] * 10000),
                "commercial_max": int(values["commercial_property_max_count"]),
                "business_limit": int(values["business_capital_limit"] * 100),
                "vehicle_exempt": {
                    t
                    for t in ("car", "truck", "motorcycle", "tricycle", "other")
                    if values.get(f"vehicle_exempt.{t}") == 1
                },
            }
        )
    settings = pd.DataFrame(rows).astype({"line": "Int64", "asset_limit": "Int64"})
    hh = hh.merge(settings, on=["division_code", "request_date", "program"])
    hh["ri"] = hh["request_date"].map(lambda d: d.year * 12 + d.month - 1)
    members = (
        req[["request_id", "id_number"]]
        .drop_duplicates()
        .merge(hh[["request_id", "request_date", "ri", "window"]], on="request_id")
    )

    income_parts = []
    for name, month, category, amount in [
        ("tax_income", "month", "category", "amount"),
        ("pension", "month", None, "amount"),
        ("unemployment", "benefit_month", None, "benefit_amount"),
    ]:
        frame = read(name, ["id_number", month] + ([category] if category else []) + [amount], (amount,))
        frame = frame.merge(members, on="id_number")
        mi = frame[month].str.slice(0, 4).astype(int) * 12 + frame[month].str.slice(5, 7).astype(int) - 1
        frame = frame[(mi >= frame["ri"] - frame["window"]) & (mi < frame["ri"])]
        frame = frame.assign(source=frame[category] if category else name).rename(columns={amount: "cents"})
        income_parts.append(frame[["request_id", "source", "cents"]])
    income = pd.concat(income_parts).merge(hh[["request_id", "exempt"]], on="request_id")
    income = income[[s not in e for s, e in zip(income["source"], income["exempt"], strict=True)]]
    hh = hh.merge(income.groupby("request_id")["cents"].sum().rename("income"), on="request_id", how="left")
    hh["income"] = hh["income"].fillna(0).astype("int64")
    hh["pc_income"] = half_up(hh["income"].to_numpy(), (hh["window"] * hh["n"]).to_numpy())

    asset_parts = []
    for name, amount, part in [
        ("deposits", "balance", ["id_number", "bank"]),
        ("securities", "market_value", ["id_number"]),
        ("insurance_policies", "cash_value", ["id_number"]),
        ("housing_fund", "balance", ["id_number"]),
    ]:
        frame = read(name, list(dict.fromkeys([*part, amount, "as_of"])), (amount,)).merge(
            members[["request_id", "id_number", "request_date"]], on="id_number"
        )
        frame = frame[frame["as_of"] <= frame["request_date"]]
        latest = frame.groupby(["request_id", *part])["as_of"].transform("max")
        asset_parts.append(
            frame[frame["as_of"] == latest][["request_id", amount]].rename(columns={amount: "cents"})
        )
    assets = pd.concat(asset_parts).groupby("request_id")["cents"].sum().rename("assets")
    hh = hh.merge(assets, on="request_id", how="left")
    hh["assets"] = hh["assets"].fillna(0).astype("int64")
    hh["pc_assets"] = half_up(hh["assets"].to_numpy(), hh["n"].to_numpy())

    limits = hh[
        [
            "request_id",
            "request_date",
            "vehicle_limit",
            "vehicle_exempt",
            "share_limit",
            "commercial_max",
            "business_limit",
        ]
    ]
    member_limits = req[["request_id", "id_number"]].drop_duplicates().merge(limits, on="request_id")
    v = read(
        "vehicles",
        ["id_number", "vehicle_type", "registered_date", "purchase_price", "for_disability"],
        ("purchase_price",),
    )
    v = v.merge(member_limits, on="id_number")
    v = v[
        (v["registered_date"] <= v["request_date"])
        & ~v["for_disability"]
        & (v["purchase_price"] > v["vehicle_limit"])
    ]
    v = v[[t not in e for t, e in zip(v["vehicle_type"], v["vehicle_exempt"], strict=True)]]
    re_ = read("real_estate", ["id_number", "property_id", "usage", "share", "registered_date"])
    re_["share"] = _cents(pq.read_table(directory / "real_estate.parquet", columns=["share"]), "share", 10000)
    re_ = re_.merge(member_limits, on="id_number")
    re_ = re_[re_["registered_date"] <= re_["request_date"]]
    res = (
        re_[re_["usage"] == "residential"]
        .groupby("request_id")
        .agg(s=("share", "sum"), lim=("share_limit", "first"))
    )
    com = (
        re_[re_["usage"] == "commercial"]
        .groupby("request_id")
        .agg(c=("property_id", "nunique"), lim=("commercial_max", "first"))
    )
    b = read(
        "business", ["id_number", "role", "registered_capital", "status"], ("registered_capital",)
    ).merge(member_limits, on="id_number")
    b = b[
        (b["status"] == "active")
        & b["role"].isin(["legal_rep", "owner"])
        & (b["registered_capital"] > b["business_limit"])
    ]
    disqualified = (
        set(v["request_id"])
        | set(res[res["s"] > res["lim"]].index)
        | set(com[com["c"] > com["lim"]].index)
        | set(b["request_id"])
    )

    hukou = read("hukou", ["id_number", "status"])
    m = req[["request_id", "id_number"]].merge(hukou, on="id_number", how="left")
    deaths = set(read("deaths", ["id_number"])["id_number"])
    review = set(m[m["status"].isna() | m["status"].isin(["deceased", "moved_out"])]["request_id"])
    review |= set(req[req["id_number"].isin(deaths)]["request_id"]) | set(
        hh[hh["param_missing"]]["request_id"]
    )

    above = (hh["pc_income"] > hh["line"]).fillna(False) | (hh["pc_assets"] > hh["asset_limit"]).fillna(False)
    hh["conclusion"] = np.where(
        hh["request_id"].isin(review),
        "manual_review",
        np.where(above | hh["request_id"].isin(disqualified), "ineligible", "eligible"),
    )
    pq.write_table(pa.Table.from_pandas(hh[["request_id", "conclusion"]], preserve_index=False), out)


_HAND_SQL = """
WITH hh AS (SELECT request_id, any_value(division_code) AS division_code, any_value(request_date) AS request_date,
                   any_value(program) AS program, COUNT(DISTINCT id_number) AS n FROM requests GROUP BY ALL),
keys AS (SELECT DISTINCT division_code, request_date, program FROM hh),
cand AS (SELECT division_code, request_date, program, name, value FROM (
           SELECT k.*, CASE WHEN p.name LIKE 'income\\_line\\_multiplier.%' ESCAPE '\\' THEN 'mult' ELSE p.name END AS name,
                  p.value, p.division_prefix, p.valid_from
           FROM keys k JOIN params p ON starts_with(k.division_code, p.division_prefix) AND p.valid_from <= k.request_date
            AND (p.valid_to IS NULL OR k.request_date <= p.valid_to)
           WHERE p.name NOT LIKE 'income\\_line\\_multiplier.%' ESCAPE '\\' OR p.name = 'income_line_multiplier.' || k.program)
         QUALIFY row_number() OVER (PARTITION BY division_code, request_date, program, name
                                    ORDER BY length(division_prefix) DESC, valid_from DESC, value DESC) = 1),
par AS (PIVOT cand ON name IN ('dibao_standard', 'mult', 'income_window_months', 'asset_months', 'vehicle_price_limit',
          'residential_share_limit', 'commercial_property_max_count', 'business_capital_limit', 'dataset_max_age_days',
          'income_exempt.interest', 'vehicle_exempt.motorcycle', 'vehicle_exempt.tricycle') USING any_value(value)
        GROUP BY division_code, request_date, program),
s AS (SELECT hh.*, par.*, CAST(par.income_window_months AS INT) AS w, year(hh.request_date) * 12 + month(hh.request_date) - 1 AS ri
      FROM hh JOIN par USING (division_code, request_date, program)),
m AS (SELECT DISTINCT r.request_id, r.id_number, s.request_date, s.ri, s.w FROM requests r JOIN s USING (request_id)),
inc AS (SELECT m.request_id, SUM(x.amount) AS total FROM m JOIN (
          SELECT id_number, month, category, amount FROM tax_income UNION ALL
          SELECT id_number, month, 'pension', amount FROM pension UNION ALL
          SELECT id_number, benefit_month, 'unemployment', benefit_amount FROM unemployment) x USING (id_number)
        JOIN s USING (request_id)
        WHERE (left(x.month, 4)::INT * 12 + right(x.month, 2)::INT - 1) BETWEEN m.ri - m.w AND m.ri - 1
          AND NOT (x.category = 'interest' AND coalesce(s."income_exempt.interest", 0) = 1)
        GROUP BY ALL),
ast AS (SELECT request_id, SUM(amount) AS total FROM (
          SELECT m.request_id, d.balance AS amount FROM m JOIN deposits d USING (id_number) WHERE d.as_of <= m.request_date
            QUALIFY d.as_of = max(d.as_of) OVER (PARTITION BY m.request_id, d.id_number, d.bank) UNION ALL
          SELECT m.request_id, d.market_value FROM m JOIN securities d USING (id_number) WHERE d.as_of <= m.request_date
            QUALIFY d.as_of = max(d.as_of) OVER (PARTITION BY m.request_id, d.id_number) UNION ALL
          SELECT m.request_id, d.cash_value FROM m JOIN insurance_policies d USING (id_number) WHERE d.as_of <= m.request_date
            QUALIFY d.as_of = max(d.as_of) OVER (PARTITION BY m.request_id, d.id_number) UNION ALL
          SELECT m.request_id, d.balance FROM m JOIN housing_fund d USING (id_number) WHERE d.as_of <= m.request_date
            QUALIFY d.as_of = max(d.as_of) OVER (PARTITION BY m.request_id, d.id_number)) GROUP BY ALL),
dq AS (SELECT m.request_id FROM m JOIN s USING (request_id) JOIN vehicles v USING (id_number)
         WHERE v.registered_date <= m.request_date AND NOT v.for_disability AND v.purchase_price > s.vehicle_price_limit
           AND NOT (v.vehicle_type = 'motorcycle' AND coalesce(s."vehicle_exempt.motorcycle", 0) = 1)
           AND NOT (v.vehicle_type = 'tricycle' AND coalesce(s."vehicle_exempt.tricycle", 0) = 1)
       UNION SELECT m.request_id FROM m JOIN s USING (request_id) JOIN real_estate r USING (id_number)
         WHERE r.registered_date <= m.request_date GROUP BY m.request_id, s.residential_share_limit, s.commercial_property_max_count
         HAVING coalesce(SUM(r.share) FILTER (usage = 'residential'), 0) > s.residential_share_limit
             OR COUNT(DISTINCT r.property_id) FILTER (usage = 'commercial') > s.commercial_property_max_count
       UNION SELECT m.request_id FROM m JOIN s USING (request_id) JOIN business b USING (id_number)
         WHERE b.status = 'active' AND b.role IN ('legal_rep', 'owner') AND b.registered_capital > s.business_capital_limit),
rv AS (SELECT m.request_id FROM m LEFT JOIN hukou h USING (id_number) WHERE h.id_number IS NULL OR h.status <> 'normal'
       UNION SELECT m.request_id FROM m JOIN deaths USING (id_number)
       UNION SELECT request_id FROM s WHERE dibao_standard IS NULL OR mult IS NULL)
SELECT s.request_id, CASE
  WHEN s.request_id IN (SELECT request_id FROM rv) THEN 'manual_review'
  WHEN s.request_id IN (SELECT request_id FROM dq) THEN 'ineligible'
  WHEN (CASE WHEN coalesce(inc.total, 0) >= 0 THEN (2 * CAST(coalesce(inc.total, 0) * 100 AS BIGINT) + s.w * s.n) // (2 * s.w * s.n)
             ELSE -((-2 * CAST(inc.total * 100 AS BIGINT) + s.w * s.n) // (2 * s.w * s.n)) END)
         > CAST(round(s.dibao_standard * s.mult, 2) * 100 AS BIGINT) THEN 'ineligible'
  WHEN (2 * CAST(coalesce(ast.total, 0) * 100 AS BIGINT) + s.n) // (2 * s.n)
         > CAST(round(s.dibao_standard * s.asset_months, 2) * 100 AS BIGINT) THEN 'ineligible'
  ELSE 'eligible' END AS conclusion
FROM s LEFT JOIN inc USING (request_id) LEFT JOIN ast USING (request_id)
"""


def run_hand_sql(directory: Path, out: Path) -> None:
    """The same conclusions as one hand-written DuckDB query (no evidence, no per-member report), written for
    the parameter names this benchmark uses and for data known to be delivered and fresh."""
    con = duckdb.connect(config={"threads": 2, "temp_directory": str(directory / "spill")})
    con.execute("SET enable_progress_bar = false")
    for name in [*_DATASETS_SQL, "requests"]:
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM '{directory / name}.parquet'")
    con.register("params", parameters_table(benchmark_parameters()))
    con.execute(f"COPY ({_HAND_SQL}) TO '{out}' (FORMAT parquet)")
