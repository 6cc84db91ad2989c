"""schemathesis over every API operation: no answer is a server error or breaks the documented schema.

Bounded and deterministic (hypothesis derandomised, a fixed number of examples per operation and mode), run
as two users — a 元宝区 经办人 and a 振兴区 审批人 — against a small world with a case, an enrolment and a
roster, so generated requests reach real records as well as missing ones. Each request runs inside a
savepoint that is rolled back, so every case starts from the same world (and one database error cannot
poison the rest of the run on PostgreSQL).
"""

import re
import time
from dataclasses import dataclass, field

import pytest
import schemathesis
from django.core.signals import got_request_exception
from django.db import transaction
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import response_schema_conformance

EXAMPLES_PER_MODE = 6
# A request this slow is reported as a failure: a bounded input must not run for minutes (a 10,000-year
# indicator period once did). Generous, so a loaded CI machine does not flake.
SLOW_SECONDS = 15.0


@dataclass
class FuzzTally:
    operations: int = 0
    cases: int = 0
    server_errors: list[str] = field(default_factory=list)
    schema_violations: list[str] = field(default_factory=list)
    slow: list[str] = field(default_factory=list)


def _known_path_parameters(path: str, ids: dict[str, int]) -> dict[str, int]:
    """Real records for the operation's path parameters, so cases reach existing rows too."""
    known = {}
    for collection, name in re.findall(r"/(\w[\w-]*)/\{(\w+)\}", path):
        if collection in ids:
            known[name] = ids[collection]
    return known


def _fuzz_operation(operation, app, token, path_parameters, tally: FuzzTally, errors: list[str]):
    headers = {"Authorization": f"Bearer {token}"}
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
        strategy = operation.as_strategy(generation_mode=mode, path_parameters=path_parameters or None)

        @settings(
            max_examples=EXAMPLES_PER_MODE,
            derandomize=True,
            database=None,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=strategy)
        def run(case):
            tally.cases += 1
            errors.clear()
            sid = transaction.savepoint()
            started = time.monotonic()
            try:
                response = case.call(app=app, headers=headers)
            finally:
                transaction.savepoint_rollback(sid)
            label = f"{case.method} {case.formatted_path} {case.query or ''} -> {response.status_code}"
            if time.monotonic() - started > SLOW_SECONDS:
                tally.slow.append(label)
            if response.status_code >= 500:
                tally.server_errors.append(f"{label} {errors[:1]}")
                return
            try:
                case.validate_response(response, checks=[response_schema_conformance])
            except Exception as exc:  # a FailureGroup naming the violated part of the schema
                tally.schema_violations.append(f"{label}: {str(exc)[:300]}")

        run()


def test_fuzzing_every_api_operation_gives_no_server_error_nor_schema_violation(
    wsgi_app, fuzz_world, transactional_db_guard
):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", wsgi_app)
    tally = FuzzTally()
    errors: list[str] = []

    def remember(sender, request, **kwargs):
        import sys

        exc = sys.exc_info()[1]
        errors.append(f"{type(exc).__name__}: {str(exc)[:200]}")

    got_request_exception.connect(remember)
    try:
        for result in schema.get_all_operations():
            operation = result.ok()
            tally.operations += 1
            known = _known_path_parameters(operation.path, fuzz_world["ids"])
            for token in fuzz_world["tokens"]:
                _fuzz_operation(operation, wsgi_app, token, {}, tally, errors)
                if known:
                    _fuzz_operation(operation, wsgi_app, token, known, tally, errors)
    finally:
        got_request_exception.disconnect(remember)
    print(
        f"schemathesis: {tally.operations} operations, {tally.cases} cases, "
        f"{len(tally.server_errors)} server errors, {len(tally.schema_violations)} schema violations, {len(tally.slow)} slow"
    )
    for kind in ("server_errors", "schema_violations", "slow"):
        for line in getattr(tally, kind):
            print(kind, line)
    assert tally.operations >= 60
    assert not tally.server_errors, "\n".join(tally.server_errors[:40])
    assert not tally.schema_violations, "\n".join(tally.schema_violations[:40])
    assert not tally.slow, "\n".join(tally.slow[:40])


@pytest.fixture
def transactional_db_guard(db):
    """The test runs in pytest-django's transaction; savepoints inside it keep each case independent."""
    return db
