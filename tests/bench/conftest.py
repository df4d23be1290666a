"""A database of its own for the benchmark's end-to-end tests, whose servers and generator are processes."""

import os
import subprocess
import sys

import pytest

from bench.database import drop_database, ensure_database
from bench.servers import PROJECT_DIR


@pytest.fixture
def bench_database(tmp_path):
    """``cms_bench_test`` when DATABASE_URL points at PostgreSQL, else a SQLite file; dropped after."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        server = url.rsplit("/", 1)[0]
        yield ensure_database("cms_bench_test", server)
        drop_database("cms_bench_test", server)
    else:
        yield f"sqlite:///{tmp_path / 'bench.sqlite3'}"


@pytest.fixture
def bench_env(bench_database, tmp_path) -> dict:
    """The environment of a benchmark command on that database, migrated."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "BENCH_DATABASE_URL": bench_database,
        "BENCH_MEDIA_ROOT": str(tmp_path / "media"),
    }
    env.pop("DATABASE_URL", None)
    run(["manage.py", "migrate", "--noinput", "-v0"], env)
    return env


def run(arguments, env):
    subprocess.run([sys.executable, *arguments], cwd=PROJECT_DIR, env=env, check=True, capture_output=True)
