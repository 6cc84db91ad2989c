"""Set-based inserts for large batches (imports, demo data): COPY on PostgreSQL, executemany elsewhere.

Django's ``bulk_create`` spends most of its time preparing each value in Python (~10,000 objects/s here);
these paths move rows at database speed. Callers pass values already clean — nothing is validated here —
and read primary keys back afterwards by a batch key (e.g. ``import_batch_id``).
"""

from collections.abc import Iterable, Sequence

from django.db import connection, models


def insert_rows(model: type[models.Model], fields: Sequence[str], rows: Iterable[Sequence]) -> int:
    fields, rows = _with_search_keys(model, fields, rows)
    meta = model._meta
    columns = [meta.get_field(name) for name in fields]
    quote = connection.ops.quote_name
    column_sql = ", ".join(quote(f.column) for f in columns)
    table = quote(meta.db_table)
    adapters = [_adapter(f) for f in columns]
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # psycopg 3 adapts dates, datetimes and Decimals itself.
            with cursor.cursor.copy(f"COPY {table} ({column_sql}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
            return count
        placeholders = ", ".join(["%s"] * len(columns))
        batch: list[list] = []
        for row in rows:
            batch.append(
                [adapt(v) if adapt and v is not None else v for adapt, v in zip(adapters, row, strict=True)]
            )
            if len(batch) == 5000:
                cursor.executemany(f"INSERT INTO {table} ({column_sql}) VALUES ({placeholders})", batch)
                count += len(batch)
                batch = []
        if batch:
            cursor.executemany(f"INSERT INTO {table} ({column_sql}) VALUES ({placeholders})", batch)
            count += len(batch)
    return count


def _with_search_keys(model, fields: Sequence[str], rows: Iterable[Sequence]):
    """Add the model's search keys (``ReversedCopy`` columns, which ``pre_save`` fills on ORM writes) derived
    from their source columns, so a set-based import is found by the 全局检索 like any other row."""
    from .models.people import ReversedCopy

    derived = [
        (f.name, list(fields).index(f.source))
        for f in model._meta.concrete_fields
        if isinstance(f, ReversedCopy) and f.name not in fields and f.source in fields
    ]
    if not derived:
        return fields, rows
    names = [*fields, *(name for name, _ in derived)]
    return names, ((*row, *(ReversedCopy.reverse(row[i]) for _, i in derived)) for row in rows)


def _adapter(field: models.Field):
    if isinstance(field, models.DateTimeField):
        return connection.ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return connection.ops.adapt_datefield_value
    if isinstance(field, models.DecimalField):
        return connection.ops.adapt_decimalfield_value
    return None
