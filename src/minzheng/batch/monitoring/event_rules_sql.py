"""The event rules of the monitoring job (低收入人口动态监测预警: 医疗支出, 新增重度残疾, 劳动年龄成员死亡, 新增失业,
灾害损失) as SQL steps, in DuckDB syntax, rendered per engine by sqlglot.

Each rule reads the events dated in the run's window (``window_bounds``) of the members the window touches
(``members``, ``households``) under the rule version in force (``rule_choice``); the 12-month medical rule
also reads the earlier bills and the income of the same months.
"""

from __future__ import annotations

from ..sql_fragments import Text, cents, concat, evidence, from_cents, month_text, round_div, sorted_join
from ..steps import Step, sql_step
from .fragments_sql import date_key, in_window, rule_join, tail, text, yuan
from .rule_codes import DISASTER_LOSS, MEDICAL_EXPENSE, SEVERE_DISABILITY, UNEMPLOYMENT, WORKING_AGE_DEATH

_GRADE = "CASE {g} WHEN 1 THEN '一' WHEN 2 THEN '二' WHEN 3 THEN '三' ELSE '四' END"


def _severe_disability() -> str:
    ev = evidence(
        "'disability_cert'",
        [("id_number", "c.id_number"), ("issued_date", "c.issued_date")],
        [("category", Text("c.category")), ("grade", "c.grade")],
    )
    reason = concat(
        [
            "'家庭成员（身份证尾号'",
            tail("c.id_number"),
            "'）于'",
            text("c.issued_date"),
            "'新取得'",
            _GRADE.format(g="c.grade"),
            "'级'",
            "c.category",
            "'残疾证，家庭照料负担和支出可能增加'",
        ]
    )
    # a renewal or re-assessment is not new: any earlier certificate at or above the grade suppresses it
    return f"""
        SELECT CONCAT('{SEVERE_DISABILITY}:', c.id_number, ':', {text("c.issued_date")}) AS warning_key,
               '{SEVERE_DISABILITY}' AS rule_code, r.rule_id, r.severity, m.household_id, c.id_number,
               m.division_code, c.issued_date AS event_date, {reason} AS reason, CONCAT('[', {ev}, ']') AS evidence
        FROM disability_cert AS c
        JOIN members AS m ON m.id_number = c.id_number
        CROSS JOIN window_bounds AS w
        {rule_join("m.division_code", SEVERE_DISABILITY)}
        LEFT JOIN disability_cert AS p
          ON p.id_number = c.id_number AND p.issued_date < c.issued_date AND p.grade <= r.grade
        WHERE {in_window("c.issued_date")} AND c.grade <= r.grade AND p.id_number IS NULL
    """


def _age_at(birth: str, day: str) -> str:
    return (
        f"(YEAR({day}) - YEAR({birth}) - CASE WHEN MONTH({day}) * 100 + DAY({day}) "
        f"< MONTH({birth}) * 100 + DAY({birth}) THEN 1 ELSE 0 END)"
    )


def _working_age_death() -> str:
    age = _age_at("m.birth_date", "d.death_date")
    ev = evidence("'deaths'", [("id_number", "d.id_number")], [("death_date", "d.death_date"), ("age", age)])
    reason = concat(
        [
            "'劳动年龄家庭成员（身份证尾号'",
            tail("d.id_number"),
            "'）于'",
            text("d.death_date"),
            "'死亡（终年'",
            text(age),
            "'岁），家庭可能失去主要劳动力和收入来源'",
        ]
    )
    return f"""
        SELECT CONCAT('{WORKING_AGE_DEATH}:', d.id_number, ':', {text("d.death_date")}) AS warning_key,
               '{WORKING_AGE_DEATH}' AS rule_code, r.rule_id, r.severity, m.household_id, d.id_number,
               m.division_code, d.death_date AS event_date, {reason} AS reason, CONCAT('[', {ev}, ']') AS evidence
        FROM deaths AS d
        JOIN members AS m ON m.id_number = d.id_number
        CROSS JOIN window_bounds AS w
        {rule_join("m.division_code", WORKING_AGE_DEATH)}
        WHERE {in_window("d.death_date")} AND m.birth_date IS NOT NULL
          AND {age} >= r.age_from AND {age} <= r.age_to
    """


def _unemployment() -> str:
    ev = evidence(
        "'unemployment'",
        [("id_number", "u.id_number"), ("registered_date", "u.registered_date")],
        [("benefit_months", "u.benefit_months"), ("benefit_total", "u.benefit_total")],
    )
    reason = concat(
        [
            "'家庭成员（身份证尾号'",
            tail("u.id_number"),
            "'）于'",
            text("u.registered_date"),
            "'新登记失业，家庭收入可能下降'",
        ]
    )
    # one registration is delivered as one row per benefit month: the registration is the event
    return f"""
        SELECT CONCAT('{UNEMPLOYMENT}:', u.id_number, ':', {text("u.registered_date")}) AS warning_key,
               '{UNEMPLOYMENT}' AS rule_code, r.rule_id, r.severity, m.household_id, u.id_number,
               m.division_code, u.registered_date AS event_date, {reason} AS reason,
               CONCAT('[', {ev}, ']') AS evidence
        FROM (SELECT e.id_number, e.registered_date, COUNT(DISTINCT e.benefit_month) AS benefit_months,
                     {from_cents(f"SUM({cents('e.benefit_amount')})")} AS benefit_total
              FROM unemployment AS e CROSS JOIN window_bounds AS w
              WHERE {in_window("e.registered_date")}
              GROUP BY e.id_number, e.registered_date) AS u
        JOIN members AS m ON m.id_number = u.id_number
        {rule_join("m.division_code", UNEMPLOYMENT)}
    """


def _disaster_loss() -> str:
    row = evidence(
        "'disaster_loss'",
        [("id_number", "l.id_number"), ("event_date", "l.event_date"), ("kind", Text("l.kind"))],
        [("loss_amount", "l.loss_amount")],
    )
    reason = concat(
        [
            "'家庭于'",
            text("g.event_date"),
            "'遭受'",
            "g.kind",
            "'灾害，损失'",
            yuan("g.loss_cents"),
            "'元，超过'",
            yuan(cents("r.amount")),
            "'元'",
        ]
    )
    return f"""
        SELECT CONCAT('{DISASTER_LOSS}:', g.household_id, ':', {text("g.event_date")}, ':', g.kind) AS warning_key,
               '{DISASTER_LOSS}' AS rule_code, r.rule_id, r.severity, g.household_id, g.id_number,
               h.division_code, g.event_date, {reason} AS reason, CONCAT('[', g.rows, ']') AS evidence
        FROM (SELECT m.household_id, l.event_date, l.kind, MIN(l.id_number) AS id_number,
                     SUM({cents("l.loss_amount")}) AS loss_cents, {sorted_join(row)} AS rows
              FROM disaster_loss AS l JOIN members AS m ON m.id_number = l.id_number
              CROSS JOIN window_bounds AS w
              WHERE {in_window("l.event_date")}
              GROUP BY m.household_id, l.event_date, l.kind) AS g
        JOIN households AS h ON h.household_id = g.household_id
        {rule_join("h.division_code", DISASTER_LOSS)}
        WHERE g.loss_cents > {cents("r.amount")}
    """


def _medical_households() -> str:
    # households with a bill settled in the window: the only ones whose 12-month total can have changed
    return f"""
        SELECT m.household_id, MAX(b.settle_date) AS event_date, MIN(b.id_number) AS id_number
        FROM medical_bills AS b JOIN members AS m ON m.id_number = b.id_number
        CROSS JOIN window_bounds AS w
        WHERE {in_window("b.settle_date")}
        GROUP BY m.household_id
    """


def _medical_scope() -> str:
    return f"""
        SELECT mh.household_id, mh.event_date, mh.id_number, h.division_code, r.rule_id, r.severity,
               {cents("r.amount")} AS amount_cents, CAST(r.ratio * 10000 AS BIGINT) AS ratio_bp, r.months,
               (w.until_month - r.months) * 100 + DAY(w.until) AS start_key,
               {month_text("w.until_month - r.months")} AS first_month,
               {month_text("w.until_month - 1")} AS last_month
        FROM medical_households AS mh
        JOIN households AS h ON h.household_id = mh.household_id
        CROSS JOIN window_bounds AS w
        {rule_join("h.division_code", MEDICAL_EXPENSE)}
    """


def _medical_totals() -> str:
    # sums only: evidence is assembled afterwards for the few households that cross the line
    return f"""
        SELECT s.household_id, SUM({cents("b.self_paid")}) AS total_cents,
               SUM(CASE WHEN {in_window("b.settle_date")} THEN {cents("b.self_paid")} ELSE 0 END) AS new_cents
        FROM medical_scope AS s
        JOIN members AS m ON m.household_id = s.household_id
        JOIN medical_bills AS b ON b.id_number = m.id_number
        CROSS JOIN window_bounds AS w
        WHERE {date_key("b.settle_date")} > s.start_key AND b.settle_date <= w.until
        GROUP BY s.household_id
    """


def _medical_income() -> str:
    # household income of the same months (full months before the run month): tax, pension, unemployment
    feeds = [
        ("tax_income", "month", "amount"),
        ("pension", "month", "amount"),
        ("unemployment", "benefit_month", "benefit_amount"),
    ]
    parts = " UNION ALL ".join(
        f"""SELECT s.household_id, {cents(f"f.{amount}")} AS amount_cents
            FROM medical_scope AS s JOIN members AS m ON m.household_id = s.household_id
            JOIN {table} AS f ON f.id_number = m.id_number
            WHERE f.{month} >= s.first_month AND f.{month} <= s.last_month"""
        for table, month, amount in feeds
    )
    return f"SELECT household_id, SUM(amount_cents) AS income_cents FROM ({parts}) AS i GROUP BY household_id"


def _medical_over(total: str) -> str:
    total = f"({total})"
    return (
        f"({total} > s.amount_cents OR (COALESCE(i.income_cents, 0) > 0 "
        f"AND {total} * 10000 > s.ratio_bp * i.income_cents))"
    )


def _medical_hits() -> str:
    # a warning when the total crosses the line with this window's bills; earlier bills alone did not
    return f"""
        SELECT s.*, t.total_cents, COALESCE(i.income_cents, 0) AS income_cents
        FROM medical_scope AS s
        JOIN medical_totals AS t ON t.household_id = s.household_id
        LEFT JOIN medical_income AS i ON i.household_id = s.household_id
        WHERE {_medical_over("t.total_cents")} AND NOT {_medical_over("t.total_cents - t.new_cents")}
    """


def _medical_expense() -> str:
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
        FROM medical_hits AS s
        JOIN members AS m ON m.household_id = s.household_id
        JOIN medical_bills AS b ON b.id_number = m.id_number
        CROSS JOIN window_bounds AS w
        WHERE {date_key("b.settle_date")} > s.start_key AND b.settle_date <= w.until
        GROUP BY s.household_id, s.event_date, s.id_number, s.division_code, s.rule_id, s.severity, s.months,
                 s.total_cents, s.amount_cents, s.ratio_bp, s.income_cents
    """


def event_steps() -> list[Step]:
    """The event rules' steps, in order; each ``w_*`` step holds one rule's warnings."""
    return [
        sql_step("w_disability", _severe_disability(), reused=False),
        sql_step("w_death", _working_age_death(), reused=False),
        sql_step("w_unemployment", _unemployment(), reused=False),
        sql_step("w_disaster", _disaster_loss(), reused=False),
        sql_step("medical_households", _medical_households()),
        sql_step("medical_scope", _medical_scope()),
        sql_step("medical_totals", _medical_totals()),
        sql_step("medical_income", _medical_income()),
        sql_step("medical_hits", _medical_hits()),
        sql_step("w_medical", _medical_expense(), reused=False),
    ]
