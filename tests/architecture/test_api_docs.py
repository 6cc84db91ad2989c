"""The OpenAPI document: one name per schema, and every operation's error answers documented with the one
error body (issue 14, item 8)."""

from ninja import Schema

import minzheng.api  # noqa: F401  (imports every router, so every schema class exists)
from minzheng.api import api


def _all_subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _all_subclasses(sub)


def test_openapi_schema_names_are_unique():
    seen: dict[str, str] = {}
    duplicates = []
    for cls in _all_subclasses(Schema):
        if not cls.__module__.startswith("minzheng."):
            continue
        where = f"{cls.__module__}.{cls.__qualname__}"
        if cls.__name__ in seen and seen[cls.__name__] != where:
            duplicates.append(f"{cls.__name__}: {seen[cls.__name__]} and {where}")
        seen.setdefault(cls.__name__, where)
    assert not duplicates, duplicates


def test_every_operation_documents_its_error_responses_with_the_problem_body():
    schema = api.get_openapi_schema()
    problem = schema["components"]["schemas"]["Problem"]
    assert problem["required"] == ["type", "title", "status", "detail", "errors"]
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for status in ("400", "401", "403", "404", "409", "422"):
                content = operation["responses"][status]["content"]["application/json"]
                assert content["schema"] == {"$ref": "#/components/schemas/Problem"}, (method, path, status)


def test_the_visit_and_indicator_schemas_are_each_documented_under_their_own_name():
    names = set(api.get_openapi_schema()["components"]["schemas"])
    assert {"HomeVisitIn", "HomeVisitOut", "ElderVisitIn", "ElderVisitOut"} <= names
    assert {"ElderIndicatorOut", "PlanIndicatorOut"} <= names
