"""居民死亡医学证明: who issues it for which death, paper or electronic by date, date order.

Sources: 国卫规划发〔2013〕57号《人口死亡信息登记管理规范（试行）》 and its 《居民死亡医学证明（推断）书》 — a death in
a medical institution (or 来院已死亡 / 院前急救) is certified by that institution; a normal death at home, in a
care home or elsewhere by the 社区卫生服务机构 or 乡镇卫生院 of the area; an unnatural death not treated by a
hospital by the 公安司法部门. 国卫规划发〔2026〕5号: the unified 《居民死亡医学证明》 from 2026-07-01, the electronic
licence equal to paper, synchronous electronic issue from 2027-01-01 (both dates arrive as arguments: policy
parameters ``funeral_electronic_certificate_from`` and ``funeral_electronic_certificate_required_from``).
"""

from dataclasses import dataclass
from datetime import date

HOSPITAL = "hospital"  # 医疗卫生机构
COMMUNITY = "community"  # 社区卫生服务机构 / 乡镇卫生院
POLICE = "police"  # 公安机关

PLACE_HOSPITAL = "hospital"
PLACE_HOME = "home"
PLACE_CARE_HOME = "care_home"
PLACE_OTHER = "other"

NATURAL = "natural"
UNNATURAL = "unnatural"

PAPER = "paper"
ELECTRONIC = "electronic"


def allowed_issuers(place: str, cause: str) -> frozenset[str]:
    """The issuer kinds that may sign the certificate for a death at ``place`` of ``cause`` (国卫规划发〔2013〕57号)."""
    if cause == UNNATURAL:
        # 未经救治的非正常死亡: 公安司法部门; one treated in hospital is certified by the hospital too.
        return frozenset({POLICE, HOSPITAL}) if place == PLACE_HOSPITAL else frozenset({POLICE})
    if place == PLACE_HOSPITAL:
        return frozenset({HOSPITAL})
    return frozenset({COMMUNITY})


@dataclass(frozen=True)
class CertificateFacts:
    issuer_kind: str
    place: str
    cause: str
    form: str
    issued_on: date
    death_date: date
    birth_date: date | None = None


def certificate_problems(
    facts: CertificateFacts, *, today: date, electronic_from: date, electronic_required_from: date | None
) -> dict[str, str]:
    """Every problem of a certificate, by field (empty when it may be accepted)."""
    problems: dict[str, str] = {}
    if facts.issuer_kind not in allowed_issuers(facts.place, facts.cause):
        problems["issuer_kind"] = (
            "签发机构类别与死亡地点、死亡原因不符（" + _issuer_hint(facts.place, facts.cause) + "）"
        )
    if facts.death_date > today:
        problems["death_date"] = "死亡日期不能晚于今天"
    elif facts.birth_date and facts.death_date < facts.birth_date:
        problems["death_date"] = "死亡日期不能早于出生日期"
    if facts.issued_on < facts.death_date:
        problems["issued_on"] = "签发日期不能早于死亡日期"
    elif facts.issued_on > today:
        problems["issued_on"] = "签发日期不能晚于今天"
    if facts.form == ELECTRONIC and facts.issued_on < electronic_from:
        problems["form"] = (
            f"电子《居民死亡医学证明》自{electronic_from:%Y-%m-%d}起签发，此前签发的应为纸质证明"
        )
    elif (
        facts.form == PAPER
        and electronic_required_from is not None
        and facts.issued_on >= electronic_required_from
    ):
        problems["form"] = f"自{electronic_required_from:%Y-%m-%d}起同步签发电子证明，请按电子证明登记"
    return problems


def _issuer_hint(place: str, cause: str) -> str:
    names = {HOSPITAL: "医疗卫生机构", COMMUNITY: "社区卫生服务机构或乡镇卫生院", POLICE: "公安机关"}
    allowed = sorted(allowed_issuers(place, cause))
    return "应由" + "或".join(names[kind] for kind in allowed) + "出具"
