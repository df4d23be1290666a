"""The production stack for the end-to-end tests of tests/ops (PostgreSQL and Redis required)."""

import os

import pytest

from tests.ops.stack import Stack, drop_database, recreate_database

DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "")
ADMIN = ("admin", "a-long-admin-password-for-the-stack")

SETUP = """
from home.models import HomePage, SectionPage
home = HomePage.objects.get(locale__language_code="en")
page = home.add_child(instance=SectionPage(title="Stack page", slug="stack-page", intro="Intro"))
page.save_revision().publish()
print(page.pk)
"""


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    if not DATABASE_URL.startswith(("postgres://", "postgresql://")) or not REDIS_URL:
        pytest.skip("needs DATABASE_URL on PostgreSQL and TEST_REDIS_URL (the production stack)")
    server = DATABASE_URL.rsplit("/", 1)[0]
    name = DATABASE_URL.rsplit("/", 1)[1] + "_stack"
    tmp_path = tmp_path_factory.mktemp("stack")
    stack = Stack(tmp_path, recreate_database(server, name), REDIS_URL, api_port=8621)
    # The README's production recipe, step by step.
    stack.manage("migrate", "--noinput")
    stack.manage("collectstatic", "--noinput")
    username, password = ADMIN
    stack.manage(
        "createsuperuser",
        "--noinput",
        "--username",
        username,
        "--email",
        "admin@example.org",
        env={"DJANGO_SUPERUSER_PASSWORD": password},
    )
    stack.manage("shell", "-c", "from django.core.cache import cache; cache.clear()")
    stack.page_id = int(stack.shell(SETUP))
    yield stack
    stack.stop_all()
    drop_database(server, name)
