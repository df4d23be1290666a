"""One filter backend per query parameter of the pages listing, and its order.

Each reads its parameter, answers 400 (BadRequestError) when the value is not
valid, and narrows the queryset. The viewset lists them in ``filter_backends``;
``PageOrder`` orders the listing once it is counted.
"""

import uuid

from django.db.models import F
from django.http import Http404
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Page

from cms.api.validation import object_id
from cms.api.visibility import visible_pages
from news.models import NewsArticlePage, NewsArticleTopic, NewsIndexPage, Topic


def _page_id(request, name) -> int | None:
    value = request.GET.get(name)
    return None if value is None else object_id(value, name)


def _visible_parent(view, name, page_id):
    parent = visible_pages(paths=view.refs.restricted_paths).filter(pk=page_id).first()
    if parent is None:
        # 404: the request is well formed, the page it names does not exist (for the public).
        raise Http404(f"{name}: no published page with id {page_id}")
    return parent


class LocaleFilter(BaseFilterBackend):
    """``?locale=fr``: the pages or snippets of one language (aliases of English pages included).

    The same on every endpoint: without it, every language; an endpoint that shows one
    language only (navigation) sets ``locale_required`` and answers 400 without it.
    """

    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("locale")
        if code is None:
            if getattr(view, "locale_required", False):
                raise BadRequestError("locale is required, e.g. ?locale=fr")
            return queryset
        return queryset.filter(locale=view.get_locale(code))


class ChildOfFilter(BaseFilterBackend):
    """``?child_of=12``: the direct children of a published page."""

    def filter_queryset(self, request, queryset, view):
        page_id = _page_id(request, "child_of")
        if page_id is None:
            return queryset
        parent = _visible_parent(view, "child_of", page_id)
        return queryset.filter(path__startswith=parent.path, depth=parent.depth + 1)


class DescendantOfFilter(BaseFilterBackend):
    """``?descendant_of=12``: every page below a published page."""

    def filter_queryset(self, request, queryset, view):
        page_id = _page_id(request, "descendant_of")
        if page_id is None:
            return queryset
        ancestor = _visible_parent(view, "descendant_of", page_id)
        return queryset.filter(path__startswith=ancestor.path, depth__gt=ancestor.depth)


class TopicFilter(BaseFilterBackend):
    """``?topic=<key or slug>``: articles filed under a topic, in any of its languages.

    The key (the topic's translation key) is the same in every language; a slug
    in any language works too, so ``?topic=climate-change&locale=fr`` finds the
    French articles about "changement climatique".
    """

    def filter_queryset(self, request, queryset, view):
        value = request.GET.get("topic")
        if value is None:
            return queryset
        try:
            topics = Topic.objects.filter(translation_key=uuid.UUID(value))
        except ValueError:
            topics = Topic.objects.filter(slug=value)
        keys = list(topics.values_list("translation_key", flat=True).distinct())
        if not keys:
            raise Http404(f"topic: no topic with key or slug '{value}'")
        pages = NewsArticleTopic.objects.filter(topic__translation_key__in=keys).values("page_id")
        return queryset.filter(pk__in=pages)


def children_of_news_index(request) -> bool:
    parent_id = request.GET.get("child_of", "")
    return parent_id.isdigit() and NewsIndexPage.objects.filter(pk=int(parent_id)).exists()


class PageOrder:
    """``?order=``: tree order by default; news articles (and a news index's children) newest first.

    Not a filter backend: the listing counts its pages before they are ordered, as
    ordering by date joins the articles' table, which the count does without.
    ``publication_date`` orders a listing of other page types too: the news articles in
    it by their date, then the pages that have none.
    """

    common = ["path", "title", "-title", "first_published_at", "-first_published_at",
              "last_published_at", "-last_published_at"]  # fmt: skip
    news_only = ["publication_date", "-publication_date"]
    choices = common + news_only

    @classmethod
    def apply(cls, request, pages, models):
        """``pages`` (Page rows of the listing's ``models``) in the requested order."""
        order = request.GET.get("order")
        if order is not None and order not in cls.choices:
            raise BadRequestError(f"order must be one of: {', '.join(cls.choices)}")
        is_news = all(issubclass(model, NewsArticlePage) for model in models)
        if order is None and not is_news and children_of_news_index(request):
            # A news index's children are its articles: newest first, as with ?type=news.NewsArticlePage.
            return pages.order_by("-newsarticlepage__publication_date", "-first_published_at", "path")
        if order is None:
            order = "-publication_date" if is_news else "path"
        if order not in cls.news_only:
            return pages.order_by(order, "path")
        if is_news:
            # Articles only: an inner join, so the database walks the date index from the newest.
            pages = pages.filter(newsarticlepage__isnull=False)
        date = F("newsarticlepage__publication_date")
        nulls_last = None if is_news else True  # other pages have no date: after the articles
        direction = date.desc if order.startswith("-") else date.asc
        return pages.order_by(direction(nulls_last=nulls_last), "path")


def page_models_for(type_parameter: str | None) -> list[type[Page]]:
    """``?type=news.NewsArticlePage,home.SectionPage``: the page models asked for (400 when unknown)."""
    from wagtail.api.v2.utils import page_models_from_string

    if not type_parameter:
        return []
    try:
        models = list(page_models_from_string(type_parameter))
    except (LookupError, ValueError) as error:
        raise BadRequestError(f"type: unknown page type '{type_parameter}'") from error
    if any(model is Page for model in models):
        raise BadRequestError("type: name a page type, e.g. news.NewsArticlePage")
    return models
