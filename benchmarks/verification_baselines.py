"""The verification benchmark's yardsticks: the same rules as a straightforward pandas program (money as
integer 分) and as one hand-written DuckDB query. Independent of the engine on purpose; their conclusions must
equal the engine's for every household."""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from verification_world import _DATASETS_SQL, benchmark_parameters

from minzheng.batch.verification import parameters_table
from minzheng.batch.verification.parameters import INCOME_SOURCES, PENSION_SOURCES
from minzheng.batch.verification.reasons_sql import MESSAGES


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
    """The same rules written the obvious way in pandas (merges and groupbys; money as integer 分), to the
    engine's results: first the conclusions (the seconds until they are known go to ``<out>.json``), then
    every reason with its evidence rows, the household figures and the per-member income, in the engine's
    output format (``out`` and ``<out stem>-income.parquet``), so they can be compared value by value.
    Written for the datasets and parameter names this benchmark's world has (all delivered and fresh)."""
    import numpy as np
    import pandas as pd

    from minzheng.batch.verification.parameters import REQUIRED

    started = time.perf_counter()

    def read(name: str, columns: list[str], money: tuple[str, ...] = ()) -> pd.DataFrame:
        """A dataset's rows, each distinct row once (precise readings: identical rows count once)."""
        table = pq.read_table(directory / f"{name}.parquet", columns=columns)
        frame = table.drop_columns(list(money)).to_pandas()
        for column in money:
            frame[column] = _cents(table, column)
        return frame.drop_duplicates()

    def half_up(n: Any, d: Any) -> Any:
        return np.where(n >= 0, (2 * n + d) // (2 * d), -((-2 * n + d) // (2 * d)))

    req = pq.read_table(directory / "requests.parquet").to_pandas()
    hh = (
        req.groupby("request_id")
        .agg(
            household_id=("household_id", "min"),
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
        exempt = {c for c in INCOME_SOURCES if values.get(f"income_exempt.{c}") == 1}
        rows.append(
            {
                "division_code": key[0],
                "request_date": key[1],
                "program": key[2],
                "standard": None if std is None else int(std * 100),
                "line": line,
                "asset_limit": asset,
                "missing": [name for name in REQUIRED if values.get(name) is None],
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
    settings = pd.DataFrame(rows).astype({"standard": "Int64", "line": "Int64", "asset_limit": "Int64"})
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
        ("pension", "month", "kind", "amount"),
        ("unemployment", "benefit_month", None, "benefit_amount"),
    ]:
        frame = read(name, ["id_number", month] + ([category] if category else []) + [amount], (amount,))
        frame = frame.merge(members, on="id_number")
        mi = frame[month].str.slice(0, 4).astype(int) * 12 + frame[month].str.slice(5, 7).astype(int) - 1
        frame = frame.assign(mi=mi)[(mi >= frame["ri"] - frame["window"]) & (mi < frame["ri"])]
        if name == "pension":  # the pension kind names the income source (基础养老金 is exempt by default)
            source = frame["kind"].fillna("retirement").map(PENSION_SOURCES)
        else:
            source = frame[category] if category else name
        frame = frame.assign(dataset=name, source=source)
        income_parts.append(
            frame.rename(columns={amount: "cents"})[
                ["request_id", "id_number", "dataset", "source", "mi", "cents"]
            ]
        )
    member_income = (
        pd.concat(income_parts)
        .groupby(["request_id", "id_number", "dataset", "source"])
        .agg(months=("mi", "nunique"), total=("cents", "sum"))
        .reset_index()
        .merge(hh[["request_id", "household_id", "window", "exempt"]], on="request_id")
    )
    member_income["is_exempt"] = [
        s in e for s, e in zip(member_income["source"], member_income["exempt"], strict=True)
    ]
    counted = member_income[~member_income["is_exempt"]]
    hh = hh.merge(counted.groupby("request_id")["total"].sum().rename("income"), on="request_id", how="left")
    hh["income"] = hh["income"].fillna(0).astype("int64")
    hh["pc_income"] = half_up(hh["income"].to_numpy(), (hh["window"] * hh["n"]).to_numpy())

    asset_parts = {}
    for name, amount, part, extra in [
        ("deposits", "balance", ["id_number", "bank", "account_type"], None),
        ("securities", "market_value", ["id_number", "kind"], None),
        ("insurance_policies", "cash_value", ["id_number", "policy_type"], None),
        ("housing_fund", "balance", ["id_number"], "monthly_deposit"),
    ]:
        money = (amount, extra) if extra else (amount,)
        frame = read(name, [*part, *money, "as_of"], money).merge(
            members[["request_id", "id_number", "request_date"]], on="id_number"
        )
        frame = frame[frame["as_of"] <= frame["request_date"]]
        # an account's latest statement: (id, bank, account_type), (id, kind), (id, policy_type), (id)
        statement = ["request_id", *part]
        latest = frame.groupby(statement)["as_of"].transform("max")
        frame = frame[frame["as_of"] == latest].rename(columns={amount: "cents"})
        if name == "housing_fund":  # one balance per member: the largest of the latest statement
            frame = frame.sort_values("cents", ascending=False).drop_duplicates(["request_id", "id_number"])
        asset_parts[name] = frame
    assets = pd.concat([f[["request_id", "cents"]] for f in asset_parts.values()])
    hh = hh.merge(assets.groupby("request_id")["cents"].sum().rename("assets"), on="request_id", how="left")
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
    member_limits = members[["request_id", "id_number"]].merge(limits, on="request_id")
    v = read(
        "vehicles",
        ["id_number", "plate", "vehicle_type", "registered_date", "purchase_price", "for_disability"],
        ("purchase_price",),
    )
    v = v.merge(member_limits, on="id_number")
    # a vehicle once per plate in a household: its latest registration by the request date
    v = v[v["registered_date"] <= v["request_date"]]
    v = v.sort_values(["registered_date", "purchase_price"], ascending=False).drop_duplicates(
        ["request_id", "plate"]
    )
    v = v[
        (v["registered_date"] <= v["request_date"])
        & ~v["for_disability"]
        & (v["purchase_price"] > v["vehicle_limit"])
    ]
    v = v[[t not in e for t, e in zip(v["vehicle_type"], v["vehicle_exempt"], strict=True)]]
    re_ = read(
        "real_estate", ["id_number", "property_id", "usage", "area_m2", "registered_date"], ("area_m2",)
    )
    re_["share"] = _cents(pq.read_table(directory / "real_estate.parquet", columns=["share"]), "share", 10000)
    re_ = re_.merge(member_limits, on="id_number")
    re_ = re_[re_["registered_date"] <= re_["request_date"]]
    re_ = re_.sort_values(["registered_date", "share"], ascending=False).drop_duplicates(
        ["request_id", "id_number", "property_id"]
    )
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
        "business", ["id_number", "uscc", "role", "registered_capital", "status"], ("registered_capital",)
    ).merge(member_limits, on="id_number")
    b = b[
        (b["status"] == "active")
        & b["role"].isin(["legal_rep", "owner"])
        & (b["registered_capital"] > b["business_limit"])
    ]
    over_share = set(res[res["s"] > res["lim"]].index)
    over_commercial = set(com[com["c"] > com["lim"]].index)
    disqualified = set(v["request_id"]) | over_share | over_commercial | set(b["request_id"])

    hukou = read("hukou", ["id_number", "name", "status", "status_date", "hukou_code"])
    m = members[["request_id", "id_number"]].merge(hukou, on="id_number", how="left")
    deaths = read("deaths", ["id_number", "death_date"]).merge(
        members[["request_id", "id_number"]], on="id_number"
    )
    param_missing = hh[hh["missing"].map(len) > 0]
    review = set(m[m["status"].isna() | m["status"].isin(["deceased", "moved_out"])]["request_id"])
    review |= set(deaths["request_id"]) | set(param_missing["request_id"])

    above_income = (hh["pc_income"] > hh["line"]).fillna(False)
    # compared unrounded: the household's total against the per-capita limit × members
    above_assets = (hh["assets"] > hh["asset_limit"] * hh["n"]).fillna(False)
    # a proven disqualifier decides; missing or conflicting data only without one (precise readings)
    hh["conclusion"] = np.where(
        above_income | above_assets | hh["request_id"].isin(disqualified),
        "ineligible",
        np.where(hh["request_id"].isin(review), "manual_review", "eligible"),
    )
    out.with_suffix(".json").write_text(json.dumps({"conclusions": time.perf_counter() - started}))

    # ---- the same results as the engine: every reason with its evidence rows, in its JSON text

    def money(units: pd.Series, scale: int = 2) -> pd.Series:
        """Integer units → decimal text as the engine prints DECIMAL(…, scale); missing stays missing."""
        a = units.abs()
        text = (a // 10**scale).astype(str) + "." + (a % 10**scale).astype(str).str.zfill(scale)
        return text.where((units >= 0).fillna(True), "-" + text).mask(units.isna())

    def day(dates: pd.Series) -> pd.Series:
        return pd.to_datetime(dates).dt.strftime("%Y-%m-%d").astype("str")

    def j(values: pd.Series | str) -> pd.Series | str:
        """A JSON string literal, null for a missing value."""
        if isinstance(values, str):
            return '"' + values + '"'
        return ('"' + values.astype("str") + '"').fillna("null")

    def free(text: pd.Series) -> pd.Series:
        return text.str.replace("\\", "\\\\", regex=False).str.replace('"', '\\"', regex=False)

    def json_object(pairs: list[tuple[str, Any]]) -> Any:
        text: Any = ""
        for i, (key, value) in enumerate(pairs):
            text = text + ("{" if i == 0 else ",") + f'"{key}":' + value
        return text + "}"

    def lines(
        frame: pd.DataFrame, kind: str, code: str, dataset: Any, key: list, values: list
    ) -> pd.DataFrame:
        evidence = (
            '{"dataset":'
            + j(dataset)
            + ',"key":'
            + json_object(key)
            + ',"values":'
            + json_object(values)
            + "}"
        )
        return pd.DataFrame(
            {"request_id": frame["request_id"], "kind": kind, "code": code, "evidence": evidence}
        )

    reason_parts = []
    over = hh[above_income]
    reason_parts.append(
        lines(
            over,
            "ineligible",
            "income_above_line",
            "computed",
            [("request_id", j(over["request_id"]))],
            [
                ("per_capita_monthly_income", j(money(over["pc_income"]))),
                ("income_line", j(money(over["line"]))),
                ("member_count", j(over["n"].astype(str))),
                ("income_window_months", j(over["window"].astype(str))),
                ("total_income_in_window", j(money(over["income"]))),
            ],
        )
    )
    cited = counted[counted["request_id"].isin(over["request_id"])]
    reason_parts.append(
        lines(
            cited,
            "ineligible",
            "income_above_line",
            cited["dataset"],
            [("id_number", j(cited["id_number"])), ("source", j(cited["source"]))],
            [("months_counted", j(cited["months"].astype(str))), ("total_amount", j(money(cited["total"])))],
        )
    )
    over = hh[above_assets]
    reason_parts.append(
        lines(
            over,
            "ineligible",
            "financial_assets_above_limit",
            "computed",
            [("request_id", j(over["request_id"]))],
            [
                ("per_capita_financial_assets", j(money(over["pc_assets"]))),
                ("asset_limit", j(money(over["asset_limit"]))),
                ("member_count", j(over["n"].astype(str))),
                ("total_financial_assets", j(money(over["assets"]))),
            ],
        )
    )
    asset_keys = {
        "deposits": [("bank", True), ("account_type", False)],
        "securities": [("kind", False)],
        "insurance_policies": [("policy_type", True)],
        "housing_fund": [],
    }
    amount_names = {"deposits": "balance", "securities": "market_value", "insurance_policies": "cash_value"}
    for name, frame in asset_parts.items():
        a = frame[frame["request_id"].isin(over["request_id"])]
        key = [("id_number", j(a["id_number"]))]
        key += [(k, j(free(a[k]) if is_text else a[k])) for k, is_text in asset_keys[name]]
        key.append(("as_of", j(day(a["as_of"]))))
        values = [(amount_names.get(name, "balance"), j(money(a["cents"])))]
        if name == "housing_fund":
            values.append(("monthly_deposit", j(money(a["monthly_deposit"]))))
        reason_parts.append(lines(a, "ineligible", "financial_assets_above_limit", name, key, values))
    reason_parts.append(
        lines(
            v,
            "ineligible",
            "vehicle_over_price",
            "vehicles",
            [("id_number", j(v["id_number"])), ("plate", j(free(v["plate"])))],
            [
                ("vehicle_type", j(v["vehicle_type"])),
                ("purchase_price", j(money(v["purchase_price"]))),
                ("for_disability", j(v["for_disability"].map({True: "true", False: "false"}))),
                ("registered_date", j(day(v["registered_date"]))),
                ("limit", j(money(v["vehicle_limit"]))),
            ],
        )
    )
    for code, usage, households in [
        ("residential_share_above_limit", "residential", over_share),
        ("commercial_property", "commercial", over_commercial),
    ]:
        e = re_[(re_["usage"] == usage) & re_["request_id"].isin(households)]
        reason_parts.append(
            lines(
                e,
                "ineligible",
                code,
                "real_estate",
                [("id_number", j(e["id_number"])), ("property_id", j(free(e["property_id"])))],
                [
                    ("usage", j(e["usage"])),
                    ("share", j(money(e["share"], 4))),
                    ("area_m2", j(money(e["area_m2"]))),
                    ("registered_date", j(day(e["registered_date"]))),
                ],
            )
        )
    reason_parts.append(
        lines(
            b,
            "ineligible",
            "business_capital_above_limit",
            "business",
            [("id_number", j(b["id_number"])), ("uscc", j(free(b["uscc"])))],
            [
                ("role", j(b["role"])),
                ("registered_capital", j(money(b["registered_capital"]))),
                ("status", j(b["status"])),
                ("limit", j(money(b["business_limit"]))),
            ],
        )
    )
    for code, status in [("member_deceased", "deceased"), ("member_moved_out", "moved_out")]:
        h = m[m["status"] == status]
        reason_parts.append(
            lines(
                h,
                "manual_review",
                code,
                "hukou",
                [("id_number", j(h["id_number"]))],
                [
                    ("name", j(free(h["name"]))),
                    ("status", j(h["status"])),
                    ("status_date", j(day(h["status_date"]))),
                    ("hukou_code", j(h["hukou_code"])),
                ],
            )
        )
    absent = m[m["status"].isna()]
    reason_parts.append(
        lines(
            absent,
            "manual_review",
            "member_not_in_hukou",
            "hukou",
            [("id_number", j(absent["id_number"]))],
            [("found", '"false"')],
        )
    )
    reason_parts.append(
        lines(
            deaths,
            "manual_review",
            "member_in_death_records",
            "deaths",
            [("id_number", j(deaths["id_number"]))],
            [("death_date", j(day(deaths["death_date"])))],
        )
    )
    p = param_missing.explode("missing")
    shown = p["missing"].where(
        p["missing"] != "income_line_multiplier", "income_line_multiplier." + p["program"]
    )
    reason_parts.append(
        lines(
            p,
            "manual_review",
            "parameter_missing",
            "parameters",
            [("name", j(shown)), ("division_code", j(p["division_code"]))],
            [("request_date", j(day(p["request_date"])))],
        )
    )
    # sorted once, then joined group by group (groupby keeps the rows' order): evidence and reasons in byte
    # order, as the engine lists them
    reasons = pd.concat(reason_parts, ignore_index=True).sort_values(
        ["request_id", "kind", "code", "evidence"]
    )
    by_code = (
        reasons.groupby(["request_id", "kind", "code"], sort=False)["evidence"].agg(",".join).reset_index()
    )
    by_code["reason"] = (
        '{"code":"'
        + by_code["code"]
        + '","kind":"'
        + by_code["kind"]
        + '","message":"'
        + by_code["code"].map(MESSAGES)
        + '","evidence":['
        + by_code["evidence"]
        + "]}"
    )
    by_code = by_code.sort_values(["request_id", "reason"]).assign(
        manual=by_code["kind"] == "manual_review", ineligible=by_code["kind"] == "ineligible"
    )
    grouped = by_code.groupby("request_id", sort=False)
    per_household = grouped[["manual", "ineligible"]].any()
    per_household["reasons"] = "[" + grouped["reason"].agg(",".join) + "]"
    hh = hh.merge(per_household, left_on="request_id", right_index=True, how="left")
    hh["conclusion"] = np.where(
        hh["ineligible"].fillna(False).astype(bool),
        "ineligible",
        np.where(hh["manual"].fillna(False).astype(bool), "manual_review", "eligible"),
    )

    def decimal(units: pd.Series) -> pa.Array:
        return pa.array(money(units), pa.string()).cast(pa.decimal128(18, 2))

    hh = hh.sort_values("request_id")
    results = pa.table(
        {
            "request_id": pa.array(hh["request_id"], pa.string()),
            "household_id": pa.array(hh["household_id"], pa.string()),
            "division_code": pa.array(hh["division_code"], pa.string()),
            "request_date": pa.array(hh["request_date"], pa.date32()),
            "program": pa.array(hh["program"], pa.string()),
            "member_count": pa.array(hh["n"], pa.int64()),
            "per_capita_monthly_income": decimal(hh["pc_income"]),
            "total_financial_assets": decimal(hh["assets"]),
            "per_capita_financial_assets": decimal(hh["pc_assets"]),
            "dibao_standard": decimal(hh["standard"]),
            "income_line": decimal(hh["line"]),
            "asset_limit": decimal(hh["asset_limit"]),
            "conclusion": pa.array(hh["conclusion"], pa.string()),
            "reasons": pa.array(hh["reasons"].fillna("[]"), pa.string()),
        }
    )
    pq.write_table(results, out)
    mi = member_income.sort_values(["request_id", "id_number", "dataset", "source"])
    income = pa.table(
        {
            "request_id": pa.array(mi["request_id"], pa.string()),
            "household_id": pa.array(mi["household_id"], pa.string()),
            "id_number": pa.array(mi["id_number"], pa.string()),
            "dataset": pa.array(mi["dataset"], pa.string()),
            "source": pa.array(mi["source"], pa.string()),
            "months_counted": pa.array(mi["months"], pa.int64()),
            "total_amount": decimal(mi["total"]),
            "monthly_amount": decimal(
                pd.Series(half_up(mi["total"].to_numpy(), mi["window"].to_numpy()), index=mi.index)
            ),
            "exempt": pa.array(mi["is_exempt"], pa.bool_()),
        }
    )
    pq.write_table(income, out.with_name(out.stem + "-income.parquet"))


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
          'income_exempt.interest', 'income_exempt.basic_resident_pension', 'vehicle_exempt.motorcycle',
          'vehicle_exempt.tricycle') USING any_value(value)
        GROUP BY division_code, request_date, program),
s AS (SELECT hh.*, par.*, CAST(par.income_window_months AS INT) AS w, year(hh.request_date) * 12 + month(hh.request_date) - 1 AS ri
      FROM hh JOIN par USING (division_code, request_date, program)),
m AS (SELECT DISTINCT r.request_id, r.id_number, s.request_date, s.ri, s.w FROM requests r JOIN s USING (request_id)),
inc AS (SELECT m.request_id, SUM(x.amount) AS total FROM m JOIN (
          SELECT id_number, month, category, amount FROM tax_income UNION ALL
          SELECT id_number, month, CASE kind WHEN 'basic_resident' THEN 'basic_resident_pension'
                                         WHEN 'other' THEN 'other_pension' ELSE 'pension' END, amount FROM pension UNION ALL
          SELECT id_number, benefit_month, 'unemployment', benefit_amount FROM unemployment) x USING (id_number)
        JOIN s USING (request_id)
        WHERE (left(x.month, 4)::INT * 12 + right(x.month, 2)::INT - 1) BETWEEN m.ri - m.w AND m.ri - 1
          AND NOT (x.category = 'interest' AND coalesce(s."income_exempt.interest", 0) = 1)
          AND NOT (x.category = 'basic_resident_pension' AND coalesce(s."income_exempt.basic_resident_pension", 0) = 1)
        GROUP BY ALL),
ast AS (SELECT request_id, SUM(amount) AS total FROM (
          SELECT m.request_id, d.balance AS amount FROM m JOIN deposits d USING (id_number) WHERE d.as_of <= m.request_date
            QUALIFY d.as_of = max(d.as_of) OVER (PARTITION BY m.request_id, d.id_number, d.bank, d.account_type) UNION ALL
          SELECT m.request_id, d.market_value FROM m JOIN securities d USING (id_number) WHERE d.as_of <= m.request_date
            QUALIFY d.as_of = max(d.as_of) OVER (PARTITION BY m.request_id, d.id_number, d.kind) UNION ALL
          SELECT m.request_id, d.cash_value FROM m JOIN insurance_policies d USING (id_number) WHERE d.as_of <= m.request_date
            QUALIFY d.as_of = max(d.as_of) OVER (PARTITION BY m.request_id, d.id_number, d.policy_type) UNION ALL
          SELECT m.request_id, d.balance FROM m JOIN housing_fund d USING (id_number) WHERE d.as_of <= m.request_date
            QUALIFY row_number() OVER (PARTITION BY m.request_id, d.id_number ORDER BY d.as_of DESC, d.balance DESC) = 1
        ) GROUP BY ALL),
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
  WHEN s.request_id IN (SELECT request_id FROM dq) THEN 'ineligible'
  WHEN (CASE WHEN coalesce(inc.total, 0) >= 0 THEN (2 * CAST(coalesce(inc.total, 0) * 100 AS BIGINT) + s.w * s.n) // (2 * s.w * s.n)
             ELSE -((-2 * CAST(inc.total * 100 AS BIGINT) + s.w * s.n) // (2 * s.w * s.n)) END)
         > CAST(round(s.dibao_standard * s.mult, 2) * 100 AS BIGINT) THEN 'ineligible'
  WHEN coalesce(ast.total, 0) > round(s.dibao_standard * s.asset_months, 2) * s.n THEN 'ineligible'
  WHEN s.request_id IN (SELECT request_id FROM rv) THEN 'manual_review'
  ELSE 'eligible' END AS conclusion
FROM s LEFT JOIN inc USING (request_id) LEFT JOIN ast USING (request_id)
"""


def run_hand_sql(directory: Path, out: Path) -> None:
    """The same conclusions as one hand-written DuckDB query (no evidence, no per-member report), written for
    the parameter names this benchmark uses and for data known to be delivered and fresh."""
    con = duckdb.connect(config={"threads": 2, "temp_directory": str(directory / "spill")})
    con.execute("SET enable_progress_bar = false")
    for name in [*_DATASETS_SQL, "requests"]:
        # each distinct row once (precise readings), as the engine reads them
        distinct = "DISTINCT " if name != "requests" else ""
        con.execute(f"CREATE VIEW {name} AS SELECT {distinct}* FROM '{directory / name}.parquet'")
    con.register("params", parameters_table(benchmark_parameters()))
    con.execute(f"COPY ({_HAND_SQL}) TO '{out}' (FORMAT parquet)")
