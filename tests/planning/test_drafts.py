"""The review step keeps a draft as JSON; it must come back whole."""

from pathlib import Path

from minzheng.planning.drafts import draft_from_dict, draft_to_dict
from minzheng.planning.importer import parse_plan_text

PLANS = Path(__file__).resolve().parents[2] / "data" / "plans"


def test_a_draft_survives_its_json_form():
    draft = parse_plan_text((PLANS / "dandong-city-plan.txt").read_text(encoding="utf-8"))
    back = draft_from_dict(draft_to_dict(draft))
    assert back == draft
    assert back.indicators[0].table.startswith("专栏1")
