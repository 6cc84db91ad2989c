"""临时救助: the amount by multiples of the 低保标准, and 急难型 先行救助 from the township 备用金.

Source: 国务院《关于全面建立临时救助制度的通知》(国发〔2014〕47号) and 《社会救助暂行办法》(国务院令第649号);
the multiple, the cap and the township reserve are set by provincial and municipal rules.
"""

from decimal import Decimal

from .errors import AssistanceRuleError
from .money import ZERO, round_yuan


def temporary_assistance_amount(
    monthly_dibao_standard: Decimal,
    months_of_standard: Decimal,
    cap: Decimal,
    assessed_need: Decimal | None = None,
) -> Decimal:
    """临时救助金 = ``months_of_standard`` × monthly 低保标准, not above the cap (nor the assessed need, if given).

    Source: 国发〔2014〕47号 — 临时救助标准 set locally, commonly a multiple of the monthly 低保标准 with a
    per-case ceiling that larger amounts exceed only by 个案会商 (a separate decision, not this function).
    """
    if months_of_standard < 0 or cap < 0:
        raise AssistanceRuleError("multiple and cap cannot be negative")
    amount = min(monthly_dibao_standard * months_of_standard, cap)
    if assessed_need is not None:
        amount = min(amount, assessed_need)
    return round_yuan(max(amount, ZERO))


def township_reserve_fund(registered_residents: int, per_resident_per_year: Decimal) -> Decimal:
    """乡镇(街道) 临时救助备用金 for a year: residents × amount per resident (the plans: ≈ 2 元, 丹东)."""
    if registered_residents < 0 or per_resident_per_year < 0:
        raise AssistanceRuleError("residents and amount cannot be negative")
    return round_yuan(per_resident_per_year * registered_residents)


def emergency_advance_amount(
    requested: Decimal, per_case_limit: Decimal, reserve_balance: Decimal
) -> Decimal:
    """急难型 先行救助 the township may pay at once: the request, capped by its per-case limit and by what is
    left of its 备用金. Papers are completed afterwards (先行救助, 事后补充说明).

    Source: 国发〔2014〕47号 and 民政部《关于进一步加强和改进临时救助工作的意见》(民发〔2018〕23号).
    """
    return round_yuan(max(min(requested, per_case_limit, reserve_balance), ZERO))
