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
