"""URLs: the API, core's and the shell's pages at the root, and every domain app's pages found by convention —
``<app>/urls.py`` under ``/<label>/`` and ``<app>/public_urls.py`` (pages without login) under
``/public/<label>/`` unless the module says ``MOUNT_AT`` — so a new domain adds no line here."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.urls import include, path

from minzheng.api import api

ROOT_APPS = {"core", "web"}  # their pages sit at the root (login, home, registry, users, audit)


def _domain_urls() -> list:
    patterns = []
    for config in apps.get_app_configs():
        if not config.name.startswith("minzheng.") or config.label in ROOT_APPS:
            continue
        if find_spec(f"{config.name}.urls") is not None:
            patterns.append(path(f"{config.label}/", include(f"{config.name}.urls")))
        if find_spec(f"{config.name}.public_urls") is not None:
            module = import_module(f"{config.name}.public_urls")
            patterns.append(path(getattr(module, "MOUNT_AT", f"public/{config.label}/"), include(module)))
    return patterns


urlpatterns = [
    path("api/", api.urls),
    path("", include("minzheng.core.urls")),
    *_domain_urls(),
    path("", include("minzheng.web.urls")),
]
