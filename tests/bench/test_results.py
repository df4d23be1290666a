"""The results table compares like with like, over interleaved rounds, and records the machine's load."""

import os

from bench.machine_load import describe, snapshot
from bench.report import markdown_report
from bench.run import endpoint_rows, ratio, round_order, summarise_rounds


def figures(rps):
    latencies = {"p50_ms": 1000 / rps, "p95_ms": 2000 / rps, "p99_ms": 3000 / rps}
    probe = {"status": 200, "bytes": 100, "queries_limit_20": 3, "queries_repeat": 0}
    return {"requests_per_second": rps, "errors": 0, **latencies, **probe}


def test_every_server_runs_once_per_round_in_a_turning_order_with_ours_before_the_floor():
    names = ["ours", "ours_uncached", "stock", "strapi", "floor"]
    orders = [round_order(names, number) for number in range(3)]
    assert all(sorted(order) == sorted(names) for order in orders)
    assert orders[0].index("ours") < orders[0].index("floor")
    assert len({order[0] for order in orders}) == 3


def test_rounds_are_summarised_by_their_median_and_spread():
    summary = summarise_rounds([figures(100), figures(300), figures(120)])
    assert summary["requests_per_second"] == 120
    assert (summary["requests_per_second_min"], summary["requests_per_second_max"]) == (100, 300)
    assert summary["rounds_requests_per_second"] == [100, 300, 120]


def test_a_ratio_carries_the_range_of_its_rounds():
    fast = summarise_rounds([figures(200), figures(240), figures(220)])
    slow = summarise_rounds([figures(100), figures(110), figures(90)])
    value = ratio(fast, slow)
    assert value["median"] == 2.2
    assert value["low"] == round(200 / 110, 2) and value["high"] == round(240 / 90, 2)
    assert ratio(fast, None) is None


class Endpoint:
    key, label, stock_comparison, note, peer_note = "listing", "Listing", "same", "", "Strapi: substring"
    ours, stock, peer = ["/a"], ["/b"], ["/c"]


def rows_for(measured):
    return endpoint_rows([Endpoint()], {name: {"listing": rounds} for name, rounds in measured.items()})


def test_uncached_is_compared_with_stock_and_strapi_and_cached_with_the_floor():
    row = rows_for(
        {
            "ours": [figures(1000)] * 3,
            "ours_uncached": [figures(60)] * 3,
            "stock": [figures(20)] * 3,
            "strapi": [figures(30)] * 3,
            "floor": [figures(2000)] * 3,
        }
    )[0]
    assert row["ratios"]["uncached_ours_to_stock"]["median"] == 3.0
    assert row["ratios"]["uncached_ours_to_peer"]["median"] == 2.0
    assert row["ratios"]["cached_ours_to_floor"]["median"] == 0.5
    assert row["above_floor_is_noise"] is False


def test_a_cached_ratio_above_the_floor_is_flagged_as_noise_in_the_table():
    row = rows_for({"ours": [figures(3000)] * 3, "floor": [figures(2000)] * 3})[0]
    assert row["above_floor_is_noise"] is True
    results = {
        "machine": {"date": "d", "cores": 2, "cpu": "c", "os": "o", "python": "3", "django": "5",
                    "wagtail": "8", "database": {"engine": "PostgreSQL", "pages": 1,
                                                 "articles_per_locale": {"fr": 1}}},
        "settings": {"server": "gunicorn", "concurrency": 8, "duration_seconds": 1, "warmup_seconds": 1,
                     "rounds": 3, "servers": ["ours", "floor"], "peer": None, "peer_skipped": "no Node.js"},
        "load": {"start": snapshot(0.1), "end": snapshot(0.1)},
        "endpoints": [row],
    }  # fmt: skip
    table = markdown_report(results)
    assert "1.50 (1.50–1.50) **noise**" in table
    assert "not measured (no Node.js)" in table
    assert table.count("load average") == 2


def test_the_load_record_names_the_load_averages_and_leaves_out_the_benchmark_itself():
    record = snapshot(0.2)
    assert len(record["loadavg"]) == 3 and record["cores"] == os.cpu_count()
    assert os.getpid() not in {process["pid"] for process in record["busy_processes"]}
    assert describe(record).startswith("load average ")


def test_processes_are_named_by_program_and_module_only_never_their_arguments():
    from bench.machine_load import command_line

    name = command_line(str(os.getpid()))
    assert name.startswith("python") and len(name.split()) <= 3
    assert "tests/" not in name and "-q" not in name
