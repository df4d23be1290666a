"""Pages chosen through inline rows (an article's related articles), localised when served."""

from cms.api.serializers.base import ContentField
from cms.api.serializers.placement import PAGE_SUMMARY_REF


class RelatedPagesField(ContentField):
    """``[{"id", "type", "locale", "content_locale", …, "is_fallback"}]`` in the served page's language.

    Rows point at the page chosen in the English editor; each becomes its
    visible version in the served page's locale. Invisible targets are left out.
    """

    schema = {"type": "array", "items": PAGE_SUMMARY_REF}

    def __init__(self, page_attr: str):
        super().__init__()
        self.page_attr = page_attr

    def named(self, name):
        super().named(name)
        self.prefetch = (name,)
        return self

    def collect(self, obj, refs):
        for row in getattr(obj, self.name).all():
            refs.want_page(getattr(row, f"{self.page_attr}_id"))

    def represent(self, obj, refs):
        targets = (
            refs.localised_page(getattr(row, f"{self.page_attr}_id"), obj.locale_id)
            for row in getattr(obj, self.name).all()
        )
        return [refs.summary(target, obj.locale_id) for target in targets if target]
