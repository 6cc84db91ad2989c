"""法定婚龄: 《中华人民共和国民法典》第一千零四十七条 — 结婚年龄，男不得早于二十二周岁，女不得早于二十周岁.

The age is reached on the birthday (周岁); it is judged on the registration date from the date of birth the
公民身份号码 carries (GB 11643-1999: digits 7–14; the 17th digit odd = male, even = female).
"""

from datetime import date

MALE = "1"
FEMALE = "2"


def full_years(birth: date, on: date) -> int:
    """周岁 on ``on``: a person born on 29 February turns a year older on 1 March in common years."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def marriage_age_reached(birth: date, sex: str, on: date, *, min_age_male: int, min_age_female: int) -> bool:
    """民法典 第一千零四十七条: whether a party of ``sex`` born on ``birth`` may marry on ``on``."""
    minimum = min_age_male if sex == MALE else min_age_female
    return full_years(birth, on) >= minimum


def earliest_marriage_day(birth: date, sex: str, *, min_age_male: int, min_age_female: int) -> date:
    """The first day the party reaches the marriage age (the birthday; 29 February → 1 March)."""
    minimum = min_age_male if sex == MALE else min_age_female
    year = birth.year + minimum
    try:
        return birth.replace(year=year)
    except ValueError:
        return date(year, 3, 1)
