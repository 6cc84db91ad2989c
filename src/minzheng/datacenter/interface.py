"""数据中心's published interface: the only module other apps may import.

- ``person_file_url`` / ``household_file_url``: where a person's or household's 一人一档 / 一户一档 is (for
  links from 全局检索 or the shell);
- ``quality_by_domain``: the latest 数据质量 scores per domain inside the user's jurisdiction.
"""

from django.urls import reverse

from .selectors.quality import ScoreRow, latest_run, scores_by_domain


def person_file_url(person_id: int) -> str:
    return reverse("datacenter:person_file", args=[person_id])


def household_file_url(household_id: int) -> str:
    return reverse("datacenter:household_file", args=[household_id])


def quality_by_domain(user) -> list[ScoreRow]:
    run = latest_run()
    return scores_by_domain(user, run) if run is not None else []


__all__ = ["ScoreRow", "household_file_url", "person_file_url", "quality_by_domain"]
