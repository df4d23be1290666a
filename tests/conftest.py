"""Fixtures shared by the whole suite.

The migrations give every test database the locales en, fr and nl and an English
HomePage as the default site's root, as a real installation has.
"""

import pytest
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

from home.models import HomePage


@pytest.fixture
def locales(db):
    """The three content locales by language code."""
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home_page(db):
    """The English home page created by the migrations."""
    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "password")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture(autouse=True)
def reset_active_language():
    """LocaleMiddleware leaves a request's language active; the next test starts in English."""
    yield
    translation.activate(settings.LANGUAGE_CODE)
