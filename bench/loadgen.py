"""A small HTTP/1.1 load generator, run as its own process by the benchmark runner.

``python -m bench.loadgen --port 8001 --concurrency 8 --duration 10 --warmup 2 URL...``
keeps ``concurrency`` keep-alive connections busy, each sending GET requests for the
URLs in turn, and prints one JSON object: requests, errors, requests per second and
latency percentiles (p50, p95, p99) over the measured window (the warm-up is not counted).
Standard library only (asyncio), so CI machines need nothing beyond Python.

With ``--workers N`` the connections are spread evenly over a server's N processes. A
keep-alive connection stays with the process that accepted it, and which one accepts is
chance: with 8 connections on 2 gunicorn workers, one process sometimes held most of
them and the same server measured half as fast in one round as in the next. Each
connection's first answer names its process (``X-Bench-Worker``, bench.middleware); one
landing on a process that has its share is replaced by a new one.
"""

import argparse
import asyncio
import json
import sys
import time


async def read_response(reader) -> tuple[int, bool, dict]:
    """Read one response: its status, whether the server closes, its headers (lower-case names).

    Bodies are sized by Content-Length or chunked."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status, headers.get("connection", "").lower() == "close", headers


def request_bytes(host: str, url: str) -> bytes:
    return f"GET {url} HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\n\r\n".encode()


async def balanced_connections(host, port, url, count: int, processes: int) -> list:
    """``count`` open connections, at most their even share on each of the server's processes.

    Gives up balancing after ``10 × count`` tries (or at once when the server does not name
    its processes) and keeps what it has."""
    share = -(-count // processes)
    kept, spare, per_process = [], [], {}
    for _attempt in range(10 * count):
        if len(kept) == count:
            break
        reader, writer = await asyncio.open_connection(host, port)
        writer.write(request_bytes(host, url))
        _status, closing, headers = await read_response(reader)
        process = headers.get("x-bench-worker")
        if closing:
            writer.close()
        elif process is None or per_process.get(process, 0) < share:
            per_process[process] = per_process.get(process, 0) + 1
            kept.append((reader, writer))
        else:
            spare.append(writer)  # held open until the end, so a new try lands elsewhere
    for writer in spare:
        writer.close()
    while len(kept) < count:
        kept.append((None, None))  # opened by the worker itself
    return kept


async def worker(host, port, urls, offset, stop_at, measure_from, latencies, errors, connection=(None, None)):
    reader, writer = connection
    turn = offset
    while time.perf_counter() < stop_at:
        url = urls[turn % len(urls)]
        turn += 1
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(host, port)
            started = time.perf_counter()
            writer.write(request_bytes(host, url))
            status, closing, _headers = await read_response(reader)
            finished = time.perf_counter()
        except (OSError, asyncio.IncompleteReadError, ValueError):
            if writer is not None:
                writer.close()
            reader = writer = None
            errors.append("connection")
            continue
        if started >= measure_from:
            if status == 200:
                latencies.append(finished - started)
            else:
                errors.append(status)
        if closing:
            writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


async def run(host, port, urls, concurrency, duration, warmup, processes: int = 1) -> dict:
    connections = [(None, None)] * concurrency
    if processes > 1:
        connections = await balanced_connections(host, port, urls[0], concurrency, processes)
    now = time.perf_counter()
    measure_from, stop_at = now + warmup, now + warmup + duration
    latencies, errors = [], []
    await asyncio.gather(
        *(
            worker(host, port, urls, offset, stop_at, measure_from, latencies, errors, connection)
            for offset, connection in enumerate(connections)
        )
    )
    return summarise(latencies, errors, duration)


def percentile(ordered: list[float], fraction: float) -> float | None:
    if not ordered:
        return None
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def summarise(latencies, errors, duration) -> dict:
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "errors": len(errors),
        "requests_per_second": len(ordered) / duration,
        "p50_ms": (percentile(ordered, 0.50) or 0) * 1000,
        "p95_ms": (percentile(ordered, 0.95) or 0) * 1000,
        "p99_ms": (percentile(ordered, 0.99) or 0) * 1000,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--duration", type=float, default=10.0, help="measured seconds")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds before measuring")
    parser.add_argument("--workers", type=int, default=1, help="the server's processes, to share connections")
    parser.add_argument("urls", nargs="+")
    options = parser.parse_args(argv)
    result = asyncio.run(
        run(
            options.host, options.port, options.urls, options.concurrency, options.duration, options.warmup,
            options.workers,
        )
    )  # fmt: skip
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
