"""Stock Wagtail: its own PagesAPIViewSet and ImagesAPIViewSet, unmodified, at /stock-api/v2/.

The models' ``api_fields`` name the same fields as ours, but ours attach this
project's serializers, which stock Wagtail cannot call (they render only through
the batched references). This server process therefore declares the same field
names with Wagtail's default serializers, as a stock set-up would: StreamField
blocks through ``get_api_representation``, foreign keys and inline rows as Wagtail
renders them.
"""

from django.urls import path
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import get_page_models


def plain_api_fields(model):
    return [APIField(field.name) for field in getattr(model, "api_fields", ())]


for page_model in get_page_models():
    if "api_fields" in page_model.__dict__:
        page_model.api_fields = plain_api_fields(page_model)

stock_router = WagtailAPIRouter("stockapi")
stock_router.register_endpoint("pages", PagesAPIViewSet)
stock_router.register_endpoint("images", ImagesAPIViewSet)

urlpatterns = [path("stock-api/v2/", stock_router.urls)]
