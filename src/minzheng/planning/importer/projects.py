"""Projects (重大项目/工程): rows of a project table and numbered items of a 专栏 box."""

from __future__ import annotations

import re

from .model import Project
from .tables import Table, join_fragments

NUMBER = re.compile(r"^[约近]?\d+(?:\.\d+)?(?:万|亿)?元?$")
DEADLINE = re.compile(r"20\d\d|持续|长期|年底|年内|—|-")
QUANTITY = re.compile(
    r"[^，,；;。]*?(?:\d+(?:\.\d+)?\s*(?:%|％|‰|个|家|所|张|户|人次|人|名|处|项|平方米|万元|亿元|元|倍|版本)|全覆盖)[^，,；;。]*"
)


def projects_from_table(table: Table) -> list[Project]:
    """One Project per numbered row of a 重大项目 table."""
    roles = [r for r in table.roles if r != "no"]
    projects = []
    for row in table.rows:
        if not row or not row[0].isdigit() or len(row) < 2:
            continue
        cells = _fit_cells(row[1:], roles)
        project = Project(name=cells.get("name", ""), no=int(row[0]), source=table.title)
        project.location = cells.get("location", "")
        project.scale = cells.get("scale", "")
        project.deadline = cells.get("deadline", "")
        project.investment = cells.get("investment", "")
        project.investment_unit = _investment_unit(table.unit_note, project.investment)
        projects.append(project)
    return projects


def _fit_cells(tokens: list[str], roles: list[str]) -> dict[str, str]:
    """Map tokens to roles; surplus tokens (wrapped cells) are glued into the 建设规模 column."""
    if len(tokens) <= len(roles):
        return dict(zip(roles, tokens, strict=False))
    cells: dict[str, str] = {}
    head, tail = list(tokens), []
    for role in reversed(roles):
        if role in ("investment", "deadline") and len(head) > 1:
            tail.insert(0, (role, head.pop()))
        else:
            break
    front_roles = [r for r in roles if r not in {role for role, _ in tail}]
    for role in front_roles[:-1]:
        if head:
            cells[role] = head.pop(0)
    if front_roles and head:
        cells[front_roles[-1]] = join_fragments(head)
    cells.update(dict(tail))
    return cells


def _investment_unit(unit_note: str, investment: str) -> str:
    m = re.search(r"(万元|亿元|元)$", investment)
    if m:
        return m.group(1)
    return unit_note if re.search(r"元", unit_note) else ""


def box_item(box_title: str, number: str, lead: str, body: str) -> Project:
    """A numbered 专栏 item: the lead is the project name, quantities in the body are its targets."""
    targets = [m.group(0).strip() for m in QUANTITY.finditer(body)]
    return Project(
        name=lead,
        no=int(number) if number.isdigit() else None,
        source=box_title,
        description=body,
        targets=targets,
    )


_BUILD = r"(?:开工建设|启动建设|改扩建|新建|建成|打造|搭建完成|搭建|建设|实施|扩建|改建|续建)"
_COUNT = r"\d+(?:\.\d+)?\s*(?:个|处|所|座|家|张|条|台)(?:以上|左右)?"
# A named project: 实施/建设 … 项目/工程/公墓 (“实施铁西区社会福利中心建设项目”), the name running from the verb to
# the suffix and never across a clause mark, so it is the project's full name and not a fragment.
NAMED_PROJECT = re.compile(
    rf"(?:在(?P<place>[^，,。；;、在]{{2,12}}?))?{_BUILD}\s*(?P<count>{_COUNT})?\s*"
    rf"(?P<name>(?:[^，,。；;：:、\d（(]|[（(][^）)]*[）)]){{2,40}}?(?:项目|工程|公墓|陵园))(?P<after>{_COUNT})?"
)
# A facility counted (“新建区域性居家养老服务中心5个”, “打造10个村民公约典型示范社区（村）”).
COUNTED_PROJECT = re.compile(
    rf"{_BUILD}\s*(?P<name1>[^，,。；;、\d]{{2,30}}?)\s*(?P<n1>{_COUNT})|{_BUILD}\s*(?P<n2>{_COUNT})\s*(?P<name2>[^，,。；;]{{2,30}})"
)
# A facility or platform with a place or a date of its own (“在区殡仪馆新建传染病遗体火化专用设施”,
# “2021年搭建完成地名信息库平台”).
PLACED_PROJECT = re.compile(
    rf"(?:在(?P<place>[^，,。；;、在]{{2,12}}?)|(?P<year>20[2-3]\d\s*年(?:底|前|内)?))\s*{_BUILD}\s*"
    rf"(?P<name>[^，,。；;：:、\d]{{4,30}}?(?:设施|中心|平台|馆|院|楼|站|基地))(?=[，,。；;]|$)"
)
# What a counted project builds: a place or a facility, possibly with a bracketed note (社区（村）).
FACILITY = re.compile(
    r"(?:中心|站|村|社区|院|所|馆|公墓|陵园|设施|项目|工程|基地|平台|驿站|家园|食堂|室|楼)(?:[（(][^）)]*[）)])?$"
)
SIZE = re.compile(
    r"[^，,。；;]*?\d+(?:\.\d+)?\s*(?:万|亿)?\s*(?:平方米|平米|㎡|亩|公顷|张|个|处|所|座|台|间|套|人次)[^，,。；;]*"
)
INVESTMENT = re.compile(
    r"(?:总投资|投资|投入)[^，,。；;\d]{0,6}(?P<amount>\d+(?:\.\d+)?)\s*(?P<unit>万元|亿元|元)"
)
GENERIC_NAME = re.compile(r"^(?:一批|一系列|若干|各类|各项|相关|重大|重点|民生|有关|这些|上述|该|公益金)")
PROJECT_SENTENCE = re.compile(r"[^。；;！？]+")
_YEAR = re.compile(r"(?:到|至)?\s*20[2-3]\d\s*年\s*(?:底|前|末|内)?|“十四五”\s*(?:末期?|期末|期间)")


def projects_in_text(paragraph: str, location: str = "") -> list[Project]:
    """Projects written as running text, one per project named in a sentence: a named 项目/工程/公墓 with
    its sizes, counts and investment from the rest of the sentence; else a counted or placed facility
    (浑南: “2025年前新建“城市家园”项目5个”, “在区殡仪馆新建传染病遗体火化专用设施”)."""
    found: list[Project] = []
    for sentence in PROJECT_SENTENCE.findall(paragraph):
        sentence = sentence.strip()
        named = [m for m in NAMED_PROJECT.finditer(sentence) if _specific(m, sentence)]
        if named:
            found.extend(_named_project(sentence, m, location) for m in named)
            continue
        placed = list(PLACED_PROJECT.finditer(sentence))
        for m in placed:
            found.append(
                Project(
                    name=m.group("name").strip(),
                    source="text",
                    location=m.group("place") or location,
                    scale="",
                    deadline=_deadline(sentence),
                    description=sentence,
                )
            )
        if placed:
            continue
        for m in COUNTED_PROJECT.finditer(sentence):
            name = (m.group("name1") or m.group("name2") or "").strip()
            if not FACILITY.search(name) or GENERIC_NAME.match(name):
                continue  # a count of people, beds or organisations is a target, not a project
            found.append(
                Project(
                    name=name,
                    source="text",
                    location=location,
                    scale=re.sub(r"\s+", "", m.group("n1") or m.group("n2") or ""),
                    deadline=_deadline(sentence),
                    description=sentence,
                )
            )
    return found


def _specific(m: re.Match[str], sentence: str) -> bool:
    """A named project worth listing: a proper name (≥ 6 characters) or one given a size or count."""
    name = m.group("name")
    if GENERIC_NAME.match(name):
        return False
    return len(name) >= 8 or bool(m.group("count") or m.group("after") or SIZE.search(sentence[m.end() :]))


def _named_project(sentence: str, m: re.Match[str], location: str) -> Project:
    rest = sentence[m.end() :]
    sizes = [
        s.group(0).strip("，, ")
        for s in SIZE.finditer(rest)
        if not INVESTMENT.search(s.group(0)) and not _YEAR.fullmatch(s.group(0).strip())
    ]
    count = re.sub(r"\s+", "", m.group("count") or m.group("after") or "")
    investment = INVESTMENT.search(rest)
    return Project(
        name=m.group("name").strip(),
        source="text",
        location=m.group("place") or location,
        scale="，".join(([count] if count else []) + sizes),
        deadline=_deadline(sentence),
        investment=investment.group("amount") if investment else "",
        investment_unit=investment.group("unit") if investment else "",
        description=sentence,
    )


def _deadline(sentence: str) -> str:
    m = _YEAR.search(sentence)
    return re.sub(r"\s+", "", m.group(0)) if m else ""
