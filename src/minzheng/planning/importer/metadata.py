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


def parent_region(text: str, region: str, level: str) -> str:
    """The province a city/county plan refers to most often (辽宁省 for 丹东市); empty for provinces."""
    if level in ("", "province"):
        return ""
    # Only count a province as the subject of an institution or document, not “配合省福彩中心”.
    found = re.findall(r"([\u4e00-\u9fff]{2,3}省)(?:民政|国民经济|人民政府|委员会|委|政府)", text)
    counts = Counter(m for m in found if not m.startswith(("全省", "本省", "我省", "各省", "配合")))
    counts.pop(region, None)
    return counts.most_common(1)[0][0] if counts else ""
