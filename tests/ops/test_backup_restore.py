"""Backup and restore round-trip the demo site: every API response of every page in every language,
byte for byte, from a server on the restored database and media store.

It also loads the demo content the production way (search and reference-index updates queued
for the worker) and checks that no task fails (the former ``DoesNotExist`` failures).
"""

import json

import pytest

from tests.ops.stack import Client, drop_database, recreate_database

pytestmark = pytest.mark.e2e

PORT = 8624
LANGUAGES = ("en", "fr", "nl")


def every_response(client) -> dict[str, bytes]:
    """The API as a frontend reads it: listings, every page's detail and find, the rest."""
    responses = {}

    def read(path):
        response = client.get(path)
        assert response.status == 200, (path, response.status)
        responses[path] = response.body
        return response

    read("/api/v2/locales/")
    for code in LANGUAGES:
        read(f"/api/v2/navigation/?locale={code}")
        read(f"/api/v2/topics/?locale={code}")
        read(f"/api/v2/media-contacts/?locale={code}")
        offset = 0
        while True:
            listing = read(f"/api/v2/pages/?locale={code}&limit=100&offset={offset}").json()
            for item in listing["items"]:
                page = read(f"/api/v2/pages/{item['id']}/").json()
                read(f"/api/v2/pages/find/?path={page['path']}")
            offset += 100
            if offset >= listing["meta"]["total_count"]:
                break
    images = read("/api/v2/images/?limit=100").json()
    for image in images["items"]:
        read(f"/api/v2/images/{image['id']}/")
    return responses


def test_a_backup_restores_the_demo_site_byte_for_byte(stack):
    stack.manage("load_demo_content")
    stack.worker()
    stack.wait_for_tasks(timeout=900)
    failed = stack.sql(
        "SELECT task_path, exception_class_path FROM django_tasks_database_dbtaskresult "
        "WHERE status = 'FAILED'"
    )
    assert failed == []

    stack.gunicorn(PORT, workers=1)
    before = every_response(Client(PORT))
    assert len(before) > 50
    archive = stack.tmp_path / "site.tar.gz"
    output = stack.manage("backup", "--output", str(archive)).stdout
    assert "media file(s)" in output
    stack.stop_all()

    server, name = stack.env["DATABASE_URL"].rsplit("/", 1)
    restored_url = recreate_database(server, f"{name}_restored")
    restored = {"DATABASE_URL": restored_url, "MEDIA_ROOT": str(stack.tmp_path / "restored-media")}
    original_env = dict(stack.env)
    try:
        # The restore refuses a database that is not empty.
        refused = stack.manage("restore", str(archive), check=False)
        assert refused.returncode != 0 and "not empty" in refused.stderr
        stack.manage("restore", str(archive), env=restored)
        stack.shell("from django.core.cache import cache; cache.clear()")  # nothing from the first server
        stack.env.update(restored)
        stack.gunicorn(PORT, workers=1)
        client = Client(PORT)
        after = every_response(client)
        assert after.keys() == before.keys()
        different = [path for path in before if before[path] != after[path]]
        assert different == []
        # The media came back too: an image URL of the API answers with the restored original's rendition.
        image_urls = [
            url for body in after.values() for url in urls_in(json.loads(body)) if "/images/" in url
        ]
        assert image_urls
        rendition = client.get(image_urls[0].removeprefix(stack.env["WAGTAILAPI_BASE_URL"]))
        assert rendition.status == 200 and rendition.headers["content-type"].startswith("image/")
    finally:
        stack.stop_all()
        stack.env = original_env
        drop_database(server, f"{name}_restored")


def urls_in(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from urls_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from urls_in(item)
    elif isinstance(value, str) and value.startswith("http"):
        yield value
