"""URLs: the API, core's and the shell's pages at the root, and every domain app's pages found by convention —
``<app>/urls.py`` under ``/<label>/`` and ``<app>/public_urls.py`` (pages without login) under
``/public/<label>/`` unless the module says ``MOUNT_AT`` — so a new domain adds no line here."""

from django.urls import include, path

from minzheng.api import api
from minzheng.core.discovery import app_modules

ROOT_APPS = {"core", "web"}  # their pages sit at the root (login, home, registry, users, audit)


def _domain_urls() -> list:
    patterns = [
        path(f"{config.label}/", include(module)) for config, module in app_modules("urls", skip=ROOT_APPS)
    ]
    for config, module in app_modules("public_urls", skip=ROOT_APPS):
        patterns.append(path(getattr(module, "MOUNT_AT", f"public/{config.label}/"), include(module)))
    return patterns


urlpatterns = [
    path("api/", api.urls),
    path("", include("minzheng.core.urls")),
    *_domain_urls(),
    path("", include("minzheng.web.urls")),
]
