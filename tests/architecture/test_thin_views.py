"""Views and API functions never query models directly: every read goes through a selector, where the
jurisdiction is applied (conventions, habit 3). This check covers every app, present and future."""

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "minzheng"
ENTRY_POINTS = [
    *SRC.glob("*/views.py"),
    *SRC.glob("*/views/*.py"),
    *SRC.glob("*/api.py"),
    *SRC.glob("*/api_*.py"),
    *SRC.glob("*/api/*.py"),
    SRC / "api.py",
]
DIRECT_QUERY = re.compile(r"\b[A-Z]\w*\.objects\b|\bget_object_or_404\(|\bget_list_or_404\(")


def test_views_and_api_read_only_through_selectors():
    offenders = [
        f"{path.relative_to(SRC)}:{number}: {line.strip()}"
        for path in ENTRY_POINTS
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if DIRECT_QUERY.search(line)
    ]
    assert not offenders, "query through a selector instead:\n" + "\n".join(offenders)


def test_the_check_sees_the_entry_points():
    assert {p.name for p in ENTRY_POINTS} >= {"registry.py", "api.py", "views.py", "api_cases.py"}
