"""统一社会信用代码 (GB 32100-2015) of a social organisation, issued by the registry (pure).

Layout: position 1 登记管理部门代码 (民政 = ``5``), 2 机构类别 (1 社会团体 / 2 民办非企业单位 / 3 基金会 / 9 其他),
3–8 登记管理机关行政区划码 (the registry's six-digit division code), 9–17 主体标识码 (组织机构代码, GB 11714-1997:
eight characters and its own check character), 18 the code's check character (GB 32100 §4.3, the weights and
alphabet python-stdnum's ``cn.uscc`` implements). Registries of 社会组织 issue body codes beginning ``MJ``
(as printed on 民政 certificates); the six-digit serial after it is the registry's own counter.
"""

from stdnum.cn import uscc

from .kinds import USCC_KIND_DIGIT, OrgKind

ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)  # GB 11714-1997 §5
_ORG_VALUE = {c: i for i, c in enumerate("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")}
BODY_PREFIX = "MJ"
MAX_SERIAL = 999_999


def organisation_code_check(body: str) -> str:
    """GB 11714-1997 check character of an eight-character body: C9 = 11 − (Σ Ci·Wi mod 11); 10 → X, 11 → 0."""
    if len(body) != 8 or any(c not in _ORG_VALUE for c in body):
        raise ValueError("organisation code body must be 8 digits or capital letters")
    value = 11 - sum(_ORG_VALUE[c] * w for c, w in zip(body, ORG_CODE_WEIGHTS, strict=True)) % 11
    return {10: "X", 11: "0"}.get(value, str(value))


def social_org_uscc(kind: OrgKind, registry_code: str, serial: int) -> str:
    """The code a registry issues to its ``serial``-th organisation (1 … 999 999): ``5`` + kind digit + the
    registry's six-digit division code + ``MJ`` + six-digit serial + GB 11714 check + GB 32100 check."""
    digits = registry_code[:6]
    if len(digits) != 6 or not digits.isdigit():
        raise ValueError("registry code must start with six digits")
    if not 1 <= serial <= MAX_SERIAL:
        raise ValueError("serial out of range")
    body = f"{BODY_PREFIX}{serial:06d}"
    head = f"5{USCC_KIND_DIGIT[OrgKind(kind)]}{digits}{body}{organisation_code_check(body)}"
    return head + uscc.calc_check_digit(head)
