"""检索选择 (search picker): a form field naming a person or household (…) by *choosing* it from a search by name
or ID fragment, instead of typing its full number — which the UI masks everywhere.

The widget is a text box plus a hidden input: typing asks ``/search/pick/<source>/?q=…`` (htmx) for
jurisdiction-scoped, masked options; choosing one (keyboard or mouse, ``minzheng.js``: ``data-picker``)
puts its primary key in the hidden input. The server checks that key again with the same jurisdiction rule
(``PickerSource.resolve``), so another region's key gets exactly the error a missing one gets. Without
script, or from an old habit, a full ID number or 户编号 typed in the box still works when it names exactly
one record in the jurisdiction.

A source is registered once (``register``) by the app whose records it finds; the registry's own (person,
household) are registered here, since the kit sits above core.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.urls import reverse

from minzheng.core.search_terms import SearchTerm, parse_search_term
from minzheng.core.selectors import search as registry_search
from minzheng.core.selectors.search import SearchHit


@dataclass(frozen=True)
class PickerSource:
    """What one kind of picker searches: ``search(user, term, limit)`` for options, ``resolve(user, pk)`` to
    check a chosen key (None when missing or outside the jurisdiction)."""

    name: str
    search: Callable[[object, SearchTerm, int], list[SearchHit]]
    resolve: Callable[[object, object], SearchHit | None]
    hint: str = "输入姓名或身份证号（可输入后4位）检索"


_SOURCES: dict[str, PickerSource] = {}


def register(source: PickerSource) -> None:
    _SOURCES[source.name] = source


def source(name: str) -> PickerSource | None:
    return _SOURCES.get(name)


register(PickerSource("person", registry_search.search_persons, registry_search.person_option))
register(
    PickerSource(
        "household",
        lambda user, term, limit: registry_search.search_households(user, term, limit, open_only=True),
        registry_search.household_option,
        hint="输入户编号、户主或成员姓名、身份证号（可输入后4位）检索",
    )
)


class PickerWidget(forms.Widget):
    """The text box, the hidden key and the option list; behaviour by data attributes (no inline script)."""

    template_name = "web/kit/_picker.html"
    is_picker = True

    def __init__(self, source_name: str, attrs=None):
        super().__init__(attrs)
        self.source_name = source_name

    def value_from_datadict(self, data, files, name):
        return (data.get(name, ""), data.get(f"{name}_text", ""))

    def value_omitted_from_data(self, data, files, name):
        return name not in data and f"{name}_text" not in data

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if isinstance(value, SearchHit):
            key, text = value.pk, f"{value.title} {value.detail}".strip()
        elif isinstance(value, tuple | list) and len(value) == 2:
            key, text = value
        else:
            key, text = value or "", ""
        found = source(self.source_name)
        widget = context["widget"]
        widget.update(
            key=key,
            text=text,
            url=reverse("search:pick", args=[self.source_name]),
            list_id=f"{widget['attrs'].get('id') or name}-options",
            hint=found.hint if found else "",
        )
        return context


class PickerField(forms.Field):
    """A record chosen in a picker; ``cleaned_data`` holds its ``SearchHit`` (``.pk`` for the service)."""

    widget = PickerWidget

    def __init__(self, label: str, source_name: str, **kwargs):
        kwargs.setdefault("widget", PickerWidget(source_name))
        super().__init__(label=label, **kwargs)
        self.source_name = source_name
        self.user = None  # set by the form (KitForm(user=…)); without one nothing is found
        self.error_messages.setdefault(
            "not_found", f"未找到该{label}：请输入姓名或身份证号检索，并从结果中选择本辖区的记录"
        )

    def clean(self, value):
        key, text = value if isinstance(value, tuple | list) and len(value) == 2 else (value, "")
        key, text = str(key or "").strip(), str(text or "").strip()
        if not key and not text:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return None
        found = source(self.source_name)
        hit = None
        if found is not None and key:
            hit = found.resolve(self.user, key)
        elif found is not None:
            hit = _typed(found, self.user, text)
        if hit is None:
            raise forms.ValidationError(self.error_messages["not_found"], code="not_found")
        return hit


def _typed(found: PickerSource, user, text: str) -> SearchHit | None:
    """A full ID number or exact 户编号 typed without choosing: accepted when it names one record only."""
    term = parse_search_term(text)
    if not (term.is_full_id or (term.number and len(term.number) >= 12)):
        return None
    hits = found.search(user, term, 2)
    return hits[0] if len(hits) == 1 else None


def attach_user(form: forms.Form, user) -> None:
    """Give the form's pickers the user whose jurisdiction their choices are checked against."""
    for field in form.fields.values():
        if isinstance(field, PickerField):
            field.user = user
