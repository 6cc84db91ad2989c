"""The income rules of the monitoring job (收入降至低保线以下 / 低保家庭收入超标·应退尽退) as SQL steps.

Household income per month = tax + pension + unemployment benefit of its members; a month is evaluated by the
run whose window contains its last day (``income_calendar``). Money in integer 分, as in the event rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..sql_fragments import cents, concat, evidence, from_cents, month_text, round_div, sorted_join
from ..steps import Step, sql_step
from .fragments_sql import INCOME_FEEDS, household_figures, text, yuan
from .rule_codes import INCOME_ABOVE_LINE, INCOME_BELOW_LINE

_WITH_INCOME = "WHERE household_id IN (SELECT household_id FROM household_month_income)"


@dataclass(frozen=True)
class IncomeMonths:
    """收入月历 as the income steps are written for it: the calendar's first and last month ('YYYY-MM'; ``None``
    when the calendar is empty) and how many of its months are evaluated."""

    first: str | None = None
    last: str | None = None
    evaluated: int = 0


def _income_scope(households_ready: bool) -> str:
    # a full run has the figures of every household already (``households`` over the whole population); a
    # household without income rows has no window to sum, so it needs no filtering out there
    figures = (
        "SELECT * FROM households" if households_ready else household_figures("population", _WITH_INCOME)
    )
    code = f"CASE WHEN h.in_dibao THEN '{INCOME_ABOVE_LINE}' ELSE '{INCOME_BELOW_LINE}' END"
    return f"""
        SELECT h.household_id, h.division_code, h.member_count, h.in_dibao, {cents("h.dibao_line")} AS line_cents,
               r.rule_code, r.rule_id, r.severity, r.months,
               CASE WHEN h.in_dibao
                    THEN {round_div(f"{cents('h.dibao_line')} * CAST(r.ratio * 10000 AS BIGINT)", "10000")}
                    ELSE {cents("h.dibao_line")} END AS threshold_cents
        FROM ({figures}) AS h
        JOIN rule_choice AS r ON r.division_code = h.division_code AND r.rule_code = {code}
        WHERE h.dibao_line IS NOT NULL
    """


def _household_month_income(people: str, months: IncomeMonths) -> str:
    # joined to the calendar: on a day no month is evaluated the calendar is empty and the engines skip the
    # income feeds altogether. Its bounds are also written out as constants, which both engines push into the
    # Parquet scan: the join alone let every row of the feeds through to the join (2.3M of 7.6M rows kept on
    # the 1st of a month at full scale, −0.3 s CPU).
    def bounds(month: str) -> str:
        if months.first is None:
            return ""
        return f" WHERE f.{month} >= '{months.first}' AND f.{month} <= '{months.last}'"

    parts = " UNION ALL ".join(
        f"SELECT f.id_number, c.month_index, {cents(f'f.{amount}')} AS amount_cents "
        f"FROM {table} AS f JOIN income_calendar AS c ON c.month = f.{month}{bounds(month)}"
        for table, month, amount in INCOME_FEEDS
    )
    return f"""
        SELECT m.household_id, i.month_index, SUM(i.amount_cents) AS amount_cents
        FROM ({parts}) AS i JOIN {people} AS m ON m.id_number = i.id_number
        GROUP BY m.household_id, i.month_index
    """


def _income_candidates() -> str:
    # Every k-month sum of a household lies between k × its smallest and k × its largest month in the months
    # the rules read (a month without income counting as 0): when both bounds are on the same side of the
    # line, no month can cross it, and the household is not expanded into its windows. The rounding of the
    # averages keeps this exact: with a line T ≥ 0, round(S / per) > T exactly when 2S ≥ (2T + 1) × per.
    # Measured: the bounds leave about one household in ten; summing every window of every household was
    # the largest step of a full run.
    present = "COUNT(*) = e.hi - e.lo + s.months + 1"
    low = f"CASE WHEN {present} THEN MIN(hm.amount_cents) ELSE LEAST(MIN(hm.amount_cents), 0) END"
    high = f"CASE WHEN {present} THEN MAX(hm.amount_cents) ELSE GREATEST(MAX(hm.amount_cents), 0) END"
    line = "(2 * s.threshold_cents + 1) * s.months * s.member_count"
    return f"""
        SELECT s.household_id
        FROM income_scope AS s
        CROSS JOIN (SELECT MIN(month_index) AS lo, MAX(month_index) AS hi FROM income_calendar WHERE evaluate) AS e
        JOIN household_month_income AS hm
          ON hm.household_id = s.household_id AND hm.month_index >= e.lo - s.months AND hm.month_index <= e.hi
        GROUP BY s.household_id, s.months, s.member_count, s.threshold_cents, e.lo, e.hi
        HAVING NOT (s.threshold_cents >= 0 AND (2 * s.months * {low} >= {line} OR 2 * s.months * {high} < {line}))
    """


def _income_sums(narrowed: bool) -> str:
    # sparse: only households with income rows near an evaluated month can cross the line (no rows in either
    # window means 0 both times), so no household × month grid is built
    candidates = "JOIN income_candidates AS k ON k.household_id = hm.household_id" if narrowed else ""

    def window_sum(condition: str) -> str:
        return f"SUM(CASE WHEN {condition} THEN hm.amount_cents ELSE 0 END)"

    return f"""
        SELECT hm.household_id, c.month_index,
               {window_sum("hm.month_index > c.month_index - s.months")} AS current_sum,
               {window_sum("hm.month_index < c.month_index")} AS previous_sum
        FROM household_month_income AS hm
        {candidates}
        JOIN income_scope AS s ON s.household_id = hm.household_id
        JOIN income_calendar AS c
          ON c.evaluate AND hm.month_index >= c.month_index - s.months AND hm.month_index <= c.month_index
        GROUP BY hm.household_id, c.month_index
    """


def _income_averages() -> str:
    per = "s.months * s.member_count"
    return f"""
        SELECT s.*, x.month_index,
               {round_div("x.current_sum", per)} AS current_cents,
               {round_div("x.previous_sum", per)} AS previous_cents
        FROM income_sums AS x JOIN income_scope AS s ON s.household_id = x.household_id
    """


def _income_line(people: str) -> str:
    crossed = """CASE WHEN a.in_dibao
                      THEN a.current_cents > a.threshold_cents AND a.previous_cents <= a.threshold_cents
                      ELSE a.current_cents <= a.threshold_cents AND a.previous_cents > a.threshold_cents END"""
    row = evidence(
        "'household_income'",
        [("household_id", "hm.household_id"), ("month", month_text("hm.month_index"))],
        [("amount", from_cents("hm.amount_cents"))],
    )
    line = evidence(
        "'dibao_standard'",
        [("household_id", "a.household_id")],
        [("members", "a.member_count"), ("dibao_line", from_cents("a.line_cents"))],
    )
    moved = concat(
        [
            "'家庭人均月收入（近'",
            text("a.months"),
            "'个月平均）由'",
            yuan("a.previous_cents"),
            "'元'",
            "CASE WHEN a.in_dibao THEN '升至' ELSE '降至' END",
            yuan("a.current_cents"),
            "'元，'",
            f"""CASE WHEN a.in_dibao THEN CONCAT('超过低保标准', {yuan("a.line_cents")}, '元（核定线',
                     {yuan("a.threshold_cents")}, '元），应核查是否退出（应退尽退）')
                ELSE CONCAT('低于低保标准', {yuan("a.line_cents")}, '元，可能符合低保条件') END""",
        ]
    )
    return f"""
        SELECT CONCAT(a.rule_code, ':', a.household_id, ':', {month_text("a.month_index")}) AS warning_key,
               a.rule_code, a.rule_id, a.severity, a.household_id, MIN(p.id_number) AS id_number,
               a.division_code, CAST(CONCAT({month_text("a.month_index")}, '-01') AS DATE) AS event_date,
               {moved} AS reason,
               CONCAT('[', {sorted_join(row)}, ',', {line}, ']') AS evidence
        FROM income_averages AS a
        -- one row per household (its first member names the warning): joined member by member, each month's
        -- income row came once per member into the evidence
        JOIN (SELECT household_id, MIN(id_number) AS id_number FROM {people} GROUP BY household_id) AS p
          ON p.household_id = a.household_id
        LEFT JOIN household_month_income AS hm
          ON hm.household_id = a.household_id AND hm.month_index > a.month_index - a.months - 1
         AND hm.month_index <= a.month_index
        WHERE {crossed}
        GROUP BY a.rule_code, a.household_id, a.month_index, a.rule_id, a.severity, a.division_code, a.months,
                 a.previous_cents, a.current_cents, a.in_dibao, a.line_cents, a.threshold_cents, a.member_count
    """


def household_month_income_step(*, full: bool, months: IncomeMonths) -> Step:
    """Each household's income per calendar month (the medical rule reads it too in a full run, whose
    ``members`` table is the whole population, read faster than the registered input)."""
    people = "members" if full else "population"
    return sql_step("household_month_income", _household_month_income(people, months))


def income_steps(*, households_ready: bool, months: IncomeMonths) -> list[Step]:
    """The income rules' steps after ``household_month_income``, in order; ``w_income`` holds their warnings.
    ``households_ready``: the ``households`` step covers the whole population (a full run). The averages
    stay a view: only the crossings among them are read, and storing every household-month cost more than
    computing the rules. The households whose bounds straddle the line (``income_candidates``) are found
    first only when several months are evaluated: for one month (the daily run on the 1st) finding them
    costs as much as summing that month's windows for every household."""
    narrowed = months.evaluated > 1
    return [
        sql_step("income_scope", _income_scope(households_ready)),
        *([sql_step("income_candidates", _income_candidates())] if narrowed else []),
        sql_step("income_sums", _income_sums(narrowed), reused=False),
        sql_step("income_averages", _income_averages(), reused=False),
        sql_step("w_income", _income_line("members" if households_ready else "population"), reused=False),
    ]
