"""Production settings refuse to start without their secrets; development needs none."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-production-secret-for-this-test-only",
    "ALLOWED_HOSTS": "cms.example.org",
    "DATABASE_URL": "postgres://cms@db.example.org/cms",
}


def load_settings(module, **env):
    """Import a settings module in a fresh interpreter; return (exit code, stderr)."""
    clean_env = {
        k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV and k != "DJANGO_SETTINGS_MODULE"
    }
    code = (
        f"import django.conf as c, os; os.environ['DJANGO_SETTINGS_MODULE']={module!r}; c.settings.DATABASES"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_DIR,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, result.stderr


def test_production_starts_with_all_variables_set():
    assert load_settings("cms.settings.production", **PRODUCTION_ENV) == (0, "")


@pytest.mark.parametrize("missing", sorted(PRODUCTION_ENV))
def test_production_names_the_missing_variable(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    code, stderr = load_settings("cms.settings.production", **env)
    assert code != 0
    assert f"Set the {missing} environment variable" in stderr


def test_development_runs_without_any_variable():
    assert load_settings("cms.settings.dev") == (0, "")
