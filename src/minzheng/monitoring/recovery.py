"""Found by ``manage.py recover_background_jobs`` (``core.discovery``, module ``recovery``): 监测批次 left
运行中 by a process that died are marked failed (ADR 0039)."""

from .services.runs import fail_interrupted_runs


def recover() -> str:
    """What was recovered, in Chinese, for the command's output."""
    return f"监测批次：标记中断 {fail_interrupted_runs()} 个"
