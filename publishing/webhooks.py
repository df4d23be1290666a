"""Webhooks: tell the frontend which of its paths changed, once per transaction.

When a transaction that changed visible content commits (``publishing.invalidation``'s
batch flush), one ``WebhookDelivery`` per ``FRONTEND_WEBHOOK_URLS`` entry is stored and
handed to the task queue. The JSON body lists the change feed's entries of that
transaction as frontend paths per locale (new and old paths, so a frontend revalidates
both) and the feed cursor to read on from. It is signed: ``X-Signature-256:
sha256=<hex HMAC-SHA256 of the body under FRONTEND_WEBHOOK_SECRET>``.

A delivery that fails (network error or a non-2xx answer) is tried again, up to
``MAX_ATTEMPTS``, after ``BACKOFF_SECONDS * 2**(attempt-1)`` on a queue that can
defer tasks (the database queue); the immediate backend of development retries at
once. Every delivery, its attempts and its last answer are listed in the admin
(Settings › Webhook deliveries), where a failed one can be sent again.
"""

import hashlib
import hmac
import json
import urllib.error
import urllib.request
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import default_task_backend, task

from publishing.models import WebhookDelivery

MAX_ATTEMPTS = 5
BACKOFF_SECONDS = 30
TIMEOUT_SECONDS = 10
SIGNATURE_HEADER = "X-Signature-256"


def notification_body(entries) -> str:
    """``{"event", "cursor", "paths": {"fr": ["/fr/…/"]}, "snippets": [{"type", "id", "locale", …}]}``."""
    paths: dict[str, set[str]] = {}
    snippets = []
    for entry in entries:
        if entry.kind == "page":
            paths.setdefault(entry.locale, set()).update(p for p in (entry.path, entry.old_path) if p)
        else:
            snippets.append(
                {
                    "type": entry.object_type,
                    "id": entry.object_id,
                    "locale": entry.locale,
                    "action": entry.action,
                }
            )
    body = {
        "event": "content.changed",
        "cursor": str(max(entry.pk for entry in entries)),
        "paths": {locale: sorted(found) for locale, found in sorted(paths.items())},
        "snippets": snippets,
    }
    return json.dumps(body, ensure_ascii=False, sort_keys=True)


def signature(body: bytes) -> str:
    digest = hmac.new(settings.FRONTEND_WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def queue_deliveries(entries):
    """After a commit: one delivery per configured URL for this transaction's feed entries."""
    if not entries or not settings.FRONTEND_WEBHOOK_URLS:
        return
    body = notification_body(entries)
    for url in settings.FRONTEND_WEBHOOK_URLS:
        delivery = WebhookDelivery.objects.create(url=url, body=body)
        deliver_webhook.enqueue(delivery.pk)


def attempt(delivery: WebhookDelivery) -> bool:
    """POST the body once; record the outcome."""
    body = delivery.body.encode()
    request = urllib.request.Request(  # noqa: S310 (the URLs come from settings, http or https)
        delivery.url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/json", SIGNATURE_HEADER: signature(body)},
    )
    delivery.attempts += 1
    delivery.last_attempt_at = timezone.now()
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            delivery.response_code = response.status
            delivery.error = ""
    except urllib.error.HTTPError as error:
        delivery.response_code = error.code
        delivery.error = f"HTTP {error.code}"
    except (urllib.error.URLError, OSError) as error:
        delivery.response_code = None
        delivery.error = str(getattr(error, "reason", error))
    ok = delivery.response_code is not None and 200 <= delivery.response_code < 300
    if ok:
        delivery.status = WebhookDelivery.Status.DELIVERED
    elif delivery.attempts >= MAX_ATTEMPTS:
        delivery.status = WebhookDelivery.Status.FAILED
    delivery.save()
    return ok


@task()
def deliver_webhook(delivery_id: int):
    delivery = WebhookDelivery.objects.filter(pk=delivery_id).first()
    if delivery is None or delivery.status != WebhookDelivery.Status.PENDING:
        return
    if attempt(delivery) or delivery.status == WebhookDelivery.Status.FAILED:
        return
    if default_task_backend.supports_defer:
        wait = timedelta(seconds=BACKOFF_SECONDS * 2 ** (delivery.attempts - 1))
        deliver_webhook.using(run_after=timezone.now() + wait).enqueue(delivery_id)
    else:
        deliver_webhook.enqueue(delivery_id)


def resend(delivery: WebhookDelivery):
    """The admin's "Send again": a fresh round of attempts with the same body."""
    delivery.status = WebhookDelivery.Status.PENDING
    delivery.attempts = 0
    delivery.save(update_fields=["status", "attempts"])
    deliver_webhook.enqueue(delivery.pk)
