"""Finding what the domain apps offer by convention: a module of a given name at the top of an app's package.

URLs, API routers, policy parameters, indicator sources and household panels are all collected this way, so
adding a domain never edits the platform and the platform never imports a domain by name.
"""

from importlib import import_module
from importlib.util import find_spec
from types import ModuleType

from django.apps import AppConfig, apps


def app_modules(basename: str, *, skip: frozenset[str] = frozenset()) -> list[tuple[AppConfig, ModuleType]]:
    """``<app>.<basename>`` of every installed Minzheng app that has one (labels in ``skip`` left out), in
    INSTALLED_APPS order — the order pages and lists show them in."""
    found = []
    for config in apps.get_app_configs():
        name = f"{config.name}.{basename}"
        if not config.name.startswith("minzheng.") or config.label in skip or find_spec(name) is None:
            continue
        found.append((config, import_module(name)))
    return found


def sources_by_code(basename: str, kind: str) -> dict:
    """Every entry of ``SOURCES`` in every app's ``<basename>`` module, by its ``code``, in app order; a code
    offered twice stops the collection (two domains claiming one figure or one kind of work is a mistake)."""
    found: dict = {}
    for _config, module in app_modules(basename):
        for source in getattr(module, "SOURCES", ()):
            if source.code in found:
                raise ValueError(f"{kind} {source.code} is offered twice")
            found[source.code] = source
    return found
