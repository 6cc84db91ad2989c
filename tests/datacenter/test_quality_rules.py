"""The data-quality rules on the batch engine against a small, obviously correct oracle written from the rule
texts: GB 11643-1999 第4.2条 (characters 7–14 of a 居民身份证 number are the birth date), every household has a
head who is one of its current members, and 《社会救助暂行办法》第十三条 (an enrolment whose payee has died, or
whose household has no living member, must be changed or stopped)."""

from datetime import date

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minzheng.batch.dataquality import (
    ENROLMENTS_SCHEMA,
    HOUSEHOLDS_SCHEMA,
    MEMBERS_SCHEMA,
    PERSONS_SCHEMA,
    RULE_CODES,
    QualityInputs,
    run_quality_rules,
)

TODAY = date(2026, 8, 1)


def oracle(persons, households, members, enrolments) -> set[tuple[str, int]]:
    """The failing (rule, record) pairs, one rule at a time, in plain Python."""
    failing = set()
    by_id = {p["person_id"]: p for p in persons}
    for p in persons:
        if p["birth_date"] is None:
            failing.add(("birth_date_missing", p["person_id"]))
        elif (
            p["is_resident_id"]
            and len(p["id_number"]) == 18
            and p["id_number"][6:14] != p["birth_date"].strftime("%Y%m%d")
        ):
            failing.add(("id_birth_mismatch", p["person_id"]))
    current = {(m["household_id"], m["person_id"]) for m in members}
    for h in households:
        if h["head_id"] is None:
            failing.add(("household_no_head", h["household_id"]))
        elif (h["household_id"], h["head_id"]) not in current:
            failing.add(("head_not_member", h["household_id"]))
    for e in enrolments:
        payee = by_id.get(e["payee_id"])
        if payee is not None and payee["is_deceased"]:
            failing.add(("enrolment_payee_deceased", e["enrolment_id"]))
        living = [
            pid
            for hid, pid in current
            if hid == e["household_id"] and pid in by_id and not by_id[pid]["is_deceased"]
        ]
        if not living:
            failing.add(("enrolment_household_all_deceased", e["enrolment_id"]))
    return failing


def _person(pid, birth, id_birth, resident, deceased):
    number = f"210602{id_birth:%Y%m%d}{pid % 1000:03d}X"
    return {
        "person_id": pid, "id_number": number, "is_resident_id": resident, "birth_date": birth,
        "death_date": TODAY if deceased else None, "is_deceased": deceased, "division_code": f"21060200{pid % 3}001",
    }  # fmt: skip


dates = st.dates(min_value=date(1930, 1, 1), max_value=date(2025, 12, 31))


@st.composite
def worlds(draw):
    n = draw(st.integers(1, 8))
    persons = []
    for pid in range(1, n + 1):
        birth = draw(st.one_of(st.none(), dates))
        id_birth = birth if birth and draw(st.booleans()) else draw(dates)
        persons.append(_person(pid, birth, id_birth, draw(st.booleans()), draw(st.booleans())))
    households, members = [], []
    for hid in range(1, draw(st.integers(1, 4)) + 1):
        chosen = draw(st.lists(st.integers(1, n), unique=True, max_size=3))
        members += [{"household_id": hid, "person_id": pid} for pid in chosen]
        head = draw(st.one_of(st.none(), st.integers(1, n)))
        households.append({"household_id": hid, "head_id": head, "division_code": "210602002001"})
    enrolments = [
        {"enrolment_id": eid, "household_id": draw(st.integers(1, len(households))),
         "payee_id": draw(st.one_of(st.none(), st.integers(1, n))), "division_code": "210602002001"}
        for eid in range(1, draw(st.integers(0, 3)) + 1)
    ]  # fmt: skip
    return persons, households, members, enrolments


def _inputs(persons, households, members, enrolments) -> QualityInputs:
    return QualityInputs(
        pa.Table.from_pylist(persons, schema=PERSONS_SCHEMA),
        pa.Table.from_pylist(households, schema=HOUSEHOLDS_SCHEMA),
        pa.Table.from_pylist(members, schema=MEMBERS_SCHEMA),
        pa.Table.from_pylist(enrolments, schema=ENROLMENTS_SCHEMA),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(worlds())
def test_the_engine_finds_exactly_what_the_rule_texts_say(world):
    result = run_quality_rules(_inputs(*world), list(RULE_CODES), TODAY)
    found = {(f["rule_code"], f["record_id"]) for f in result.failures.to_pylist()}
    assert found == oracle(*world)
    failed = sum(s["failed"] for s in result.scores.to_pylist())
    assert failed == len(found)


def test_id_birth_date_per_gb_11643_article_4_2():
    persons = [
        _person(1, date(1990, 1, 1), date(1990, 1, 1), True, False),
        _person(2, date(1990, 1, 2), date(1990, 1, 1), True, False),
        _person(3, date(1990, 1, 2), date(1990, 1, 1), False, False),  # 临时编号: not a 居民身份证 number
    ]
    result = run_quality_rules(_inputs(persons, [], [], []), ["id_birth_mismatch"], TODAY)
    assert [f["record_id"] for f in result.failures.to_pylist()] == [2]
    assert {(s["township_prefix"], s["checked"], s["failed"]) for s in result.scores.to_pylist()} == {
        ("210602001", 1, 0),
        ("210602002", 1, 1),
    }


def test_rules_switched_off_are_not_run():
    persons = [_person(1, None, date(1990, 1, 1), True, False)]
    result = run_quality_rules(_inputs(persons, [], [], []), [], TODAY)
    assert result.failures.num_rows == 0 and result.scores.num_rows == 0


@pytest.mark.spark
def test_duckdb_and_spark_give_identical_results(spark):
    """One definition, both engines: the same failures and scores row by row."""
    from minzheng.batch.backends import SparkBackend

    persons = [
        _person(1, date(1990, 1, 1), date(1990, 1, 1), True, False),
        _person(2, date(1990, 1, 2), date(1990, 1, 1), True, True),
        _person(3, None, date(1950, 6, 1), True, False),
    ]
    households = [
        {"household_id": 1, "head_id": 1, "division_code": "210602002001"},
        {"household_id": 2, "head_id": None, "division_code": "210602003001"},
        {"household_id": 3, "head_id": 2, "division_code": "210602002001"},
    ]
    members = [{"household_id": 1, "person_id": 1}, {"household_id": 3, "person_id": 2}]
    enrolments = [{"enrolment_id": 9, "household_id": 3, "payee_id": 2, "division_code": "210602002001"}]
    world = _inputs(persons, households, members, enrolments)
    on_duckdb = run_quality_rules(world, list(RULE_CODES), TODAY)
    with SparkBackend(spark) as backend:
        on_spark = run_quality_rules(world, list(RULE_CODES), TODAY, backend=backend)
    assert on_duckdb.failures.to_pylist() == on_spark.failures.to_pylist()
    assert on_duckdb.scores.to_pylist() == on_spark.scores.to_pylist()
    assert on_duckdb.failures.num_rows == len(oracle(persons, households, members, enrolments))
