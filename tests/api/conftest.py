"""Fixtures of the API tests; the shared site is ``tests/conftest.py``'s ``site``."""

import pytest
from rest_framework.test import APIClient


def pytest_ignore_collect(collection_path, config):
    """The Schemathesis module needs its plugin, which only make test-end-to-end loads (see pyproject)."""
    if collection_path.name == "test_schemathesis.py" and not config.pluginmanager.has_plugin("schemathesis"):
        return True
    return None


@pytest.fixture
def api():
    return APIClient()
