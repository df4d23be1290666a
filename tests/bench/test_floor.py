"""The floor server replays our captured responses, headers included, where our cache answers."""

import json

from django.test import RequestFactory

from bench.floor import StoredResponsesMiddleware, floor_entry


def never_called(request):
    raise AssertionError("the floor answers before any other middleware or view")


def test_the_floor_replays_a_captured_body_and_the_headers_the_application_set(tmp_path, monkeypatch):
    headers = [
        ("Date", "Sun, 29 Nov 2026 12:00:00 GMT"),
        ("Server", "gunicorn"),
        ("Content-Type", "application/json"),
        ("ETag", '"abc"'),
        ("Cache-Control", "public, max-age=60"),
        ("Content-Length", "11"),
        ("X-Bench-Queries", "0"),
    ]
    stored = tmp_path / "floor.json"
    stored.write_text(json.dumps({"/api/v2/pages/?locale=fr": floor_entry(b'{"items":1}', headers)}))
    monkeypatch.setenv("BENCH_FLOOR_RESPONSES", str(stored))
    floor = StoredResponsesMiddleware(never_called)

    response = floor(RequestFactory().get("/api/v2/pages/", {"locale": "fr"}))

    assert response.status_code == 200 and response.content == b'{"items":1}'
    assert dict(response.items()) == {
        "Content-Type": "application/json",
        "ETag": '"abc"',
        "Cache-Control": "public, max-age=60",
    }
    assert floor(RequestFactory().get("/api/v2/pages/", {"locale": "nl"})).status_code == 404
