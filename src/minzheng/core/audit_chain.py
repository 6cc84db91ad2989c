"""审计日志哈希链: the digest that links each audit row to the one before it (pure, no Django).

Each row stores ``prev_hash`` (the previous row's ``row_hash``; 64 zeros for the first row) and
``row_hash = sha256(prev_hash + canonical JSON of the row)``. Changing, removing or replacing any row breaks
every link after it, which ``manage.py verify_audit_chain`` reports. The canonical form is a contract: rows
already written must keep verifying, so change it only with a new version prefix and a migration.
"""

import hashlib
import ipaddress
import json
from datetime import UTC, datetime

GENESIS = "0" * 64
VERSION = "v1"
FIELDS = (
    "id",
    "at",
    "user_id",
    "username",
    "ip",
    "action",
    "object_type",
    "object_id",
    "division_code",
    "summary",
    "before",
    "after",
)


def _canonical_ip(ip: str | None) -> str | None:
    # PostgreSQL's inet and SQLite's text may spell one address differently (IPv6 case and zeros).
    return ipaddress.ip_address(ip).compressed if ip else None


def row_digest(prev_hash: str, row: dict) -> str:
    """The hash of one audit row (its ``FIELDS``; ``before``/``after`` as plain JSON values) after ``prev_hash``."""
    at: datetime = row["at"]
    payload = {name: row[name] for name in FIELDS}
    payload["at"] = at.astimezone(UTC).isoformat(timespec="microseconds")
    payload["ip"] = _canonical_ip(row["ip"])
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(f"{VERSION}|{prev_hash}|{text}".encode()).hexdigest()
