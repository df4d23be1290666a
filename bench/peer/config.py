"""The files the bench writes into the Strapi app: two i18n content types, routes, and a bootstrap.

An *article* matches our news article as far as the listing and detail endpoints show it:
title, slug, intro, a rich-text body, a publication date and three topics, every field
localized through Strapi's built-in i18n. A *topic* is a localized name and slug. The
bootstrap adds the French and Dutch locales and gives the public role read access, so the
benchmark reads without a token, as it reads our API.
"""

import json
from pathlib import Path

LOCALIZED = {"i18n": {"localized": True}}
LOCALES = {"fr": "French (fr)", "nl": "Dutch (nl)"}


def content_type(singular: str, plural: str, attributes: dict) -> dict:
    return {
        "kind": "collectionType",
        "collectionName": plural,
        "info": {"singularName": singular, "pluralName": plural, "displayName": singular.title()},
        # One row per entry and locale, as ours has one page per locale; no draft copies.
        "options": {"draftAndPublish": False},
        "pluginOptions": LOCALIZED,
        "attributes": attributes,
    }


def localized(kind: str, **extra) -> dict:
    return {"type": kind, "pluginOptions": LOCALIZED, **extra}


ARTICLE = content_type(
    "article",
    "articles",
    {
        "title": localized("string"),
        "slug": localized("string"),
        "intro": localized("text"),
        "body": localized("richtext"),
        "publicationDate": localized("date"),
        # Many to many through Strapi's link table, as articles and topics are in ours.
        "topics": {
            "type": "relation",
            "relation": "manyToMany",
            "target": "api::topic.topic",
            "inversedBy": "articles",
        },
    },
)
TOPIC = content_type(
    "topic",
    "topics",
    {
        "name": localized("string"),
        "slug": localized("string"),
        "articles": {
            "type": "relation",
            "relation": "manyToMany",
            "target": "api::article.article",
            "mappedBy": "topics",
        },
    },
)

# Strapi's stock controller, router and service for each type: what its generator writes.
FACTORIES = {
    "controllers": "createCoreController",
    "routes": "createCoreRouter",
    "services": "createCoreService",
}

BOOTSTRAP = """'use strict';

// Written by the benchmark (bench/peer/config.py): locales and public read access.
const LOCALES = %(locales)s;
const PUBLIC_ACTIONS = ['api::article.article.find', 'api::article.article.findOne',
                        'api::topic.topic.find', 'api::topic.topic.findOne'];

module.exports = {
  register() {},
  async bootstrap({ strapi }) {
    const locales = strapi.plugin('i18n').service('locales');
    const existing = new Set((await locales.find()).map((locale) => locale.code));
    for (const [code, name] of Object.entries(LOCALES)) {
      if (!existing.has(code)) await locales.create({ code, name });
    }
    const permissions = strapi.db.query('plugin::users-permissions.permission');
    const role = await strapi.db.query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' } });
    const granted = await permissions.findMany({ where: { role: role.id } });
    const have = new Set(granted.map((permission) => permission.action));
    for (const action of PUBLIC_ACTIONS) {
      if (!have.has(action)) {
        await permissions.create({ data: { action, role: role.id } });
      }
    }
  },
};
"""


def write_files(app_dir: Path) -> list[Path]:
    """Write (or rewrite) the content types, their API files and src/index.js; returns the paths."""
    written = []

    def write(relative: str, text: str):
        path = app_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)

    for name, schema in (("article", ARTICLE), ("topic", TOPIC)):
        write(f"src/api/{name}/content-types/{name}/schema.json", json.dumps(schema, indent=2) + "\n")
        for folder, factory in FACTORIES.items():
            write(
                f"src/api/{name}/{folder}/{name}.js",
                f"'use strict';\n\nconst {{ factories }} = require('@strapi/strapi');\n\n"
                f"module.exports = factories.{factory}('api::{name}.{name}');\n",
            )
    write("src/index.js", BOOTSTRAP % {"locales": json.dumps(LOCALES)})
    return written
