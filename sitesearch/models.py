"""One row per live page: its text as a weighted tsvector in its content language's configuration."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class PageSearchEntry(models.Model):
    """The search document of a live page; ``sitesearch.indexing`` keeps it in step.

    ``config`` is the PostgreSQL text search configuration of the language the text is
    written in: the page's own, except for an alias (an untranslated English page under
    /fr/ has English text). ``locale`` is the page's own (the language it is listed in),
    kept here so a search within one language matches only that language's entries;
    visibility is read from the page when searching.
    The GIN index on ``vector`` is created by the migration on PostgreSQL only.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    config = models.CharField(max_length=32)
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    #: Everything searchable, matched through the GIN index.
    vector = SearchVectorField()
    #: The title and summary only (weights A and B): ranked, cheaply, for every match.
    rank_vector = SearchVectorField(null=True)

    def __str__(self):
        return f"search entry of page {self.page_id} ({self.config})"
