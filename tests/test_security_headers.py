"""Content-Security-Policy: strict on the API's JSON, one the admin's own pages work under (issue 11)."""

import re

import pytest

API_POLICY = "default-src 'none'"


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


def allowed_sources(policy, directive):
    parsed = directives(policy)
    return parsed.get(directive, parsed.get("default-src", []))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("get", "/api/v2/locales/", 200),
        ("get", "/api/v2/pages/?nope=1", 400),
        ("get", "/api/v2/pages/999/", 404),
        ("post", "/api/v2/pages/", 405),
        ("get", "/api/v2/openapi.json", 200),
        ("get", "/api/v2/preview/", 400),
        ("get", "/api/nothing/", 404),
    ],
)
def test_api_responses_carry_a_strict_policy(client, method, url, status):
    response = getattr(client, method)(url)
    assert response.status_code == status
    assert response["Content-Security-Policy"].startswith(API_POLICY)


INLINE_TYPES = {"", "text/javascript", "module", "application/javascript"}


def check_page_runs_under_its_policy(response):
    """Every script and stylesheet of the page is one its policy allows."""
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" not in policy
    html = response.content.decode()
    scripts = re.findall(r"<script\b([^>]*)>", html)
    assert scripts, "an admin page without scripts: the check would prove nothing"
    for attributes in scripts:
        src = re.search(r'src="([^"]+)"', attributes)
        kind = re.search(r'type="([^"]*)"', attributes)
        if src:
            assert src.group(1).startswith(("/", "http://testserver/")), src.group(1)
            assert "'self'" in allowed_sources(policy, "script-src")
        elif (kind.group(1) if kind else "") in INLINE_TYPES:
            assert "'unsafe-inline'" in allowed_sources(policy, "script-src")
    for href in re.findall(r'<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"', html):
        assert href.startswith("/"), href
        assert "'self'" in allowed_sources(policy, "style-src")


@pytest.mark.django_db
def test_the_admin_login_page_loads_under_its_policy(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    check_page_runs_under_its_policy(response)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["/admin/", "/admin/pages/{home}/", "/admin/pages/{home}/edit/", "/admin/images/", "/admin/collections/"],
)
def test_admin_pages_load_their_scripts_under_the_policy(admin_client, home_page, url):
    response = admin_client.get(url.format(home=home_page.pk))
    assert response.status_code == 200
    check_page_runs_under_its_policy(response)


@pytest.mark.django_db
def test_the_preview_panel_may_frame_the_frontend(admin_client, settings):
    policy = admin_client.get("/admin/")["Content-Security-Policy"]
    frames = allowed_sources(policy, "frame-src")
    assert "/".join(settings.FRONTEND_BASE_URL.split("/")[:3]) in frames
    assert directives(policy)["frame-ancestors"] == ["'self'"]
