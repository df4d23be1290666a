"""A backup made by older code restores into newer code: `restore` applies the migrations the
archive predates, so the restored site never runs on a schema its code does not expect.

The "older code" is this code with its latest publishing migration unapplied; each step runs
as the operator would run it, ``manage.py`` in a process of its own, on SQLite files (so it
runs with the end-to-end tests).
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent
OLDER = ("publishing", "0001_change_feed")
NEWER = "0002_webhook_deliveries"


def manage(database: Path, *args) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(DJANGO_SETTINGS_MODULE="cms.settings.test", DATABASE_URL=f"sqlite:///{database}")
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.mark.e2e
def test_restore_applies_the_migrations_an_older_archive_predates(tmp_path):
    older, restored = tmp_path / "older.sqlite3", tmp_path / "restored.sqlite3"
    manage(older, "migrate", "--noinput")
    manage(older, "migrate", "--noinput", *OLDER)
    assert f"[ ] {NEWER}" in manage(older, "showmigrations", OLDER[0])
    archive = tmp_path / "older.tar.gz"
    manage(older, "backup", "--output", str(archive))

    manage(restored, "restore", str(archive))

    plan = manage(restored, "showmigrations", "--plan")
    assert "[ ]" not in plan
    assert f"[X]  {OLDER[0]}.{NEWER}" in plan
