"""Fixtures of the API tests; the shared site is ``tests/conftest.py``'s ``site``."""

import pytest
from rest_framework.test import APIClient


@pytest.fixture
def api():
    return APIClient()
