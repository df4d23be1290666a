"""The change feed: what a frontend must rebuild, in the order it was committed.

``ContentChange`` rows are written by ``publishing.changes`` inside the transaction of
the change they describe, so a change and its feed entry commit (or roll back)
together. ``PublishedPath`` remembers each visible page's frontend path as the feed
last reported it: comparing it with the page's state now tells a publish from a
move and names the old path of a tombstone.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentChange(models.Model):
    """One entry of ``/api/v2/changes/``; its id is the cursor."""

    class Action(models.TextChoices):
        PUBLISHED = "published", _("published")
        CHANGED = "changed", _("changed")
        MOVED = "moved", _("moved")
        UNPUBLISHED = "unpublished", _("unpublished")
        RESTRICTED = "restricted", _("restricted")
        DELETED = "deleted", _("deleted")

    class Kind(models.TextChoices):
        PAGE = "page", _("page")
        SNIPPET = "snippet", _("snippet")

    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    object_type = models.CharField(_("type"), max_length=100)
    object_id = models.PositiveBigIntegerField(_("object id"))
    locale = models.CharField(_("locale"), max_length=20)
    path = models.CharField(_("path"), max_length=2000, blank=True)
    old_path = models.CharField(_("old path"), max_length=2000, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("content change")
        verbose_name_plural = _("content changes")

    def __str__(self):
        return f"{self.id} {self.action} {self.object_type} {self.object_id} {self.path or self.old_path}"


class PublishedPath(models.Model):
    """A visible page's frontend path, as the change feed last reported it."""

    page_id = models.PositiveBigIntegerField(unique=True)
    locale = models.CharField(max_length=20)
    path = models.CharField(max_length=2000)

    def __str__(self):
        return self.path


class ChangeFeedLock(models.Model):
    """One row, locked by each transaction before it writes feed entries.

    Ids come from a sequence when a row is inserted, not when its transaction commits;
    holding this lock from the first entry to the commit makes the two orders the same,
    so a reader that has seen entry n can never later find an uncommitted n-1 appear.
    """

    def __str__(self):
        return "change feed lock"


class WebhookDelivery(models.Model):
    """One POST of a change notification to one of ``FRONTEND_WEBHOOK_URLS``, and how it went."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        DELIVERED = "delivered", _("delivered")
        FAILED = "failed", _("failed")

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    url = models.URLField(_("URL"), max_length=2000)
    body = models.TextField(_("body"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    response_code = models.PositiveIntegerField(_("response code"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")

    def __str__(self):
        return f"{self.url} {self.status}"


class StoredPageJSON(models.Model):
    """A page's detail JSON as the API last rendered it (``cms.api.stored_pages``).

    Forgotten by every change that can alter it (``publishing.invalidation``), so a row
    that exists is the page's current answer; ``valid_until`` is the first expiry of a
    page it shows, after which it is rendered again.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    body = models.TextField()
    content_language = models.CharField(max_length=20)
    valid_until = models.DateTimeField(null=True)
    #: The code and settings it was rendered with (``cms.api.stored_pages.rendering_shape``).
    shape = models.CharField(max_length=16)

    def __str__(self):
        return f"page {self.page_id}"


class StoredPagesGeneration(models.Model):
    """One row, counting the times stored page JSON was forgotten.

    A response read the count before it read the page; it stores the JSON it rendered only
    if the count is unchanged, so JSON rendered from content that changed meanwhile is
    never kept after the change forgot it.
    """

    value = models.BigIntegerField(default=0)

    def __str__(self):
        return f"generation {self.value}"
