"""The OpenAPI 3 document of the API, served at ``/api/v2/openapi.json``.

Page schemas are generated from the same field classes that render pages (and
StreamField schemas from the block definitions), so the document follows the
content model; tests validate real responses against it.
"""

from django.http import JsonResponse

from cms.api import validation
from cms.api.serializers.images import IMAGE_SCHEMA
from cms.api.serializers.pages import COMMON_FIELDS, all_fields
from cms.api.serializers.snippets import CONTACT_SCHEMA, TOPIC_SCHEMA
from cms.api.serializers.streams import StreamBlocksField

STRING = {"type": "string"}
INTEGER = {"type": "integer"}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def obj(properties: dict, required=None) -> dict:
    return {
        "type": "object",
        "required": list(properties) if required is None else required,
        "additionalProperties": False,
        "properties": properties,
    }


def field_schema(field, model) -> dict:
    return field.schema_for(model) if isinstance(field, StreamBlocksField) else field.schema


def page_schemas() -> dict:
    from cms.api.views import all_page_models

    schemas = {}
    listed = {}
    for model in all_page_models():
        properties = {name: field_schema(field, model) for name, field in all_fields(model).items()}
        properties["type"] = {"enum": [model._meta.label]}
        schemas[model._meta.label.replace(".", "_")] = obj(properties)
        listed.update({name: schema for name, schema in properties.items() if name != "type"})
    schemas["Page"] = {"oneOf": [ref(name) for name in list(schemas)]}
    # Listing items carry the fields asked for with ?fields= (a summary by default).
    schemas["PageListItem"] = obj({**listed, "type": STRING}, required=["id", "type"])
    return schemas


def listing_of(item: dict) -> dict:
    return obj({"meta": obj({"total_count": INTEGER}), "items": {"type": "array", "items": item}})


def parameter(name, description, schema=None, required=False, where="query"):
    return {
        "name": name,
        "in": where,
        "required": required,
        "description": description,
        "schema": schema or STRING,
    }


# Exact constraints, so that every request the document allows is one the API accepts
# (cms/api/validation.py states the same limits) and a schema-driven client or fuzzer
# learns the rules from the document alone.
ID = {"type": "integer", "minimum": 1, "maximum": validation.MAX_INTEGER}
# Printable text: control characters (NUL, tabs, newlines...) are refused with a 400.
PRINTABLE = "^[^\\x00-\\x1f\\x7f-\\x9f]*$"
SEARCH_WORD = "[^\\s\\x00-\\x1f\\x7f-\\x9f]+"
SEARCH_PATTERN = f"^ *{SEARCH_WORD}(?: +{SEARCH_WORD}){{0,{validation.SEARCH_MAX_WORDS - 1}}} *$"


def pagination() -> list[dict]:
    from django.conf import settings

    limit = {"type": "integer", "minimum": 1, "maximum": settings.WAGTAILAPI_LIMIT_MAX, "default": 20}
    return [
        parameter("limit", f"Items per response, 1 to {settings.WAGTAILAPI_LIMIT_MAX}; default 20.", limit),
        parameter(
            "offset", "Items to skip.", {"type": "integer", "minimum": 0, "maximum": validation.MAX_INTEGER}
        ),
    ]


def fields_parameter(models) -> dict:
    """``*`` or ``_`` first (optional), then field names, ``-name`` to leave one out; comma separated."""
    from cms.api.serializers.pages import content_fields

    names = sorted(set(COMMON_FIELDS).union(*(content_fields(model) for model in models)))
    name = f"-?(?:{'|'.join(names)})"
    return parameter(
        "fields",
        "Wagtail's fields syntax: '*' (all) or '_' (none) first, then 'name' or '-name', comma separated.",
        {
            "type": "string",
            "maxLength": validation.FIELDS_MAX_CHARACTERS,
            "pattern": f"^(?:[*_]|{name})(?:,{name})*$",
        },
    )


def locale_parameter(required: bool = False) -> dict:
    """``?locale=``: without it, every language; navigation (one language's menu) requires it."""
    from django.conf import settings

    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    scope = "required: a menu is one language's" if required else "without it, every language"
    return parameter(
        "locale",
        f"A locale code: {', '.join(codes)} ({scope}).",
        {"type": "string", "enum": codes},
        required=required,
    )


def text(max_length=None, min_length=1) -> dict:
    schema = {"type": "string", "minLength": min_length, "pattern": PRINTABLE}
    return schema | ({"maxLength": max_length} if max_length else {})


ERRORS = {
    "400": {"description": "Invalid parameter", "content": {"application/json": {"schema": ref("Error")}}},
    "404": {"description": "Not found", "content": {"application/json": {"schema": ref("Error")}}},
}


def operation(summary, schema, parameters=()):
    return {
        "get": {
            "summary": summary,
            "parameters": list(parameters),
            "responses": {
                "200": {"description": "OK", "content": {"application/json": {"schema": schema}}},
                "304": {"description": "Not modified (If-None-Match matched the ETag)"},
                **ERRORS,
            },
        }
    }


def preview_operation() -> dict:
    """The draft behind an admin Preview click: a Page, or an error for a bad token."""
    documented = operation(
        "A draft page, for the frontend's preview route (never cached)",
        ref("Page"),
        [
            parameter(
                "token", "The signed token the admin's Preview button passes on.", text(), required=True
            ),
            parameter(
                "content_type", "The page type the admin passes on, e.g. news.newsarticlepage.", text()
            ),
        ],
    )
    responses = documented["get"]["responses"]
    del responses["304"]
    responses["403"] = {"description": "Tampered or expired token", "content": ERRORS["400"]["content"]}
    return documented


def build_document() -> dict:
    summary = obj({name: COMMON_FIELDS[name].schema for name in ["id", "title", "path", "url"]}
                  | {"type": STRING, "locale": STRING, "content_locale": STRING,
                     "is_fallback": {"type": "boolean"}})  # fmt: skip
    nav_item = obj({**summary["properties"], "children": {"type": "array", "items": ref("NavigationItem")}})
    schemas = {
        "Error": obj({"message": STRING}),
        "PageSummary": summary,
        **page_schemas(),
        "Redirect": obj(
            {
                "redirect": obj(
                    {
                        "location": STRING,
                        "path": {"type": ["string", "null"]},
                        "is_permanent": {"type": "boolean"},
                        "status_code": {"enum": [301, 302]},
                    }
                )
            }
        ),  # fmt: skip
        "Sitemap": obj(
            {
                "meta": obj(
                    {"total_count": INTEGER, "page": INTEGER, "page_count": INTEGER, "page_size": INTEGER}
                ),
                "items": {
                    "type": "array",
                    "items": obj(
                        {
                            "id": INTEGER,
                            "locale": STRING,
                            "path": STRING,
                            "url": STRING,
                            "last_published_at": {"type": ["string", "null"]},
                            "is_fallback": {"type": "boolean"},
                            "alternates": {
                                "type": "array",
                                "items": obj({"locale": STRING, "path": STRING, "url": STRING}),
                            },
                        }
                    ),
                },
            }
        ),  # fmt: skip
        "Changes": obj(
            {
                "meta": obj({"since": STRING, "next": STRING, "has_more": {"type": "boolean"}}),
                "items": {
                    "type": "array",
                    "items": obj(
                        {
                            "cursor": STRING,
                            "recorded_at": STRING,
                            "action": {
                                "enum": [
                                    "published",
                                    "changed",
                                    "moved",
                                    "unpublished",
                                    "restricted",
                                    "deleted",
                                ]
                            },
                            "kind": {"enum": ["page", "snippet"]},
                            "type": STRING,
                            "id": INTEGER,
                            "locale": STRING,
                            "path": {"type": ["string", "null"]},
                            "url": {"type": ["string", "null"]},
                            "old_path": {"type": ["string", "null"]},
                        }
                    ),
                },
            }
        ),  # fmt: skip
        "Image": IMAGE_SCHEMA,
        "Topic": TOPIC_SCHEMA,
        "MediaContact": CONTACT_SCHEMA,
        "NavigationItem": nav_item,
        "Navigation": obj(
            {
                "locale": STRING,
                "home": {"anyOf": [ref("PageSummary"), {"type": "null"}]},
                "items": {"type": "array", "items": ref("NavigationItem")},
            }
        ),  # fmt: skip
        "Locales": obj(
            {
                "items": {
                    "type": "array",
                    "items": obj(
                        {
                            "code": STRING,
                            "name": STRING,
                            "english_name": STRING,
                            "is_default": {"type": "boolean"},
                            "home": {"anyOf": [ref("PageSummary"), {"type": "null"}]},
                        }
                    ),
                }
            }
        ),  # fmt: skip
    }
    from cms.api.filters import PageOrder
    from cms.api.views import all_page_models

    page_id = parameter("id", "Page id.", ID, required=True, where="path")
    labels = "|".join(model._meta.label.replace(".", "\\.") for model in all_page_models())
    every_field = fields_parameter(all_page_models())
    paths = {
        "/api/v2/pages/": operation(
            "Published pages",
            listing_of(ref("PageListItem")),
            [
                *pagination(),
                every_field,
                locale_parameter(),
                parameter(
                    "type",
                    "Page types, e.g. news.NewsArticlePage (comma separated).",
                    {"type": "string", "pattern": f"^(?:{labels})(?:,(?:{labels}))*$"},
                ),
                parameter("child_of", "Children of this page id (404 if no such published page).", ID),
                parameter(
                    "descendant_of", "Descendants of this page id (404 if no such published page).", ID
                ),
                parameter(
                    "topic",
                    "A topic key (shared by its translations) or slug in any language (404 if none).",
                    text(max_length=255),
                ),
                parameter(
                    "order",
                    "path (default; news: -publication_date), title, first_published_at, "
                    "last_published_at, publication_date (news articles first, by date); "
                    "'-' for descending, except path.",
                    {"type": "string", "enum": PageOrder.choices},
                ),
            ],
        ),  # fmt: skip
        "/api/v2/pages/{id}/": operation("A published page", ref("Page"), [page_id, every_field]),
        "/api/v2/pages/find/": operation(
            "The page at a frontend path, or the redirect registered for it",
            {"oneOf": [ref("Page"), ref("Redirect")]},
            [
                parameter(
                    "path",
                    "Frontend path with its locale prefix, e.g. /fr/qui-sommes-nous/.",
                    {
                        "type": "string",
                        "minLength": 1,
                        "maxLength": 2048,
                        "pattern": "^/[^\\x00-\\x1f\\x7f-\\x9f]*$",
                    },
                    required=True,
                ),
                every_field,
            ],
        ),  # fmt: skip
        "/api/v2/images/": operation("Images", listing_of(ref("Image")), pagination()),
        "/api/v2/images/{id}/": operation(
            "An image", ref("Image"), [{**page_id, "description": "Image id."}]
        ),
        "/api/v2/navigation/": operation(
            "The menu tree of one locale", ref("Navigation"), [locale_parameter(required=True)]
        ),
        "/api/v2/topics/": operation("Topics", listing_of(ref("Topic")), [*pagination(), locale_parameter()]),
        "/api/v2/media-contacts/": operation(
            "Media contacts", listing_of(ref("MediaContact")), [*pagination(), locale_parameter()]
        ),
        "/api/v2/sitemap/": operation(
            "Every live, public page with its real translations, for sitemap.xml",
            ref("Sitemap"),
            [
                locale_parameter(),
                parameter(
                    "page",
                    "1 to meta.page_count; API_SITEMAP_PAGE_SIZE (50,000) pages each.",
                    {"type": "integer", "minimum": 1, "maximum": validation.MAX_INTEGER, "default": 1},
                ),
            ],
        ),
        "/api/v2/changes/": operation(
            "Changes a frontend must rebuild since a cursor, oldest first",
            ref("Changes"),
            [
                parameter(
                    "since",
                    "The meta.next of the previous call; 0 (default) replays everything.",
                    {"type": "integer", "minimum": 0, "maximum": validation.MAX_INTEGER, "default": 0},
                ),
                parameter(
                    "limit",
                    "Entries per response, 1 to 1000; default 100.",
                    {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100},
                ),
            ],
        ),
        "/api/v2/locales/": operation("Languages and their home pages", ref("Locales")),
        "/api/v2/preview/": preview_operation(),
        "/api/v2/search/": operation(
            "Search one locale, or every language: best match first (title, then intro or lead, then body)",
            listing_of(ref("PageListItem")),
            [
                parameter(
                    "q",
                    f"Search terms: at most {validation.SEARCH_MAX_WORDS} words and "
                    f"{validation.SEARCH_MAX_CHARACTERS} characters.",
                    {
                        "type": "string",
                        "minLength": 1,
                        "maxLength": validation.SEARCH_MAX_CHARACTERS,
                        "pattern": SEARCH_PATTERN,
                    },
                    required=True,
                ),
                locale_parameter(),
                every_field,
                *pagination(),
            ],
        ),  # fmt: skip
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "Country office content API", "version": "2"},
        "paths": paths,
        "components": {"schemas": schemas},
    }


def openapi_view(request):
    return JsonResponse(build_document(), json_dumps_params={"ensure_ascii": False})
