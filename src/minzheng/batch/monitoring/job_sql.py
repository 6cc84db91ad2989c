"""The monitoring job as SQL steps (低收入人口动态监测预警作业): risk rules over department events, once for two engines.

Written in DuckDB syntax and rendered per dialect by sqlglot, like the verification job (``steps.Step``).
Inputs: ``population`` (monitored persons), ``rules`` (dated per-division rule versions), ``run_window``
(events dated after ``since`` up to ``until``), ``income_calendar`` (the months the income rules evaluate)
and the event datasets of exchange-formats.md. Output: ``warnings``, one row per warning key
(rule/household-or-person/event), so evaluating the same events twice can only produce the same keys.
This module holds the steps every rule shares and the order of all steps; the rules are in
``event_rules_sql`` and ``income_rules_sql``.
"""

from __future__ import annotations

from ..sql_fragments import date_month_index
from ..steps import Step, sql_step
from .event_rules_sql import event_steps
from .fragments_sql import WARNING_COLUMNS, household_figures, in_window
from .income_rules_sql import IncomeMonths, household_month_income_step, income_steps
from .medical_sql import medical_steps

INPUT_TABLES: tuple[str, ...] = ("population", "rules", "run_window", "income_calendar")


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
        f"SELECT e.id_number FROM {table} AS e CROSS JOIN window_bounds AS w WHERE {in_window(f'e.{column}')}"
        for table, column in _EVENT_DATES
    )
    return f"""
        SELECT p.* FROM population AS p
        WHERE p.household_id IN (SELECT t.household_id FROM population AS t WHERE t.id_number IN ({touched}))
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


def _warnings() -> str:
    def union(names: tuple[str, ...]) -> str:
        return " UNION ALL ".join(f"SELECT {WARNING_COLUMNS} FROM {name}" for name in names)

    # Only certificates can share a key (two certificates on one day): every other rule yields one row per
    # key. Ranking only those rows, not every warning, saved a sort of the whole output.
    return f"""
        SELECT {WARNING_COLUMNS} FROM (
          SELECT u.*, ROW_NUMBER() OVER (PARTITION BY warning_key ORDER BY evidence, reason, id_number) AS rn
          FROM w_disability AS u
        ) AS d WHERE rn = 1
        UNION ALL {union(("w_death", "w_unemployment", "w_disaster", "w_medical", "w_income"))}
    """


def monitoring_steps(*, incremental: bool = True, income_months: IncomeMonths | None = None) -> list[Step]:
    """Every step of the job in order; ``warnings`` is the output. ``incremental``: narrow the population to
    the households the window's events touch first (a daily run); a long window touches nearly everyone, and
    the narrowing would only cost a pass over every event. A full run (not incremental) needs a calendar
    that holds the medical rule's months too (``income_calendar(..., medical=True)``). ``income_months``: the
    span of the run's ``income_calendar`` (``IncomeMonths`` of it; default: the calendar is empty)."""
    months = income_months or IncomeMonths()
    return [
        sql_step("window_bounds", _window_bounds()),
        # a full run stores the whole population once: eight steps read it, and each read of the registered
        # Arrow table converted every string again
        sql_step("members", _members() if incremental else "SELECT * FROM population"),
        sql_step("households", household_figures("members")),
        sql_step("rule_choice", _rule_choice()),
        *event_steps(),
        household_month_income_step(full=not incremental, months=months),
        *medical_steps(income_from_months=not incremental),
        *income_steps(households_ready=not incremental, months=months),
        # read once, by the sorted fetch: storing 348k rows of text first cost more than the fetch itself
        sql_step("warnings", _warnings(), reused=False),
    ]
