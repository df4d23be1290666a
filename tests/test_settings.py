"""Production settings refuse to start without their secrets; development needs none."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-production-secret-for-this-test-only",
    "ALLOWED_HOSTS": "cms.example.org",
    "DATABASE_URL": "postgres://cms@db.example.org/cms",
    "CACHE_URL": "redis://cache.example.org:6379/1",
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


def test_production_says_why_it_needs_a_shared_cache():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "CACHE_URL"}
    code, stderr = load_settings("cms.settings.production", **env)
    assert code != 0 and "a cache shared by every gunicorn worker" in stderr
    for local in ("locmemcache://", "filecache:///tmp/cms-cache", "dummycache://"):
        code, stderr = load_settings("cms.settings.production", **{**PRODUCTION_ENV, "CACHE_URL": local})
        assert code != 0 and "local to one process or machine" in stderr, local


def test_production_refuses_webhooks_without_a_signing_secret():
    # Unsigned deliveries would let anyone who learns a receiver's URL trigger rebuilds.
    webhooks = {**PRODUCTION_ENV, "FRONTEND_WEBHOOK_URLS": "https://frontend.example.org/hook"}
    code, stderr = load_settings("cms.settings.production", **webhooks)
    assert code != 0
    assert "Set the FRONTEND_WEBHOOK_SECRET environment variable" in stderr
    assert "FRONTEND_WEBHOOK_URLS is set" in stderr
    signed = {**webhooks, "FRONTEND_WEBHOOK_SECRET": "a-long-webhook-secret"}
    assert load_settings("cms.settings.production", **signed) == (0, "")


def test_development_runs_without_any_variable():
    assert load_settings("cms.settings.dev") == (0, "")


def variables_read_by_the_settings() -> set[str]:
    """Every NAME in ``env("NAME")``, ``env.<cast>("NAME")``, ``env.ENVIRON.get("NAME")`` in cms/settings."""
    pattern = re.compile(r"""env(?:\.\w+)?(?:\.get)?\(\s*["']([A-Z][A-Z0-9_]*)["']""")
    names = set()
    for module in (PROJECT_DIR / "cms" / "settings").glob("*.py"):
        names |= set(pattern.findall(module.read_text()))
    return names


def test_every_variable_the_settings_read_is_declared_once_in_the_schema():
    from cms.settings.base import env

    read = variables_read_by_the_settings()
    assert read, "the pattern found no variable: it no longer matches how the settings read them"
    assert read - set(env.scheme) == set()


def test_every_declared_variable_is_in_the_readme():
    from cms.settings.base import env

    readme = (PROJECT_DIR / "README.md").read_text()
    documented = set(re.findall(r"^\| `([A-Z][A-Z0-9_]*)` \|", readme, flags=re.MULTILINE))
    assert set(env.scheme) - documented == set()


def test_installed_apps_and_middleware_are_single_literal_lists():
    source = (PROJECT_DIR / "cms" / "settings" / "base.py").read_text()
    for name in ("INSTALLED_APPS", "MIDDLEWARE"):
        assert source.count(f"{name} = [") == 1
        assert f"{name} +=" not in source
