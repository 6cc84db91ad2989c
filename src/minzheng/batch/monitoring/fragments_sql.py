"""SQL fragments both families of monitoring rules use (event rules and income rules), in DuckDB syntax.

One module both import, so neither rule module depends on the other. Money in integer 分 (``sql_fragments``);
dates compare as ``month_index * 100 + day`` so no engine-specific interval arithmetic is needed.
"""

from __future__ import annotations

from ..sql_fragments import date_month_index, from_cents

#: the columns of every rule's warnings (contract ``monitoring-output``)
WARNING_COLUMNS = (
    "warning_key, rule_code, rule_id, severity, household_id, id_number, division_code, event_date, "
    "reason, evidence"
)


#: the monthly income feeds (dataset, month column, amount column): household income = their sum
INCOME_FEEDS: tuple[tuple[str, str, str], ...] = (
    ("tax_income", "month", "amount"),
    ("pension", "month", "amount"),
    ("unemployment", "benefit_month", "benefit_amount"),
)


def date_key(date: str) -> str:
    return f"({date_month_index(date)} * 100 + DAY({date}))"


def in_window(date: str) -> str:
    """The date is in the run's window (``w`` = ``window_bounds``): after ``since``, up to ``until``."""
    return f"({date} > w.since_or_min AND {date} <= w.until)"


def tail(id_number: str) -> str:
    """Reasons name a member by the last four digits of the ID number: readable, never the full number."""
    return f"SUBSTRING({id_number}, 15, 4)"


def text(value: str) -> str:
    return f"CAST({value} AS VARCHAR)"


def yuan(cents_value: str) -> str:
    return text(from_cents(cents_value))


def rule_join(division: str, code: str) -> str:
    """The rule version in force for the division (``r``): the join drops divisions where it is off."""
    return f"JOIN rule_choice AS r ON r.division_code = {division} AND r.rule_code = '{code}'"


def household_figures(source: str, where: str = "") -> str:
    """Per household: division, members, in 低保, monthly 低保标准 — from ``source`` (a table of members)."""
    return f"""
        SELECT household_id, MIN(division_code) AS division_code, COUNT(*) AS member_count,
               MAX(CASE WHEN in_dibao THEN 1 ELSE 0 END) = 1 AS in_dibao, MIN(dibao_line) AS dibao_line
        FROM {source} {where} GROUP BY household_id
    """
