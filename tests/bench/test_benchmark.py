"""The benchmark end to end at a tiny size: real gunicorn servers, the load generator, the results table.

It runs outside pytest-django's test database, because the servers are separate
processes: on its own SQLite file, or on a ``cms_bench_test`` database when
DATABASE_URL points at PostgreSQL. It starts four servers, so it is marked ``e2e`` and
left out of ``make test``; CI runs it once, on PostgreSQL (``make test-end-to-end``). It checks
the shape of the results, never how many requests a server managed in the time given.
"""

import json

import pytest

from tests.bench.conftest import run

pytestmark = pytest.mark.e2e


def test_the_benchmark_measures_the_servers_in_rounds_and_writes_its_table(bench_env, tmp_path):
    env = bench_env
    results = tmp_path / "results"
    run(["-m", "bench.generate", "--articles", "2", "--no-parallel"], env)
    run(
        ["-m", "bench.run", "--duration", "0.3", "--warmup", "0.1", "--workers", "1", "--threads", "2",
         "--concurrency", "2", "--servers", "ours,ours_uncached,stock,floor", "--rounds", "2",
         "--results", str(results)],
        env,
    )  # fmt: skip

    report = json.loads((results / "latest.json").read_text())
    table = (results / "latest.md").read_text()
    assert report["machine"]["cores"] and report["machine"]["database"]["articles_per_locale"]["fr"] >= 2
    assert report["load"]["start"]["loadavg"] and report["load"]["end"]["loadavg"]
    assert "load average" in table
    rows = {row["key"]: row for row in report["endpoints"]}
    assert set(rows) == {"detail", "find", "listing", "deep", "article", "images", "navigation", "search"}
    for key, row in rows.items():
        assert row["label"] in table
        ours, floor = row["servers"]["ours"], row["servers"]["floor"]
        assert ours["status"] == 200 and ours["errors"] == 0, key
        # Two interleaved rounds; ratios compare uncached with stock, cached with the floor.
        assert len(ours["rounds_requests_per_second"]) == 2, key
        assert row["ratios"]["cached_ours_to_floor"]["median"] > 0, key
        # The floor answers with our very bytes, from memory, without the database.
        assert floor["bytes"] == ours["bytes"] and floor["queries_limit_20"] == 0, key
        # A repeated request is served from the response cache. (At two articles the deep
        # offset is the first page, which the plain listing has already put in the cache.)
        assert ours["queries_repeat"] == 0, key
        assert ours["queries_limit_20"] > 0 or key == "deep", key
        if row["stock_comparison"] == "cannot":
            assert "stock" not in row["servers"]
        else:
            assert row["servers"]["stock"]["status"] == 200, key
            assert row["ratios"]["uncached_ours_to_stock"]["median"] > 0, key
