"""The visibility rule written as SQL (for the one-statement page lookup) selects what the ORM's does."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from cms.api.visibility import visible_pages, visible_pages_sql

pytestmark = pytest.mark.django_db


def visible_by_sql() -> set[int]:
    condition, params = visible_pages_sql()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT page.id FROM wagtailcore_page page WHERE {condition}", params)  # noqa: S608
        return {row[0] for row in cursor.fetchall()}


def visible_by_orm() -> set[int]:
    return set(visible_pages().values_list("pk", flat=True))


def test_both_rules_select_the_same_pages_in_every_state(site):
    now = timezone.now()
    hour = datetime.timedelta(hours=1)
    others = Page.objects.filter(depth__gt=2).exclude(pk__in=[site["news"].pk, site["about"].pk])
    first, second, third, fourth = others.order_by("pk")[:4]
    Page.objects.filter(pk=first.pk).update(live=False)
    Page.objects.filter(pk=second.pk).update(go_live_at=now + hour)
    Page.objects.filter(pk=third.pk).update(expire_at=now - hour)
    Page.objects.filter(pk=fourth.pk).update(expired=True)
    Page.objects.filter(pk=site["news"].pk).update(go_live_at=now - hour, expire_at=now + hour)
    every_state = visible_by_orm()
    assert every_state == visible_by_sql()
    assert not {first.pk, second.pk, third.pk, fourth.pk} & every_state
    assert site["news"].pk in every_state

    # A restricted section hides its descendants, and the aliases of those in other languages.
    PageViewRestriction.objects.create(page=site["about"], restriction_type="password", password="secret")
    aliases = Page.objects.filter(alias_of=site["about"])
    assert aliases.exists()  # the Dutch "about" is an alias (tests/sites.py)
    restricted = visible_by_orm()
    assert restricted == visible_by_sql()
    assert site["about"].pk not in restricted
    assert not set(aliases.values_list("pk", flat=True)) & restricted
