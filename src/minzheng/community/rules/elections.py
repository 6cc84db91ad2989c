"""换届 clocks and counts (村民委员会组织法 2018; calendar days as the law counts them, “日”).

第十一条: 每届任期五年; 第十三条: three voter categories; 第十四条: 选民名单应当在选举日的二十日以前公布 …
对登记参加选举的村民名单有异议的，应当自名单公布之日起五日内向村民选举委员会申诉，村民选举委员会应当自收到
申诉之日起三日内作出处理决定; 第十五条: 有登记参加选举的村民过半数投票，选举有效；候选人获得参加投票的村民
过半数的选票，始得当选; 第十六条: 本村五分之一以上有选举权的村民或者三分之一以上的村民代表联名，可以提出罢免要求
… 须有登记参加选举的村民过半数投票，并须经投票的村民过半数通过.
"""

from dataclasses import dataclass
from datetime import date, timedelta

RESIDENT = "1"  # 户籍在本村并且在本村居住
AWAY = "2"  # 户籍在本村，不在本村居住，本人表示参加选举
NON_HUKOU = "3"  # 户籍不在本村，在本村居住一年以上，本人申请并经村民会议或者村民代表会议同意


@dataclass(frozen=True)
class ElectionClocks:
    term_years: int
    publication_days: int
    objection_days: int
    answer_days: int
    non_hukou_residence_years: int


def term_end(start: date, years: int) -> date:
    """The day before the same date ``years`` later (29 Feb → 28 Feb)."""
    try:
        same = start.replace(year=start.year + years)
    except ValueError:
        same = start.replace(year=start.year + years, day=28)
    return same - timedelta(days=1)


def latest_publication(election_on: date, days: int) -> date:
    """第十四条: published “在选举日的二十日以前” — the election day minus 20 days is the last day."""
    return election_on - timedelta(days=days)


def publication_in_time(published_on: date, election_on: date, days: int) -> bool:
    return published_on <= latest_publication(election_on, days)


def objection_deadline(published_on: date, days: int) -> date:
    """第十四条: objections “自名单公布之日起五日内”; the day of publication is not counted (民法典第二百零一条:
    开始的当日不计入，自下一日开始计算), so the fifth day after it is the last."""
    return published_on + timedelta(days=days)


def objection_in_time(filed_on: date, published_on: date, days: int) -> bool:
    return published_on <= filed_on <= objection_deadline(published_on, days)


def answer_deadline(filed_on: date, days: int) -> date:
    """第十四条: decided “自收到申诉之日起三日内” (the day received not counted, 民法典第二百零一条)."""
    return filed_on + timedelta(days=days)


def voter_category_problem(
    category: str, resided_since: date | None, consented_on: date | None, election_on: date, years: int
) -> str:
    """第十三条第三项: a non-hukou resident needs ≥ ``years`` of residence and the assembly's consent."""
    if category != NON_HUKOU:
        return ""
    if resided_since is None or term_end(resided_since, years) >= election_on:
        return f"户籍不在本村的，应在本村居住{years}年以上"
    if consented_on is None or consented_on > election_on:
        return "户籍不在本村的，须经村民会议或者村民代表会议同意参加选举"
    return ""


def election_valid(registered: int, ballots: int) -> bool:
    """第十五条: more than half of the registered voters voted."""
    return registered > 0 and ballots * 2 > registered


def elected(votes: int, ballots: int) -> bool:
    """第十五条: more than half of the ballots cast."""
    return ballots > 0 and votes * 2 > ballots


def recall_may_be_proposed(signatures: int, base: int, denominator: int) -> bool:
    """第十六条: at least 1/``denominator`` of the voters (5) or of the representatives (3) sign."""
    return base > 0 and signatures * denominator >= base


def recall_passes(registered: int, ballots: int, yes: int) -> bool:
    """第十六条: more than half of the registered voters voted, more than half of the ballots said yes."""
    return registered > 0 and ballots * 2 > registered and yes * 2 > ballots
