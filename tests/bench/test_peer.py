"""The Strapi peer's parts that need no Node.js: its generated config, its requests, its seeding rows."""

import json
import re
import shutil

import pytest

from bench.endpoints import PEER_LISTING_FIELDS, peer_listing
from bench.peer import app, config
from bench.peer.seed import block_html, document_id
from bench.servers import PROJECT_DIR


def test_the_generated_article_type_localizes_every_field_and_links_topics(tmp_path):
    config.write_files(tmp_path)
    schema = json.loads((tmp_path / "src/api/article/content-types/article/schema.json").read_text())
    assert schema["pluginOptions"]["i18n"]["localized"] is True
    fields = {name: value for name, value in schema["attributes"].items() if name != "topics"}
    assert set(fields) == {"title", "slug", "intro", "body", "publicationDate"}
    assert fields["body"]["type"] == "richtext" and fields["publicationDate"]["type"] == "date"
    assert all(value["pluginOptions"]["i18n"]["localized"] for value in fields.values())
    assert schema["attributes"]["topics"]["target"] == "api::topic.topic"
    topic = json.loads((tmp_path / "src/api/topic/content-types/topic/schema.json").read_text())
    assert topic["attributes"]["name"]["pluginOptions"]["i18n"]["localized"] is True
    for name in ("article", "topic"):
        for folder in ("controllers", "routes", "services"):
            assert f"api::{name}.{name}" in (tmp_path / f"src/api/{name}/{folder}/{name}.js").read_text()


def test_the_bootstrap_adds_french_and_dutch_and_public_read_access(tmp_path):
    config.write_files(tmp_path)
    bootstrap = (tmp_path / "src/index.js").read_text()
    assert '"fr"' in bootstrap and '"nl"' in bootstrap
    for action in ("api::article.article.find", "api::article.article.findOne", "api::topic.topic.find"):
        assert action in bootstrap
    assert "type: 'public'" in bootstrap


def test_the_strapi_app_folder_is_ignored_by_git():
    ignored = (PROJECT_DIR / ".gitignore").read_text().splitlines()
    assert "/bench/peer/strapi-app/" in ignored
    assert app.APP_DIR == PROJECT_DIR / "bench" / "peer" / "strapi-app"


def test_without_node_the_peer_is_skipped_with_a_clear_message(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(app.PeerUnavailable, match="Node.js 20 or later"):
        app.check_node()


def test_strapi_reads_its_database_from_the_url_it_is_given():
    settings = app.database_settings("postgres://postgres@127.0.0.1:5433/benchpeer_10_strapi")
    assert settings["DATABASE_CLIENT"] == "postgres"
    assert (settings["DATABASE_HOST"], settings["DATABASE_PORT"]) == ("127.0.0.1", "5433")
    assert settings["DATABASE_NAME"] == "benchpeer_10_strapi"
    assert settings["DATABASE_URL"] == "postgres://postgres@127.0.0.1:5433/benchpeer_10_strapi"
    environment = app.strapi_env("postgres://postgres@127.0.0.1:5432/x", 8401)
    assert environment["NODE_ENV"] == "production" and environment["PORT"] == "8401"


def test_the_peer_listing_asks_for_the_newest_french_articles_with_topic_names():
    url = peer_listing(2000).replace("{limit}", "20")
    assert url.startswith("/api/articles?locale=fr&sort[0]=publicationDate:desc")
    assert "populate[topics][fields][0]=name" in url
    assert "pagination[start]=2000" in url and "pagination[limit]=20" in url
    assert all(f"={name}" in url for name in PEER_LISTING_FIELDS)


def test_document_ids_are_strapi_shaped_and_shared_by_the_locales_of_an_article():
    import uuid

    key = uuid.UUID("12345678-1234-4234-8234-1234567890ab")
    assert re.fullmatch(r"[0-9a-f]{24}", document_id(key))
    assert document_id(key) == document_id(uuid.UUID(str(key)))


def test_body_blocks_become_html_of_the_same_text():
    assert block_html({"type": "heading", "value": {"text": "A & B", "level": "h2"}}) == "<h2>A &amp; B</h2>"
    assert block_html({"type": "paragraph", "value": "<p>Text</p>"}) == "<p>Text</p>"
    quote = block_html({"type": "quote", "value": {"quote": "Q", "attribution": "W", "role": "R"}})
    assert quote == "<blockquote>Q W R</blockquote>"
    image = block_html(
        {"type": "image", "value": {"image": 3, "alt_text": "Alt", "caption": "Cap", "credit": ""}}
    )
    assert image == "<figure>Alt Cap</figure>"
