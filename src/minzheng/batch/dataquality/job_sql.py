"""The data-quality job's steps: each rule one SELECT over its population, written once in DuckDB syntax.

A rule yields ``rule_code, record_id, division_code, passed, evidence`` for every record it checks (so a
score has its denominator); ``results`` unions the rules switched on, ``failures`` keeps the failing rows and
``scores`` counts checked and failed per rule and township.
"""

from __future__ import annotations

from ..steps import Step, sql_step

# 居民身份证 GB 11643-1999 第4.2条: characters 7–14 are the birth date (YYYYMMDD)
ID_BIRTH_MISMATCH = """
SELECT 'id_birth_mismatch' AS rule_code, p.person_id AS record_id, p.division_code,
       REPLACE(CAST(p.birth_date AS VARCHAR), '-', '') = SUBSTRING(p.id_number, 7, 8) AS passed,
       CONCAT('身份证号码中的出生日期 ', SUBSTRING(p.id_number, 7, 8), '，登记出生日期 ',
              REPLACE(CAST(p.birth_date AS VARCHAR), '-', '')) AS evidence
FROM persons AS p
WHERE p.is_resident_id AND LENGTH(p.id_number) = 18 AND p.birth_date IS NOT NULL
"""

BIRTH_DATE_MISSING = """
SELECT 'birth_date_missing' AS rule_code, p.person_id AS record_id, p.division_code,
       p.birth_date IS NOT NULL AS passed, '出生日期未登记' AS evidence
FROM persons AS p
"""

HOUSEHOLD_NO_HEAD = """
SELECT 'household_no_head' AS rule_code, h.household_id AS record_id, h.division_code,
       h.head_id IS NOT NULL AS passed, '家庭户未登记户主' AS evidence
FROM households AS h
"""

HEAD_NOT_MEMBER = """
SELECT 'head_not_member' AS rule_code, h.household_id AS record_id, h.division_code,
       m.person_id IS NOT NULL AS passed, '户主不是本户现有成员' AS evidence
FROM households AS h
LEFT JOIN members AS m ON m.household_id = h.household_id AND m.person_id = h.head_id
WHERE h.head_id IS NOT NULL
"""

# 社会救助: the payee of an enrolment paid this month is recorded as deceased
ENROLMENT_PAYEE_DECEASED = """
SELECT 'enrolment_payee_deceased' AS rule_code, e.enrolment_id AS record_id, e.division_code,
       NOT COALESCE(p.is_deceased, FALSE) AS passed,
       CONCAT('领款人已死亡',
              CASE WHEN p.death_date IS NULL THEN '' ELSE CONCAT('（', CAST(p.death_date AS VARCHAR), '）') END,
              '，仍在保') AS evidence
FROM enrolments AS e
LEFT JOIN persons AS p ON p.person_id = e.payee_id
"""

# 社会救助: an enrolment paid this month whose household has no living current member
LIVING_MEMBERS = """
SELECT m.household_id, SUM(CASE WHEN p.is_deceased THEN 0 ELSE 1 END) AS living
FROM members AS m
JOIN persons AS p ON p.person_id = m.person_id
GROUP BY m.household_id
"""

ENROLMENT_HOUSEHOLD_ALL_DECEASED = """
SELECT 'enrolment_household_all_deceased' AS rule_code, e.enrolment_id AS record_id, e.division_code,
       COALESCE(l.living, 0) > 0 AS passed, '在保家庭已无在世成员' AS evidence
FROM enrolments AS e
LEFT JOIN living_members AS l ON l.household_id = e.household_id
"""

RULE_SQL: dict[str, str] = {
    "id_birth_mismatch": ID_BIRTH_MISMATCH,
    "birth_date_missing": BIRTH_DATE_MISSING,
    "household_no_head": HOUSEHOLD_NO_HEAD,
    "head_not_member": HEAD_NOT_MEMBER,
    "enrolment_payee_deceased": ENROLMENT_PAYEE_DECEASED,
    "enrolment_household_all_deceased": ENROLMENT_HOUSEHOLD_ALL_DECEASED,
}

FAILURES = """
SELECT rule_code, record_id, division_code, evidence FROM results WHERE NOT passed
"""

SCORES = """
SELECT rule_code, SUBSTRING(division_code, 1, 9) AS township_prefix, COUNT(*) AS checked,
       SUM(CASE WHEN passed THEN 0 ELSE 1 END) AS failed
FROM results
GROUP BY rule_code, SUBSTRING(division_code, 1, 9)
"""


def data_quality_steps(rule_codes: list[str]) -> list[Step]:
    """The steps for the rules switched on (unknown codes are the caller's mistake: KeyError)."""
    chosen = [RULE_SQL[code] for code in rule_codes]
    union = "\nUNION ALL\n".join(f"SELECT * FROM ({sql}) AS r{i}" for i, sql in enumerate(chosen))
    if not chosen:  # nothing switched on: an empty result of the right shape
        union = (
            "SELECT CAST(NULL AS VARCHAR) AS rule_code, CAST(NULL AS BIGINT) AS record_id, "
            "CAST(NULL AS VARCHAR) AS division_code, TRUE AS passed, CAST(NULL AS VARCHAR) AS evidence "
            "FROM run WHERE FALSE"
        )
    return [
        sql_step("living_members", LIVING_MEMBERS),
        sql_step("results", union),
        sql_step("failures", FAILURES, reused=False),
        sql_step("scores", SCORES, reused=False),
    ]
