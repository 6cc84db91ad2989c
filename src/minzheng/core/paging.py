"""Paging of every API list, said once: ``offset`` and ``limit`` are bounded here, so a negative offset, one
past any real table (≥ 2^63 overflows the database's integer) or a huge page answers 422 with a Chinese
message instead of reaching the database.

``Paging`` is the django-ninja pagination class (``@paginate(Paging)``); ``page_query`` gives the same
parameters as a query schema for endpoints that shape their own ``{"count", "items"}`` or list answer.
The UI's pages use ``web`` paginators over ``?page=``, which clamp on their own.
"""

from functools import cache

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

# Far beyond any table the platform holds (persons of a province: tens of millions), far below 2^63.
MAX_OFFSET = 100_000_000
DEFAULT_LIMIT = 50
MAX_LIMIT = 500


def _limit_field(default: int, maximum: int):
    return Field(default, ge=1, le=maximum, description=f"每页条数（1 至 {maximum}）")


def _offset_field():
    return Field(0, ge=0, le=MAX_OFFSET, description=f"跳过的条数（0 至 {MAX_OFFSET}）")


@cache
def page_query(default_limit: int = DEFAULT_LIMIT, max_limit: int = MAX_LIMIT) -> type[Schema]:
    """A query schema of ``offset`` and ``limit`` (use as ``page: Query[page_query(100, 1000)]``)."""
    return type(
        f"PageQuery{default_limit}To{max_limit}",
        (Schema,),
        {
            "__annotations__": {"offset": int, "limit": int},
            "offset": _offset_field(),
            "limit": _limit_field(default_limit, max_limit),
            "__module__": __name__,
        },
    )


class Paging(LimitOffsetPagination):
    """ninja's limit/offset pagination with both parameters bounded (422 beyond them, never a 500)."""

    class Input(Schema):
        limit: int = _limit_field(DEFAULT_LIMIT, MAX_LIMIT)
        offset: int = _offset_field()

    def __init__(self, **kwargs):
        super().__init__(max_limit=MAX_LIMIT, **kwargs)
