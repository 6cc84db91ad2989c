"""Found by ``manage.py recover_background_jobs`` (``core.discovery``, module ``recovery``): 核对批次 whose task
worker died are put back in the queue and go on from their last committed chunk (ADR 0039)."""

from .services.runs import recover_interrupted_runs


def recover() -> str:
    """What was recovered, in Chinese, for the command's output."""
    return f"核对批次：继续执行 {recover_interrupted_runs()} 个"
