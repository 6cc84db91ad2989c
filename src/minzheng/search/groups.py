"""What the 全局检索 searches, in the order its groups are shown: each kind of record from its own domain's
search function (core's selectors for the registry, each domain's ``interface.py`` for the rest)."""

from collections.abc import Callable
from dataclasses import dataclass

from minzheng.assistance.interface import search_cases, search_enrolments
from minzheng.core.search_terms import SearchTerm
from minzheng.core.selectors.search import SearchHit, search_households, search_persons
from minzheng.eldercare.interface import search_elders
from minzheng.monitoring.interface import search_warnings


@dataclass(frozen=True)
class Group:
    """One kind of record in the results (人员, 家庭 …) and the function that finds it."""

    slug: str
    label: str
    find: Callable[[object, SearchTerm, int], list[SearchHit]]


GROUPS = (
    Group("persons", "人员", search_persons),
    Group("households", "家庭", search_households),
    Group("cases", "救助申请", search_cases),
    Group("enrolments", "救助对象", search_enrolments),
    Group("warnings", "监测预警", search_warnings),
    Group("elders", "养老服务老年人", search_elders),
)


@dataclass(frozen=True)
class Found:
    group: Group
    hits: list[SearchHit]
    more: bool  # the group has more hits than shown


def search_everything(user, term: SearchTerm, limit: int) -> list[Found]:
    """Every group's hits for the term (each group fetches one more than ``limit`` to know there are more)."""
    found = []
    for group in GROUPS:
        hits = group.find(user, term, limit + 1)
        found.append(Found(group, hits[:limit], len(hits) > limit))
    return found
