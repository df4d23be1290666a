"""The benchmarked endpoints: for each, the URLs our API and stock Wagtail answer it with.

URLs are picked from the database (French content, spread over the whole site) so
each endpoint cycles through several distinct URLs, as real traffic does. A
``{limit}`` placeholder marks listings, measured for queries at limit 1 and 20.
"""

from dataclasses import dataclass, field
from urllib.parse import quote

from django.utils.translation import gettext_lazy as _

from bench.peer.seed import document_id

OURS = "/api/v2"
STOCK = "/stock-api/v2"
PEER = "/api/articles"
URLS_PER_ENDPOINT = 10
LISTING_FIELDS = "publication_date,lead,lead_image,topics"
SEARCH_WORDS = ["bureau", "rapport", "familles", "climat", "enfants", "formation", "santé", "frontière"]


@dataclass
class Endpoint:
    """One row of the results table."""

    key: str
    label: str
    ours: list[str]
    stock: list[str] = field(default_factory=list)
    #: How stock compares: "same" content, "approximation", or "cannot" (with the reason in ``note``).
    stock_comparison: str = "same"
    note: str = ""
    #: The same request to Strapi 5 (bench.peer), when it can answer it.
    peer: list[str] = field(default_factory=list)
    peer_note: str = ""

    @property
    def is_listing(self) -> bool:
        return "{limit}" in self.ours[0]


def spread(items: list, count: int = URLS_PER_ENDPOINT) -> list:
    if len(items) <= count:
        return items
    step = len(items) / count
    return [items[int(n * step)] for n in range(count)]


def frontend_path(page) -> str:
    below_home = page.url_path.strip("/").split("/")[1:]
    return "/" + "/".join([page.locale.language_code, *below_home]) + "/"


PEER_LISTING_FIELDS = ["title", "slug", "intro", "publicationDate"]
PEER_ARTICLE = "locale=fr&populate[topics][fields][0]=name&populate[topics][fields][1]=slug"


def peer_listing(offset: int, limit: str = "{limit}", extra: str = "") -> str:
    """Strapi's French listing: newest first, the fields our listing shows, topic names populated."""
    fields = "".join(f"&fields[{n}]={name}" for n, name in enumerate(PEER_LISTING_FIELDS))
    return (
        f"{PEER}?locale=fr&sort[0]=publicationDate:desc{fields}&populate[topics][fields][0]=name"
        f"{extra}&pagination[start]={offset}&pagination[limit]={limit}"
    )


def build_endpoints() -> list[Endpoint]:
    from wagtail.models import Locale

    from home.models import SectionPage
    from news.models import NewsArticlePage

    french = Locale.objects.get(language_code="fr")
    articles = list(
        NewsArticlePage.objects.live().filter(locale=french).select_related("locale").order_by("path")
    )
    sections = list(SectionPage.objects.live().filter(locale=french).order_by("path"))
    chosen_articles = spread(articles)
    total = len(articles)
    first_offsets = [20 * n for n in range(URLS_PER_ENDPOINT) if 20 * n < max(total, 1)]
    deep_start = max(0, int(total * 0.9) - 20)
    deep_offsets = sorted({max(0, min(deep_start + 3 * n, total - 20)) for n in range(URLS_PER_ENDPOINT)})
    listing = f"/pages/?type=news.NewsArticlePage&locale=fr&fields={LISTING_FIELDS}&order=-publication_date"

    def both(template, values):
        return (
            [OURS + template.format(value) for value in values],
            [STOCK + template.format(value) for value in values],
        )

    section_ours, section_stock = both("/pages/{}/", [page.pk for page in spread(sections)])
    article_ours, article_stock = both("/pages/{}/", [page.pk for page in chosen_articles])
    listing_ours, listing_stock = both(listing + "&limit={{limit}}&offset={}", first_offsets)
    deep_ours, deep_stock = both(listing + "&limit={{limit}}&offset={}", deep_offsets)
    images_ours, images_stock = both("/images/?limit={{limit}}&offset={}", [20 * n for n in range(3)])
    search_ours = [f"{OURS}/search/?q={quote(word)}&locale=fr&limit={{limit}}" for word in SEARCH_WORDS]
    search_stock = [f"{STOCK}/pages/?search={quote(word)}&locale=fr&limit={{limit}}" for word in SEARCH_WORDS]
    find_peer = [f"{PEER}?{PEER_ARTICLE}&filters[slug][$eq]={quote(page.slug)}" for page in chosen_articles]
    article_peer = [f"{PEER}/{document_id(page.translation_key)}?{PEER_ARTICLE}" for page in chosen_articles]
    search_peer = [
        peer_listing(0, extra=f"&filters[title][$containsi]={quote(word)}") for word in SEARCH_WORDS
    ]
    substring = _(
        "Strapi: `$containsi` on the title is a substring filter (SQL ILIKE), not ranked text search."
    )
    return [
        Endpoint("detail", _("Page detail (French section)"), section_ours, section_stock),
        Endpoint(
            "find",
            _("Find by localised path"),
            [f"{OURS}/pages/find/?path={quote(frontend_path(page))}" for page in chosen_articles],
            stock_comparison="cannot",
            note=_(
                "Stock find resolves html_path against the default site only: /fr/... answers 404, and an "
                "English path answers with a redirect to the detail URL."
            ),
            peer=find_peer,
            peer_note=_("Strapi: the French article by its slug (`filters[slug][$eq]`), topics populated."),
        ),
        Endpoint(
            "listing",
            _("French news listing, limit 20"),
            listing_ours,
            listing_stock,
            peer=[peer_listing(offset) for offset in first_offsets],
        ),
        Endpoint(
            "deep",
            _("French news listing at a deep offset"),
            deep_ours,
            deep_stock,
            peer=[peer_listing(offset) for offset in deep_offsets],
        ),
        Endpoint(
            "article",
            _("Article with all its fields"),
            article_ours,
            article_stock,
            note=_("Stock renders images, topics and contacts as ids, and rich text links unresolved."),
            peer=article_peer,
            peer_note=_("Strapi: the French article by its document id, topics populated."),
        ),
        Endpoint("images", _("Images listing"), images_ours, images_stock),
        Endpoint(
            "navigation",
            _("Navigation (French)"),
            [f"{OURS}/navigation/?locale=fr"],
            [f"{STOCK}/pages/?locale=fr&show_in_menus=true&limit=100"],
            stock_comparison="approximation",
            note=_("Stock has no navigation endpoint: a flat list of in-menu pages, no tree, no home page."),
        ),
        Endpoint(
            "search",
            _("Search within a locale"),
            search_ours,
            search_stock,
            peer=search_peer,
            peer_note=substring,
        ),
    ]
