"""Which functions may run as 后台任务: a domain marks its job functions with ``@background_job``; a job row
names its function by dotted path, and only a marked function is ever called for it."""

import contextlib
from collections.abc import Callable
from importlib import import_module

from .errors import BackgroundJobError

_RUNNERS: dict[str, Callable] = {}


def background_job(function: Callable) -> Callable:
    """Mark ``function(job, **params) -> JobResult`` as a job body (``job`` reports progress)."""
    _RUNNERS[runner_path(function)] = function
    return function


def runner_path(function: Callable) -> str:
    return f"{function.__module__}.{function.__qualname__}"


def runner_for(path: str) -> Callable:
    """The marked function at ``path``: its module is imported first, which marks it (the worker process
    has not necessarily imported the domain's module yet)."""
    if path not in _RUNNERS:
        module = path.rpartition(".")[0]
        with contextlib.suppress(ImportError):
            import_module(module)
    try:
        return _RUNNERS[path]
    except KeyError:
        raise BackgroundJobError("未知的后台任务") from None
