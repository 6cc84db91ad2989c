"""The README's contract tables are the code's schemas: a docs change without a code change fails here."""

from __future__ import annotations

from pathlib import Path

import pytest

from minzheng.batch.intake.contracts import REJECTED_ROWS_SCHEMA
from minzheng.batch.verification import REQUESTS_SCHEMA
from minzheng.batch.verification.contracts import (
    HOUSEHOLD_RESULTS_SCHEMA,
    MEMBER_INCOME_SCHEMA,
    PARAMETERS_SCHEMA,
)

README = Path(__file__).parents[2] / "src" / "minzheng" / "batch" / "README.md"


def _table_after(heading: str) -> list[tuple[str, str]]:
    lines = README.read_text(encoding="utf-8").split(f"### {heading}", 1)[1].splitlines()
    end = next((i for i, line in enumerate(lines[1:]) if line.startswith("##")), len(lines))
    rows = [line for line in lines[1 : end + 1] if line.startswith("|")][2:]
    return [tuple(cell.strip() for cell in row.strip("|").split("|")[:2]) for row in rows]


@pytest.mark.parametrize(
    ("heading", "schema"),
    [
        ("requests", REQUESTS_SCHEMA),
        ("parameters", PARAMETERS_SCHEMA),
        ("household_results", HOUSEHOLD_RESULTS_SCHEMA),
        ("member_income", MEMBER_INCOME_SCHEMA),
        ("rejected rows", REJECTED_ROWS_SCHEMA),
    ],
)
def test_readme_contract_table_matches_the_schema(heading, schema):
    assert _table_after(heading) == [(f.name, str(f.type)) for f in schema]
