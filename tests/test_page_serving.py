"""The CMS serves no page HTML: a page's own URL on the CMS redirects to the frontend."""

import pytest

from tests.factories import SectionPageFactory


@pytest.mark.django_db
def test_a_page_url_on_the_cms_redirects_to_its_frontend_url(client, home_page, settings):
    settings.FRONTEND_BASE_URL = "https://www.example.org"
    SectionPageFactory(parent=home_page, title="Who we are", slug="who-we-are")

    assert client.get("/").url == "https://www.example.org/en/"
    response = client.get("/who-we-are/")
    assert response.status_code == 302
    assert response.url == "https://www.example.org/en/who-we-are/"
