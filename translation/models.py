from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PageJob(models.Model):
    """A long translation job split into one step per page (translation/subtree.py).

    ``page_ids`` is the plan, in tree order, made when the job is submitted; ``position``
    is how many pages are done. Each step advances it in the same transaction as its page,
    so a step is done exactly once however often a task is re-run.
    """

    TRANSLATE = "translate"
    ALIAS = "alias"
    KIND_CHOICES = [(TRANSLATE, _("Translate a subtree")), (ALIAS, _("Synchronise a locale"))]

    kind = models.CharField(_("kind"), max_length=16, choices=KIND_CHOICES)
    page_ids = models.JSONField(_("pages"), default=list)
    locale_ids = models.JSONField(_("locales"), default=list)
    source_locale = models.ForeignKey(
        "wagtailcore.Locale", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    position = models.PositiveIntegerField(_("pages done"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("translation job")

    def __str__(self):
        return f"{self.kind} job {self.pk}: {self.position}/{len(self.page_ids)}"
