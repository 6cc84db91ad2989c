"""Community service facilities, 社区工作者 and grids.

《关于加强和完善城乡社区治理的意见》(2017): 每百户居民拥有综合服务设施面积不低于30平方米; 浑南区“十四五”规划: 城市社区
每百户不少于40平方米、总建筑面积不少于600平方米; 辽宁、丹东“十四五”规划: 每万名城镇常住人口拥有社区工作者18人;
grids: 300–500 households per urban grid, a villagers' group per rural grid (local practice, `domain-rules-2.md` §6.1).
"""

from decimal import ROUND_HALF_UP, Decimal

TWO = Decimal("0.01")


def area_per_100_households(area_m2: Decimal, households: int) -> Decimal | None:
    if households <= 0:
        return None
    return (Decimal(area_m2) * 100 / households).quantize(TWO, ROUND_HALF_UP)


def facility_problems(
    area_m2: Decimal, households: int, min_per_100: Decimal, min_total: Decimal
) -> list[str]:
    """What a community's centres fall short of (both figures are “不低于”: equal meets the standard)."""
    problems = []
    per_100 = area_per_100_households(area_m2, households)
    if households > 0 and Decimal(area_m2) * 100 < min_per_100 * households:  # unrounded: 29.998 is short
        problems.append(f"每百户{per_100}平方米，低于{min_per_100}平方米")
    if area_m2 < min_total:
        problems.append(f"总面积{area_m2}平方米，低于{min_total}平方米")
    return problems


def workers_per_10k(workers: int, urban_residents: int) -> Decimal | None:
    if urban_residents <= 0:
        return None
    return (Decimal(workers) * 10000 / urban_residents).quantize(TWO, ROUND_HALF_UP)


def grid_size_warning(households: int, minimum: int, maximum: int) -> str:
    if households < minimum:
        return f"网格{households}户，少于{minimum}户"
    if households > maximum:
        return f"网格{households}户，超过{maximum}户"
    return ""


def percentage(part: int, whole: int) -> Decimal | None:
    if whole <= 0:
        return None
    return (Decimal(part) * 100 / whole).quantize(TWO, ROUND_HALF_UP)
