"""Other apps reach a domain only through its ``interface.py`` (conventions: the one door).

Checked on the real import graph (grimp, the library import-linter runs on) for every domain app, present and
future: a module outside a domain may import ``<domain>.interface`` and nothing else of it. The foundation
(``core``), the page kit (``web``) and the pure batch engine (``batch``) are libraries every domain builds on,
not domains; the project's wiring (``minzheng.api``, ``urls``, ``settings``) mounts each app's router and URLs.
"""

from pathlib import Path

import grimp
import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "minzheng"
LIBRARIES = {"core", "web", "batch"}
WIRING = {"minzheng.api", "minzheng.urls", "minzheng.settings", "minzheng.wsgi"}
# The policy store's pure parts, published besides its interface because other domains' pure rules (which may
# not import Django) use them: the parameter specs a domain declares with, month/working-day/division rules and
# the parameter book.
PURE_KITS = ("minzheng.policy.specs", "minzheng.policy.rules", "minzheng.policy.book")
# Apps at the very top that read every domain and publish nothing: no other app may import them at all.
SHELLS = {"search"}
DOMAINS = sorted(
    path.parent.name for path in SRC.glob("*/apps.py") if path.parent.name not in LIBRARIES | SHELLS
)


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("minzheng")


def _app(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _in_kit(module: str) -> bool:
    return any(module == kit or module.startswith(f"{kit}.") for kit in PURE_KITS)


@pytest.mark.parametrize("domain", DOMAINS)
def test_other_apps_import_a_domain_only_through_its_interface(graph, domain):
    door = f"minzheng.{domain}.interface"
    offenders = sorted(
        f"{importer} -> {imported}"
        for imported in graph.find_descendants(f"minzheng.{domain}") | {f"minzheng.{domain}"}
        if imported != door and not _in_kit(imported)
        for importer in graph.find_modules_that_directly_import(imported)
        if _app(importer) != domain and importer not in WIRING
    )
    assert not offenders, f"import {door} instead:\n" + "\n".join(offenders)


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_domain_publishes_an_interface(domain):
    assert (SRC / domain / "interface.py").is_file()


@pytest.mark.parametrize("shell", sorted(SHELLS))
def test_nothing_imports_a_shell_app(graph, shell):
    offenders = sorted(
        f"{importer} -> {imported}"
        for imported in graph.find_descendants(f"minzheng.{shell}") | {f"minzheng.{shell}"}
        for importer in graph.find_modules_that_directly_import(imported)
        if _app(importer) != shell and importer not in WIRING
    )
    assert not offenders, "\n".join(offenders)


def test_the_check_sees_the_domains():
    assert {"assistance", "verification", "monitoring", "eldercare", "payments", "planning", "policy"} <= set(
        DOMAINS
    )
