"""A job step (作业步骤): one named SELECT, written once in DuckDB syntax and rendered per engine by sqlglot.

Shared by both jobs and the backends: a backend only needs a step's name, its SQL in its own dialect and
whether later steps read it more than once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import sqlglot
from sqlglot import exp


@dataclass(frozen=True)
class Step:
    """One named SELECT of a job, as written (DuckDB syntax). ``reused`` steps are read by several later
    steps, so backends store them (DuckDB table, Spark cache); the others stay views that the engine fuses
    into their one reader."""

    name: str
    text: str
    reused: bool = True

    @cached_property
    def query(self) -> exp.Expression:
        return sqlglot.parse_one(self.text, read="duckdb")

    def sql(self, dialect: str) -> str:
        # DuckDB runs the text as written: parsing and re-rendering it cost ~0.3 s a run (a tenth of a daily
        # monitoring run's budget) and changed nothing; the tests run every job on Spark too
        if dialect == "duckdb":
            return self.text
        return self.query.sql(dialect=dialect, identify=True)


def sql_step(name: str, sql: str, *, reused: bool = True) -> Step:
    """The step ``name`` (parsed for another engine only when that engine asks for it)."""
    return Step(name, sql, reused)
