"""The verification job as a list of SQL steps (家庭经济状况核对作业), built once, run on any backend.

Each step is a SELECT in DuckDB syntax, parsed by sqlglot into an expression; a backend renders it in its
own dialect and materialises it under the step's name. The steps only read the input tables named in
:data:`INPUT_TABLES` and earlier steps, so the whole job is a pure function of its inputs.
Rules: exchange-formats.md 'Rules the verification engine computes' (numbers from the parameters table).
"""

from __future__ import annotations

from ..sql_fragments import (
    cents,
    concat,
    date_month_index,
    from_cents,
    json_text,
    money,
    month_index,
    month_text,
    round_div,
    sorted_join,
)
from ..steps import Step, sql_step
from . import parameters as p
from .reasons_sql import MESSAGES, all_reasons
from .records_sql import member_records

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
    "rejected_rows",
)
#: department datasets arrive as ``<name>_delivered`` and are read by the rules as ``<name>``: the rows about
#: the requests' members, each distinct row once ("identical rows count once, whichever source or delivery
#: carried them" — exchange-formats.md, precise readings)
DELIVERED_SUFFIX = "_delivered"
#: datasets whose one reader drops repeated rows itself, on the few rows it keeps — the income rows inside the
#: window, an account's latest statement, a vehicle's or property's latest registration — instead of a DISTINCT
#: over the whole dataset (measured: the engine took 2.7× the hand-written query at full scale with a DISTINCT
#: step per dataset)
_DEDUPLICATED_BY_READER = frozenset(
    {
        "deposits",
        "securities",
        "insurance_policies",
        "housing_fund",
        "vehicles",
        "real_estate",
        "tax_income",
        "pension",
        "unemployment",
    }
)
OUTPUT_TABLES: tuple[str, ...] = ("household_results", "member_income")


_MULTIPLIER_PREFIX = f"{p.INCOME_LINE_MULTIPLIER}."


def _distinct_member_rows(columns: list[str], dataset: str) -> str:
    return f"""
        SELECT DISTINCT {", ".join(columns)} FROM {dataset}{DELIVERED_SUFFIX}
        WHERE id_number IN (SELECT id_number FROM requests)
    """


def dataset_steps(datasets: dict[str, list[str]]) -> list[Step]:
    """One step per department dataset: its distinct rows about the requests' members."""
    return [
        sql_step(name, _distinct_member_rows(columns, name))
        for name, columns in datasets.items()
        if name not in _DEDUPLICATED_BY_READER
    ]


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
               {month_text(f"h.request_month_index - CAST(r.{p.INCOME_WINDOW_MONTHS} AS INT)")} AS window_first_month,
               {month_text("h.request_month_index")} AS request_month,
               {money(f"ROUND(r.{p.DIBAO_STANDARD} * r.{p.INCOME_LINE_MULTIPLIER}, 2)")} AS income_line,
               {money(f"ROUND(r.{p.DIBAO_STANDARD} * r.{p.ASSET_MONTHS}, 2)")} AS asset_limit
        FROM households AS h JOIN resolved_parameters AS r
          ON r.division_code = h.division_code AND r.request_date = h.request_date AND r.program = h.program
    """


def _members() -> str:
    # the income window travels with each member, so the big joins need no second join to settings
    return """
        SELECT r.request_id, r.id_number, s.request_date, s.request_month_index,
               s.window_first_month, s.request_month
        FROM (SELECT DISTINCT request_id, id_number FROM requests) AS r
        JOIN settings AS s ON s.request_id = r.request_id
    """


def _income_rows() -> str:
    # The window is compared as 'YYYY-MM' text (the contract's format, checked at intake): parsing the month
    # of every delivered row cost more than the rest of the income rule. Only rows inside a window are
    # parsed, into their offset from the request month for counting distinct months. Repeated rows count
    # once: DISTINCT over every column of the dataset, after the window has cut the rows down (not over the
    # whole dataset first).
    def branch(dataset: str, columns: str, source: str, month: str, amount: str) -> str:
        offset = f"t.request_month_index - 1 - {month_index(f't.{month}')}"
        return f"""
            SELECT t.request_id, t.id_number, '{dataset}' AS dataset, {source} AS source,
                   {amount} AS amount, {offset} AS month_offset
            FROM (SELECT DISTINCT m.request_id, m.request_month_index, {columns}
                  FROM members AS m JOIN {dataset}{DELIVERED_SUFFIX} AS d ON d.id_number = m.id_number
                  WHERE d.{month} >= m.window_first_month AND d.{month} < m.request_month) AS t"""

    return " UNION ALL ".join(
        [
            branch(
                "tax_income", "d.id_number, d.month, d.category, d.amount", "t.category", "month", "t.amount"
            ),
            branch(
                "pension",
                "d.id_number, d.month, d.amount, COALESCE(d.kind, 'retirement') AS kind",
                _pension_source("t.kind"),
                "month",
                "t.amount",
            ),
            branch(
                "unemployment",
                "d.id_number, d.registered_date, d.benefit_month, d.benefit_amount",
                "'unemployment'",
                "benefit_month",
                "t.benefit_amount",
            ),
        ]
    )


def _pension_source(kind: str) -> str:
    return (
        "CASE "
        + " ".join(f"WHEN {kind} = '{k}' THEN '{src}'" for k, src in p.PENSION_SOURCES.items())
        + " END"
    )


def _distinct_months(offset: str) -> str:
    """Distinct months among window offsets 0 … MAX_WINDOW_MONTHS-1, as bits of 60-bit words: one
    aggregate instead of a GROUP BY per month, which cost more than the join itself."""
    words = []
    for word in range(p.MAX_INCOME_WINDOW_MONTHS // _BITS_PER_WORD):
        low = word * _BITS_PER_WORD
        bit = f"(CAST(1 AS BIGINT) << ({offset} - {low}))"
        words.append(
            f"COALESCE(BIT_COUNT(BIT_OR(CASE WHEN {offset} >= {low} AND {offset} < {low + _BITS_PER_WORD} "
            f"THEN {bit} END)), 0)"
        )
    return "(" + " + ".join(words) + ")"


_BITS_PER_WORD = 60


def _member_income() -> str:
    # every source has its own exemption flag (tax categories, the pension kinds, unemployment benefit)
    exempt = (
        "CASE i.source " + " ".join(f"WHEN '{c}' THEN s.income_exempt_{c}" for c in p.INCOME_SOURCES) + " END"
    )
    return f"""
        SELECT i.request_id, s.household_id, i.id_number, i.dataset, i.source, i.months_counted,
               {money("i.total")} AS total_amount,
               {from_cents(round_div(cents("i.total"), "s.window_months"))} AS monthly_amount,
               {exempt} AS exempt
        FROM (SELECT request_id, id_number, dataset, source, {_distinct_months("month_offset")} AS months_counted,
                     SUM(amount) AS total
              FROM income_rows GROUP BY request_id, id_number, dataset, source) AS i
        JOIN settings AS s ON s.request_id = i.request_id
    """


#: (dataset, amount column, account key beyond the member, label column, extra column). An account's latest
#: statement (as_of ≤ the request date) counts: a deposit account is (id_number, bank, account_type),
#: securities (id_number, kind), insurance (id_number, policy_type), housing fund the member (precise readings)
ASSET_DATASETS: tuple[tuple[str, str, tuple[str, ...], str | None, str | None], ...] = (
    ("deposits", "balance", ("bank", "account_type"), "bank", None),
    ("securities", "market_value", ("kind",), "kind", None),
    ("insurance_policies", "cash_value", ("policy_type",), "policy_type", None),
    ("housing_fund", "balance", (), None, "monthly_deposit"),
)


def _latest_statement(
    dataset: str, amount: str, account: tuple[str, ...], label: str | None, extra: str | None
) -> str:
    """Rows of each account's latest statement (as_of ≤ request date) of one asset dataset.

    The latest as_of comes from a narrow GROUP BY over the members' rows, then the statement's rows are read
    again by (id_number, account, as_of): measured 2× faster on DuckDB than a window (which sorts every
    partition). Distinct rows of one statement are different accounts the extract does not number (two
    current accounts at one bank), so they add up. The housing fund is one balance per member: the largest
    of its latest statement. No evidence text here: it is built later, only for households over the limit."""
    key = "".join(f", d.{c}" for c in account)
    same_account = "".join(f" AND d.{c} = l.{c}" for c in account)
    account_type = "d.account_type" if dataset == "deposits" else "CAST(NULL AS VARCHAR)"
    # every column of the dataset is in the projection, so DISTINCT drops exactly the repeated rows
    delivered = f"{dataset}{DELIVERED_SUFFIX}"
    rows = f"""
        SELECT DISTINCT l.request_id, '{dataset}' AS dataset, d.id_number,
               {f"d.{label}" if label else "CAST(NULL AS VARCHAR)"} AS label, {account_type} AS account_type,
               d.as_of, d.{amount} AS amount, {f"d.{extra}" if extra else "CAST(NULL AS DECIMAL(18,2))"} AS extra
        FROM (SELECT m.request_id, d.id_number{key}, MAX(d.as_of) AS latest_as_of
              FROM members AS m JOIN {delivered} AS d ON d.id_number = m.id_number AND d.as_of <= m.request_date
              GROUP BY m.request_id, d.id_number{key}) AS l
        JOIN {delivered} AS d ON d.id_number = l.id_number{same_account} AND d.as_of = l.latest_as_of
    """
    if account:
        return rows
    return f"""
        SELECT request_id, dataset, id_number, label, account_type, as_of, amount, extra FROM (
          SELECT r.*, ROW_NUMBER() OVER (PARTITION BY r.request_id, r.id_number
                                         ORDER BY r.amount DESC, r.extra DESC) AS rn
          FROM ({rows}) AS r) AS one WHERE rn = 1
    """


def _asset_rows() -> str:
    return " UNION ALL ".join(_latest_statement(*spec) for spec in ASSET_DATASETS)


def _member_vehicles() -> str:
    """A vehicle counts once per plate in a household: of its rows registered by the request date, the latest
    registration (precise readings: "a vehicle once per plate")."""
    return """
        SELECT request_id, id_number, plate, vehicle_type, registered_date, purchase_price, for_disability FROM (
          SELECT m.request_id, d.*, ROW_NUMBER() OVER (
                   PARTITION BY m.request_id, d.plate
                   ORDER BY d.registered_date DESC, d.purchase_price DESC, d.id_number, d.vehicle_type,
                            d.for_disability) AS rn
          FROM members AS m JOIN vehicles_delivered AS d
            ON d.id_number = m.id_number AND d.registered_date <= m.request_date
        ) AS v WHERE rn = 1
    """


def _member_real_estate() -> str:
    """A property counts once per (id_number, property_id): of its rows registered by the request date, the
    latest registration."""
    return """
        SELECT request_id, id_number, property_id, usage, area_m2, share, registered_date FROM (
          SELECT m.request_id, d.*, ROW_NUMBER() OVER (
                   PARTITION BY m.request_id, d.id_number, d.property_id
                   ORDER BY d.registered_date DESC, d.share DESC, d.usage, d.area_m2 DESC) AS rn
          FROM members AS m JOIN real_estate_delivered AS d
            ON d.id_number = m.id_number AND d.registered_date <= m.request_date
        ) AS e WHERE rn = 1
    """


def _figures() -> str:
    return f"""
        SELECT s.request_id, COALESCE(inc.total_income, 0) AS total_income,
               COALESCE(ast.total_assets, 0) AS total_assets,
               {from_cents(round_div(cents("COALESCE(inc.total_income, 0)"), "s.window_months * s.member_count"))}
                 AS per_capita_income,
               {from_cents(round_div(cents("COALESCE(ast.total_assets, 0)"), "s.member_count"))} AS per_capita_assets
        FROM settings AS s
        LEFT JOIN (SELECT request_id, SUM(CASE WHEN NOT exempt THEN total_amount END) AS total_income
                   FROM member_income GROUP BY request_id) AS inc ON inc.request_id = s.request_id
        LEFT JOIN (SELECT request_id, SUM(amount) AS total_assets FROM asset_rows GROUP BY request_id) AS ast
          ON ast.request_id = s.request_id
    """


def _reason_lines() -> str:
    return all_reasons()


def _household_reasons() -> str:
    # grouped by the short code, the message joined in afterwards: hashing long Chinese texts per evidence
    # row was a large part of the job
    message = "CASE code " + " ".join(f"WHEN '{c}' THEN '{m}'" for c, m in MESSAGES.items()) + " END"
    reason = concat(
        [
            "'{\"code\":'",
            json_text("code"),
            "',\"kind\":'",
            json_text("kind"),
            "',\"message\":'",
            json_text(message),
            "',\"evidence\":['",
            "evidence_list",
            "']}'",
        ]
    )
    return f"""
        SELECT request_id, {concat(["'['", sorted_join("reason"), "']'"])} AS reasons,
               MAX(CASE WHEN kind = 'manual_review' THEN 1 ELSE 0 END) AS has_manual,
               MAX(CASE WHEN kind = 'ineligible' THEN 1 ELSE 0 END) AS has_ineligible
        FROM (SELECT request_id, kind, {reason} AS reason
              FROM (SELECT request_id, kind, code, {sorted_join("evidence")} AS evidence_list FROM reason_lines
                    GROUP BY request_id, kind, code) AS by_code) AS g
        GROUP BY request_id
    """


def _household_results() -> str:
    # a proven disqualifier decides, and the reasons list what is missing too; only without one does missing,
    # conflicting, rejected or stale data make the household a case for manual review (precise readings)
    return f"""
        SELECT s.request_id, s.household_id, s.division_code, s.request_date, s.program, s.member_count,
               f.per_capita_income AS per_capita_monthly_income,
               {money("f.total_assets")} AS total_financial_assets,
               f.per_capita_assets AS per_capita_financial_assets,
               {money(f"s.{p.DIBAO_STANDARD}")} AS dibao_standard, s.income_line, s.asset_limit,
               CASE WHEN COALESCE(r.has_ineligible, 0) = 1 THEN 'ineligible'
                    WHEN COALESCE(r.has_manual, 0) = 1 THEN 'manual_review'
                    ELSE 'eligible' END AS conclusion,
               COALESCE(r.reasons, '[]') AS reasons
        FROM settings AS s JOIN figures AS f ON f.request_id = s.request_id
        LEFT JOIN household_reasons AS r ON r.request_id = s.request_id
    """


def verification_steps(datasets: dict[str, list[str]], *, with_records: bool = False) -> list[Step]:
    """All steps of the verification job in execution order, for the department ``datasets`` (name → columns,
    registered as ``<name>_delivered``); the outputs are ``OUTPUT_TABLES`` (and ``member_records`` when asked
    for)."""
    records = [sql_step("member_records", reused=False, sql=member_records())] if with_records else []
    return [
        *dataset_steps(datasets),
        sql_step("households", _households()),
        sql_step("parameter_candidates", reused=False, sql=_parameter_candidates()),
        sql_step("resolved_parameters", _resolved_parameters()),
        sql_step("settings", _settings()),
        sql_step("members", _members()),
        sql_step("income_rows", reused=False, sql=_income_rows()),
        sql_step("member_income", _member_income()),
        sql_step("asset_rows", _asset_rows()),
        sql_step("member_vehicles", _member_vehicles()),
        sql_step("member_real_estate", _member_real_estate()),
        sql_step("figures", _figures()),
        sql_step("reason_lines", reused=False, sql=_reason_lines()),
        sql_step("household_reasons", reused=False, sql=_household_reasons()),
        sql_step("household_results", reused=False, sql=_household_results()),
        *records,
    ]
