"""Media on object storage: an S3-compatible server (moto's standalone server) started by the test.

An image uploaded through the admin lands in the bucket; the API's image URLs are served,
their renditions made from the original in the bucket and stored there too.
"""

import io
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

PORT = 8641
BUCKET = "cms-media"


@pytest.fixture
def s3(settings, monkeypatch):
    executable = shutil.which("moto_server", path=str(Path(sys.executable).parent))
    if executable is None:
        pytest.skip("moto[server] is not installed")
    process = subprocess.Popen(
        [executable, "-H", "127.0.0.1", "-p", str(PORT)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", PORT), timeout=0.2).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                process.terminate()
                raise
            time.sleep(0.1)
    for name, value in {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test"}.items():
        monkeypatch.setenv(name, value)
    import boto3

    client = boto3.client(
        "s3", endpoint_url=f"http://127.0.0.1:{PORT}", region_name="us-east-1",
        aws_access_key_id="test", aws_secret_access_key="test",
    )  # fmt: skip
    client.create_bucket(Bucket=BUCKET)
    # The settings production builds from AWS_STORAGE_BUCKET_NAME and AWS_S3_ENDPOINT_URL.
    from cms.settings.base import s3_storage

    storage = s3_storage(BUCKET, signed=False)
    storage["OPTIONS"].update(endpoint_url=f"http://127.0.0.1:{PORT}", region_name="us-east-1")
    settings.STORAGES = {**settings.STORAGES, "default": storage}
    yield client
    process.terminate()
    process.wait(10)


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), (20, 120, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def keys(client) -> list[str]:
    return [item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


def test_an_image_uploaded_through_the_admin_is_stored_and_served_from_the_bucket(s3, admin_client):
    from wagtail.images import get_image_model

    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Office", "file": SimpleUploadedFile("office.png", png(), "image/png")},
    )
    assert response.status_code == 302, response.content[:500]
    image = get_image_model().objects.get(title="Office")
    assert image.file.name in keys(s3)
    assert image.file.url.startswith(f"http://127.0.0.1:{PORT}/{BUCKET}/")

    api = APIClient()
    detail = api.get(f"/api/v2/images/{image.pk}/").json()
    urls = [value for value in walk(detail) if isinstance(value, str) and "/images/" in value]
    assert urls, detail
    before = set(keys(s3))
    served = api.get(urlsplit(urls[-1]).path)
    assert served.status_code == 200
    assert served["Content-Type"].startswith("image/")
    made = set(keys(s3)) - before
    assert made and all(key.startswith("images/") for key in made)  # the rendition, in the bucket


def walk(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)
    else:
        yield value
