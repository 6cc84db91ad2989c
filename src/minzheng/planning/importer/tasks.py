"""Task items (重点任务): the lead phrase that opens a task paragraph, “健全农村社会救助制度。…”."""

from __future__ import annotations

import re

# Sections that look back or set the scene carry lead-like sentences that are not tasks.
RETROSPECTIVE = re.compile(
    r"发展基础|回顾|成就|基本情况|发展环境|面临形势|形势|机遇|挑战|总体思路|发展思路|指导思想|基本原则|原则|远景|"
    r"“?十三五”?(?:时期|期间)|发展现状|规划背景|主要成绩|取得的成绩|工作成效|存在的?问题|发展情况"
)
LEAD_MARK = re.compile(r"^(?:[—－\-]{2,}|[•●■◆▲])\s*")
NOT_A_LEAD = re.compile(
    r"^(?:到|至|截至|截止)?\s*20\d\d|^“?十[三四五]五”?(?:时期|期间)?主要目标|(?:远景|主要)目标$|^[《“]|^(?:其中|同时|此外|一是|二是)"
)
MAX_LEAD_CHARS = 32


def lead_of(paragraph: str) -> str | None:
    """The lead phrase of a paragraph, or None when the paragraph does not open with one."""
    text = LEAD_MARK.sub("", paragraph.strip())
    lead, stop, body = text.partition("。")
    if not stop or not body.strip():
        return None  # a lone sentence is a statement, not a lead followed by its task
    lead = lead.strip()
    if not 4 <= len(lead) <= MAX_LEAD_CHARS or re.search(r"[，,；;：:]", lead):
        return None
    if NOT_A_LEAD.search(lead):
        return None
    return lead


def is_retrospective(titles: list[str]) -> bool:
    """True inside a review/background section, where leads describe the past, not tasks."""
    return any(RETROSPECTIVE.search(t) for t in titles)


def is_strong_lead(lead: str) -> bool:
    """A short task phrase (健全最低生活保障制度), not a first sentence that merely has no comma
    (推动落实孤儿生活、医疗、教育、住房等各项保障制度; …建筑面积不低于35平方米)."""
    return len(lead) <= 20 and not re.search(r"[、\d]", lead)
