"""The trilingual site of the API tests, a recording frontend cache, and the editorial roles."""

import pytest

from tests.api.conftest import build_site

__all__ = ["build_site"]


@pytest.fixture
def site(home_page, locales):
    return build_site(home_page, locales)
