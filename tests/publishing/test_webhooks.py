"""Webhooks: one signed POST per transaction to a real receiver, retried, listed and re-sent in the admin."""

import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from publishing.models import WebhookDelivery
from publishing.webhooks import MAX_ATTEMPTS

PORT = 8650
SECRET = "webhook-test-secret"


class Receiver:
    """A real HTTP server on 127.0.0.1 that records POSTs and answers the codes it is told to."""

    def __init__(self):
        self.received = []
        self.answers = []  # status codes to give, in order; 204 once they run out
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append((dict(self.headers), body))
                self.send_response(receiver.answers.pop(0) if receiver.answers else 204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver(settings):
    settings.FRONTEND_WEBHOOK_URLS = [f"http://127.0.0.1:{PORT}/hooks/cms"]
    settings.FRONTEND_WEBHOOK_SECRET = SECRET
    with Receiver() as running:
        yield running


def signed_correctly(headers, body) -> bool:
    expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(headers["X-Signature-256"], expected)


@pytest.mark.django_db
def test_one_signed_notification_per_transaction_listing_paths_per_locale(site, receiver, committed, locales):
    def publish_page_and_its_french_version():
        for page in (site["who"], site["who"].get_translation(locales["fr"]).specific):
            page.title = page.title + " (new)"
            page.save_revision().publish()

    committed(publish_page_and_its_french_version)
    assert len(receiver.received) == 1
    headers, body = receiver.received[0]
    assert headers["Content-Type"] == "application/json"
    assert signed_correctly(headers, body)
    notification = json.loads(body)
    assert "/en/who-we-are/" in notification["paths"]["en"]
    assert "/fr/qui-sommes-nous/" in notification["paths"]["fr"]
    assert int(notification["cursor"]) > 0

    # A draft notifies nobody.
    committed(lambda: site["news"].save_revision())
    assert len(receiver.received) == 1


@pytest.mark.django_db
def test_failed_deliveries_are_retried_shown_in_the_admin_and_can_be_sent_again(
    site, receiver, committed, admin_client
):
    receiver.answers = [500]
    committed(lambda: site["who"].save_revision().publish())
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("delivered", 2, 204)
    assert len(receiver.received) == 2

    receiver.answers = [503] * MAX_ATTEMPTS
    committed(lambda: site["news"].save_revision().publish())
    failed = WebhookDelivery.objects.order_by("-pk").first()
    assert (failed.status, failed.attempts, failed.response_code) == ("failed", MAX_ATTEMPTS, 503)

    listing = admin_client.get("/admin/publishing/webhooks/")
    assert listing.status_code == 200
    content = listing.content.decode()
    assert "http://127.0.0.1:8650/hooks/cms" in content and "503" in content

    resent = admin_client.post(f"/admin/publishing/webhooks/{failed.pk}/resend/")
    assert resent.status_code == 302
    failed.refresh_from_db()
    assert failed.status == "delivered"
    assert signed_correctly(*receiver.received[-1])
    assert receiver.received[-1][1] == failed.body.encode()


@pytest.mark.django_db
def test_without_urls_nothing_is_sent(site, committed, settings):
    settings.FRONTEND_WEBHOOK_URLS = []
    committed(lambda: site["who"].save_revision().publish())
    assert not WebhookDelivery.objects.exists()
