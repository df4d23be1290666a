"""Benchmark-only middleware: the number of SQL queries of each request in ``X-Bench-Queries``,
and the server process that answered it in ``X-Bench-Worker`` (for bench.loadgen)."""

import contextlib
import os

from django.db import connection


class QueryCountMiddleware:
    """Counts queries through a cheap execute wrapper (no DEBUG query log needed)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with counting_queries() as counted:
            response = self.get_response(request)
        response["X-Bench-Queries"] = str(counted.queries)
        response["X-Bench-Worker"] = str(os.getpid())
        return response


class QueryCount:
    queries = 0

    def __call__(self, execute, sql, params, many, context):
        self.queries += 1
        return execute(sql, params, many, context)


@contextlib.contextmanager
def counting_queries():
    """Count the SQL statements run inside the block, through a cheap execute wrapper."""
    counter = QueryCount()
    with connection.execute_wrapper(counter):
        yield counter
