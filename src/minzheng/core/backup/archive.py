"""Writing and reading the archive: the database dump, the files under ``MINZHENG_VAR_DIR`` and the manifest,
checked member by member on the way back."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath

from . import database as db
from .manifest import MANIFEST, SKIPPED_DIRS, Manifest, archive_name, archives_to_delete, count_differences

AUDIT_TABLE = "core_auditevent"


def _member_for_database(engine: str) -> str:
    return "database.sqlite3" if engine == "sqlite" else "database.dump"


def _files_to_keep(var_dir: Path, *, skip: set[Path]) -> list[Path]:
    kept = []
    for root, dirs, names in os.walk(var_dir):
        here = Path(root)
        dirs[:] = sorted(
            name
            for name in dirs
            if not (here == var_dir and name in SKIPPED_DIRS) and (here / name).resolve() not in skip
        )
        kept += [here / name for name in sorted(names) if (here / name).resolve() not in skip]
    return kept


class _HashingReader:
    """Hands tarfile the bytes it asks for and hashes exactly those (no window between hashing and copying)."""

    def __init__(self, handle):
        self.handle, self.digest = handle, hashlib.sha256()

    def read(self, size=-1):
        chunk = self.handle.read(size)
        self.digest.update(chunk)
        return chunk


def create_backup(
    *,
    database: db.Database,
    var_dir: Path,
    output_dir: Path,
    now: datetime,
    keep: int | None = None,
    live_sqlite=None,
) -> Path:
    """One archive in ``output_dir`` (mode 600: it holds people's data and the secret key); on any failure
    nothing is left but the archives that were there before. ``keep`` prunes older archives afterwards."""
    output_dir.mkdir(parents=True, exist_ok=True)
    skip = {output_dir.resolve()}
    if database.engine == "sqlite":
        skip |= {Path(f"{database.name}{suffix}").resolve() for suffix in ("", "-wal", "-shm", "-journal")}
    with tempfile.TemporaryDirectory(dir=output_dir, prefix=".partial-") as work:
        work_dir = Path(work)
        member = _member_for_database(database.engine)
        dumped = work_dir / member
        snapshot = db.dump(database, dumped, live_sqlite=live_sqlite)
        manifest = Manifest(
            created_at=now.isoformat(timespec="seconds"),
            engine=database.engine,
            migrations=snapshot.migrations,
            tables=snapshot.tables,
            audit_rows=snapshot.tables.get(AUDIT_TABLE, 0),
        )
        partial = work_dir / "archive.tar"
        with tarfile.open(partial, "w") as tar:
            manifest.files[member] = _add(tar, dumped, member)
            for path in _files_to_keep(var_dir, skip=skip | {work_dir.resolve()}):
                name = "files/" + path.relative_to(var_dir).as_posix()
                manifest.files[name] = _add(tar, path, name)
            body = json.dumps(manifest.to_json(), ensure_ascii=False, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime = len(body), int(now.timestamp())
            tar.addfile(info, _BytesReader(body))
        os.chmod(partial, 0o600)
        final = output_dir / archive_name(now)
        partial.replace(final)
    if keep is not None:
        for name in archives_to_delete(os.listdir(output_dir), keep):
            (output_dir / name).unlink()
    return final


def _add(tar: tarfile.TarFile, path: Path, name: str) -> str:
    info = tar.gettarinfo(str(path), arcname=name)
    with path.open("rb") as handle:
        reader = _HashingReader(handle)
        tar.addfile(info, reader)
    return reader.digest.hexdigest()


class _BytesReader:
    def __init__(self, body: bytes):
        self.body, self.offset = body, 0

    def read(self, size=-1):
        end = len(self.body) if size < 0 else self.offset + size
        chunk, self.offset = self.body[self.offset : end], min(end, len(self.body))
        return chunk


@dataclass(frozen=True)
class RestoreReport:
    manifest: Manifest
    tables: int
    rows: int
    files: int


def read_manifest(archive: Path) -> Manifest:
    with tarfile.open(archive, "r") as tar:
        try:
            handle = tar.extractfile(MANIFEST)
        except KeyError:
            raise db.BackupError(f"{archive.name} 不是本平台的备份（缺少 {MANIFEST}）") from None
        return Manifest.from_json(json.load(handle))


def restore_backup(archive: Path, *, database: db.Database, var_dir: Path) -> RestoreReport:
    """Check the archive whole, then restore into an empty database and put the files back. The database is
    restored in one transaction (PostgreSQL) or one file replace (SQLite); the files are moved in only after
    the database's row counts match the manifest."""
    manifest = read_manifest(archive)
    if manifest.engine != database.engine:
        raise db.BackupError(
            f"备份来自 {_ENGINE_NAMES[manifest.engine]}，不能恢复到 {_ENGINE_NAMES[database.engine]}"
        )
    db.ensure_empty(database)
    var_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=var_dir.parent, prefix=".restoring-") as work:
        staging = Path(work)
        _extract_checked(archive, manifest, staging)
        db.restore(database, staging / _member_for_database(manifest.engine))
        found = db.counts_in(database, list(manifest.tables))
        if differences := count_differences(manifest.tables, found):
            raise db.BackupError("恢复后的行数与备份清单不符：" + "；".join(differences[:10]))
        files = staging / "files"
        moved = 0
        if files.exists():
            for path in sorted(p for p in files.rglob("*") if p.is_file()):
                target = var_dir / path.relative_to(files)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(str(path), target)
                moved += 1
    return RestoreReport(manifest, len(manifest.tables), sum(manifest.tables.values()), moved)


_ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def _extract_checked(archive: Path, manifest: Manifest, staging: Path) -> None:
    """Every member must be listed with its checksum and stay inside the staging directory; every listed
    member must be there."""
    seen = set()
    with tarfile.open(archive, "r") as tar:
        for info in tar:
            if info.name == MANIFEST:
                continue
            name = PurePosixPath(info.name)
            if (
                info.name not in manifest.files
                or name.is_absolute()
                or ".." in name.parts
                or not info.isfile()
            ):
                raise db.BackupError(f"备份中有清单之外或不安全的成员：{info.name}")
            target = staging / Path(*name.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            with tar.extractfile(info) as source, target.open("wb") as sink:
                while chunk := source.read(1 << 20):
                    digest.update(chunk)
                    sink.write(chunk)
            if digest.hexdigest() != manifest.files[info.name]:
                raise db.BackupError(f"校验和不符（备份文件已损坏或被改动）：{info.name}")
            seen.add(info.name)
    if missing := sorted(set(manifest.files) - seen):
        raise db.BackupError(f"备份不完整，缺少：{'、'.join(missing[:5])}")
