"""The fund checks' steps (资金大数据比对): each check one SELECT, written once in DuckDB syntax.

A check yields ``check_code, payment_id, id_number, month, amount, evidence``; ``findings`` unions them,
one row per (check, payment) with its key. Big tables are read by GROUP BY and equi-joins only (no window
over the whole payment history): the duplicates are found as keys first, then joined back.
"""

from __future__ import annotations

from ..steps import Step, sql_step

_MONTH = "SUBSTRING(CAST(p.month AS VARCHAR), 1, 7)"
_FIELDS = "p.payment_id, p.id_number, p.month, p.amount"

ALL_DEATHS = """
SELECT id_number, MIN(death_date) AS death_date
FROM (
    SELECT id_number, death_date FROM deaths
    UNION ALL
    SELECT id_number, death_date FROM registry_deaths
) AS d
GROUP BY id_number
"""

# the checks of one payment row (death, amount, jurisdiction, vehicle, business) in one scan of the payments;
# the department sides are small, so each is a hash table probed by the scan
ROW_FLAGS = """
SELECT p.payment_id, p.id_number, p.month, p.amount, p.program_name, p.enrolled_amount, p.division_code,
       p.payer_prefix, d.death_date, v.price AS vehicle_price, v.since AS vehicle_since, b.capital AS business_capital
FROM payments AS p
LEFT JOIN all_deaths AS d ON p.id_number = d.id_number
LEFT JOIN over_limit_vehicles AS v ON p.id_number = v.id_number
LEFT JOIN over_limit_business AS b ON p.id_number = b.id_number
WHERE d.death_date < p.month
   OR (p.enrolled_amount IS NOT NULL AND p.amount <> p.enrolled_amount)
   OR SUBSTRING(p.division_code, 1, LENGTH(p.payer_prefix)) <> p.payer_prefix
   OR v.since < p.month
   OR b.capital IS NOT NULL
"""

# 死亡后仍发放: a month that starts after the death (the month of death itself is still due)
PAID_AFTER_DEATH = f"""
SELECT 'paid_after_death' AS check_code, {_FIELDS},
       CONCAT('死亡日期 ', CAST(p.death_date AS VARCHAR), '，仍发放', {_MONTH}, '月', p.program_name) AS evidence
FROM row_flags AS p
WHERE p.death_date < p.month
"""

# people paid more than once in a month (any programs): one hash per (person, month) — a 64-bit key groups
# far faster than the columns — then their payments (a few) kept for the duplicate and exclusion checks; a
# hash collision only adds a candidate the checks then judge on the real columns
MONTH_CANDIDATES = """
SELECT HASH(id_number, month) AS h
FROM payments
GROUP BY HASH(id_number, month)
HAVING COUNT(*) > 1
"""

MULTI_PAYMENTS = """
SELECT p.*
FROM payments AS p
JOIN month_candidates AS c ON HASH(p.id_number, p.month) = c.h
"""

DUPLICATE_KEYS = """
SELECT id_number, program_code, month, COUNT(*) AS payments, MIN(payment_id) AS first_id
FROM multi_payments
GROUP BY id_number, program_code, month
HAVING COUNT(*) > 1
"""

# 同一项目重复发放: every payment of the person, program and month after the first
DUPLICATE_IN_PROGRAM = f"""
SELECT 'duplicate_in_program' AS check_code, {_FIELDS},
       CONCAT(p.program_name, {_MONTH}, '月共发放', CAST(k.payments AS VARCHAR), '笔') AS evidence
FROM payments AS p
JOIN duplicate_keys AS k
  ON p.id_number = k.id_number AND p.program_code = k.program_code AND p.month = k.month
WHERE p.payment_id <> k.first_id
"""

# 互斥项目同时享受: the payment of the second program (in code order) of an excluded pair in one month
EXCLUSIVE_PROGRAMS = f"""
SELECT 'exclusive_programs' AS check_code, {_FIELDS},
       CONCAT({_MONTH}, '月同时享受', a.program_name, '（', CAST(a.amount AS VARCHAR), '元）和',
              p.program_name, '（', CAST(p.amount AS VARCHAR), '元）') AS evidence
FROM multi_payments AS a
JOIN multi_payments AS p ON a.id_number = p.id_number AND a.month = p.month AND a.program_code < p.program_code
JOIN exclusions AS e
  ON (e.program_a = a.program_code AND e.program_b = p.program_code)
  OR (e.program_a = p.program_code AND e.program_b = a.program_code)
"""

# accounts that ever received money for two households (no DISTINCT over the whole history), then the months
SHARED_CANDIDATES = """
SELECT HASH(bank_account) AS h
FROM payments
WHERE bank_account IS NOT NULL AND bank_account <> ''
GROUP BY HASH(bank_account)
HAVING MIN(household_key) <> MAX(household_key)
"""

SHARED_ACCOUNTS = """
SELECT p.bank_account, p.month, COUNT(DISTINCT p.household_key) AS households
FROM payments AS p
JOIN shared_candidates AS c ON HASH(p.bank_account) = c.h
WHERE p.bank_account IS NOT NULL AND p.bank_account <> ''
GROUP BY p.bank_account, p.month
HAVING COUNT(DISTINCT p.household_key) > 1
"""

# 不同家庭共用银行账户: every payment into an account that received money for several households that month
SHARED_ACCOUNT = f"""
SELECT 'shared_account' AS check_code, {_FIELDS},
       CONCAT('同一银行账户', {_MONTH}, '月收取', CAST(s.households AS VARCHAR), '个家庭的救助金') AS evidence
FROM payments AS p
JOIN shared_accounts AS s ON p.bank_account = s.bank_account AND p.month = s.month
"""

AMOUNT_MISMATCH = f"""
SELECT 'amount_mismatch' AS check_code, {_FIELDS},
       CONCAT('核定月救助金 ', CAST(p.enrolled_amount AS VARCHAR), ' 元，实发 ', CAST(p.amount AS VARCHAR), ' 元') AS evidence
FROM row_flags AS p
WHERE p.enrolled_amount IS NOT NULL AND p.amount <> p.enrolled_amount
"""

OUTSIDE_JURISDICTION = f"""
SELECT 'outside_jurisdiction' AS check_code, {_FIELDS},
       CONCAT('领款人区划 ', p.division_code, ' 不在发放单位辖区 ', p.payer_prefix) AS evidence
FROM row_flags AS p
WHERE SUBSTRING(p.division_code, 1, LENGTH(p.payer_prefix)) <> p.payer_prefix
"""

OVER_LIMIT_VEHICLES = """
SELECT v.id_number, MAX(v.purchase_price) AS price, MIN(v.registered_date) AS since
FROM vehicles AS v
CROSS JOIN limits AS l
WHERE NOT v.for_disability AND v.purchase_price > l.vehicle_price_limit
GROUP BY v.id_number
"""

VEHICLE_OVER_LIMIT = f"""
SELECT 'vehicle_over_limit' AS check_code, {_FIELDS},
       CONCAT('名下车辆购置价 ', CAST(p.vehicle_price AS VARCHAR), ' 元，登记日期 ', CAST(p.vehicle_since AS VARCHAR)) AS evidence
FROM row_flags AS p
WHERE p.vehicle_since < p.month
"""

OVER_LIMIT_BUSINESS = """
SELECT b.id_number, MAX(b.registered_capital) AS capital
FROM business AS b
CROSS JOIN limits AS l
WHERE b.status = 'active' AND b.role IN ('legal_rep', 'owner') AND b.registered_capital > l.business_capital_limit
GROUP BY b.id_number
"""

BUSINESS_OVER_LIMIT = f"""
SELECT 'business_over_limit' AS check_code, {_FIELDS},
       CONCAT('经营在业企业，注册资本 ', CAST(p.business_capital AS VARCHAR), ' 元') AS evidence
FROM row_flags AS p
WHERE p.business_capital IS NOT NULL
"""

_CHECKS = (
    "paid_after_death",
    "duplicate_in_program",
    "exclusive_programs",
    "shared_account",
    "amount_mismatch",
    "outside_jurisdiction",
    "vehicle_over_limit",
    "business_over_limit",
)

FINDINGS = (
    "SELECT CONCAT(check_code, ':', CAST(payment_id AS VARCHAR)) AS finding_key, check_code, payment_id, "
    "id_number, month, amount, MIN(evidence) AS evidence FROM ("
    + " UNION ALL ".join(
        f"SELECT check_code, payment_id, id_number, month, amount, evidence FROM {name}" for name in _CHECKS
    )
    + ") AS f GROUP BY check_code, payment_id, id_number, month, amount"
)


def fund_check_steps() -> list[Step]:
    """The steps in order; helpers read more than once are stored, each check stays a view of ``findings``."""
    return [
        sql_step("all_deaths", ALL_DEATHS),
        sql_step("over_limit_vehicles", OVER_LIMIT_VEHICLES),
        sql_step("over_limit_business", OVER_LIMIT_BUSINESS),
        sql_step("row_flags", ROW_FLAGS),
        sql_step("paid_after_death", PAID_AFTER_DEATH, reused=False),
        sql_step("month_candidates", MONTH_CANDIDATES),
        sql_step("multi_payments", MULTI_PAYMENTS),
        sql_step("duplicate_keys", DUPLICATE_KEYS),
        sql_step("duplicate_in_program", DUPLICATE_IN_PROGRAM, reused=False),
        sql_step("exclusive_programs", EXCLUSIVE_PROGRAMS, reused=False),
        sql_step("shared_candidates", SHARED_CANDIDATES),
        sql_step("shared_accounts", SHARED_ACCOUNTS),
        sql_step("shared_account", SHARED_ACCOUNT, reused=False),
        sql_step("amount_mismatch", AMOUNT_MISMATCH, reused=False),
        sql_step("outside_jurisdiction", OUTSIDE_JURISDICTION, reused=False),
        sql_step("vehicle_over_limit", VEHICLE_OVER_LIMIT, reused=False),
        sql_step("business_over_limit", BUSINESS_OVER_LIMIT, reused=False),
        sql_step("findings", FINDINGS),
    ]
