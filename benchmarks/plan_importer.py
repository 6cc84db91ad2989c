"""Plan importer against the four reference extractions: per plan and field, matched/expected (extracted).

PYTHONPATH=src .venv/bin/python benchmarks/plan_importer.py [--missing]
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from tests.planning.reference import MEASURES, PLAN_NAMES  # noqa: E402


def main() -> None:
    show_missing = "--missing" in sys.argv
    for name in PLAN_NAMES:
        print(name)
        for field, measure in MEASURES.items():
            result = measure(name)
            print(f"  {field:<11} {result}")
            if show_missing:
                for item in result.missing:
                    print(f"      - {item}")


if __name__ == "__main__":
    main()
