"""Committees for tests, set up through the services."""

from datetime import date

from minzheng.community.models import MemberRole
from minzheng.community.services import committees as svc


def residents_committee(actor, code: str = "210602002001", households: int = 500, members: int = 5):
    c = svc.create_committee(
        actor, division_code=code, kind="residents", households=households, population=households * 2,
        adults=int(households * 1.6), term_start=date(2021, 5, 15), term_number=8,
    )  # fmt: skip
    for i in range(members):
        svc.add_member(
            actor, c, name=f"成员{i}", sex="2" if i % 2 else "1",
            role=MemberRole.DIRECTOR if i == 0 else MemberRole.MEMBER, term_start=date(2021, 5, 15),
        )  # fmt: skip
    return c


def village_committee(actor, code: str = "210602002201", households: int = 300, women: bool = True):
    c = svc.create_committee(
        actor, division_code=code, kind="village", households=households, population=households * 3,
        adults=households * 2, representatives=30, term_start=date(2021, 5, 15), term_number=11,
    )  # fmt: skip
    svc.add_member(actor, c, name="村主任", sex="1", role=MemberRole.DIRECTOR, party_member=True,
                   party_secretary=True, term_start=date(2021, 5, 15))  # fmt: skip
    svc.add_member(
        actor,
        c,
        name="副主任",
        sex="2" if women else "1",
        role=MemberRole.DEPUTY,
        term_start=date(2021, 5, 15),
    )
    svc.add_member(actor, c, name="委员甲", sex="1", role=MemberRole.MEMBER, term_start=date(2021, 5, 15))
    return c
