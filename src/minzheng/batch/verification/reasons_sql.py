"""Reasons with evidence (理由与证据) of the verification job, one SQL SELECT per rule.

Every SELECT yields (request_id, kind, code, evidence): ``kind`` is ``ineligible`` for a disqualifier and
``manual_review`` for missing or conflicting data; ``evidence`` is one JSON object naming the dataset, the key
and the values of the row that triggered the reason. Messages (for the caseworker) are joined in by code when
the reasons are grouped per household. Evidence is only built for rows that are cited: every SELECT filters
to the households the reason applies to before any text is assembled.
"""

from __future__ import annotations

from ..sql_fragments import Text, evidence
from . import parameters as p

INELIGIBLE = "ineligible"
MANUAL_REVIEW = "manual_review"

MESSAGES: dict[str, str] = {
    "income_above_line": "家庭月人均收入高于收入标准线",
    "financial_assets_above_limit": "家庭人均金融资产超过限额",
    "vehicle_over_price": "拥有非残疾人专用、购置价格超过限额的机动车",
    "residential_share_above_limit": "住宅房产份额合计超过限额",
    "commercial_property": "拥有商业用房",
    "business_capital_above_limit": "担任法定代表人或业主的在营企业注册资本超过限额",
    "asset_flag_over_limit": "金融机构反馈资产超标（仅有是否超标标志，无金额）",
    "member_deceased": "家庭成员户籍状态为死亡，家庭成员已变化",
    "member_moved_out": "家庭成员户籍状态为迁出，家庭成员已变化",
    "member_in_death_records": "家庭成员在死亡数据中有记录，家庭成员已变化",
    "member_not_in_hukou": "家庭成员在户籍数据中未找到",
    "dataset_missing": "缺少核对所需的部门数据",
    "stale_data": "核对所需的部门数据已过时效",
    "rejected_rows": "部门数据中有关于家庭成员的记录被拒收，数据不完整",
    "parameter_missing": "缺少核对参数",
}


Fields = list[tuple[str, str]]

#: key and value columns of a department row as evidence (``d`` = the dataset's row), shared with the report's
#: member records (``records_sql``) so a row reads the same wherever it is shown
RECORD_FIELDS: dict[str, tuple[Fields, Fields]] = {
    "hukou": (
        [("id_number", "d.id_number")],
        [
            ("name", Text("d.name")),
            ("status", "d.status"),
            ("status_date", "d.status_date"),
            ("hukou_code", "d.hukou_code"),
        ],
    ),
    "deaths": ([("id_number", "d.id_number")], [("death_date", "d.death_date")]),
    "vehicles": (
        [("id_number", "d.id_number"), ("plate", Text("d.plate"))],
        [
            ("vehicle_type", "d.vehicle_type"),
            ("purchase_price", "d.purchase_price"),
            ("for_disability", "d.for_disability"),
            ("registered_date", "d.registered_date"),
        ],
    ),
    "real_estate": (
        [("id_number", "d.id_number"), ("property_id", Text("d.property_id"))],
        [
            ("usage", "d.usage"),
            ("share", "d.share"),
            ("area_m2", "d.area_m2"),
            ("registered_date", "d.registered_date"),
        ],
    ),
    "business": (
        [("id_number", "d.id_number"), ("uscc", Text("d.uscc"))],
        [("role", "d.role"), ("registered_capital", "d.registered_capital"), ("status", "d.status")],
    ),
    "asset_flags": (
        [("id_number", "d.id_number"), ("source", Text("d.source")), ("as_of", "d.as_of")],
        [("over_limit", "d.over_limit")],
    ),
}


def _select(code: str, kind: str, evidence_sql: str, body: str) -> str:
    assert code in MESSAGES, code
    return f"SELECT s.request_id, {kind} AS kind, '{code}' AS code, {evidence_sql} AS evidence {body}"


def _q(text: str) -> str:
    return f"'{text}'"


def _member_rows(dataset: str) -> str:
    return f"""FROM settings AS s JOIN members AS m ON m.request_id = s.request_id
               JOIN {dataset} AS d ON d.id_number = m.id_number"""


def income_reasons() -> list[str]:
    computed = evidence(
        "'computed'",
        [("request_id", "s.request_id")],
        [
            ("per_capita_monthly_income", "f.per_capita_income"),
            ("income_line", "s.income_line"),
            ("member_count", "s.member_count"),
            ("income_window_months", "s.window_months"),
            ("total_income_in_window", "f.total_income"),
        ],
    )
    per_source = evidence(
        "mi.dataset",
        [("id_number", "mi.id_number"), ("source", "mi.source")],
        [("months_counted", "mi.months_counted"), ("total_amount", "mi.total_amount")],
    )
    above = "f.per_capita_income > s.income_line"
    return [
        _select(
            "income_above_line",
            _q(INELIGIBLE),
            computed,
            f"FROM settings AS s JOIN figures AS f ON f.request_id = s.request_id WHERE {above}",
        ),
        _select(
            "income_above_line",
            _q(INELIGIBLE),
            per_source,
            f"""FROM settings AS s JOIN figures AS f ON f.request_id = s.request_id
                    JOIN member_income AS mi ON mi.request_id = s.request_id WHERE {above} AND NOT mi.exempt""",
        ),
    ]


def asset_reasons() -> list[str]:
    computed = evidence(
        "'computed'",
        [("request_id", "s.request_id")],
        [
            ("per_capita_financial_assets", "f.per_capita_assets"),
            ("asset_limit", "s.asset_limit"),
            ("member_count", "s.member_count"),
            ("total_financial_assets", "f.total_assets"),
        ],
    )
    # compared unrounded (precise readings): the household's total against the per-capita limit × members
    above = "f.total_assets > s.asset_limit * s.member_count"
    flag_kind = f"CASE WHEN s.asset_flag_disqualifies THEN '{INELIGIBLE}' ELSE '{MANUAL_REVIEW}' END"
    flag = evidence("'asset_flags'", *RECORD_FIELDS["asset_flags"])
    return [
        _select(
            "financial_assets_above_limit",
            _q(INELIGIBLE),
            computed,
            f"FROM settings AS s JOIN figures AS f ON f.request_id = s.request_id WHERE {above}",
        ),
        *_asset_row_reasons(above),
        # only the latest answer of each source counts: a later "no" withdraws an earlier "yes"
        _select(
            "asset_flag_over_limit",
            flag_kind,
            flag,
            """FROM settings AS s JOIN (
                      SELECT m.request_id, d.id_number, d.source, d.as_of, d.over_limit,
                             MAX(d.as_of) OVER (PARTITION BY m.request_id, d.id_number, d.source) AS latest_as_of
                      FROM members AS m JOIN asset_flags AS d
                        ON d.id_number = m.id_number AND d.as_of <= m.request_date
                    ) AS d ON d.request_id = s.request_id
                    WHERE d.as_of = d.latest_as_of AND d.over_limit""",
        ),
    ]


#: evidence key and values of each asset dataset's rows, as columns of the job's asset_rows step
ASSET_EVIDENCE: dict[str, tuple[list[tuple[str, str]], list[tuple[str, str]]]] = {
    "deposits": (
        [
            ("id_number", "a.id_number"),
            ("bank", Text("a.label")),
            ("account_type", "a.account_type"),
            ("as_of", "a.as_of"),
        ],
        [("balance", "a.amount")],
    ),
    "securities": (
        [("id_number", "a.id_number"), ("kind", "a.label"), ("as_of", "a.as_of")],
        [("market_value", "a.amount")],
    ),
    "insurance_policies": (
        [("id_number", "a.id_number"), ("policy_type", Text("a.label")), ("as_of", "a.as_of")],
        [("cash_value", "a.amount")],
    ),
    "housing_fund": (
        [("id_number", "a.id_number"), ("as_of", "a.as_of")],
        [("balance", "a.amount"), ("monthly_deposit", "a.extra")],
    ),
}


def _asset_row_reasons(above: str) -> list[str]:
    return [
        _select(
            "financial_assets_above_limit",
            _q(INELIGIBLE),
            evidence(f"'{dataset}'", key, values),
            f"""FROM settings AS s JOIN figures AS f ON f.request_id = s.request_id
                    JOIN asset_rows AS a ON a.request_id = s.request_id WHERE {above} AND a.dataset = '{dataset}'""",
        )
        for dataset, (key, values) in ASSET_EVIDENCE.items()
    ]


def property_reasons() -> list[str]:
    vehicle = evidence(
        "'vehicles'",
        RECORD_FIELDS["vehicles"][0],
        [*RECORD_FIELDS["vehicles"][1], ("limit", f"CAST(s.{p.VEHICLE_PRICE_LIMIT} AS DECIMAL(18,2))")],
    )
    exempt_type = (
        "CASE d.vehicle_type "
        + " ".join(f"WHEN '{t}' THEN s.vehicle_exempt_{t}" for t in p.VEHICLE_TYPES)
        + " END"
    )
    estate = evidence("'real_estate'", *RECORD_FIELDS["real_estate"])
    business = evidence(
        "'business'",
        RECORD_FIELDS["business"][0],
        [*RECORD_FIELDS["business"][1], ("limit", f"CAST(s.{p.BUSINESS_CAPITAL_LIMIT} AS DECIMAL(18,2))")],
    )
    # vehicles and properties registered by the request date, each counted once (job step member_*)
    estate_rows = "FROM settings AS s JOIN member_real_estate AS d ON d.request_id = s.request_id WHERE TRUE"
    return [
        _select(
            "vehicle_over_price",
            _q(INELIGIBLE),
            vehicle,
            f"""FROM settings AS s JOIN member_vehicles AS d ON d.request_id = s.request_id
                    WHERE NOT d.for_disability
                    AND NOT COALESCE({exempt_type}, FALSE) AND d.purchase_price > s.{p.VEHICLE_PRICE_LIMIT}""",
        ),
        # shares, not counts: two members owning halves of one flat hold one property
        _select(
            "residential_share_above_limit",
            _q(INELIGIBLE),
            estate,
            f"""{estate_rows} AND d.usage = 'residential' AND s.request_id IN (
                      SELECT s2.request_id FROM settings AS s2 JOIN member_real_estate AS r2
                        ON r2.request_id = s2.request_id
                      WHERE r2.usage = 'residential'
                      GROUP BY s2.request_id, s2.{p.RESIDENTIAL_SHARE_LIMIT}
                      HAVING SUM(r2.share) > s2.{p.RESIDENTIAL_SHARE_LIMIT})""",
        ),
        _select(
            "commercial_property",
            _q(INELIGIBLE),
            estate,
            f"""{estate_rows} AND d.usage = 'commercial' AND s.request_id IN (
                      SELECT s2.request_id FROM settings AS s2 JOIN member_real_estate AS r2
                        ON r2.request_id = s2.request_id
                      WHERE r2.usage = 'commercial'
                      GROUP BY s2.request_id, s2.{p.COMMERCIAL_PROPERTY_MAX_COUNT}
                      HAVING COUNT(DISTINCT r2.property_id) > s2.{p.COMMERCIAL_PROPERTY_MAX_COUNT})""",
        ),
        _select(
            "business_capital_above_limit",
            _q(INELIGIBLE),
            business,
            f"""{_member_rows("business")} WHERE d.status = 'active' AND d.role IN ('legal_rep', 'owner')
                    AND d.registered_capital > s.{p.BUSINESS_CAPITAL_LIMIT}""",
        ),
    ]


def status_reasons() -> list[str]:
    hukou = evidence("'hukou'", *RECORD_FIELDS["hukou"])
    death = evidence("'deaths'", *RECORD_FIELDS["deaths"])
    absent = evidence("'hukou'", [("id_number", "m.id_number")], [("found", "'false'")])
    return [
        f"""SELECT s.request_id, '{MANUAL_REVIEW}' AS kind,
                   CASE d.status WHEN 'deceased' THEN 'member_deceased' ELSE 'member_moved_out' END AS code,
                   {hukou} AS evidence
            {_member_rows("hukou")} WHERE d.status IN ('deceased', 'moved_out')""",
        _select("member_in_death_records", _q(MANUAL_REVIEW), death, _member_rows("deaths")),
        # only meaningful when hukou was delivered; otherwise dataset_missing already says so. An outer join
        # rather than NOT EXISTS: DuckDB decorrelates the latter with an extra GROUP BY over all members
        _select(
            "member_not_in_hukou",
            _q(MANUAL_REVIEW),
            absent,
            """FROM settings AS s JOIN members AS m ON m.request_id = s.request_id
                   LEFT JOIN hukou AS h ON h.id_number = m.id_number
                   WHERE h.id_number IS NULL AND EXISTS (SELECT 1 FROM coverage AS c WHERE c.dataset = 'hukou')""",
        ),
    ]


def missing_reasons() -> list[str]:
    # Both checks depend on a few distinct keys, not on the household: they are evaluated per key and
    # joined back, instead of crossing every household with every dataset or parameter name.
    def dataset_evidence() -> str:
        return evidence(
            "r.dataset",
            [("dataset", "r.dataset")],
            [("as_of", "r.as_of"), ("max_age_days", f"CAST(s.{p.DATASET_MAX_AGE_DAYS} AS INT)")],
        )

    def per_dataset(code: str, condition: str) -> str:
        return _select(
            code,
            _q(MANUAL_REVIEW),
            dataset_evidence(),
            f"""FROM settings AS s JOIN (
                      SELECT k.request_date, k.max_age_days, d.dataset, c.as_of
                      FROM (SELECT DISTINCT request_date, {p.DATASET_MAX_AGE_DAYS} AS max_age_days FROM settings) AS k
                      CROSS JOIN required_datasets AS d LEFT JOIN coverage AS c ON c.dataset = d.dataset
                      WHERE {condition}
                    ) AS r ON r.request_date IS NOT DISTINCT FROM s.request_date
                      AND r.max_age_days IS NOT DISTINCT FROM s.{p.DATASET_MAX_AGE_DAYS}""",
        )

    selects = [
        per_dataset("dataset_missing", "c.as_of IS NULL"),
        # stale: the dataset's latest delivery is older than the maximum age on the request date
        per_dataset("stale_data", "DATE_ADD(c.as_of, CAST(k.max_age_days AS INT)) < k.request_date"),
    ]
    # one SELECT over a list of names rather than one per parameter: fewer branches, smaller Spark plans
    names = ", ".join(f"('{name}')" for name in p.REQUIRED)
    is_missing = (
        "CASE n.name " + " ".join(f"WHEN '{name}' THEN k.{name} IS NULL" for name in p.REQUIRED) + " END"
    )
    shown = (
        f"CASE WHEN n.name = '{p.INCOME_LINE_MULTIPLIER}' "
        f"THEN '{p.INCOME_LINE_MULTIPLIER}.' || s.program ELSE n.name END"
    )
    param = evidence(
        "'parameters'",
        [("name", shown), ("division_code", "s.division_code")],
        [("request_date", "s.request_date")],
    )
    selects.append(
        _select(
            "parameter_missing",
            _q(MANUAL_REVIEW),
            param,
            f"""FROM settings AS s JOIN (
                      SELECT k.division_code, k.request_date, k.program, n.name
                      FROM resolved_parameters AS k CROSS JOIN (VALUES {names}) AS n(name) WHERE {is_missing}
                    ) AS n ON n.division_code = s.division_code AND n.request_date = s.request_date
                      AND n.program = s.program""",
        )
    )
    return selects


def rejected_reasons() -> list[str]:
    """A delivery in force rejected a row whose ID number is a member's: that member's data is incomplete
    (precise readings, reason ``rejected_rows``), whatever the row's other columns said."""
    rejected = evidence(
        "r.dataset",
        [("delivery_id", "r.delivery_id"), ("row_number", "r.row_number")],
        [("id_number", "r.id_number"), ("reason", Text("r.reason"))],
    )
    return [
        _select(
            "rejected_rows",
            _q(MANUAL_REVIEW),
            rejected,
            """FROM settings AS s JOIN members AS m ON m.request_id = s.request_id
                   JOIN rejected_rows AS r ON r.id_number = m.id_number""",
        )
    ]


def all_reasons() -> str:
    return "\nUNION ALL\n".join(
        income_reasons()
        + asset_reasons()
        + property_reasons()
        + status_reasons()
        + missing_reasons()
        + rejected_reasons()
    )
