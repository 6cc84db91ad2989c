"""The monitoring job as SQL steps (低收入人口动态监测预警作业): risk rules over department events, once for two engines.

Written in DuckDB syntax and rendered per dialect by sqlglot, like the verification job (``job_sql.Step``).
Inputs: ``population`` (monitored persons), ``rules`` (dated per-division rule versions), ``run_window``
(events dated after ``since`` up to ``until``), ``income_calendar`` (the months the income rules evaluate)
and the event datasets of exchange-formats.md. Output: ``warnings``, one row per warning key
(rule/household-or-person/event), so evaluating the same events twice can only produce the same keys.

Money is handled in integer 分 (see ``sql_fragments``); windows of months are integer month indexes and
dates compare as ``month_index * 100 + day`` so no engine-specific interval arithmetic is needed.
"""

from __future__ import annotations

from .job_sql import Step, _step
from .sql_fragments import (
    Text,
    cents,
    concat,
    date_month_index,
    evidence,
    from_cents,
    month_text,
    round_div,
    sorted_join,
)

MEDICAL_EXPENSE = "medical_expense"
SEVERE_DISABILITY = "severe_disability"
WORKING_AGE_DEATH = "working_age_death"
UNEMPLOYMENT = "unemployment"
DISASTER_LOSS = "disaster_loss"
INCOME_BELOW_LINE = "income_below_line"
INCOME_ABOVE_LINE = "income_above_line"
RULE_CODES: tuple[str, ...] = (
    MEDICAL_EXPENSE,
    SEVERE_DISABILITY,
    WORKING_AGE_DEATH,
    UNEMPLOYMENT,
    DISASTER_LOSS,
    INCOME_BELOW_LINE,
    INCOME_ABOVE_LINE,
)
INCOME_RULES: tuple[str, ...] = (INCOME_BELOW_LINE, INCOME_ABOVE_LINE)

INPUT_TABLES: tuple[str, ...] = ("population", "rules", "run_window", "income_calendar")

_COLUMNS = (
    "warning_key, rule_code, rule_id, severity, household_id, id_number, division_code, event_date, "
    "reason, evidence"
)


def _date_key(date: str) -> str:
    return f"({date_month_index(date)} * 100 + DAY({date}))"


def _in_window(date: str) -> str:
    return f"({date} > w.since_or_min AND {date} <= w.until)"


def _tail(id_number: str) -> str:
    """Reasons name a member by the last four digits of the ID number: readable, never the full number."""
    return f"SUBSTRING({id_number}, 15, 4)"


def _text(value: str) -> str:
    return f"CAST({value} AS VARCHAR)"


def _yuan(cents_value: str) -> str:
    return _text(from_cents(cents_value))


def _rule(division: str, code: str) -> str:
    return f"JOIN rule_choice AS r ON r.division_code = {division} AND r.rule_code = '{code}'"


def _window_bounds() -> str:
    return f"""
        SELECT since, until, COALESCE(since, CAST('1900-01-01' AS DATE)) AS since_or_min,
               {date_month_index("until")} AS until_month
        FROM run_window
    """


_EVENT_DATES = (
    ("disability_cert", "issued_date"),
    ("deaths", "death_date"),
    ("unemployment", "registered_date"),
    ("disaster_loss", "event_date"),
    ("medical_bills", "settle_date"),
)


def _members() -> str:
    # every member of every household an event in the window touches: the event rules never look further, so
    # a daily run joins a few hundred households instead of the whole population
    touched = " UNION ".join(
        f"SELECT e.id_number FROM {table} AS e CROSS JOIN window_bounds AS w WHERE {_in_window(f'e.{column}')}"
        for table, column in _EVENT_DATES
    )
    return f"""
        SELECT p.* FROM population AS p
        WHERE p.household_id IN (SELECT t.household_id FROM population AS t WHERE t.id_number IN ({touched}))
    """


def _household_figures(source: str, where: str = "") -> str:
    """Per household: division, members, in 低保, monthly 低保标准 — from ``source`` (a table of members)."""
    return f"""
        SELECT household_id, MIN(division_code) AS division_code, COUNT(*) AS member_count,
               MAX(CASE WHEN in_dibao THEN 1 ELSE 0 END) = 1 AS in_dibao, MIN(dibao_line) AS dibao_line
        FROM {source} {where} GROUP BY household_id
    """


def _rule_choice() -> str:
    # per division and rule: the most specific enabled-or-disabled version valid on the run date wins, so a
    # county can switch off (or re-parameterise) a rule its city enabled
    return """
        SELECT division_code, rule_code, rule_id, severity, amount, ratio, months, grade, age_from, age_to
        FROM (
          SELECT d.division_code, r.rule_code, r.rule_id, r.severity, r.enabled, r.amount, r.ratio, r.months,
                 r.grade, r.age_from, r.age_to,
                 ROW_NUMBER() OVER (PARTITION BY d.division_code, r.rule_code
                                    ORDER BY LENGTH(r.division_prefix) DESC, r.valid_from DESC, r.rule_id DESC) AS rn
          FROM (SELECT DISTINCT division_code FROM population) AS d
          CROSS JOIN window_bounds AS w
          JOIN rules AS r
            ON SUBSTRING(d.division_code, 1, LENGTH(r.division_prefix)) = r.division_prefix
           AND r.valid_from <= w.until AND (r.valid_to IS NULL OR w.until <= r.valid_to)
        ) AS c
        WHERE rn = 1 AND enabled
    """


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
            _tail("c.id_number"),
            "'）于'",
            _text("c.issued_date"),
            "'新取得'",
            _GRADE.format(g="c.grade"),
            "'级'",
            "c.category",
            "'残疾证，家庭照料负担和支出可能增加'",
        ]
    )
    # a renewal or re-assessment is not new: any earlier certificate at or above the grade suppresses it
    return f"""
        SELECT CONCAT('{SEVERE_DISABILITY}:', c.id_number, ':', {_text("c.issued_date")}) AS warning_key,
               '{SEVERE_DISABILITY}' AS rule_code, r.rule_id, r.severity, m.household_id, c.id_number,
               m.division_code, c.issued_date AS event_date, {reason} AS reason, CONCAT('[', {ev}, ']') AS evidence
        FROM disability_cert AS c
        JOIN members AS m ON m.id_number = c.id_number
        CROSS JOIN window_bounds AS w
        {_rule("m.division_code", SEVERE_DISABILITY)}
        LEFT JOIN disability_cert AS p
          ON p.id_number = c.id_number AND p.issued_date < c.issued_date AND p.grade <= r.grade
        WHERE {_in_window("c.issued_date")} AND c.grade <= r.grade AND p.id_number IS NULL
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
            _tail("d.id_number"),
            "'）于'",
            _text("d.death_date"),
            "'死亡（终年'",
            _text(age),
            "'岁），家庭可能失去主要劳动力和收入来源'",
        ]
    )
    return f"""
        SELECT CONCAT('{WORKING_AGE_DEATH}:', d.id_number, ':', {_text("d.death_date")}) AS warning_key,
               '{WORKING_AGE_DEATH}' AS rule_code, r.rule_id, r.severity, m.household_id, d.id_number,
               m.division_code, d.death_date AS event_date, {reason} AS reason, CONCAT('[', {ev}, ']') AS evidence
        FROM deaths AS d
        JOIN members AS m ON m.id_number = d.id_number
        CROSS JOIN window_bounds AS w
        {_rule("m.division_code", WORKING_AGE_DEATH)}
        WHERE {_in_window("d.death_date")} AND m.birth_date IS NOT NULL
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
            _tail("u.id_number"),
            "'）于'",
            _text("u.registered_date"),
            "'新登记失业，家庭收入可能下降'",
        ]
    )
    # one registration is delivered as one row per benefit month: the registration is the event
    return f"""
        SELECT CONCAT('{UNEMPLOYMENT}:', u.id_number, ':', {_text("u.registered_date")}) AS warning_key,
               '{UNEMPLOYMENT}' AS rule_code, r.rule_id, r.severity, m.household_id, u.id_number,
               m.division_code, u.registered_date AS event_date, {reason} AS reason,
               CONCAT('[', {ev}, ']') AS evidence
        FROM (SELECT e.id_number, e.registered_date, COUNT(DISTINCT e.benefit_month) AS benefit_months,
                     {from_cents(f"SUM({cents('e.benefit_amount')})")} AS benefit_total
              FROM unemployment AS e CROSS JOIN window_bounds AS w
              WHERE {_in_window("e.registered_date")}
              GROUP BY e.id_number, e.registered_date) AS u
        JOIN members AS m ON m.id_number = u.id_number
        {_rule("m.division_code", UNEMPLOYMENT)}
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
            _text("g.event_date"),
            "'遭受'",
            "g.kind",
            "'灾害，损失'",
            _yuan("g.loss_cents"),
            "'元，超过'",
            _yuan(cents("r.amount")),
            "'元'",
        ]
    )
    return f"""
        SELECT CONCAT('{DISASTER_LOSS}:', g.household_id, ':', {_text("g.event_date")}, ':', g.kind) AS warning_key,
               '{DISASTER_LOSS}' AS rule_code, r.rule_id, r.severity, g.household_id, g.id_number,
               h.division_code, g.event_date, {reason} AS reason, CONCAT('[', g.rows, ']') AS evidence
        FROM (SELECT m.household_id, l.event_date, l.kind, MIN(l.id_number) AS id_number,
                     SUM({cents("l.loss_amount")}) AS loss_cents, {sorted_join(row)} AS rows
              FROM disaster_loss AS l JOIN members AS m ON m.id_number = l.id_number
              CROSS JOIN window_bounds AS w
              WHERE {_in_window("l.event_date")}
              GROUP BY m.household_id, l.event_date, l.kind) AS g
        JOIN households AS h ON h.household_id = g.household_id
        {_rule("h.division_code", DISASTER_LOSS)}
        WHERE g.loss_cents > {cents("r.amount")}
    """


def _medical_households() -> str:
    # households with a bill settled in the window: the only ones whose 12-month total can have changed
    return f"""
        SELECT m.household_id, MAX(b.settle_date) AS event_date, MIN(b.id_number) AS id_number
        FROM medical_bills AS b JOIN members AS m ON m.id_number = b.id_number
        CROSS JOIN window_bounds AS w
        WHERE {_in_window("b.settle_date")}
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
        {_rule("h.division_code", MEDICAL_EXPENSE)}
    """


def _medical_totals() -> str:
    # sums only: evidence is assembled afterwards for the few households that cross the line
    return f"""
        SELECT s.household_id, SUM({cents("b.self_paid")}) AS total_cents,
               SUM(CASE WHEN {_in_window("b.settle_date")} THEN {cents("b.self_paid")} ELSE 0 END) AS new_cents
        FROM medical_scope AS s
        JOIN members AS m ON m.household_id = s.household_id
        JOIN medical_bills AS b ON b.id_number = m.id_number
        CROSS JOIN window_bounds AS w
        WHERE {_date_key("b.settle_date")} > s.start_key AND b.settle_date <= w.until
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
            _text("s.months"),
            "'个月家庭医疗自付费用'",
            _yuan("s.total_cents"),
            "'元'",
            f"""CASE WHEN s.total_cents > s.amount_cents THEN CONCAT('，超过', {_yuan("s.amount_cents")}, '元')
                ELSE CONCAT('，占同期家庭收入', {_yuan(income)}, '元的',
                            {_text(round_div("s.total_cents * 100", f"NULLIF({income}, 0)"))}, '%（超过',
                            {_text(round_div("s.ratio_bp", "100"))}, '%）') END""",
            "'，存在支出型困难风险'",
        ]
    )
    return f"""
        SELECT CONCAT('{MEDICAL_EXPENSE}:', s.household_id, ':', {_text("s.event_date")}) AS warning_key,
               '{MEDICAL_EXPENSE}' AS rule_code, s.rule_id, s.severity, s.household_id, s.id_number,
               s.division_code, s.event_date, {reason} AS reason,
               CONCAT('[', {sorted_join(row)}, ',', {summary}, ']') AS evidence
        FROM medical_hits AS s
        JOIN members AS m ON m.household_id = s.household_id
        JOIN medical_bills AS b ON b.id_number = m.id_number
        CROSS JOIN window_bounds AS w
        WHERE {_date_key("b.settle_date")} > s.start_key AND b.settle_date <= w.until
        GROUP BY s.household_id, s.event_date, s.id_number, s.division_code, s.rule_id, s.severity, s.months,
                 s.total_cents, s.amount_cents, s.ratio_bp, s.income_cents
    """


def _warnings() -> str:
    union = " UNION ALL ".join(
        f"SELECT {_COLUMNS} FROM {name}"
        for name in ("w_disability", "w_death", "w_unemployment", "w_disaster", "w_medical", "w_income")
    )
    # several rows may share a key (two certificates on one day, a death delivered by two sources)
    return f"""
        SELECT {_COLUMNS} FROM (
          SELECT u.*, ROW_NUMBER() OVER (PARTITION BY warning_key ORDER BY evidence, reason, id_number) AS rn
          FROM ({union}) AS u
        ) AS d WHERE rn = 1
    """


def monitoring_steps(*, incremental: bool = True) -> list[Step]:
    """Every step of the job in order; ``warnings`` is the output. ``incremental``: narrow the population to
    the households the window's events touch first (a daily run); a long window touches nearly everyone, and
    the narrowing would only cost a pass over every event."""
    from .monitoring_income_sql import income_steps  # the income rules build on this module's helpers

    return [
        _step("window_bounds", _window_bounds()),
        _step("members", _members() if incremental else "SELECT * FROM population", reused=incremental),
        _step("households", _household_figures("members")),
        _step("rule_choice", _rule_choice()),
        _step("w_disability", _severe_disability(), reused=False),
        _step("w_death", _working_age_death(), reused=False),
        _step("w_unemployment", _unemployment(), reused=False),
        _step("w_disaster", _disaster_loss(), reused=False),
        _step("medical_households", _medical_households()),
        _step("medical_scope", _medical_scope()),
        _step("medical_totals", _medical_totals()),
        _step("medical_income", _medical_income()),
        _step("medical_hits", _medical_hits()),
        _step("w_medical", _medical_expense(), reused=False),
        *income_steps(),
        _step("warnings", _warnings()),
    ]
