"""Images cannot be used to stall the API: a lower pixel limit, one rendition per burst (issue 11)."""

import io
from concurrent.futures import ThreadPoolExecutor
from urllib.request import urlopen

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.images.views.serve import generate_image_url

from tests.factories import ImageFactory


def png(width, height, name="upload.png"):
    # One bit a pixel: a 40-megapixel picture in a few megabytes of memory and a small file.
    buffer = io.BytesIO()
    PILImage.new("1", (width, height)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def upload(admin_client, file):
    return admin_client.post("/admin/images/add/", {"title": "Upload", "file": file})


@pytest.mark.django_db
def test_an_upload_just_over_the_pixel_limit_is_refused_in_the_admin(admin_client, settings):
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    response = upload(admin_client, png(8001, 5000))
    assert response.status_code == 200
    assert "pixels" in response.content.decode()
    assert not get_image_model().objects.exists()


@pytest.mark.django_db
def test_an_upload_within_the_limit_is_accepted(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 10_000
    assert upload(admin_client, png(100, 100)).status_code == 302
    assert upload(admin_client, png(101, 100, name="large.png")).status_code == 200
    assert get_image_model().objects.count() == 1


# Real commits, and the database emptied afterwards: it runs with the end-to-end tests, so the
# suite's one serialized-rollback test never has to reload a flushed database.
@pytest.mark.e2e
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent requests need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_first_requests_for_a_rendition_make_one_file(live_server):
    image = ImageFactory(file__width=2400, file__height=1600)
    url = live_server.url + generate_image_url(image, "width-300")
    before = set(default_storage.listdir("images")[1]) if default_storage.exists("images") else set()

    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = list(pool.map(lambda _: urlopen(url).status, range(20)))  # noqa: S310 - the test server

    assert statuses == [200] * 20
    made = set(default_storage.listdir("images")[1]) - before
    assert len(made) == 1, made
    assert image.renditions.count() == 1
