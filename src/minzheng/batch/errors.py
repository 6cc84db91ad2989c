"""Typed errors of the batch engine (数据交换与核对引擎的错误).

One base class so the API layer can map every engine failure to one RFC 7807 response; each error carries
a Chinese message meant for the operator who uploaded the file, plus machine-readable fields.
"""

from __future__ import annotations


class BatchError(Exception):
    """批处理引擎错误的基类。"""

    code = "batch_error"

    def __init__(self, message: str, *, dataset: str | None = None, column: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.dataset = dataset
        self.column = column


class UnknownDatasetError(BatchError):
    """未知的数据集名称。"""

    code = "unknown_dataset"


class DeliveryFormatError(BatchError):
    """交付文件无法读取（格式不是 Parquet 或 UTF-8 CSV）。"""

    code = "delivery_format"


class EmptyDeliveryError(BatchError):
    """交付文件为空（没有数据行）。"""

    code = "empty_delivery"


class DeliverySchemaError(BatchError):
    """交付文件的列与约定不符（缺列、多列或类型错误）。"""

    code = "delivery_schema"


class JobInputError(BatchError):
    """核对作业的输入表（申请表、参数表）不符合契约。"""

    code = "job_input"


class EngineError(BatchError):
    """计算引擎（Spark）运行失败：内存不足、进程退出或连接中断。作业失败，不留下部分结果。"""

    code = "engine_failed"
