"""Code tables of the 社会救助 domain: program categories, benefit formulas, standard kinds, areas, periods."""

from django.db import models


class ProgramCategory(models.TextChoices):
    """救助项目类别: the programs every seed plan's chapter 2 names (issue 3)."""

    DIBAO_URBAN = "dibao_urban", "城市低保"
    DIBAO_RURAL = "dibao_rural", "农村低保"
    TEKUN_CENTRALISED = "tekun_centralised", "特困人员救助供养（集中供养）"
    TEKUN_DISPERSED = "tekun_dispersed", "特困人员救助供养（分散供养）"
    DIBAO_EDGE = "dibao_edge", "低保边缘家庭"
    EXPENDITURE_HARDSHIP = "expenditure_hardship", "支出型困难家庭"
    TEMPORARY_EMERGENCY = "temporary_emergency", "临时救助（急难型）"
    TEMPORARY_EXPENDITURE = "temporary_expenditure", "临时救助（支出型）"
    ORPHAN_CENTRALISED = "orphan_centralised", "孤儿基本生活费（集中养育）"
    ORPHAN_SCATTERED = "orphan_scattered", "孤儿基本生活费（分散养育）"
    DE_FACTO_UNATTENDED_CHILD = "de_facto_unattended_child", "事实无人抚养儿童基本生活费"
    DISABILITY_LIVING = "disability_living", "困难残疾人生活补贴"
    DISABILITY_CARE = "disability_care", "重度残疾人护理补贴"
    LONGEVITY = "longevity", "高龄津贴"
    ELDERLY_HARDSHIP = "elderly_hardship", "经济困难老年人补贴"


class BenefitFormula(models.TextChoices):
    """计发方式: how a program turns its standard into a monthly amount (the formulas live in ``rules``)."""

    TOP_UP = "top_up", "补差（标准−人均收入）×人数"
    STANDARD_PLUS_CARE = "standard_plus_care", "基本生活标准＋照料护理标准"
    FIXED_MONTHLY = "fixed_monthly", "按月定额"
    MULTIPLE_OF_STANDARD = "multiple_of_standard", "月低保标准×倍数（封顶）"
    ELIGIBILITY_ONLY = "eligibility_only", "仅认定身份（享受专项救助）"


class StandardKind(models.TextChoices):
    """保障标准种类. 低保边缘 and 特困基本生活 are derived from the 低保标准 unless a division sets them."""

    DIBAO = "dibao", "低保标准"
    DIBAO_EDGE = "dibao_edge", "低保边缘家庭认定标准"
    TEKUN_BASIC = "tekun_basic", "特困人员基本生活标准"
    TEKUN_CARE_SELF = "tekun_care_self", "特困照料护理标准（全自理）"
    TEKUN_CARE_PARTIAL = "tekun_care_partial", "特困照料护理标准（半护理）"
    TEKUN_CARE_FULL = "tekun_care_full", "特困照料护理标准（全护理）"
    ORPHAN_CENTRALISED = "orphan_centralised", "孤儿基本生活费（集中养育）"
    ORPHAN_SCATTERED = "orphan_scattered", "孤儿基本生活费（散居）"
    DE_FACTO_UNATTENDED_CHILD = "de_facto_unattended_child", "事实无人抚养儿童基本生活费"
    DISABILITY_LIVING = "disability_living", "困难残疾人生活补贴标准"
    DISABILITY_CARE = "disability_care", "重度残疾人护理补贴标准"
    LONGEVITY = "longevity", "高龄津贴标准"
    ELDERLY_HARDSHIP = "elderly_hardship", "经济困难老年人补贴标准"


DERIVED_KINDS = frozenset({StandardKind.DIBAO_EDGE, StandardKind.TEKUN_BASIC})


class Area(models.TextChoices):
    """城市 / 农村, or one figure for both (不分城乡)."""

    URBAN = "urban", "城市"
    RURAL = "rural", "农村"
    ALL = "all", "不分城乡"


class StandardPeriod(models.TextChoices):
    PER_MONTH = "month", "元/人/月"
    PER_YEAR = "year", "元/人/年"


class DecidingLevel(models.TextChoices):
    """审核确认 by the county 民政部门, or by the township where the power is delegated (下放)."""

    COUNTY = "county", "县级民政部门"
    TOWNSHIP = "township", "乡镇（街道）"
