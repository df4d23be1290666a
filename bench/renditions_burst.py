"""A burst of first renditions of the largest image a checkout accepts (issue 11, item 7).

For one checkout directory (its own ``.venv``): a fresh PostgreSQL database, the largest
image its pixel limit (``WAGTAILIMAGES_MAX_IMAGE_PIXELS``) accepts, gunicorn with production
settings and two workers; then many concurrent first requests for renditions of that image
(``--same`` for one rendition, one each for ``--specs``), while the workers' resident memory
is read from /proc and a light API request is timed, every ``--interval`` seconds.

    python -m bench.renditions_burst /work/wt-before --label before
    python -m bench.renditions_burst . --label after --output bench/results/renditions-burst.md

Reports each worker's peak RSS, the light request's median and maximum latency during the
burst, the rendition files on disk afterwards and the burst's wall time. The figures depend
on the machine and on whatever else runs on it: /proc/loadavg is recorded at start and end.
"""

import argparse
import http.client
import math
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_SPECS = ["width-300", "width-800", "fill-400x300", "max-1200x1200", "height-500"]
LIGHT_PATH = "/api/v2/locales/"
WAGTAIL_DEFAULT_LIMIT = 128_000_000  # what a checkout without WAGTAILIMAGES_MAX_IMAGE_PIXELS accepts

CLEAR_CACHES = "from django.core.cache import caches; [cache.clear() for cache in caches.all()]"

CREATE_IMAGE = """
import io, math
from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images import get_image_model
from wagtail.images.views.serve import generate_image_url

width, height = {width}, {height}
limit = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", {wagtail_default})
assert width * height <= limit, f"{{width}}x{{height}} is above this checkout's limit of {{limit}} pixels"
# A photograph's worth of pixels: decoding costs the same whatever they show.
picture = Image.linear_gradient("L").resize((width, height)).convert("RGB")
buffer = io.BytesIO()
picture.save(buffer, "JPEG", quality=85)
del picture
image = get_image_model()(title="Largest allowed", width=width, height=height)
image.file.save("largest.jpg", ImageFile(buffer, name="largest.jpg"), save=False)
image.save()
for spec in {specs!r}:
    print(generate_image_url(image, spec))
"""


@dataclass
class Burst:
    label: str
    checkout: str
    width: int
    height: int
    limit: int
    requests: dict[str, int]
    statuses: dict[str, int] = field(default_factory=dict)
    wall_seconds: float = 0.0
    baseline_rss_mb: dict[int, float] = field(default_factory=dict)
    peak_rss_mb: dict[int, float] = field(default_factory=dict)
    latencies_ms: list[float] = field(default_factory=list)
    light_failures: int = 0
    worker_timeouts: int = 0
    rendition_files: int = 0
    load_start: str = ""
    load_end: str = ""


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.renditions_burst",
        description="Worker memory and API latency during a burst of first renditions of the "
        "largest image a checkout accepts.",
    )
    parser.add_argument("checkout", type=Path, help="the checkout to run (with its own .venv)")
    parser.add_argument("--label", default="", help="a name for this run in the report (before, after…)")
    parser.add_argument("--port", type=int, default=8210, help="gunicorn's port (default 8210)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument(
        "--threads", type=int, default=1, help="threads per worker (default 1; the README's recipe runs 4)"
    )
    parser.add_argument(
        "--timeout", type=int, default=30, help="gunicorn worker timeout (default 30, its own)"
    )
    parser.add_argument(
        "--postgres", default=os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432"),
        help="PostgreSQL server URL, without a database name",
    )  # fmt: skip
    parser.add_argument("--database", default="mediaops_burst", help="database to (re)create and drop")
    parser.add_argument("--cache-url", default=os.environ.get("CACHE_URL", "redis://127.0.0.1:6379/3"))
    parser.add_argument("--size", type=size, help="WIDTHxHEIGHT instead of the largest square allowed")
    parser.add_argument("--same", type=int, default=20, help="concurrent requests for one rendition (20)")
    parser.add_argument(
        "--specs", nargs="*", default=DEFAULT_SPECS, help="further renditions, one request each"
    )
    parser.add_argument("--interval", type=float, default=0.1, help="sampling interval in seconds (0.1)")
    parser.add_argument("--output", type=Path, help="append the report (Markdown) to this file")
    return parser.parse_args(argv)


def size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    try:
        return int(width), int(height)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT, not {text!r}") from None


def largest_square(limit: int) -> tuple[int, int]:
    side = math.isqrt(limit)
    return side, side


def rendition_requests(same: int, specs: list[str]) -> dict[str, int]:
    """How many concurrent requests for each filter spec: ``same`` for the first, one for the rest."""
    first, *others = specs
    requests = {first: same}
    for spec in others:
        requests[spec] = requests.get(spec, 0) + 1
    return requests


def progress(message: str):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return sorted(found)


class Checkout:
    """One checkout run as production runs it, on a database and media directory of its own."""

    def __init__(self, args: argparse.Namespace, media: Path):
        self.directory = args.checkout.resolve()
        self.python = self.directory / ".venv" / "bin" / "python"
        self.args = args
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))},
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "DATABASE_URL": f"{args.postgres}/{args.database}",
            "CACHE_URL": args.cache_url,
            "SECRET_KEY": "a-benchmark-secret-key-that-is-long-enough-0123456789",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{args.port}",
            "WAGTAILAPI_BASE_URL": f"http://127.0.0.1:{args.port}",
            "MEDIA_ROOT": str(media),
            "STATIC_ROOT": str(media.parent / "static"),
            "LOG_LEVEL": "WARNING",
        }
        self.server: subprocess.Popen | None = None
        self.log = media.parent / "gunicorn.log"

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [str(self.python), "manage.py", *args], cwd=self.directory, env=self.env,
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {args[0]} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def pixel_limit(self) -> int:
        setting = f"getattr(settings, 'WAGTAILIMAGES_MAX_IMAGE_PIXELS', {WAGTAIL_DEFAULT_LIMIT})"
        code = f"from django.conf import settings; print({setting})"
        return int(self.manage("shell", "--no-imports", "-c", code).strip())

    def create_image(self, width: int, height: int, specs: list[str]) -> list[str]:
        code = CREATE_IMAGE.format(
            width=width, height=height, specs=specs, wagtail_default=WAGTAIL_DEFAULT_LIMIT
        )
        return self.manage("shell", "--no-imports", "-c", code).split()

    def start(self):
        gunicorn = self.directory / ".venv" / "bin" / "gunicorn"
        command = [str(gunicorn), "cms.wsgi", "--bind", f"127.0.0.1:{self.args.port}",
                   "--workers", str(self.args.workers), "--threads", str(self.args.threads),
                   "--timeout", str(self.args.timeout)]  # fmt: skip
        with open(self.log, "w") as log:  # gunicorn's own output (worker timeouts, tracebacks)
            self.server = subprocess.Popen(command, cwd=self.directory, env=self.env, stdout=log, stderr=log)  # noqa: S603
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if get(self.args.port, LIGHT_PATH, timeout=5)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"gunicorn did not answer within 120 s:\n{self.log.read_text()[-3000:]}")

    def workers(self) -> list[int]:
        return children(self.server.pid)

    def stop(self):
        if self.server and self.server.poll() is None:
            self.server.send_signal(signal.SIGTERM)
            try:
                self.server.wait(30)
            except subprocess.TimeoutExpired:
                self.server.kill()
                self.server.wait()


def get(port: int, path: str, timeout: float) -> tuple[int, float]:
    """Status and seconds taken, as a client behind the TLS proxy asks."""
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"X-Forwarded-Proto": "https", "Host": "127.0.0.1"})
        response = connection.getresponse()
        response.read()
        return response.status, time.monotonic() - started
    finally:
        connection.close()


def recreate_database(server: str, name: str, drop_only: bool = False):
    import psycopg
    from psycopg import sql

    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        if not drop_only:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def rendition_files(media: Path) -> int:
    directory = media / "images"
    return sum(1 for path in directory.rglob("*") if path.is_file()) if directory.exists() else 0


def burst(checkout: Checkout, urls: dict[str, str], result: Burst, interval: float):
    """Fire the rendition requests at once; sample RSS and the light request until they are all done."""
    port = checkout.args.port
    workers = checkout.workers()
    result.baseline_rss_mb = {pid: rss_mb(pid) or 0.0 for pid in workers}
    done = threading.Event()

    def sample_memory():
        while not done.is_set():
            for pid in set(workers) | set(checkout.workers()):  # a worker killed on timeout is replaced
                if (value := rss_mb(pid)) is not None:
                    result.peak_rss_mb[pid] = max(result.peak_rss_mb.get(pid, 0.0), value)
            time.sleep(interval)

    def time_light_requests():
        while not done.is_set():
            try:
                status, seconds = get(port, LIGHT_PATH, timeout=120)
                if status == 200:
                    result.latencies_ms.append(seconds * 1000)
                else:
                    result.light_failures += 1
            except OSError:
                result.light_failures += 1
            time.sleep(interval)

    def render(spec: str) -> str:
        try:
            status = str(get(port, urls[spec], timeout=600)[0])
        except OSError as error:
            status = type(error).__name__
        progress(f"{next(answered)}/{len(specs)} answered ({spec}: {status})")
        return status

    specs = [spec for spec, count in result.requests.items() for _ in range(count)]
    answered = iter(range(1, len(specs) + 1))
    samplers = [threading.Thread(target=sample_memory), threading.Thread(target=time_light_requests)]
    for thread in samplers:
        thread.start()
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=len(specs)) as pool:
        for status in pool.map(render, specs):
            result.statuses[status] = result.statuses.get(status, 0) + 1
    result.wall_seconds = time.monotonic() - started
    done.set()
    for thread in samplers:
        thread.join()


def run(args: argparse.Namespace) -> Burst:
    work = Path(tempfile.mkdtemp(prefix="renditions-burst-"))
    media = work / "media"
    checkout = Checkout(args, media)
    load_start = loadavg()
    try:
        progress(f"{args.label or checkout.directory}: database {args.database}, migrate")
        recreate_database(args.postgres, args.database)
        checkout.manage("migrate", "--noinput")
        # The cache (its own Redis database) outlives the database: Wagtail's cached renditions
        # of an earlier run's image 1 would name files that this run's media directory lacks.
        checkout.manage("shell", "--no-imports", "-c", CLEAR_CACHES)
        limit = checkout.pixel_limit()
        width, height = args.size or largest_square(limit)
        requests = rendition_requests(args.same, args.specs)
        progress(f"pixel limit {limit:,}: creating a {width}×{height} image")
        urls = dict(zip(requests, checkout.create_image(width, height, list(requests)), strict=True))
        progress(f"gunicorn on :{args.port} with {args.workers} workers × {args.threads} threads")
        checkout.start()
        result = Burst(
            args.label, str(checkout.directory), width, height, limit, requests, load_start=load_start
        )
        progress(f"burst: {sum(requests.values())} concurrent first-rendition requests")
        burst(checkout, urls, result, args.interval)
        result.rendition_files = rendition_files(media)
        result.load_end = loadavg()
        server_log = checkout.log.read_text()
        result.worker_timeouts = server_log.count("WORKER TIMEOUT")
        if set(result.statuses) != {"200"}:
            progress("not every rendition answered 200; gunicorn's log ends:\n" + server_log[-4000:])
        progress(f"done in {result.wall_seconds:.1f} s")
        return result
    finally:
        checkout.stop()
        recreate_database(args.postgres, args.database, drop_only=True)
        shutil.rmtree(work, ignore_errors=True)


def report(result: Burst) -> str:
    latencies = result.latencies_ms
    peak = ", ".join(f"{value:,.0f}" for value in sorted(result.peak_rss_mb.values(), reverse=True))
    baseline = ", ".join(f"{value:,.0f}" for value in sorted(result.baseline_rss_mb.values(), reverse=True))
    requests = ", ".join(f"{count} × {spec}" for spec, count in result.requests.items())
    statuses = ", ".join(f"{count} × {status}" for status, count in sorted(result.statuses.items()))
    rows = [
        ("checkout", f"`{result.checkout}`"),
        ("pixel limit", f"{result.limit:,}"),
        ("image", f"{result.width} × {result.height} ({result.width * result.height:,} pixels), JPEG"),
        ("requests", requests),
        ("answers", statuses),
        ("workers killed by gunicorn's timeout", str(result.worker_timeouts)),
        ("burst wall time", f"{result.wall_seconds:.1f} s"),
        ("worker RSS before the burst (MB)", baseline),
        ("peak worker RSS (MB, each worker)", peak),
        (f"`{LIGHT_PATH}` during the burst", latency_summary(latencies, result.light_failures)),
        ("rendition files on disk", str(result.rendition_files)),
        ("load average at start → end", f"{result.load_start} → {result.load_end}"),
    ]
    lines = [f"### {result.label or result.checkout}", "", "| | |", "| --- | --- |"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    return "\n".join(lines) + "\n"


def latency_summary(latencies: list[float], failures: int) -> str:
    if not latencies:
        return f"no answer ({failures} failed)"
    text = (f"median {statistics.median(latencies):,.0f} ms, max {max(latencies):,.0f} ms "
            f"({len(latencies)} requests)")  # fmt: skip
    return text + (f", {failures} failed" if failures else "")


def main(argv=None):
    args = parse_args(argv)
    text = report(run(args))
    print(text)
    if args.output:
        with open(args.output, "a") as handle:
            handle.write(text + "\n")


if __name__ == "__main__":
    main()
