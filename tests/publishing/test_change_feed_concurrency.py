"""The change feed under concurrent publishing (PostgreSQL): entries become visible in cursor order.

A feed entry's id is taken when it is inserted, its visibility comes with its transaction's
commit. If a later id could commit first, a reader that moved its cursor past it would
never see the earlier one. Each transaction therefore locks the feed before its first entry
and keeps the lock until it commits: a second writer waits, and its entries come after.
"""

import threading

import pytest
from django.db import connection, connections, transaction

from publishing.models import ChangeFeedLock, ContentChange
from tests.factories import MediaContactFactory, TopicFactory

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
    # Real commits empty the test database afterwards, which the suite's serialized-rollback
    # test cannot reload from (wagtail-localize acts on raw LocaleSynchronization saves): it
    # runs with the end-to-end tests.
    pytest.mark.e2e,
]


def waiting_on_a_lock(pid) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid])
        row = cursor.fetchone()
    return bool(row) and row[0] == "Lock"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_second_writer_waits_so_its_entries_commit_after_the_first(db):
    ChangeFeedLock.objects.get_or_create(pk=1)
    topic = TopicFactory(name="First")
    contact = MediaContactFactory(name="Second")
    first_written = threading.Event()
    first_may_commit = threading.Event()
    second_pid = []
    results = {}

    def first():
        try:
            with transaction.atomic():
                topic.name = "First, changed"
                topic.save()
                results["first"] = ContentChange.objects.filter(object_type="news.Topic").latest("pk").pk
                first_written.set()
                first_may_commit.wait(timeout=60)
        finally:
            connections.close_all()

    def second():
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_backend_pid()")
                    second_pid[:] = [cursor.fetchone()[0]]
                contact.name = "Second, changed"
                contact.save()
                results["second"] = (
                    ContentChange.objects.filter(object_type="news.MediaContact").latest("pk").pk
                )
        finally:
            connections.close_all()

    one = threading.Thread(target=first)
    one.start()
    assert first_written.wait(timeout=60)
    two = threading.Thread(target=second)
    two.start()
    # The second writer blocks on the feed lock while the first is open (polled, not timed:
    # without the lock it would finish instead, and the join below would show it).
    blocked = False
    for _ in range(600):
        if second_pid and second_pid[0] and waiting_on_a_lock(second_pid[0]):
            blocked = True
            break
        two.join(timeout=0.05)
        if not two.is_alive():
            break
    first_may_commit.set()
    one.join(timeout=60)
    two.join(timeout=60)
    assert blocked, "the second transaction wrote feed entries while the first was still open"
    assert results["first"] < results["second"]
