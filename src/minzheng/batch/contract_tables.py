"""Arrow tables held to a contract's schema (契约表): a checked cast for a job's inputs, a normalised copy of
its outputs. Shared by both jobs, so an off-contract input fails the same way in either."""

from __future__ import annotations

import pyarrow as pa

from .errors import JobInputError


def cast_to_contract(table: pa.Table, schema: pa.Schema, label: str) -> pa.Table:
    """``table``'s columns of ``schema``, in its order and types; a missing column or a type that does not
    cast is a :class:`JobInputError` naming the input (``label``, in Chinese)."""
    missing = [name for name in schema.names if name not in table.column_names]
    if missing:
        raise JobInputError(f"{label}缺少列：{', '.join(missing)}")
    try:
        return table.select(schema.names).cast(schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError) as error:
        raise JobInputError(f"{label}的列类型不符合契约：{error}") from error


def normalised(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """An output table in exactly the contract's types."""
    # engines differ in DECIMAL precision of intermediate results; the contract does not (row order comes
    # sorted from the backend)
    table = table.select(schema.names)
    return pa.Table.from_arrays(
        [table[n].cast(f.type) for n, f in zip(schema.names, schema, strict=True)], schema=schema
    )
