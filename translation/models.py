"""The organisation's terminology: terms that must be translated the same way every time."""

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
