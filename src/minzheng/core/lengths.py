"""Text lengths, checked before the database: a value longer than its column is a 400 with a Chinese message
naming the field, never a database error (PostgreSQL refuses it with a 500; SQLite would silently keep it).

``check_text_lengths`` runs for every model instance saved anywhere in the platform (``CoreConfig.ready``
connects it to ``pre_save``: one guard for every form, API and service, not a check per endpoint). Bulk
inserts skip signals, so importers call ``length_error`` per cell and report the row; API schemas declare the
same limits with ``api_types.column_text`` so the documentation shows them.
"""

from django.db import models

from .errors import MinzhengError


class TextTooLong(MinzhengError, ValueError):
    code = "text_too_long"


def max_length_of(model, field_name: str) -> int | None:
    return getattr(model._meta.get_field(field_name), "max_length", None)


def length_error(model, field_name: str, value) -> str | None:
    """The Chinese message when ``value`` is longer than the column ``model.field_name`` allows."""
    field = model._meta.get_field(field_name)
    limit = getattr(field, "max_length", None)
    if limit and isinstance(value, str) and len(value) > limit:
        return f"{field.verbose_name}不能超过 {limit} 个字符（现为 {len(value)} 个）"
    return None


def check_text_lengths(instance) -> None:
    """Raise ``TextTooLong`` listing every character column of ``instance`` that is over its length."""
    errors = []
    for field in instance._meta.concrete_fields:
        if isinstance(field, models.CharField) and field.max_length:
            message = length_error(type(instance), field.name, getattr(instance, field.attname, None))
            if message:
                errors.append({"field": field.name, "message": message})
    if errors:
        raise TextTooLong(errors[0]["message"], field=errors[0]["field"], errors=errors)


def guard_text_lengths(sender, instance, raw=False, **kwargs) -> None:
    if not raw:  # fixtures load as they are
        check_text_lengths(instance)
