"""残疾人两项补贴 eligibility and dates — pure, no Django.

Source: 国务院《关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》(国发〔2015〕52号) as summarised in
domain-rules-2 §9: 困难残疾人生活补贴 for certified disabled persons in 低保 households (a province may extend it
to 低保边缘); 重度残疾人护理补贴 for grade 1–2 (第二代残疾人证), and grade 3–4 智力/精神 where adopted.
Both need a certificate valid on the day. Benefit from the month of application (§9 local procedure [W18]).
The province's choices come in as arguments (dated parameters), never as literals here.
"""

from dataclasses import dataclass
from datetime import date, timedelta

LIVING = "living"
CARE = "care"
CATEGORIES = ("视力", "听力", "言语", "肢体", "智力", "精神", "多重")
MENTAL = frozenset({"智力", "精神"})
SEVERE = frozenset({1, 2})


@dataclass(frozen=True)
class Certificate:
    category: str
    grade: int
    valid_from: date
    valid_until: date | None


@dataclass(frozen=True)
class Household:
    in_dibao: bool
    in_dibao_edge: bool


@dataclass(frozen=True)
class Options:
    """The province's extensions (国发〔2015〕52号 "有条件的地方可…")."""

    living_includes_dibao_edge: bool = False
    care_mental_grades_3_4: bool = False


def certificate_valid_on(certificate: Certificate | None, on: date) -> bool:
    if certificate is None:
        return False
    return certificate.valid_from <= on and (certificate.valid_until is None or on <= certificate.valid_until)


def living_eligible(
    certificate: Certificate | None, household: Household, options: Options, on: date
) -> bool:
    """困难残疾人生活补贴: a valid certificate (any grade, any type) and a 低保 household (or 低保边缘 where
    extended)."""
    if not certificate_valid_on(certificate, on):
        return False
    return household.in_dibao or (options.living_includes_dibao_edge and household.in_dibao_edge)


def care_eligible(certificate: Certificate | None, options: Options, on: date) -> bool:
    """重度残疾人护理补贴: grade 1–2 of any type; grade 3–4 智力/精神 where the province adopted it. Not tied to
    household income."""
    if not certificate_valid_on(certificate, on):
        return False
    if certificate.grade in SEVERE:
        return True
    return options.care_mental_grades_3_4 and certificate.category in MENTAL and certificate.grade in (3, 4)


def eligible(
    kind: str, certificate: Certificate | None, household: Household, options: Options, on: date
) -> bool:
    if kind == LIVING:
        return living_eligible(certificate, household, options, on)
    if kind == CARE:
        return care_eligible(certificate, options, on)
    raise ValueError(kind)


def refusal_reason(
    kind: str, certificate: Certificate | None, household: Household, options: Options, on: date
) -> str:
    """Why not, in Chinese ('' when eligible)."""
    if certificate is None:
        return "未查到该人员的残疾人证"
    if not certificate_valid_on(certificate, on):
        return f"残疾人证在 {on} 不在有效期内"
    if eligible(kind, certificate, household, options, on):
        return ""
    if kind == LIVING:
        return "所在家庭不是低保家庭" + ("或低保边缘家庭" if options.living_includes_dibao_edge else "")
    return "残疾等级不是一、二级" + (
        "（三、四级仅限智力、精神残疾）" if options.care_mental_grades_3_4 else ""
    )


def first_paid_month(applied_on: date) -> date:
    """从申请当月起发放 (domain-rules-2 §9 [W18])."""
    return applied_on.replace(day=1)


def publicity_ends(starts_on: date, days: int) -> date:
    """公示 of at least ``days`` calendar days: the last day of the notice."""
    return starts_on + timedelta(days=days - 1)
