"""The page checks walk the demo ``make db demo`` builds: every command of those two Makefile targets is run by
``build_demo_world`` too (a new domain's demo left out of it once kept its pages out of every whole-site check)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _target_commands(makefile: str, target: str) -> set[str]:
    body = re.search(rf"^{target}:.*?\n((?:\t.*\n|\s*\n)+)", makefile, re.M)
    assert body, f"the Makefile has a {target} target"
    return set(re.findall(r"manage\.py (\w+)", body.group(1)))


def test_the_demo_world_runs_every_command_of_make_db_and_make_demo():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    wanted = _target_commands(makefile, "db") | _target_commands(makefile, "demo")
    world = (ROOT / "tests/e2e/demo_world.py").read_text(encoding="utf-8")
    ran = set(re.findall(r"\"(\w+)\"", world))  # call_command("x") and the names of its loop
    assert {"migrate", "load_divisions"} <= wanted
    assert (
        sorted(wanted - ran - {"migrate", "shell"}) == []
    )  # shell: the db target asks whether divisions exist
