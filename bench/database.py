"""The benchmark's PostgreSQL databases: created on first use, one per data size."""

import os

import psycopg
from psycopg import sql

DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432"


def ensure_database(name: str, server: str | None = None) -> str:
    """Create database ``name`` on the server if it does not exist; return its URL."""
    server = (server or os.environ.get("BENCH_POSTGRES_URL") or DEFAULT_SERVER).rstrip("/")
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return f"{server}/{name}"


def drop_database(name: str, server: str | None = None):
    server = (server or os.environ.get("BENCH_POSTGRES_URL") or DEFAULT_SERVER).rstrip("/")
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
