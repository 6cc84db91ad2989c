"""Marriages and divorces as life events of the population registry (issue 19).

A registration that changes a registered person's marital status becomes the registry's dated change
(``core.services.registry.record_marital_change``): 结婚 on the registration day, 离婚或婚姻解除 on the day a
divorce is registered or a court's judgment takes effect. The change is filed against the household the person
lives in, and the consumers of the registry's outbox act on it — 社会救助 reviews the household (household
composition sets the 低保 amount: 民法典 第一千零五十条; 最低生活保障审核确认办法 第九条 on 共同生活的家庭成员).

Only parties known to the registry (a ``core.Person`` by 公民身份号码, living) make a change; a back-filled
paper record (补录) describes the past and makes none.
"""

from datetime import date

from minzheng.core.identity import mask_id_number
from minzheng.core.models import Person, RegistryChange
from minzheng.core.services.registry import record_marital_change

from ..models import MarriageRecord, Party


def _persons(marriage: MarriageRecord) -> list[tuple[Party, Person]]:
    parties = list(marriage.parties.all())
    by_number = {
        p.id_number: p
        for p in Person.objects.filter(id_number__in=[x.id_number for x in parties], is_deceased=False)
    }
    found = []
    for party in parties:
        person = by_number.get(party.id_number)
        if person is not None:
            found.append((party, person))
    return found


def _spouse_note(marriage: MarriageRecord, party: Party) -> dict:
    other = next((p for p in marriage.parties.all() if p.pk != party.pk), None)
    if other is None:
        return {}
    return {"spouse_name": other.name, "spouse_id_masked": mask_id_number(other.id_number)}


def marriage_registered(actor, marriage: MarriageRecord) -> list[RegistryChange]:
    """结婚登记 → a 结婚 change for each registered party (none for a 补录)."""
    if marriage.backfilled:
        return []
    return [
        record_marital_change(
            actor,
            person,
            kind=RegistryChange.MARRIED,
            on=marriage.registered_on,
            reason=f"结婚登记 {marriage.certificate_number}（{marriage.registry.name}）",
            after={"certificate_number": marriage.certificate_number} | _spouse_note(marriage, party),
        )
        for party, person in _persons(marriage)
    ]


def marriage_ended(actor, marriage: MarriageRecord, *, on: date, cause: str) -> list[RegistryChange]:
    """离婚登记 or a court's judgment → a 离婚或婚姻解除 change for each registered living party."""
    return [
        record_marital_change(
            actor,
            person,
            kind=RegistryChange.MARRIAGE_ENDED,
            on=on,
            reason=f"{cause}（结婚证 {marriage.certificate_number}）",
            after={"certificate_number": marriage.certificate_number, "cause": cause}
            | _spouse_note(marriage, party),
        )
        for party, person in _persons(marriage)
    ]
