"""网络祭扫 rules: what a memorial page may show and whether a booking fits the day's places.

Sources: 民政部《关于做好清明节祭扫工作的通知》(yearly: 预约、限流、错峰祭扫, 推广网络祭扫、代祭扫); 个人信息保护法 第二十八条
ff. (a deceased's data are exercised by the next of kin, 第四十九条) — the page shows only what the family consented
to: the name they chose and the dates in the form they chose.
"""

from datetime import date

FULL, YEARS, NONE = "full", "years", "none"


def shown_dates(birth: date | None, death: date, choice: str) -> str:
    """The dates on the public page as the family chose: full dates, years only, or nothing."""
    if choice == NONE:
        return ""
    if choice == YEARS:
        return f"{birth.year} — {death.year}" if birth else f"— {death.year}"
    if birth is None:
        return f"— {death:%Y年%m月%d日}"
    return f"{birth:%Y年%m月%d日} — {death:%Y年%m月%d日}"


def booking_fits(capacity: int, booked: int, party: int, party_max: int) -> str:
    """'' when a party of ``party`` may book the day's remaining places, else why not (in Chinese)."""
    if party < 1 or party > party_max:
        return f"每次预约人数应为1至{party_max}人"
    if booked + party > capacity:
        return f"当日剩余{max(capacity - booked, 0)}个名额，不足{party}人"
    return ""
