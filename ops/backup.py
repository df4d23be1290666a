"""One archive holding the whole site: a consistent database dump, the media files, a manifest.

``manage.py backup`` writes it; ``manage.py restore`` puts it back into an empty database
and an empty media store. The archive is a gzipped tar:

- ``manifest.json``: when, which database engine, the last migration of each app, and each
  media file with its size and SHA-256 (restore checks them);
- ``database.dump``: PostgreSQL's ``pg_dump`` custom format (one snapshot, so consistent
  while the site keeps running), or a SQLite copy made with SQLite's online backup;
- ``media/…``: every file of the default storage, read through Django's storage API, so a
  bucket (S3) is backed up the same way as a local directory.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1


class BackupError(Exception):
    pass


def database_settings() -> dict:
    return settings.DATABASES["default"]


def engine() -> str:
    vendor = connection.vendor
    if vendor not in ("postgresql", "sqlite"):
        raise BackupError(f"backups support PostgreSQL and SQLite, not {vendor}")
    return vendor


def postgres_env() -> dict:
    """libpq's variables for pg_dump and pg_restore, from Django's database settings."""
    db = database_settings()
    values = {"PGHOST": db.get("HOST"), "PGPORT": str(db.get("PORT") or ""), "PGUSER": db.get("USER"),
              "PGPASSWORD": db.get("PASSWORD"), "PGDATABASE": db["NAME"]}  # fmt: skip
    return {**os.environ, **{key: value for key, value in values.items() if value}}


def media_files(directory: str = "") -> list[str]:
    """Every file name in the default storage, recursively."""
    try:
        directories, files = default_storage.listdir(directory)
    except FileNotFoundError:
        return []
    names = [f"{directory}/{name}" if directory else name for name in files]
    for sub in directories:
        names += media_files(f"{directory}/{sub}" if directory else sub)
    return sorted(names)


def last_migrations() -> dict:
    recorder = MigrationRecorder(connection)
    latest = {}
    for app, name in recorder.migration_qs.order_by("app", "name").values_list("app", "name"):
        latest[app] = name
    return latest


def dump_database(target: Path):
    if engine() == "postgresql":
        command = ["pg_dump", "--format=custom", "--no-owner", "--no-acl", "--file", str(target)]
        subprocess.run(command, env=postgres_env(), check=True, capture_output=True)  # noqa: S603
    else:
        source = sqlite3.connect(database_settings()["NAME"])
        copy = sqlite3.connect(target)
        with copy:
            source.backup(copy)
        copy.close()
        source.close()


def add_bytes(archive: tarfile.TarFile, name: str, data: bytes):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def backup(output: Path) -> dict:
    """Write the archive; returns its manifest."""
    manifest = {"format": FORMAT, "created_at": timezone.now().isoformat(), "database": engine(),
                "migrations": last_migrations(), "media": []}  # fmt: skip
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / "database.dump"
        dump_database(dump)
        manifest["database_sha256"] = sha256_file(dump)
        with tarfile.open(output, "w:gz") as archive:
            archive.add(dump, "database.dump")
            for name in media_files():
                with default_storage.open(name, "rb") as handle:
                    data = handle.read()
                add_bytes(archive, f"media/{name}", data)
                manifest["media"].append({"name": name, "size": len(data), "sha256": sha256(data)})
            add_bytes(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
    return manifest


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def database_is_empty() -> bool:
    return not connection.introspection.table_names()


def restore(archive_path: Path) -> dict:
    """Restore an archive into an empty database and media store; returns its manifest."""
    with tarfile.open(archive_path, "r:gz") as archive:
        manifest = json.loads(archive.extractfile("manifest.json").read())
        if manifest.get("format") != FORMAT:
            raise BackupError(f"unknown archive format {manifest.get('format')!r}")
        if manifest["database"] != engine():
            raise BackupError(
                f"the archive holds a {manifest['database']} database, this site uses {engine()}"
            )
        if not database_is_empty():
            raise BackupError("the database is not empty: restore needs an empty database")
        if media_files():
            raise BackupError("the media store is not empty: restore needs an empty media store")
        for entry in manifest["media"]:
            data = archive.extractfile(f"media/{entry['name']}").read()
            if sha256(data) != entry["sha256"]:
                raise BackupError(f"media/{entry['name']} does not match its checksum")
        with tempfile.TemporaryDirectory() as work:
            dump = Path(work) / "database.dump"
            with archive.extractfile("database.dump") as source, open(dump, "wb") as target:
                shutil.copyfileobj(source, target)
            if sha256_file(dump) != manifest["database_sha256"]:
                raise BackupError("database.dump does not match its checksum")
            restore_database(dump)
        for entry in manifest["media"]:
            data = archive.extractfile(f"media/{entry['name']}").read()
            saved = default_storage.save(entry["name"], ContentFile(data))
            if saved != entry["name"]:
                raise BackupError(f"media/{entry['name']} was stored as {saved}")
    return manifest


def restore_database(dump: Path):
    connection.close()
    if engine() == "postgresql":
        name = database_settings()["NAME"]
        command = ["pg_restore", "--no-owner", "--no-acl", "--exit-on-error", "--dbname", name, str(dump)]
        subprocess.run(command, env=postgres_env(), check=True, capture_output=True)  # noqa: S603
    else:
        source = sqlite3.connect(dump)
        target = sqlite3.connect(database_settings()["NAME"])
        with target:
            source.backup(target)
        target.close()
        source.close()
