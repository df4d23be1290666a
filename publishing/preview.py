"""Headless preview: the admin's Preview shows the draft in the frontend of the page's language.

Clicking Preview stores the unsaved page (wagtail-headless-preview's PagePreview) under a
signed, timestamped token and opens ``PREVIEW_CLIENT_URLS[<page language>]`` with
``?content_type=news.newsarticlepage&token=…`` (``BasePage.get_client_root_url`` in
``cms/pages.py``). The frontend's preview route then calls
``/api/v2/preview/?content_type=…&token=…`` (``preview_view``) and gets the draft in
exactly the JSON of ``pages/<id>/`` (the same serializer). The token is the only key to
drafts: missing, tampered, expired or unknown tokens get a 4xx JSON message, never content.

When nothing answers at the frontend's address (no frontend started on a laptop, a staging
frontend down), a frame of it would only show the browser's "refused to connect". The
admin's preview then shows the draft's JSON itself, with the address to start
(``serve_admin_preview``).
"""

import json
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.core.signing import BadSignature, SignatureExpired
from django.http import JsonResponse
from django.shortcuts import render
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview
from wagtail_headless_preview.signals import preview_update

from cms.api.references import References
from cms.api.serializers.pages import PageSerializer, select_field_names
from cms.api.validation import read_only_view


def preview_error(status: int, message: str) -> JsonResponse:
    response = JsonResponse({"message": message}, status=status)
    response["Cache-Control"] = "no-store"
    return response


def content_type_name(preview: PagePreview) -> str:
    """``news.newsarticlepage``, as wagtail-headless-preview writes it into the preview URL."""
    return f"{preview.content_type.app_label}.{preview.content_type.model}"


# Set by publishing, not by the editor: the preview shows the page's real values (the
# preview's JSON copy holds them truncated to milliseconds and in local time).
PUBLISHING_DATES = ("first_published_at", "last_published_at")


def draft_page(preview: PagePreview):
    page = preview.as_page()
    if page.pk:
        stored = type(page).objects.filter(pk=page.pk).values(*PUBLISHING_DATES).first() or {}
        for name, value in stored.items():
            setattr(page, name, value)
    # The path the page will have once published: a new page has none yet, an edited
    # slug is not in the stored one.
    parent = Page.objects.filter(path=page.path[: -Page.steplen]).first() if page.path else None
    if parent is not None:
        page.url_path = f"{parent.url_path}{page.slug}/"
    return page


def serialize_draft(page) -> dict:
    """The detail JSON of ``page``; ``"id": null`` for a page that is not created yet."""
    serializer = PageSerializer(References(), select_field_names(None, [type(page)], detail=True))
    if page.pk is not None:
        return serializer.serialize(page)
    # Prefetching inline rows needs a primary key: 0 matches no stored row, so the rows
    # come from the preview's own copy.
    page.pk = page.id = 0
    return serializer.serialize(page) | {"id": None}


@read_only_view
def preview_view(request):
    """``GET /api/v2/preview/?content_type=…&token=…``: the draft page's detail JSON."""
    token = request.GET.get("token")
    if not token:
        return preview_error(400, "token is required: open the preview from the admin's Preview button")
    try:
        HeadlessPreviewMixin.get_preview_signer().unsign(token, max_age=settings.PREVIEW_TOKEN_MAX_AGE)
    except SignatureExpired:
        return preview_error(403, "preview token expired: click Preview in the admin again")
    except BadSignature:
        return preview_error(403, "invalid preview token")
    preview = PagePreview.objects.select_related("content_type").filter(token=token).first()
    if preview is None or preview.content_type.model_class() is None:
        return preview_error(404, "no preview for this token: click Preview in the admin again")
    wanted_type = request.GET.get("content_type")
    if wanted_type and wanted_type.lower() != content_type_name(preview):
        return preview_error(
            400, f"content_type does not match the token's page ({content_type_name(preview)})"
        )
    page = draft_page(preview)
    response = JsonResponse(serialize_draft(page))
    # Drafts are for the editor who asked: never stored by a shared cache.
    response["Cache-Control"] = "private, no-store"
    return response


# Long enough for a frontend on the same network, short enough that the editor barely waits
# when none is running (a refused connection answers at once; this bounds a silent host).
FRONTEND_CONNECT_TIMEOUT = 1.0


def frontend_is_running(url: str) -> bool:
    """Whether something accepts connections at ``url``'s host and port."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        with socket.create_connection((parts.hostname, port), timeout=FRONTEND_CONNECT_TIMEOUT):
            return True
    except (OSError, ValueError):
        return False


def serve_admin_preview(page, request):
    """The admin's preview of ``page``: the frontend in a frame, or the draft's JSON without one."""
    PagePreview.garbage_collect()
    preview = page.create_page_preview()
    preview_update.send(sender=HeadlessPreviewMixin, token=preview.token)
    preview_url = page.get_preview_url(request, preview.token)
    if frontend_is_running(preview_url):
        return render(request, "wagtail_headless_preview/preview.html", {"preview_url": preview_url})
    draft = serialize_draft(draft_page(preview))
    context = {
        "frontend_address": page.get_client_root_url(request),
        "preview_url": preview_url,
        "draft": draft,
        "draft_json": json.dumps(draft, indent=2, ensure_ascii=False),
    }
    return render(request, "publishing/preview_without_frontend.html", context)
