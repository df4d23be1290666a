"""Renames and moves keep every language reachable.

Wagtail's automatic redirects store site-relative paths (``/who-we-are/about``) and only
for pages under a Site's root, so neither the frontend's ``/en/who-we-are/about/`` nor any
French or Dutch page ever matched one. Here every slug change or move of a live page, in
any language, stores a redirect from its old *frontend* path (locale prefix included) for
the page and each live descendant; ``pages/find/`` matches them as they are.

A move of a source page also moves its translations and aliases under the translation of
the new parent in each language, so the language trees keep the same shape (wagtail-localize
leaves them where they were). The translations' own moves then store their redirects.
"""

import logging

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page

from cms.api.frontend_urls import frontend_path

logger = logging.getLogger(__name__)


def old_frontend_paths(page: Page, old_url_path: str) -> list[tuple[str, Page]]:
    """(old frontend path, page) for ``page`` and its live descendants, before the change."""
    code = page.locale.language_code
    new_prefix = page.url_path
    pairs = [(frontend_path(old_url_path, code), page)] if page.live else []
    for descendant in page.get_descendants().live().only("id", "url_path", "path", "depth"):
        old = old_url_path + descendant.url_path[len(new_prefix) :]
        pairs.append((frontend_path(old, code), descendant))
    return pairs


def store_redirects(page: Page, old_url_path: str):
    if old_url_path == page.url_path or page.depth <= 2:
        return
    for old_path, target in old_frontend_paths(page, old_url_path):
        Redirect.objects.update_or_create(
            old_path=Redirect.normalise_path(old_path),
            site=None,
            defaults={"redirect_page": target, "is_permanent": True, "automatically_created": True},
        )


def slug_changed(sender, instance, instance_before, **kwargs):
    store_redirects(instance, instance_before.url_path)


def page_moved(sender, instance, url_path_before, url_path_after, parent_page_after=None, **kwargs):
    instance = Page.objects.select_related("locale").get(pk=instance.pk)
    store_redirects(instance, url_path_before)
    if parent_page_after is not None and instance.locale_id == Locale.get_default().pk:
        move_translations(instance, parent_page_after)


def move_translations(source: Page, new_parent: Page):
    """Put each translation of ``source`` under the translation of ``new_parent`` in its language."""
    for version in Page.objects.filter(translation_key=source.translation_key).exclude(pk=source.pk):
        parent_there = Page.objects.filter(
            translation_key=new_parent.translation_key, locale_id=version.locale_id
        ).first()
        if parent_there is None:
            # The new parent is not in that language yet: give it its fallback alias there.
            parent_there = new_parent.copy_for_translation(version.locale, copy_parents=True, alias=True)
        current_parent = version.get_parent()
        if current_parent.pk != parent_there.pk:
            version.move(parent_there, pos="last-child")
            logger.info("Moved %s (%s) under %s", version, version.locale_id, parent_there)


def connect_signal_handlers():
    from wagtail.signals import page_slug_changed, post_page_move

    page_slug_changed.connect(slug_changed, dispatch_uid="publishing.lifecycle.slug")
    post_page_move.connect(page_moved, dispatch_uid="publishing.lifecycle.move")
