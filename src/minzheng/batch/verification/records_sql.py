"""Member records (成员核对明细) for the 核对报告: every department row about each member that the rules read —
户籍 status, death records, vehicles and real estate registered by the request date, business registrations,
the latest financial statements and bank flags — whether or not it triggered a reason, as evidence-shaped
JSON (the same fields as the reasons cite, from ``reasons_sql.RECORD_FIELDS``).

An optional output of the job (``run_verification(..., with_records=True)``): the platform stores it with
each household's report; a bare conclusions run (the benchmark's yardsticks) does not need it.
"""

from __future__ import annotations

from ..sql_fragments import evidence
from .reasons_sql import ASSET_EVIDENCE, RECORD_FIELDS


def _rows(dataset: str, where: str = "") -> str:
    key, values = RECORD_FIELDS[dataset]
    return f"""SELECT m.request_id, m.id_number, '{dataset}' AS dataset, {evidence(f"'{dataset}'", key, values)} AS record
               FROM members AS m JOIN {dataset} AS d ON d.id_number = m.id_number {where}"""


def member_records() -> str:
    selects = [
        _rows("hukou"),
        _rows("deaths"),
        _rows("business"),
    ]
    # vehicles and real estate as the rules counted them: registered by the request date, each once
    selects += [
        f"""SELECT d.request_id, d.id_number, '{dataset}' AS dataset, {evidence(f"'{dataset}'", *RECORD_FIELDS[dataset])} AS record
            FROM member_{dataset} AS d"""
        for dataset in ("vehicles", "real_estate")
    ]
    # the latest statement of each asset dataset, as the asset rule summed it
    selects += [
        f"""SELECT a.request_id, a.id_number, '{dataset}' AS dataset, {evidence(f"'{dataset}'", key, values)} AS record
            FROM asset_rows AS a WHERE a.dataset = '{dataset}'"""
        for dataset, (key, values) in ASSET_EVIDENCE.items()
    ]
    key, values = RECORD_FIELDS["asset_flags"]
    selects.append(
        f"""SELECT d.request_id, d.id_number, 'asset_flags' AS dataset, {evidence("'asset_flags'", key, values)} AS record
            FROM (SELECT m.request_id, d.id_number, d.source, d.as_of, d.over_limit,
                         MAX(d.as_of) OVER (PARTITION BY m.request_id, d.id_number, d.source) AS latest_as_of
                  FROM members AS m JOIN asset_flags AS d ON d.id_number = m.id_number AND d.as_of <= m.request_date
                 ) AS d WHERE d.as_of = d.latest_as_of"""
    )
    return "\nUNION ALL\n".join(selects)
