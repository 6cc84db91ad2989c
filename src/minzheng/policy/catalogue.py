"""政策参数目录: every parameter name the platform reads, collected from the domains that declare them.

Each installed app may have a ``policy_parameters`` module with ``PARAMETERS`` (``ParameterSpec``s) and
``SEEDS`` (shipped versions). A name not declared anywhere cannot be set (a typo would silently never be
read), and two apps declaring one name is an error at start-up rather than a silent override. Adding a
domain's parameters never edits another domain.
"""

from functools import cache

from minzheng.core.discovery import app_modules

from .specs import ParameterSpec, SeedParameter, ValueType

MODULE = "policy_parameters"

__all__ = ["ParameterSpec", "SeedParameter", "ValueType", "parameters", "seeds", "spec_for"]


@cache
def _declarations() -> tuple[tuple[ParameterSpec, ...], tuple[SeedParameter, ...]]:
    specs: dict[str, ParameterSpec] = {}
    seeded: list[SeedParameter] = []
    for _config, module in app_modules(MODULE):
        name = module.__name__
        for spec in getattr(module, "PARAMETERS", ()):
            if spec.name in specs:
                raise ImportError(f"policy parameter {spec.name!r} is declared twice (again in {name})")
            specs[spec.name] = spec
        seeded.extend(getattr(module, "SEEDS", ()))
    unknown = sorted({seed.name for seed in seeded} - specs.keys())
    if unknown:
        raise ImportError(f"seed values for undeclared policy parameters: {', '.join(unknown)}")
    return tuple(specs.values()), tuple(seeded)


def parameters() -> tuple[ParameterSpec, ...]:
    """Every declared parameter, in app order then declaration order (the order the list page shows)."""
    return _declarations()[0]


def seeds() -> tuple[SeedParameter, ...]:
    """Every shipped parameter version of every app."""
    return _declarations()[1]


def spec_for(name: str) -> ParameterSpec | None:
    return _by_name().get(name)


@cache
def _by_name() -> dict[str, ParameterSpec]:
    return {spec.name: spec for spec in parameters()}
