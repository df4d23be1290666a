"""Starting and stopping the gunicorn servers the benchmark measures, and plain HTTP requests to them."""

import contextlib
import http.client
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent


@dataclass
class ServerConfig:
    """The same gunicorn configuration for every server."""

    workers: int = 2
    threads: int = 4

    def describe(self) -> str:
        return f"gunicorn, {self.workers} workers x {self.threads} threads (gthread)"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


@contextlib.contextmanager
def running_server(
    kind: str,
    config: ServerConfig,
    extra_env: dict | None = None,
    probe_path: str = "/",
    port: int | None = None,
):
    """A gunicorn serving ``bench.wsgi`` as ``kind`` (ours, stock, floor) on ``port`` or any free one."""
    port = port or free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "BENCH_SERVER": kind,
        **(extra_env or {}),
    }
    env.pop("BENCH_GENERATING", None)
    command = [
        sys.executable, "-m", "gunicorn", "bench.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--chdir", str(PROJECT_DIR),
        "--workers", str(config.workers), "--worker-class", "gthread", "--threads", str(config.threads),
        "--keep-alive", "30", "--log-level", "warning",
    ]  # fmt: skip
    process = subprocess.Popen(command, env=env, cwd=PROJECT_DIR)  # noqa: S603 - fixed command
    try:
        wait_until_ready(port, probe_path, process, config.workers)
        yield port
    finally:
        stop(process)


def stop(process):
    """Ask a server to stop; kill it if it has not within 20 s."""
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def wait_until_ready(port: int, path: str, process, workers: int = 1, timeout: float = 60.0):
    """Return once each of the server's ``workers`` processes has answered ``path``.

    Each gunicorn worker loads the application itself once it is forked, after the port is
    open. Measuring as soon as the first one answered put every connection of the first
    endpoint on it while another was still loading (that endpoint read about half as fast). The processes
    are told apart by ``X-Bench-Worker`` (bench.middleware); a server without it is ready
    at its first answer.
    """
    deadline = time.monotonic() + timeout
    answered = set()
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {process.returncode}")
        try:
            reply = get(port, path)
        except OSError:
            time.sleep(0.2)
            continue
        worker = {name.lower(): value for name, value in reply.headers}.get("x-bench-worker")
        answered.add(worker)
        if worker is None or len(answered) >= workers:
            return
        time.sleep(0.05)
    raise RuntimeError(f"gunicorn's {workers} processes did not answer on port {port} within {timeout:.0f} s")


@dataclass
class Reply:
    status: int
    body: bytes
    queries: int | None
    headers: list[tuple[str, str]]


def get(port: int, path: str) -> Reply:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers={"Accept": "application/json"})
        response = connection.getresponse()
        body = response.read()
        queries = response.getheader("X-Bench-Queries")
        queries = int(queries) if queries is not None else None
        return Reply(response.status, body, queries, response.getheaders())
    finally:
        connection.close()
