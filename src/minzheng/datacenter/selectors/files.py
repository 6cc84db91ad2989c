"""一人一档 / 一户一档: a person's or a household's whole 民政 story, read from every domain's timeline.

The subject is fetched inside the viewer's jurisdiction (another region's person answers as a missing one),
the read is audited as a sensitive one (查看一人一档), and what is shown is masked for the viewer's role: ID
numbers always, names, phone and address for roles that read masked figures (leaders, administrators).
"""

from dataclasses import dataclass, field
from datetime import date

from minzheng.core.identity import mask_id_number, mask_id_numbers_in, mask_name
from minzheng.core.permissions import Capability, has_capability
from minzheng.core.read_audit import Channel, audited_read
from minzheng.core.selectors.divisions import division_name
from minzheng.core.selectors.registry import household_detail, household_history, person_detail
from minzheng.core.timelines import TimelineEntry, TimelineSubject, collect_timeline


@dataclass(frozen=True)
class Member:
    person_id: int
    name: str
    id_number: str  # masked
    relation: str
    current: bool


@dataclass(frozen=True)
class StoryFile:
    """One file (一档): whose it is, shown masked for the viewer, and its entries newest first."""

    kind: str  # "person" | "household"
    pk: int
    title: str
    fields: list[tuple[str, str]]
    entries: list[TimelineEntry]
    members: list[Member] = field(default_factory=list)
    households: list[tuple[int, str, bool]] = field(default_factory=list)  # (pk, 户编号, current)
    domains: list[tuple[str, int]] = field(default_factory=list)  # entries per domain, in order of first show


def reads_full(user) -> bool:
    """Whether the viewer's role reads names, phones and addresses (caseworkers, reviewers, approvers)."""
    return has_capability(user, Capability.REVEAL_ID_NUMBER)


def _shown(user):
    full = reads_full(user)
    return (lambda name: name) if full else mask_name


def _masked_entries(user, entries: list[TimelineEntry]) -> list[TimelineEntry]:
    name = _shown(user)
    return [
        TimelineEntry(
            on=e.on,
            domain=e.domain,
            title=mask_id_numbers_in(e.title),
            detail=mask_id_numbers_in(e.detail),
            url=e.url,
            person_name=name(e.person_name) if e.person_name else "",
        )
        for e in entries
    ]


def _by_domain(entries: list[TimelineEntry]) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for entry in entries:
        counts[entry.domain] = counts.get(entry.domain, 0) + 1
    return list(counts.items())


def _age(birth: date | None, today: date) -> str:
    if birth is None:
        return "—"
    return f"{today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))}岁"


def read_person_file(
    user, pk: int, *, channel: Channel = Channel.PAGE, today: date | None = None
) -> StoryFile:
    """一人一档 for someone to look at: inside the jurisdiction (404 otherwise), audited, masked by role."""
    today = today or date.today()
    person = person_detail(user, pk)
    audited_read(
        user, person, channel=channel, object_type="person", division_code=person.residence_division_code,
        summary=f"查看一人一档 {person.name}",
    )  # fmt: skip
    memberships = list(person.memberships.select_related("household").order_by("-valid_from", "-pk"))
    subject = TimelineSubject(
        person_ids=frozenset({person.pk}),
        household_ids=frozenset(m.household_id for m in memberships),
        id_numbers=frozenset({person.id_number}),
        phones=frozenset({person.phone} if person.phone else ()),
    )
    entries = _masked_entries(user, collect_timeline(user, subject))
    full = reads_full(user)
    name = _shown(user)(person.name)
    fields = [
        ("姓名", name),
        ("公民身份号码", mask_id_number(person.id_number)),
        ("性别", person.get_sex_display()),
        ("年龄", "已故" if person.is_deceased else _age(person.birth_date, today)),
        ("居住地", division_name(person.residence_division_code)),
        ("联系电话", (person.phone or "—") if full else "（按角色隐去）"),
    ]
    return StoryFile(
        kind="person", pk=person.pk, title=f"一人一档：{name}", fields=fields, entries=entries,
        households=[(m.household_id, m.household.number, m.valid_to is None) for m in memberships],
        domains=_by_domain(entries),
    )  # fmt: skip


def read_household_file(user, pk: int, *, channel: Channel = Channel.PAGE) -> StoryFile:
    """一户一档: the household and every member past and present, inside the jurisdiction, audited, masked."""
    household = household_detail(user, pk)
    audited_read(
        user, household, channel=channel, object_type="household",
        division_code=household.residence_division_code, summary=f"查看一户一档 {household.number}",
    )  # fmt: skip
    history = list(household_history(household))
    persons = {m.person_id: m.person for m in history}
    subject = TimelineSubject(
        person_ids=frozenset(persons),
        household_ids=frozenset({household.pk}),
        id_numbers=frozenset(p.id_number for p in persons.values()),
        phones=frozenset(p.phone for p in persons.values() if p.phone),
    )
    entries = _masked_entries(user, collect_timeline(user, subject))
    name = _shown(user)
    head = name(household.head.name) if household.head else "（无户主）"
    members = [
        Member(
            person_id=m.person_id,
            name=name(m.person.name),
            id_number=mask_id_number(m.person.id_number),
            relation=m.get_relation_display(),
            current=m.valid_to is None,
        )
        for m in history
    ]
    fields = [
        ("户编号", household.number),
        ("户主", head),
        ("城乡类别", household.get_area_type_display()),
        ("居住地", division_name(household.residence_division_code)),
        ("现有成员", f"{sum(1 for m in members if m.current)}人"),
    ]
    return StoryFile(
        kind="household", pk=household.pk, title=f"一户一档：{household.number}", fields=fields,
        entries=entries, members=members, domains=_by_domain(entries),
    )  # fmt: skip
