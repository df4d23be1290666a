"""Admin login: repeated failures lock the account and the address for a while (issue 11).

Every attempt goes through Wagtail's real login form.
"""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.utils import timezone

LOGIN = "/admin/login/"


@pytest.fixture
def limits(settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = timedelta(minutes=10)
    return settings


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        "editor", "editor@example.org", "right-password", is_staff=True
    )


def attempt(client, username, password, address="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def logged_in(response):
    return response.status_code == 302 and not response["Location"].startswith(LOGIN)


@pytest.mark.django_db
def test_an_account_is_locked_after_the_limit_whatever_the_address(client, limits, editor):
    for number in range(2):
        response = attempt(client, "editor", "wrong", address=f"10.0.0.{number + 1}")
        assert response.status_code == 200  # the form again, with its error
    # The failure that reaches the limit is already answered with the lockout.
    assert attempt(client, "editor", "wrong", address="10.0.0.3").status_code == 429
    refused = attempt(client, "editor", "right-password", address="10.9.9.9")
    assert refused.status_code == 429
    assert "Too many failed login attempts. Try again in 10 minutes." in refused.content.decode()
    assert refused["Retry-After"] == "600"
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_an_address_is_locked_after_the_limit_whatever_the_account(client, limits, editor):
    for name in ("alice", "bob"):
        assert attempt(client, name, "guess", address="10.0.0.7").status_code == 200
    assert attempt(client, "carol", "guess", address="10.0.0.7").status_code == 429
    assert attempt(client, "editor", "right-password", address="10.0.0.7").status_code == 429
    # Another address may still log in to the account.
    assert logged_in(attempt(client, "editor", "right-password", address="10.0.0.8"))


@pytest.mark.django_db
def test_fewer_failures_than_the_limit_do_not_lock(client, limits, editor):
    attempt(client, "editor", "wrong")
    attempt(client, "editor", "wrong")
    assert logged_in(attempt(client, "editor", "right-password"))


@pytest.mark.django_db
def test_after_the_cool_off_the_account_logs_in_again(client, limits, editor):
    for _number in range(3):
        attempt(client, "editor", "wrong")
    assert attempt(client, "editor", "right-password").status_code == 429
    # The failures were recorded eleven minutes ago: the ten-minute cool-off is over.
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=11))
    assert logged_in(attempt(client, "editor", "right-password"))


@pytest.mark.django_db
def test_the_lockout_message_is_in_the_admins_language(client, limits, editor):
    for _number in range(3):
        attempt(client, "editor", "wrong")
    refused = client.post(
        LOGIN, {"username": "editor", "password": "right-password"}, HTTP_ACCEPT_LANGUAGE="fr"
    )
    assert refused.status_code == 429
    assert "Trop de tentatives de connexion" in refused.content.decode()
