"""The verification job as a list of SQL steps (家庭经济状况核对作业), built once, run on any backend.

Each step is a SELECT in DuckDB syntax, parsed by sqlglot into an expression; a backend renders it in its
own dialect and materialises it under the step's name. The steps only read the input tables named in
:data:`INPUT_TABLES` and earlier steps, so the whole job is a pure function of its inputs.
Rules: exchange-formats.md 'Rules the verification engine computes' (numbers from the parameters table).
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlglot
from sqlglot import exp

from . import parameters as p
from .sql_fragments import (
    Text,
    cents,
    date_month_index,
    from_cents,
    json_object,
    json_text,
    money,
    month_index,
    round_div,
    sorted_join,
)

INPUT_TABLES: tuple[str, ...] = (
    "requests",
    "parameters",
    "coverage",
    "required_datasets",
    "hukou",
    "tax_income",
    "pension",
    "unemployment",
    "housing_fund",
    "deposits",
    "securities",
    "insurance_policies",
    "real_estate",
    "vehicles",
    "business",
    "deaths",
    "asset_flags",
)
OUTPUT_TABLES: tuple[str, ...] = ("household_results", "member_income")


@dataclass(frozen=True)
class Step:
    """One named SELECT of the job. ``reused`` steps are read by several later steps, so backends store
    them (DuckDB table, Spark cache); the others stay views that the engine fuses into their one reader."""

    name: str
    query: exp.Expression
    reused: bool = True

    def sql(self, dialect: str) -> str:
        return self.query.sql(dialect=dialect, identify=True)


def _step(name: str, sql: str, *, reused: bool = True) -> Step:
    return Step(name, sqlglot.parse_one(sql, read="duckdb"), reused)


_MULTIPLIER_PREFIX = f"{p.INCOME_LINE_MULTIPLIER}."


def _households() -> str:
    return f"""
        SELECT request_id, household_id, division_code, request_date, program, member_count,
               {date_month_index("request_date")} AS request_month_index
        FROM (SELECT request_id, MIN(household_id) AS household_id, MIN(division_code) AS division_code,
                     MIN(request_date) AS request_date, MIN(program) AS program,
                     COUNT(DISTINCT id_number) AS member_count
              FROM requests GROUP BY request_id) AS r
    """


def _parameter_candidates() -> str:
    # Parameters are resolved per distinct (division, date, program), not per household: far fewer rows
    # for the prefix join, which has no equality key.
    name = (
        f"CASE WHEN SUBSTRING(p.name, 1, {len(_MULTIPLIER_PREFIX)}) = '{_MULTIPLIER_PREFIX}' "
        f"THEN '{p.INCOME_LINE_MULTIPLIER}' ELSE p.name END"
    )
    return f"""
        SELECT division_code, request_date, program, name, value FROM (
          SELECT k.division_code, k.request_date, k.program, {name} AS name, p.value,
                 ROW_NUMBER() OVER (PARTITION BY k.division_code, k.request_date, k.program, {name}
                                    ORDER BY LENGTH(p.division_prefix) DESC, p.valid_from DESC, p.value DESC) AS rn
          FROM (SELECT DISTINCT division_code, request_date, program FROM households) AS k
          JOIN parameters AS p
            ON SUBSTRING(k.division_code, 1, LENGTH(p.division_prefix)) = p.division_prefix
           AND p.valid_from <= k.request_date AND (p.valid_to IS NULL OR k.request_date <= p.valid_to)
          WHERE SUBSTRING(p.name, 1, {len(_MULTIPLIER_PREFIX)}) <> '{_MULTIPLIER_PREFIX}'
             OR p.name = '{_MULTIPLIER_PREFIX}' || k.program
        ) AS c WHERE rn = 1
    """


def _flag_columns() -> list[tuple[str, str]]:
    flags = [(f"income_exempt_{s}", f"{p.INCOME_EXEMPT}.{s}") for s in p.INCOME_SOURCES]
    flags += [(f"vehicle_exempt_{t}", f"{p.VEHICLE_EXEMPT}.{t}") for t in p.VEHICLE_TYPES]
    flags.append(("asset_flag_disqualifies", p.ASSET_FLAG_DISQUALIFIES))
    return flags


def _resolved_parameters() -> str:
    values = [f"MAX(CASE WHEN c.name = '{n}' THEN c.value END) AS {n}" for n in p.REQUIRED]
    flags = [
        f"COALESCE(MAX(CASE WHEN c.name = '{n}' THEN c.value END), 0) = 1 AS {col}"
        for col, n in _flag_columns()
    ]
    return f"""
        SELECT k.division_code, k.request_date, k.program, {", ".join(values + flags)}
        FROM (SELECT DISTINCT division_code, request_date, program FROM households) AS k
        LEFT JOIN parameter_candidates AS c
          ON c.division_code = k.division_code AND c.request_date = k.request_date AND c.program = k.program
        GROUP BY k.division_code, k.request_date, k.program
    """


def _settings() -> str:
    flags = ", ".join(f"r.{col}" for col, _ in _flag_columns())
    required = ", ".join(f"r.{n}" for n in p.REQUIRED)
    return f"""
        SELECT h.*, {required}, {flags},
               CAST(r.{p.INCOME_WINDOW_MONTHS} AS INT) AS window_months,
               {money(f"ROUND(r.{p.DIBAO_STANDARD} * r.{p.INCOME_LINE_MULTIPLIER}, 2)")} AS income_line,
               {money(f"ROUND(r.{p.DIBAO_STANDARD} * r.{p.ASSET_MONTHS}, 2)")} AS asset_limit
        FROM households AS h JOIN resolved_parameters AS r
          ON r.division_code = h.division_code AND r.request_date = h.request_date AND r.program = h.program
    """


def _members() -> str:
    return """
        SELECT DISTINCT r.request_id, r.id_number, h.request_date
        FROM requests AS r JOIN households AS h ON h.request_id = r.request_id
    """


def _income_rows() -> str:
    def window(month: str) -> str:
        idx = month_index(month)
        return f"{idx} >= s.request_month_index - s.window_months AND {idx} < s.request_month_index"

    exempt_tax = (
        "CASE t.category "
        + " ".join(f"WHEN '{c}' THEN s.income_exempt_{c}" for c in p.INCOME_SOURCES[:6])
        + " END"
    )
    return f"""
        SELECT m.request_id, s.household_id, s.window_months, m.id_number, 'tax_income' AS dataset,
               t.category AS source, t.month AS month, t.amount AS amount, {exempt_tax} AS exempt
        FROM members AS m JOIN settings AS s ON s.request_id = m.request_id
        JOIN tax_income AS t ON t.id_number = m.id_number
        WHERE {window("t.month")}
        UNION ALL
        SELECT m.request_id, s.household_id, s.window_months, m.id_number, 'pension', 'pension', t.month, t.amount,
               s.income_exempt_pension
        FROM members AS m JOIN settings AS s ON s.request_id = m.request_id
        JOIN pension AS t ON t.id_number = m.id_number
        WHERE {window("t.month")}
        UNION ALL
        SELECT m.request_id, s.household_id, s.window_months, m.id_number, 'unemployment', 'unemployment',
               t.benefit_month, t.benefit_amount, s.income_exempt_unemployment
        FROM members AS m JOIN settings AS s ON s.request_id = m.request_id
        JOIN unemployment AS t ON t.id_number = m.id_number
        WHERE {window("t.benefit_month")}
    """


def _member_income() -> str:
    # per month first, then per source: a two-level GROUP BY is much cheaper than COUNT(DISTINCT month)
    keys = "request_id, household_id, id_number, dataset, source, exempt"
    return f"""
        SELECT request_id, household_id, id_number, dataset, source,
               COUNT(*) AS months_counted,
               {money("SUM(amount)")} AS total_amount,
               {from_cents(round_div(cents("SUM(amount)"), "MIN(window_months)"))} AS monthly_amount,
               exempt
        FROM (SELECT {keys}, window_months, month, SUM(amount) AS amount FROM income_rows
              GROUP BY {keys}, window_months, month) AS per_month
        GROUP BY {keys}
    """


def _latest_assets(dataset: str, amount: str, partition: str, key: list[str], values: list[str]) -> str:
    """Rows of the latest statement (as_of ≤ request date) per ``partition`` key of one asset dataset."""
    free_text = {"bank", "policy_type"}
    key_json = json_object([(k, Text(f"d.{k}") if k in free_text else f"d.{k}") for k in key])
    values_json = json_object([(v, f"d.{v}") for v in values])
    return f"""
        SELECT request_id, dataset, id_number, key_json, values_json, amount FROM (
          SELECT m.request_id, '{dataset}' AS dataset, d.id_number, {key_json} AS key_json,
                 {values_json} AS values_json, d.{amount} AS amount, d.as_of,
                 MAX(d.as_of) OVER (PARTITION BY m.request_id, {partition}) AS latest_as_of
          FROM members AS m JOIN {dataset} AS d ON d.id_number = m.id_number AND d.as_of <= m.request_date
        ) AS x WHERE as_of = latest_as_of
    """


def _asset_rows() -> str:
    # A statement per bank (deposits) or per person (others): all rows of the latest as_of count, so several
    # accounts or policies in one extract are summed, and an older extract never adds to a newer one.
    return " UNION ALL ".join(
        [
            _latest_assets(
                "deposits",
                "balance",
                "d.id_number, d.bank",
                ["id_number", "bank", "account_type", "as_of"],
                ["balance"],
            ),
            _latest_assets(
                "securities", "market_value", "d.id_number", ["id_number", "kind", "as_of"], ["market_value"]
            ),
            _latest_assets(
                "insurance_policies",
                "cash_value",
                "d.id_number",
                ["id_number", "policy_type", "as_of"],
                ["cash_value"],
            ),
            _latest_assets(
                "housing_fund",
                "balance",
                "d.id_number",
                ["id_number", "as_of"],
                ["balance", "monthly_deposit"],
            ),
        ]
    )


def _figures() -> str:
    return f"""
        SELECT s.request_id, inc.total_income, ast.total_assets,
               {from_cents(round_div(cents("inc.total_income"), "s.window_months * s.member_count"))} AS per_capita_income,
               {from_cents(round_div(cents("ast.total_assets"), "s.member_count"))} AS per_capita_assets
        FROM settings AS s
        JOIN (SELECT s2.request_id,
                     COALESCE(SUM(CASE WHEN NOT mi.exempt THEN mi.total_amount END), 0) AS total_income
              FROM settings AS s2 LEFT JOIN member_income AS mi ON mi.request_id = s2.request_id
              GROUP BY s2.request_id) AS inc ON inc.request_id = s.request_id
        JOIN (SELECT s3.request_id, COALESCE(SUM(a.amount), 0) AS total_assets
              FROM settings AS s3 LEFT JOIN asset_rows AS a ON a.request_id = s3.request_id
              GROUP BY s3.request_id) AS ast ON ast.request_id = s.request_id
    """


def _reason_lines() -> str:
    from .reasons_sql import all_reasons

    return all_reasons()


def _household_reasons() -> str:
    reason = (
        "'{\"code\":' || "
        + json_text("code")
        + " || ',\"kind\":' || "
        + json_text("kind")
        + " || ',\"message\":' || "
        + json_text("message")
        + " || ',\"evidence\":[' || "
        + sorted_join("evidence")
        + " || ']}'"
    )
    return f"""
        SELECT request_id, '[' || {sorted_join("reason")} || ']' AS reasons,
               MAX(CASE WHEN kind = 'manual_review' THEN 1 ELSE 0 END) AS has_manual,
               MAX(CASE WHEN kind = 'ineligible' THEN 1 ELSE 0 END) AS has_ineligible
        FROM (SELECT request_id, kind, {reason} AS reason FROM reason_lines
              GROUP BY request_id, kind, code, message) AS g
        GROUP BY request_id
    """


def _household_results() -> str:
    # manual_review outranks ineligible: a refusal must rest on complete data about the right household,
    # and the caseworker still sees every disqualifier in the reasons
    return f"""
        SELECT s.request_id, s.household_id, s.division_code, s.request_date, s.program, s.member_count,
               f.per_capita_income AS per_capita_monthly_income,
               {money("f.total_assets")} AS total_financial_assets,
               f.per_capita_assets AS per_capita_financial_assets,
               {money(f"s.{p.DIBAO_STANDARD}")} AS dibao_standard, s.income_line, s.asset_limit,
               CASE WHEN COALESCE(r.has_manual, 0) = 1 THEN 'manual_review'
                    WHEN COALESCE(r.has_ineligible, 0) = 1 THEN 'ineligible'
                    ELSE 'eligible' END AS conclusion,
               COALESCE(r.reasons, '[]') AS reasons
        FROM settings AS s JOIN figures AS f ON f.request_id = s.request_id
        LEFT JOIN household_reasons AS r ON r.request_id = s.request_id
    """


def verification_steps() -> list[Step]:
    """All steps of the verification job in execution order; the last two are the outputs."""
    return [
        _step("households", _households()),
        _step("parameter_candidates", reused=False, sql=_parameter_candidates()),
        _step("resolved_parameters", _resolved_parameters()),
        _step("settings", _settings()),
        _step("members", _members()),
        _step("income_rows", reused=False, sql=_income_rows()),
        _step("member_income", _member_income()),
        _step("asset_rows", _asset_rows()),
        _step("figures", _figures()),
        _step("reason_lines", reused=False, sql=_reason_lines()),
        _step("household_reasons", reused=False, sql=_household_reasons()),
        _step("household_results", reused=False, sql=_household_results()),
    ]
