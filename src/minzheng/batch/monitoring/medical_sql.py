"""The 医疗支出 rule of the monitoring job (支出型困难: 12-month self-paid medical costs) as SQL steps.

A household is warned when a bill settled in the run's window makes its self-paid total over the rule's
``months`` cross ``amount``, or ``ratio`` × its income of the same months, and its earlier bills alone did not.

Measured at full scale: one pass over the bills gives every household its window's event, its totals and the
rows its evidence cites (three passes before); in a full run the income of the same months comes from the
income rules' per-household monthly sums instead of a second read of the income feeds; the event bill and the
evidence text are read for the crossings only.
"""

from __future__ import annotations

from ..sql_fragments import cents, concat, evidence, from_cents, month_text, round_div, sorted_join
from ..steps import Step, sql_step
from .fragments_sql import INCOME_FEEDS, date_key, in_window, rule_join, text, yuan
from .rule_codes import MEDICAL_EXPENSE


def _medical_rows() -> str:
    # every bill of a household that can count — in the window (the event) or in the rule's months (the
    # total) — read and joined to its household once: the sums and the evidence both read these rows
    start_key = "(w.until_month - r.months) * 100 + DAY(w.until)"
    counted = f"{date_key('b.settle_date')} > {start_key}"
    new = in_window("b.settle_date")
    return f"""
        SELECT m.household_id, b.id_number, b.settle_date, b.total_cost, b.self_paid, b.inpatient,
               {cents("b.self_paid")} AS paid_cents, {new} AS is_new, {counted} AS is_counted
        FROM medical_bills AS b JOIN members AS m ON m.id_number = b.id_number
        JOIN households AS h ON h.household_id = m.household_id
        CROSS JOIN window_bounds AS w
        {rule_join("h.division_code", MEDICAL_EXPENSE)}
        WHERE b.settle_date <= w.until AND ({new} OR {counted})
    """


def _medical_totals() -> str:
    # integer sums only: which bill is the event, and the evidence, are read for the few crossings afterwards
    return """
        SELECT household_id, SUM(CASE WHEN is_counted THEN paid_cents END) AS total_cents,
               SUM(CASE WHEN is_counted AND is_new THEN paid_cents ELSE 0 END) AS new_cents
        FROM medical_rows
        GROUP BY household_id
        HAVING MAX(CASE WHEN is_new THEN 1 ELSE 0 END) = 1
    """


def _medical_scope() -> str:
    # households with a bill settled in the window: the only ones whose total can have crossed the line
    return f"""
        SELECT t.household_id, t.total_cents, t.new_cents, {cents("r.amount")} AS amount_cents,
               CAST(r.ratio * 10000 AS BIGINT) AS ratio_bp, r.months, w.until_month - r.months AS first_month_index
        FROM medical_totals AS t
        JOIN households AS h ON h.household_id = t.household_id
        CROSS JOIN window_bounds AS w
        {rule_join("h.division_code", MEDICAL_EXPENSE)}
    """


def _medical_income_from_feeds() -> str:
    # household income of the same months (full months before the run month): tax, pension, unemployment —
    # read for the few households of a daily run
    parts = " UNION ALL ".join(
        f"""SELECT s.household_id, {cents(f"f.{amount}")} AS amount_cents
            FROM medical_scope AS s JOIN members AS m ON m.household_id = s.household_id
            JOIN {table} AS f ON f.id_number = m.id_number
            CROSS JOIN window_bounds AS w
            WHERE f.{month} >= {month_text("s.first_month_index")} AND f.{month} <= {month_text("w.until_month - 1")}"""
        for table, month, amount in INCOME_FEEDS
    )
    return f"SELECT household_id, SUM(amount_cents) AS income_cents FROM ({parts}) AS i GROUP BY household_id"


def _medical_income_from_months() -> str:
    # a full run: the same sums from the households' monthly income, whose calendar holds the rule's months
    return """
        SELECT s.household_id, SUM(hm.amount_cents) AS income_cents
        FROM medical_scope AS s CROSS JOIN window_bounds AS w
        JOIN household_month_income AS hm
          ON hm.household_id = s.household_id AND hm.month_index >= s.first_month_index
         AND hm.month_index < w.until_month
        GROUP BY s.household_id
    """


def _medical_over(total: str) -> str:
    total = f"({total})"
    return (
        f"({total} > s.amount_cents OR (COALESCE(i.income_cents, 0) > 0 "
        f"AND {total} * 10000 > s.ratio_bp * i.income_cents))"
    )


def _medical_hits() -> str:
    # a warning when the total crosses the line with this window's bills; earlier bills alone did not
    return f"""
        SELECT s.*, COALESCE(i.income_cents, 0) AS income_cents, h.division_code, r.rule_id, r.severity
        FROM medical_scope AS s
        LEFT JOIN medical_income AS i ON i.household_id = s.household_id
        JOIN households AS h ON h.household_id = s.household_id
        {rule_join("h.division_code", MEDICAL_EXPENSE)}
        WHERE s.total_cents IS NOT NULL
          AND {_medical_over("s.total_cents")} AND NOT {_medical_over("s.total_cents - s.new_cents")}
    """


def _medical_expense() -> str:
    # the event: the household's latest bill in the window, named by the smallest ID number among those bills
    income = "s.income_cents"
    row = evidence(
        "'medical_bills'",
        [("id_number", "b.id_number"), ("settle_date", "b.settle_date")],
        [("total_cost", "b.total_cost"), ("self_paid", "b.self_paid"), ("inpatient", "b.inpatient")],
    )
    summary = evidence(
        "'household_income'",
        [("household_id", "s.household_id")],
        [("months", "s.months"), ("income", from_cents(income)), ("self_paid", from_cents("s.total_cents"))],
    )
    reason = concat(
        [
            "'近'",
            text("s.months"),
            "'个月家庭医疗自付费用'",
            yuan("s.total_cents"),
            "'元'",
            f"""CASE WHEN s.total_cents > s.amount_cents THEN CONCAT('，超过', {yuan("s.amount_cents")}, '元')
                ELSE CONCAT('，占同期家庭收入', {yuan(income)}, '元的',
                            {text(round_div("s.total_cents * 100", f"NULLIF({income}, 0)"))}, '%（超过',
                            {text(round_div("s.ratio_bp", "100"))}, '%）') END""",
            "'，存在支出型困难风险'",
        ]
    )
    return f"""
        SELECT CONCAT('{MEDICAL_EXPENSE}:', s.household_id, ':', {text("s.event_date")}) AS warning_key,
               '{MEDICAL_EXPENSE}' AS rule_code, s.rule_id, s.severity, s.household_id, s.id_number,
               s.division_code, s.event_date, {reason} AS reason,
               CONCAT('[', {sorted_join(row)}, ',', {summary}, ']') AS evidence
        FROM (SELECT h.*, e.event_date, e.id_number
              FROM medical_hits AS h
              JOIN (SELECT n.household_id, MAX(n.settle_date) AS event_date, MIN(n.id_number) AS id_number
                    FROM medical_hits AS k JOIN medical_rows AS n ON n.household_id = k.household_id AND n.is_new
                    GROUP BY n.household_id) AS e ON e.household_id = h.household_id) AS s
        JOIN medical_rows AS b ON b.household_id = s.household_id AND b.is_counted
        GROUP BY s.household_id, s.event_date, s.id_number, s.division_code, s.rule_id, s.severity, s.months,
                 s.total_cents, s.amount_cents, s.ratio_bp, s.income_cents
    """


def medical_steps(*, income_from_months: bool) -> list[Step]:
    """The medical rule's steps, in order; ``w_medical`` holds its warnings. ``income_from_months``: the
    income of the rule's months is read from ``household_month_income`` (a full run, whose calendar holds
    those months) instead of the income feeds."""
    income = _medical_income_from_months() if income_from_months else _medical_income_from_feeds()
    return [
        sql_step("medical_rows", _medical_rows()),
        sql_step("medical_totals", _medical_totals(), reused=False),
        sql_step("medical_scope", _medical_scope()),
        sql_step("medical_income", income, reused=False),
        sql_step("medical_hits", _medical_hits()),
        sql_step("w_medical", _medical_expense(), reused=False),
    ]
