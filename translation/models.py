"""The translation app's records: the glossary, translators' digests, and long jobs split per page."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Locale, Orderable


class GlossaryTerm(ClusterableModel):
    """An English term ("For editors") and the translation each language requires for it."""

    term = models.CharField(_("term"), max_length=255, unique=True, help_text=_("As written in English."))
    case_sensitive = models.BooleanField(
        _("case sensitive"),
        default=False,
        help_text=_("Match the term only with this exact capitalisation (for names and acronyms)."),
    )
    note = models.TextField(_("note"), blank=True, help_text=_("Shown to translators beside the term."))

    panels = [
        FieldPanel("term"),
        FieldPanel("case_sensitive"),
        FieldPanel("note"),
        InlinePanel("translations", heading=_("Required translations"), label=_("Translation")),
    ]

    class Meta:
        ordering = ["term"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")

    def __str__(self):
        return self.term


class GlossaryTranslation(Orderable):
    """The one accepted translation of a term in one language."""

    term = ParentalKey(GlossaryTerm, on_delete=models.CASCADE, related_name="translations")
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+", verbose_name=_("language"))
    translation = models.CharField(_("required translation"), max_length=255)

    panels = [FieldPanel("locale"), FieldPanel("translation")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["term", "locale"], name="one_glossary_translation_per_language")
        ]
        verbose_name = _("required translation")
        verbose_name_plural = _("required translations")

    def __str__(self):
        return f"{self.term} → {self.translation} ({self.locale_id})"


class TranslationDigest(models.Model):
    """When a translator was last sent the daily e-mail of their work list."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="translation_digest"
    )
    last_sent_at = models.DateTimeField(_("last sent at"))

    class Meta:
        verbose_name = _("translation digest")
        verbose_name_plural = _("translation digests")

    def __str__(self):
        return f"{self.user} {self.last_sent_at:%Y-%m-%d %H:%M}"


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
