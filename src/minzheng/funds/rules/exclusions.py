"""Programs a person is not paid by in the same month (互斥项目), as data for the 大数据比对.

特困人员救助供养 replaces 低保 for the person (《社会救助暂行办法》第十四条、第十九条; 民发〔2021〕43号《特困人员认定办法》:
已纳入特困供养的不再同时享受低保), and a household is in 城市低保 or 农村低保, never both; the two 特困 forms
(集中/分散供养) exclude each other.
"""

_DIBAO = ("dibao_urban", "dibao_rural")
_TEKUN = ("tekun_centralised", "tekun_dispersed")

EXCLUSIVE_PROGRAMS: tuple[tuple[str, str], ...] = (
    ("dibao_rural", "dibao_urban"),
    ("tekun_centralised", "tekun_dispersed"),
    *((d, t) for d in _DIBAO for t in _TEKUN),
)
