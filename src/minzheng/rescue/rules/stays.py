"""Intake and discharge rules of a station (救助管理办法 国务院令第381号; 实施细则 民政部令第24号)."""

from enum import StrEnum


class IntakeSource(StrEnum):
    """How a person came: on their own (Art 2, voluntary), escorted by police (Art 5, with the 交接表), brought by
    城管 or other officials (Art 5), or found on a public report."""

    SELF = "self"
    POLICE = "police"
    URBAN_MANAGEMENT = "urban"
    PUBLIC_REPORT = "public"


class Discharge(StrEnum):
    RETURNED_HOME = "returned"  # 接送返回 (Art 7: 返回住所地的乘车凭证 / 接送)
    FAMILY_COLLECTED = "family"  # 亲属领回 (Art 11: 通知其亲属或所在单位领回)
    CARE_PLACEMENT = "care"  # 转介托养
    HOSPITAL = "hospital"  # 送医
    SETTLED = "settled"  # 落户安置 (2015 意见)
    LEFT = "left"  # 自愿离站 (Art 11: 不得限制受助人员离开)
    DIED = "died"  # 死亡


def handover_required(source: str) -> bool:
    """A police escort comes with its 交接表 (Art 5 — 公安机关 引导、护送到救助站); the number is recorded."""
    return source == IntakeSource.POLICE


def discharge_needs_destination(kind: str) -> bool:
    """Where the person went must be recorded for these: returned home, family, 托养, hospital, 落户."""
    return kind in {
        Discharge.RETURNED_HOME,
        Discharge.FAMILY_COLLECTED,
        Discharge.CARE_PLACEMENT,
        Discharge.HOSPITAL,
        Discharge.SETTLED,
    }


def voluntary_departure_allowed(in_station: bool) -> bool:
    """Art 11: 救助站不得限制受助人员离开救助站 — a person in the station may always leave, whatever the clocks."""
    return in_station


def return_rate(identified: int, returned: int) -> tuple[int, int] | None:
    """查明身份接送返回率 (约束性 100 %): returned ÷ identified discharged persons; None when nobody was identified."""
    return (returned, identified) if identified else None
