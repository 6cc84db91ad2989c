"""一次性告知: what is still missing, and what the applicant is never asked for.

国务院令第716号《国务院关于在线政务服务的若干规定》第七条: 政务服务机构通过共享能够获取的材料, 不得要求申请人
重复提交. 《社会救助暂行办法》及民发〔2021〕57号: 材料不齐全的, 一次性告知需要补齐的全部材料.
"""

from collections.abc import Iterable, Mapping


def asked_materials(materials: Iterable[Mapping]) -> list[Mapping]:
    """The materials an applicant must bring: every required one the bureau cannot get by sharing (第七条)."""
    return [m for m in materials if m.get("required", True) and not m.get("shared")]


def shared_materials(materials: Iterable[Mapping]) -> list[Mapping]:
    """The materials the bureau reads itself from a shared source (人口库, 核对, 残联 …) — never asked."""
    return [m for m in materials if m.get("shared")]


def missing_materials(materials: Iterable[Mapping], provided_codes: Iterable[str]) -> list[Mapping]:
    """Every material still missing, all at once (一次性告知), in the checklist's order."""
    provided = set(provided_codes)
    return [m for m in asked_materials(materials) if m["code"] not in provided]
