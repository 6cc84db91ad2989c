"""委托照护 (未成年人保护法 Arts 22–23): who may not be the carer, what the parents must do, weekly contact.

Art 22: parents away for work must entrust a 具有照护能力的完全民事行为能力人; not eligible is anyone who
(一) 曾实施性侵害、虐待、遗弃、拐卖、暴力伤害等违法犯罪行为; (二) 有吸毒、酗酒、赌博等恶习;
(三) 曾拒不履行或者长期怠于履行监护、照护职责; (四) 其他不适宜担任被委托人的情形.
Art 23: they inform the school/kindergarten and the 村(居)委会 **in writing**, and contact the child and the
carer **at least once a week**.
"""

from datetime import date, timedelta

DISQUALIFICATIONS = {
    "crime": "曾实施性侵害、虐待、遗弃、拐卖、暴力伤害等违法犯罪行为",
    "vice": "有吸毒、酗酒、赌博等恶习",
    "neglect": "曾拒不履行或者长期怠于履行监护、照护职责",
    "other": "其他不适宜担任被委托人的情形",
}


def carer_warnings(
    *,
    disqualifications: list[str],
    carer_age: int | None,
    adult_age: int,
    agreement_signed_on: date | None,
    school_notified_on: date | None,
    committee_notified_on: date | None,
) -> list[str]:
    """What is wrong with an entrustment, worded for the child's file (empty when nothing is)."""
    warnings = [
        f"被委托人{DISQUALIFICATIONS[code]}，不得作为被委托人（未成年人保护法第二十二条），请督促父母另行委托"
        for code in disqualifications
        if code in DISQUALIFICATIONS
    ]
    if carer_age is not None and carer_age < adult_age:
        warnings.append("被委托人未成年，须委托完全民事行为能力人（未成年人保护法第二十二条）")
    if agreement_signed_on is None:
        warnings.append("未签订书面委托照护协议")
    if school_notified_on is None or committee_notified_on is None:
        warnings.append("父母未书面告知学校和村（居）民委员会委托照护情况（未成年人保护法第二十三条）")
    return warnings


def contact_due(started_on: date, contacts: list[date], interval_days: int) -> date:
    """The last day by which the next contact is due: ``interval_days`` after the latest contact (or the
    entrustment's start) — 未保法 Art 23 "至少每周联系和交流一次" is an interval of 7 days."""
    latest = max([started_on, *contacts])
    return latest + timedelta(days=interval_days)


def missed_weeks(started_on: date, contacts: list[date], until: date, interval_days: int) -> int:
    """Whole ``interval_days`` windows from ``started_on`` up to ``until`` without any contact in them."""
    seen = set(contacts)
    missed, start = 0, started_on
    while start + timedelta(days=interval_days - 1) <= until:
        window = {start + timedelta(days=i) for i in range(interval_days)}
        missed += not (window & seen)
        start += timedelta(days=interval_days)
    return missed


def visit_due(registered_on: date, visits: list[date], interval_days: int) -> date:
    """定期走访: the next visit is due ``interval_days`` after the latest one (or after the file was opened) —
    the frequency is local (no national number: 国发〔2016〕13号 says only "定期")."""
    return max([registered_on, *visits]) + timedelta(days=interval_days)
