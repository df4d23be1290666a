"""The load generator spreads its keep-alive connections evenly over a server's processes."""

import asyncio
import itertools
from collections import Counter

from bench.loadgen import balanced_connections, read_response, request_bytes


async def server_whose_processes_accept_unevenly(accepting_process):
    """A server that names, in X-Bench-Worker, the "process" each new connection landed on."""

    async def serve(reader, writer):
        process = next(accepting_process)
        try:
            while await reader.readuntil(b"\r\n\r\n"):
                writer.write(
                    f"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Bench-Worker: {process}\r\n\r\n{{}}".encode()
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()

    return await asyncio.start_server(serve, "127.0.0.1", 0)


async def processes_of_balanced_connections() -> Counter:
    # The first process wins most accepts, as a gunicorn worker sometimes does.
    server = await server_whose_processes_accept_unevenly(itertools.cycle(["a", "a", "a", "b"]))
    port = server.sockets[0].getsockname()[1]
    connections = await balanced_connections("127.0.0.1", port, "/", count=4, processes=2)
    landed = Counter()
    for reader, writer in connections:
        writer.write(request_bytes("127.0.0.1", "/"))
        _status, _closing, headers = await read_response(reader)
        landed[headers["x-bench-worker"]] += 1
        writer.close()
    server.close()
    return landed


def test_connections_are_shared_evenly_by_the_servers_processes():
    assert asyncio.run(processes_of_balanced_connections()) == {"a": 2, "b": 2}
