"""Views and API functions never query models directly: every read goes through a selector, where the
jurisdiction is applied (conventions, habit 3); and they never pick values out of a POST by hand: a form
(the page kit's ``KitForm``, a ``KitFormSet`` for a grid of rows) reads and checks every posted value, so bad
input is a Chinese error naming the field, never a 500. These checks cover every app, present and future."""

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
# request.POST["x"], request.POST.get("x"), any .getlist(…) (POST or FILES): read through a form instead
HAND_PARSED_POST = re.compile(r"\brequest\.POST\s*\[|\brequest\.POST\.get\s*\(|\.getlist\s*\(")


def _offenders(pattern: re.Pattern) -> list[str]:
    return [
        f"{path.relative_to(SRC)}:{number}: {line.strip()}"
        for path in ENTRY_POINTS
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line)
    ]


def test_views_and_api_read_only_through_selectors():
    offenders = _offenders(DIRECT_QUERY)
    assert not offenders, "query through a selector instead:\n" + "\n".join(offenders)


def test_the_check_sees_the_entry_points():
    assert {p.name for p in ENTRY_POINTS} >= {"registry.py", "api.py", "views.py", "api_cases.py"}


def test_views_and_api_read_posted_values_only_through_forms():
    offenders = _offenders(HAND_PARSED_POST)
    assert not offenders, "read the POST through a KitForm (or a KitFormSet for rows) instead:\n" + "\n".join(
        offenders
    )


def test_the_post_check_sees_each_way_of_parsing_by_hand():
    for line in (
        'year = request.POST["year"]',
        'action = request.POST.get("action", "")',
        'ticked = request.POST.getlist("roles")',
        'chosen = post.getlist("roles")',
        'for upload in request.FILES.getlist("photos"):',
    ):
        assert HAND_PARSED_POST.search(line), line
    for line in ("form = CaseStepForm(request.POST, request.FILES)", 'request.GET.get("year")'):
        assert not HAND_PARSED_POST.search(line), line
