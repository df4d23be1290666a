"""A benchmarked server is measured only once every one of its processes answers."""

from bench import servers
from bench.servers import Reply, wait_until_ready


class RunningProcess:
    returncode = None

    def poll(self):
        return None


def answers_from(workers: list[str | None], monkeypatch) -> list[str]:
    """Let the probe's answers come from ``workers`` in turn; returns the answers it read."""
    read = []

    def get(port, path):
        worker = workers[len(read)]
        read.append(worker)
        headers = [("Content-Type", "application/json")]
        if worker is not None:
            headers.append(("X-Bench-Worker", worker))
        return Reply(200, b"{}", 0, headers)

    monkeypatch.setattr(servers, "get", get)
    monkeypatch.setattr(servers.time, "sleep", lambda seconds: None)
    return read


def test_the_probe_waits_until_each_worker_process_has_answered(monkeypatch):
    # The first worker answers three times while the second is still loading the application.
    read = answers_from(["101", "101", "101", "102", "101"], monkeypatch)

    wait_until_ready(8400, "/api/v2/locales/", RunningProcess(), workers=2)

    assert read == ["101", "101", "101", "102"]


def test_a_server_that_does_not_name_its_processes_is_ready_at_its_first_answer(monkeypatch):
    read = answers_from([None, None], monkeypatch)

    wait_until_ready(8400, "/", RunningProcess(), workers=2)

    assert read == [None]
