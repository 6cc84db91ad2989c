"""Uploaded files, bounded in one place: a size limit checked before a byte is read into memory.

Django streams a large upload to a temporary file (``FILE_UPLOAD_MAX_MEMORY_SIZE``) and
``RequestLimitsMiddleware`` refuses a request body over the limit before it is read at all;
``read_upload`` then refuses a file over the per-upload maximum by its size and only reads what is allowed.
Spreadsheets are further bounded by rows while streaming (``spreadsheets.read_first_sheet``).
"""

from django.conf import settings

from .errors import ImportRejected


def max_upload_bytes() -> int:
    return settings.MINZHENG_MAX_UPLOAD_BYTES


def describe_size(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def read_upload(upload, *, max_bytes: int | None = None, field: str = "file") -> bytes:
    """The file's bytes, or ``ImportRejected`` (400, in Chinese) when it is missing, empty or too large."""
    limit = max_bytes or max_upload_bytes()
    if upload is None:
        raise ImportRejected("请选择要上传的文件", field=field)
    if upload.size is not None and upload.size > limit:
        raise ImportRejected(
            f"文件过大（{describe_size(upload.size)}），单个文件不能超过 {describe_size(limit)}，请分批上传",
            field=field,
        )
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise ImportRejected(f"文件过大，单个文件不能超过 {describe_size(limit)}，请分批上传", field=field)
    return data
