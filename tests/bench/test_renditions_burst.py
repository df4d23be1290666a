"""The renditions-burst script's parts that do not depend on timing: arguments, sizes, requests,
what it reads from /proc, and the report."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.renditions_burst import (
    Burst,
    children,
    largest_square,
    parse_args,
    rendition_requests,
    report,
    rss_mb,
)


def test_defaults_are_two_workers_and_a_burst_of_twenty_plus_four_renditions():
    args = parse_args(["/some/checkout"])
    assert args.checkout == Path("/some/checkout")
    assert args.workers == 2 and args.threads == 1 and args.same == 20 and len(args.specs) == 5
    assert 8200 <= args.port <= 8249
    assert args.database.startswith("mediaops")


def test_a_size_is_width_by_height_and_anything_else_is_refused(capsys):
    assert parse_args([".", "--size", "8000x5000"]).size == (8000, 5000)
    with pytest.raises(SystemExit):
        parse_args([".", "--size", "large"])
    assert "WIDTHxHEIGHT" in capsys.readouterr().err


@pytest.mark.parametrize("limit", [40_000_000, 128_000_000])
def test_the_largest_square_is_within_the_limit_and_one_more_pixel_a_side_is_not(limit):
    width, height = largest_square(limit)
    assert width == height
    assert width * height <= limit < (width + 1) * (height + 1)


def test_the_first_spec_gets_the_concurrent_requests_and_each_other_one():
    assert rendition_requests(20, ["width-300", "width-800", "height-500"]) == {
        "width-300": 20,
        "width-800": 1,
        "height-500": 1,
    }


def test_the_workers_are_found_as_children_and_their_memory_read_from_proc():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert child.pid in children(os.getpid())
        assert rss_mb(child.pid) > 0
    finally:
        child.kill()
        child.wait()
    assert rss_mb(child.pid) is None  # gone: nothing to read, no error


def test_the_report_gives_every_figure():
    burst = Burst(
        label="after", checkout="/work/x", width=6324, height=6324, limit=40_000_000,
        requests={"width-300": 20, "width-800": 1}, statuses={"200": 21}, wall_seconds=12.34,
        baseline_rss_mb={1: 110.0, 2: 112.0}, peak_rss_mb={1: 420.5, 2: 180.0},
        latencies_ms=[10.0, 30.0, 2000.0], rendition_files=2, load_start="3.00 2.00 1.00",
        load_end="4.00 3.00 2.00",
    )  # fmt: skip
    text = report(burst)
    assert text.startswith("### after\n")
    for expected in [
        "| pixel limit | 40,000,000 |",
        "| image | 6324 × 6324 (39,992,976 pixels), JPEG |",
        "| requests | 20 × width-300, 1 × width-800 |",
        "| answers | 21 × 200 |",
        "| burst wall time | 12.3 s |",
        "| peak worker RSS (MB, each worker) | 420, 180 |",
        "| `/api/v2/locales/` during the burst | median 30 ms, max 2,000 ms (3 requests) |",
        "| rendition files on disk | 2 |",
        "| load average at start → end | 3.00 2.00 1.00 → 4.00 3.00 2.00 |",
    ]:
        assert expected in text


def test_a_light_request_that_never_answered_is_reported_as_such():
    burst = Burst("before", "/x", 1, 1, 1, {"width-300": 1}, light_failures=3)
    assert "no answer (3 failed)" in report(burst)
