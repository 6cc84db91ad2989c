"""A job step (作业步骤): one named SELECT, written once in DuckDB syntax and rendered per engine by sqlglot.

Shared by both jobs and the backends: a backend only needs a step's name, its SQL in its own dialect and
whether later steps read it more than once.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlglot
from sqlglot import exp


@dataclass(frozen=True)
class Step:
    """One named SELECT of a job. ``reused`` steps are read by several later steps, so backends store
    them (DuckDB table, Spark cache); the others stay views that the engine fuses into their one reader."""

    name: str
    query: exp.Expression
    reused: bool = True

    def sql(self, dialect: str) -> str:
        return self.query.sql(dialect=dialect, identify=True)


def sql_step(name: str, sql: str, *, reused: bool = True) -> Step:
    """Parse ``sql`` (DuckDB syntax) into the step ``name``."""
    return Step(name, sqlglot.parse_one(sql, read="duckdb"), reused)
