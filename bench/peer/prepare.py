"""The peer ready to measure: Strapi installed and built, its database holding our content.

Strapi's database is ``BENCH_STRAPI_DATABASE_URL`` if set, else ours with ``_strapi``
appended to its name (``cms_bench_1000`` → ``cms_bench_1000_strapi``), created on first
use on the same PostgreSQL server. Strapi creates its tables when it first starts; the
content is then copied in (bench.peer.seed) and checked through its API.
"""

import os
import sys
from urllib.parse import urlsplit

from bench.peer.app import PeerUnavailable, install, running_strapi

__all__ = ["PeerUnavailable", "peer_database_url", "ready_peer"]


def peer_database_url() -> str:
    from django.conf import settings

    explicit = os.environ.get("BENCH_STRAPI_DATABASE_URL")
    if explicit:
        return explicit
    ours = settings.DATABASES["default"]
    if "postgresql" not in ours["ENGINE"]:
        raise PeerUnavailable(
            "Strapi is measured on PostgreSQL only; the benchmark database is not PostgreSQL."
        )
    return (
        f"postgres://{ours['USER'] or 'postgres'}"
        + (f":{ours['PASSWORD']}" if ours["PASSWORD"] else "")
        + f"@{ours['HOST'] or '127.0.0.1'}:{ours['PORT'] or 5432}/{ours['NAME']}_strapi"
    )


def ready_peer(ports, log=None) -> str:
    """Install, create the database, seed and verify; returns Strapi's database URL."""
    from bench.database import ensure_database
    from bench.peer.seed import export_content, seed, verify

    log = log or (lambda line: print(line, file=sys.stderr, flush=True))
    url = peer_database_url()  # first: no install for a database Strapi cannot share
    install(log)
    parts = urlsplit(url)
    ensure_database(parts.path.lstrip("/"), f"{parts.scheme}://{parts.netloc}")
    content = export_content()
    # The first start creates Strapi's tables, locales and public permissions (src/index.js).
    with running_strapi(url, ports.take()) as port:
        if seed(url, content, log):
            log("==> Strapi: checking it serves the copied articles")
        verify(port, content)
    return url
