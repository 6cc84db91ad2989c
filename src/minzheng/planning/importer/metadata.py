"""Plan metadata: title (规划名称), draft status (征求意见稿), administrative level and region."""

from __future__ import annotations

import re
from collections import Counter

TITLE = re.compile(r"^(?P<title>.{2,60}?(?:规划|纲要|计划|方案))\s*(?:[（(](?P<status>[^）)]{2,10})[）)])?$")
STATUS_LINE = re.compile(r"^[（(]\s*(征求意见稿|送审稿|草案|讨论稿|报批稿)\s*[）)]$")
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
REGION = re.compile(
    r"^(?P<region>[\u4e00-\u9fff]{1,12}?(?:自治区|特别行政区|省|自治州|市|州|盟|地区|自治县|县|区|旗))"
)
LEVELS = [
    ("province", ("省", "自治区")),
    ("city", ("市", "州", "盟", "地区")),
    ("county", ("县", "旗")),
    ("district", ("区",)),
]


def find_title(lines: list[str]) -> tuple[str, str]:
    """(title, status) from the first title-like line near the top; web boilerplate is skipped."""
    candidates = [ln.strip() for ln in lines[:40] if ln.strip()]
    for k, line in enumerate(candidates):
        m = TITLE.match(line)
        if not m or "。" in line or "，" in line:
            continue
        status = m.group("status") or ""
        if not status and k + 1 < len(candidates):
            s = STATUS_LINE.match(candidates[k + 1])
            status = s.group(1) if s else ""
        return m.group("title"), status
    return "", ""


def region_and_level(title: str) -> tuple[str, str]:
    """Issuing region and level from the title: 辽宁省→province, 丹东市→city, 浑南区→district."""
    m = REGION.match(title)
    if not m:
        return "", ""
    region = m.group("region")
    if region in MUNICIPALITIES:
        return region, "province"
    for level, suffixes in LEVELS:
        if region.endswith(suffixes):
            return region, level
    return region, ""


PROVINCES = [
    "北京市",
    "天津市",
    "上海市",
    "重庆市",
    "河北省",
    "山西省",
    "辽宁省",
    "吉林省",
    "黑龙江省",
    "江苏省",
    "浙江省",
    "安徽省",
    "福建省",
    "江西省",
    "山东省",
    "河南省",
    "湖北省",
    "湖南省",
    "广东省",
    "海南省",
    "四川省",
    "贵州省",
    "云南省",
    "陕西省",
    "甘肃省",
    "青海省",
    "台湾省",
    "内蒙古自治区",
    "广西壮族自治区",
    "西藏自治区",
    "宁夏回族自治区",
    "新疆维吾尔自治区",
    "香港特别行政区",
    "澳门特别行政区",
]
# A city named as the subject of an institution or document: 沈阳市民政局, 沈阳市人民政府, 沈阳市委.
CITY_SUBJECT = re.compile(r"([\u4e00-\u9fff]{2,3})市(?=民政|人民政府|政府|委|国民经济|人大)")
# Characters that end a phrase before a name (依托沈阳市…, 对沈阳市…) or make a word that is no city (城市, 全市).
NOT_CITY_START = set("全本我各该此每省县区地城级的了和与及对在是为向由从经按等托将到于市、")


def parent_regions(text: str, region: str, level: str) -> list[str]:
    """The regions above the plan's, nearest first: a district keeps its city and its province
    (浑南区 → 沈阳市, 辽宁省), a city its province (丹东市 → 辽宁省); empty for a province."""
    if level in ("", "province") or region in MUNICIPALITIES:
        return []
    found: list[str] = []
    if level in ("county", "district"):
        city = _city_named_most(text, region)
        if city:
            found.append(city)
    province = _province_named_most(text, region)
    if province and province not in found:
        found.append(province)
    return found


def _province_named_most(text: str, region: str) -> str:
    counts = Counter({name: text.count(name) for name in PROVINCES if name != region})
    # A bare 辽宁 (辽宁民政) counts for 辽宁省; municipalities are already named in full.
    for name in PROVINCES:
        short = re.sub(r"(?:省|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$", "", name)
        if short != name and name != region:
            counts[name] = text.count(short)
    best = [(n, c) for n, c in counts.most_common(1) if c > 0]
    return best[0][0] if best else ""


def _city_named_most(text: str, region: str) -> str:
    counts: Counter[str] = Counter()
    for m in CITY_SUBJECT.finditer(text):
        name = m.group(1)
        # Drop a leading function character (依托沈阳市 → 沈阳市), keeping at least two characters.
        while len(name) > 2 and name[0] in NOT_CITY_START:
            name = name[1:]
        if name[0] in NOT_CITY_START or name[-1] in NOT_CITY_START:
            continue
        if f"{name}市" != region:
            counts[f"{name}市"] += 1
    if not counts:
        return ""
    # A three-character candidate that is a two-character city with a stray character in front
    # (托沈阳市) loses to that city when the city is named on its own as well.
    for name in list(counts):
        if len(name) == 4 and name[1:] in counts:
            counts[name[1:]] += counts.pop(name)
    return counts.most_common(1)[0][0]


def parent_region(text: str, region: str, level: str) -> str:
    """The nearest region above the plan's (沈阳市 for 浑南区, 辽宁省 for 丹东市); empty for provinces."""
    regions = parent_regions(text, region, level)
    return regions[0] if regions else ""
