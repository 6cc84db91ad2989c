"""The event rules of the monitoring job (低收入人口动态监测预警: 医疗支出, 新增重度残疾, 劳动年龄成员死亡, 新增失业,
灾害损失) as SQL steps, in DuckDB syntax, rendered per engine by sqlglot.

Each rule reads the events dated in the run's window (``window_bounds``) of the members the window touches
(``members``, ``households``) under the rule version in force (``rule_choice``); the 12-month medical rule
also reads the earlier bills and the income of the same months.
"""

from __future__ import annotations

from ..sql_fragments import Text, cents, concat, evidence, from_cents, sorted_join
from ..steps import Step, sql_step
from .fragments_sql import in_window, rule_join, tail, text, yuan
from .rule_codes import DISASTER_LOSS, SEVERE_DISABILITY, UNEMPLOYMENT, WORKING_AGE_DEATH

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
    # a death delivered twice (two sources, two extracts) is one event: one warning per person and date
    return f"""
        SELECT CONCAT('{WORKING_AGE_DEATH}:', d.id_number, ':', {text("d.death_date")}) AS warning_key,
               '{WORKING_AGE_DEATH}' AS rule_code, r.rule_id, r.severity, m.household_id, d.id_number,
               m.division_code, d.death_date AS event_date, {reason} AS reason, CONCAT('[', {ev}, ']') AS evidence
        FROM (SELECT DISTINCT e.id_number, e.death_date FROM deaths AS e CROSS JOIN window_bounds AS w
              WHERE {in_window("e.death_date")}) AS d
        JOIN members AS m ON m.id_number = d.id_number
        {rule_join("m.division_code", WORKING_AGE_DEATH)}
        WHERE m.birth_date IS NOT NULL
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


def _disaster_hits() -> str:
    # sums first: the evidence text and the member named are read only for the losses over the line (about
    # one in twenty)
    return f"""
        SELECT g.household_id, g.event_date, g.kind, g.loss_cents, h.division_code, r.rule_id, r.severity,
               {cents("r.amount")} AS amount_cents
        FROM (SELECT m.household_id, l.event_date, l.kind, SUM({cents("l.loss_amount")}) AS loss_cents
              FROM disaster_loss AS l JOIN members AS m ON m.id_number = l.id_number
              CROSS JOIN window_bounds AS w
              WHERE {in_window("l.event_date")}
              GROUP BY m.household_id, l.event_date, l.kind) AS g
        JOIN households AS h ON h.household_id = g.household_id
        {rule_join("h.division_code", DISASTER_LOSS)}
        WHERE g.loss_cents > {cents("r.amount")}
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
            yuan("g.amount_cents"),
            "'元'",
        ]
    )
    return f"""
        SELECT CONCAT('{DISASTER_LOSS}:', g.household_id, ':', {text("g.event_date")}, ':', g.kind) AS warning_key,
               '{DISASTER_LOSS}' AS rule_code, g.rule_id, g.severity, g.household_id, e.id_number,
               g.division_code, g.event_date, {reason} AS reason, CONCAT('[', e.evidence_rows, ']') AS evidence
        FROM disaster_hits AS g
        JOIN (SELECT k.household_id, k.event_date, k.kind, MIN(l.id_number) AS id_number,
                     {sorted_join(row)} AS evidence_rows
              FROM disaster_hits AS k
              JOIN members AS m ON m.household_id = k.household_id
              JOIN disaster_loss AS l ON l.id_number = m.id_number AND l.event_date = k.event_date AND l.kind = k.kind
              GROUP BY k.household_id, k.event_date, k.kind) AS e
          ON e.household_id = g.household_id AND e.event_date = g.event_date AND e.kind = g.kind
    """


def event_steps() -> list[Step]:
    """The event rules' steps, in order; each ``w_*`` step holds one rule's warnings."""
    return [
        sql_step("w_disability", _severe_disability(), reused=False),
        sql_step("w_death", _working_age_death(), reused=False),
        sql_step("w_unemployment", _unemployment(), reused=False),
        sql_step("disaster_hits", _disaster_hits()),
        sql_step("w_disaster", _disaster_loss(), reused=False),
    ]
