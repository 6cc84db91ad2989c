"""Uploaded materials: bounded by core/uploads.py, checked by their first bytes, kept privately under
``var/onestop/`` (never under MEDIA or static; served only through the owner's or staff's view)."""

import hashlib
import uuid
from pathlib import Path

from django.conf import settings

from minzheng.core.uploads import read_upload

from ..errors import InvalidOnestopInput

_SIGNATURES = ((b"%PDF-", "pdf"), (b"\xff\xd8\xff", "jpg"), (b"\x89PNG\r\n\x1a\n", "png"))
MAX_BYTES = 10 * 1024 * 1024


def root() -> Path:
    return Path(settings.VAR_DIR) / "onestop"


def kind_of(data: bytes) -> str:
    return next((kind for signature, kind in _SIGNATURES if data.startswith(signature)), "")


def store(upload, field: str) -> tuple[str, str, int, str]:
    """(stored name, sha256, size, original name) of a checked upload; refuses what is not PDF/JPG/PNG."""
    data = read_upload(upload, max_bytes=min(MAX_BYTES, settings.MINZHENG_MAX_UPLOAD_BYTES), field=field)
    if not data:
        raise InvalidOnestopInput("上传的文件是空的", field=field)
    kind = kind_of(data)
    if not kind:
        raise InvalidOnestopInput("只接受PDF、JPG、PNG格式的材料", field=field)
    name = f"{uuid.uuid4().hex}.{kind}"
    folder = root()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    original = Path(getattr(upload, "name", "") or f"材料.{kind}").name[:200]
    return name, hashlib.sha256(data).hexdigest(), len(data), original


def read(stored_as: str) -> bytes:
    path = root() / Path(stored_as).name
    return path.read_bytes()
