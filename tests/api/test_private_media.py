"""Images and documents in a restricted collection (or below one) stay private (issue 11)."""

import pytest
from django.contrib.auth.models import Group
from wagtail.documents import get_document_model
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction

from tests.factories import ImageFactory

KINDS = [BaseViewRestriction.PASSWORD, BaseViewRestriction.LOGIN, BaseViewRestriction.GROUPS]


@pytest.fixture
def collections(db):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Private")
    return {"root": root, "private": private, "below": private.add_child(name="Below private")}


@pytest.fixture
def staff_group(db):
    return Group.objects.create(name="Staff")


def restrict(collection, kind, group=None):
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=kind, password="secret" if kind == "password" else ""
    )
    if group is not None:
        restriction.groups.add(group)
    return restriction


@pytest.fixture
def images(collections):
    return {
        "public": ImageFactory(collection=collections["root"], file__width=900, file__height=600),
        "private": ImageFactory(collection=collections["private"], file__width=900, file__height=600),
        "below": ImageFactory(collection=collections["below"], file__width=900, file__height=600),
    }


def listed_ids(api):
    body = api.get("/api/v2/images/").json()
    return {item["id"] for item in body["items"]}, body["meta"]["total_count"]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_restricted_images_are_absent_from_the_listing_and_its_count(api, images, collections, kind):
    assert listed_ids(api) == ({image.pk for image in images.values()}, 3)
    restrict(collections["private"], kind)
    assert listed_ids(api) == ({images["public"].pk}, 1)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", ["private", "below"])
def test_restricted_images_are_404_in_detail(api, images, collections, kind, name):
    assert api.get(f"/api/v2/images/{images[name].pk}/").status_code == 200
    restrict(collections["private"], kind)
    assert api.get(f"/api/v2/images/{images[name].pk}/").status_code == 404
    assert api.get(f"/api/v2/images/{images['public'].pk}/").status_code == 200


def signed_urls(api, image):
    """The original and rendition URLs the API handed out, as paths on the CMS."""
    body = api.get(f"/api/v2/images/{image.pk}/").json()
    urls = [body["url"], *(rendition["url"] for rendition in body["renditions"])]
    return [url.removeprefix("http://testserver") for url in urls]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", ["private", "below"])
def test_signed_urls_made_before_the_restriction_stop_serving(client, api, images, collections, kind, name):
    urls = signed_urls(api, images[name])
    assert len(urls) >= 2  # the original and its renditions
    assert {client.get(url).status_code for url in urls} == {200}
    restrict(collections["private"], kind)
    assert {client.get(url).status_code for url in urls} == {404}
    assert {client.get(url).status_code for url in signed_urls(api, images["public"])} == {200}


@pytest.mark.django_db
def test_a_login_restriction_admits_logged_in_users_only_and_uncached(client, api, images, collections,
                                                                      django_user_model):  # fmt: skip
    url = signed_urls(api, images["below"])[1]
    restrict(collections["private"], BaseViewRestriction.LOGIN)
    assert client.get(url).status_code == 404
    client.force_login(django_user_model.objects.create_user("reader", password="x"))
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


@pytest.mark.django_db
def test_a_group_restriction_admits_its_members_only(client, api, images, collections, staff_group,
                                                     django_user_model):  # fmt: skip
    url = signed_urls(api, images["private"])[0]
    restrict(collections["private"], BaseViewRestriction.GROUPS, staff_group)
    outsider = django_user_model.objects.create_user("outsider", password="x")
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    outsider.groups.add(staff_group)
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_a_restriction_set_in_the_admin_hides_the_images(api, admin_client, images, collections):
    response = admin_client.post(
        f"/admin/collections/{collections['private'].pk}/privacy/",
        {"restriction_type": "password", "password": "a-shared-secret"},
    )
    assert response.status_code == 200
    assert CollectionViewRestriction.objects.filter(collection=collections["private"]).exists()
    assert listed_ids(api) == ({images["public"].pk}, 1)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_pages_embedding_a_restricted_image_serve_without_it(api, site, collections, kind):
    image = site["image"]
    image.collection = collections["below"]
    image.save()
    about = api.get(f"/api/v2/pages/{site['about'].pk}/").json()
    assert [block["value"]["image"] for block in about["body"] if block["type"] == "image"] != [None]
    restrict(collections["private"], kind)

    about = api.get(f"/api/v2/pages/{site['about'].pk}/")
    assert about.status_code == 200
    assert [block["value"]["image"] for block in about.json()["body"] if block["type"] == "image"] == [None]
    article = api.get(f"/api/v2/pages/{site['articles'][0].pk}/")
    assert article.status_code == 200
    assert article.json()["lead_image"] is None
    assert f"/{image.pk}/" not in article.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_rich_text_drops_a_restricted_image_and_a_restricted_documents_link(api, site, collections, kind):
    from django.core.files.base import ContentFile

    document = get_document_model().objects.create(
        title="Minutes", collection=collections["below"], file=ContentFile(b"minutes", name="minutes.txt")
    )
    image = site["image"]
    image.collection = collections["below"]
    image.save()
    article = site["articles"][0]
    article.editors_note = (
        f'<p>See <a linktype="document" id="{document.pk}">the minutes</a>.</p>'
        f'<embed embedtype="image" id="{image.pk}" format="left" alt="Hands"/>'
    )
    article.save_revision().publish()
    before = api.get(f"/api/v2/pages/{article.pk}/").json()["editors_note"]
    assert "<img" in before
    assert f"/documents/{document.pk}/" in before

    restrict(collections["private"], kind)
    after = api.get(f"/api/v2/pages/{article.pk}/").json()["editors_note"]
    assert "<img" not in after
    assert f"/documents/{document.pk}/" not in after
    assert "the minutes" in after


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_restricted_documents_are_not_served_to_anonymous_clients(client, collections, kind, settings,
                                                                  tmp_path):  # fmt: skip
    from django.core.files.base import ContentFile

    # Wagtail serves documents from a local path: a real directory, not the in-memory storage.
    settings.MEDIA_ROOT = str(tmp_path)
    file_system = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    settings.STORAGES = {**settings.STORAGES, "default": file_system}

    secret = ContentFile(b"confidential-minutes-text", name="minutes.txt")
    created = get_document_model().objects.create(
        title="Minutes", collection=collections["below"], file=secret
    )
    document = get_document_model().objects.get(pk=created.pk)
    assert client.get(document.url).status_code == 200
    restrict(collections["private"], kind)
    # A login page, a redirect to it, or the password form: never the file.
    response = client.get(document.url)
    assert not response.streaming
    assert b"confidential-minutes-text" not in response.content
