"""Media on object storage: an S3-compatible server (moto's standalone server) started by the test.

An image uploaded through the admin lands in the public bucket; the API's image URLs are
served, their renditions made from the original in the bucket and stored there too. Images
and documents of a collection under a view restriction live in the private bucket, reached
only through the CMS's access-checked views; adding or removing the restriction moves them.
"""

import io
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlsplit
from urllib.request import urlopen

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image
from rest_framework.test import APIClient
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.views.serve import generate_image_url
from wagtail.models import Collection

from ops.backup import media_files

pytestmark = pytest.mark.django_db

PORT = int(os.environ.get("TEST_S3_PORT", "8641"))  # a helper sharing the machine may pick another
BUCKET = "cms-media"
PRIVATE_BUCKET = "cms-private-media"


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
    client.create_bucket(Bucket=PRIVATE_BUCKET)
    # Production's buckets: anyone may read the public one; the private one only with credentials.
    public_read = {
        "Effect": "Allow",
        "Principal": "*",
        "Action": "s3:GetObject",
        "Resource": f"arn:aws:s3:::{BUCKET}/*",
    }
    client.put_bucket_policy(
        Bucket=BUCKET, Policy=json.dumps({"Version": "2012-10-17", "Statement": [public_read]})
    )
    # The settings production builds from AWS_STORAGE_BUCKET_NAME, AWS_PRIVATE_STORAGE_BUCKET_NAME
    # and AWS_S3_ENDPOINT_URL.
    from cms.settings.base import split_s3_storage

    storage = split_s3_storage(BUCKET, PRIVATE_BUCKET)
    for options in (storage["OPTIONS"], storage["OPTIONS"]["private"]):
        options.update(endpoint_url=f"http://127.0.0.1:{PORT}", region_name="us-east-1")
    settings.STORAGES = {**settings.STORAGES, "default": storage}
    yield client
    process.terminate()
    process.wait(10)


@pytest.fixture
def restricted(db):
    """A collection, and one below it; the admin's privacy dialog restricts the first to logged-in users."""
    root = Collection.get_first_root_node()
    parent = root.add_child(name="Board")
    return {"parent": parent, "child": parent.add_child(name="Board minutes")}


def set_privacy(admin_client, collection, restriction_type):
    response = admin_client.post(
        f"/admin/collections/{collection.pk}/privacy/", {"restriction_type": restriction_type}
    )
    assert response.status_code == 200 and b"set_privacy_done" in response.content


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), (20, 120, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def keys(client, bucket=BUCKET) -> list[str]:
    return [item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", [])]


def fetch(url) -> int:
    """The status of an anonymous GET straight to the bucket (the way a leaked URL would be used)."""
    try:
        return urlopen(url).status  # noqa: S310 - the test's own S3 server
    except HTTPError as error:
        return error.code


def upload_image(admin_client, collection=None):
    data = {"title": "Office", "file": SimpleUploadedFile("office.png", png(), "image/png")}
    if collection is not None:
        data["collection"] = collection.pk
    response = admin_client.post("/admin/images/add/", data)
    assert response.status_code == 302, response.content[:500]
    return get_image_model().objects.get(title="Office")


def test_an_image_uploaded_through_the_admin_is_stored_and_served_from_the_bucket(s3, admin_client):
    image = upload_image(admin_client)
    assert image.file.name in keys(s3)
    assert keys(s3, PRIVATE_BUCKET) == []
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
    assert keys(s3, PRIVATE_BUCKET) == []


def test_an_image_uploaded_into_a_restricted_collection_is_stored_in_the_private_bucket(
    s3, admin_client, restricted
):
    set_privacy(admin_client, restricted["parent"], "login")
    image = upload_image(admin_client, restricted["child"])  # below the restricted collection

    assert keys(s3) == []  # nothing in the public bucket, not even for a moment
    assert keys(s3, PRIVATE_BUCKET) == [image.file.name]
    assert image.file.name.startswith("private/original_images/")
    assert fetch(f"http://127.0.0.1:{PORT}/{BUCKET}/{image.file.name}") == 404
    assert fetch(f"http://127.0.0.1:{PORT}/{PRIVATE_BUCKET}/{image.file.name}") == 403  # anonymous
    assert image.file.name in media_files()  # backups read both buckets

    api = APIClient()
    assert api.get(f"/api/v2/images/{image.pk}/").status_code == 404
    assert api.get("/api/v2/images/").json()["meta"]["total_count"] == 0
    url = generate_image_url(image, "width-300")
    assert api.get(url).status_code == 404  # the CMS checks the restriction before reading the bucket
    served = admin_client.get(url)  # a logged-in user passes the restriction
    assert served.status_code == 200 and served["Cache-Control"] == "private, no-store"
    assert keys(s3) == []
    renditions = [key for key in keys(s3, PRIVATE_BUCKET) if key != image.file.name]
    assert len(renditions) == 1 and renditions[0].startswith("private/images/")


def test_a_restriction_added_later_moves_the_files_and_old_urls_stop_working(
    s3, admin_client, restricted, django_capture_on_commit_callbacks
):
    image = upload_image(admin_client, restricted["child"])
    api = APIClient()
    api_url = urlsplit(api.get(f"/api/v2/images/{image.pk}/").json()["renditions"][0]["url"]).path
    assert api.get(api_url).status_code == 200  # a rendition, made in the public bucket
    bucket_urls = [f"http://127.0.0.1:{PORT}/{BUCKET}/{key}" for key in keys(s3)]
    assert len(bucket_urls) == 2 and all(fetch(url) == 200 for url in bucket_urls)

    with django_capture_on_commit_callbacks(execute=True):
        set_privacy(admin_client, restricted["parent"], "login")

    assert keys(s3) == []
    assert sorted(keys(s3, PRIVATE_BUCKET)) == sorted(
        "private/" + urlsplit(url).path.removeprefix(f"/{BUCKET}/") for url in bucket_urls
    )
    assert all(fetch(url) == 404 for url in bucket_urls)  # URLs made before the restriction
    assert api.get(api_url).status_code == 404
    assert api.get(f"/api/v2/images/{image.pk}/").status_code == 404
    assert admin_client.get(api_url).status_code == 200  # served from the private bucket

    with django_capture_on_commit_callbacks(execute=True):
        set_privacy(admin_client, restricted["parent"], "none")

    assert keys(s3, PRIVATE_BUCKET) == []
    assert all(fetch(url) == 200 for url in bucket_urls)  # public again, under the same names
    detail = api.get(f"/api/v2/images/{image.pk}/").json()
    assert api.get(urlsplit(detail["renditions"][0]["url"]).path).status_code == 200


def test_a_document_in_a_restricted_collection_is_only_reached_through_the_cms(s3, admin_client, restricted):
    set_privacy(admin_client, restricted["parent"], "login")
    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {"title": "Minutes", "files[]": SimpleUploadedFile("minutes.pdf", b"%PDF-1.4 minutes"),
         "collection": restricted["child"].pk},
    )  # fmt: skip
    assert response.status_code == 200, response.content[:500]
    document = get_document_model().objects.get()
    assert keys(s3) == [] and keys(s3, PRIVATE_BUCKET) == [document.file.name]

    anonymous = Client().get(document.url)
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    admitted = admin_client.get(document.url)
    assert admitted.status_code == 302
    presigned = admitted["Location"]
    assert presigned.startswith(f"http://127.0.0.1:{PORT}/{PRIVATE_BUCKET}/private/documents/")
    assert "Signature=" in presigned and "Expires=" in presigned  # short-lived
    assert urlopen(presigned).read() == b"%PDF-1.4 minutes"  # noqa: S310 - the test's own S3 server


def walk(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)
    else:
        yield value
