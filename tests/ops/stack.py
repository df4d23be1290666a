"""The CMS run as production runs it, for end-to-end tests: real processes over one database.

``Stack`` owns a PostgreSQL database of its own, runs management commands, starts gunicorn
instances, the task worker and the development server as separate processes, and stops
exactly the processes it started. ``Client`` talks HTTP to one of them the way a browser
behind the TLS proxy would: every request carries ``X-Forwarded-Proto: https``, and
cookies (marked Secure in production) are kept by hand.
"""

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import psycopg
from psycopg import sql

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent
BIN = Path(sys.executable).parent


def recreate_database(server: str, name: str) -> str:
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return f"{server}/{name}"


def drop_database(server: str, name: str):
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


class Stack:
    def __init__(self, tmp_path: Path, database_url: str, cache_url: str, api_port: int):
        self.tmp_path = tmp_path
        self.processes: list[subprocess.Popen] = []
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))},
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "DATABASE_URL": database_url,
            "CACHE_URL": cache_url,
            "SECRET_KEY": "an-end-to-end-test-secret-of-sufficient-length-0123456789",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{api_port}",
            "WAGTAILAPI_BASE_URL": f"http://127.0.0.1:{api_port}",
            "MEDIA_ROOT": str(tmp_path / "media"),
            "STATIC_ROOT": str(tmp_path / "static"),
            "LOG_LEVEL": "WARNING",
        }

    # Commands ---------------------------------------------------------------------------

    def manage(self, *args, env=None, check=True, unset=()) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=PROJECT_DIR,
            env={k: v for k, v in {**self.env, **(env or {})}.items() if k not in unset},
            capture_output=True,
            text=True,
            check=False,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result

    def shell(self, code: str, env=None, unset=()) -> str:
        """Run Python in a management shell (another process) and return what it printed."""
        return self.manage("shell", "--no-imports", "-c", code, env=env, unset=unset).stdout.strip()

    def sql(self, query: str, params=()) -> list[tuple]:
        with psycopg.connect(self.env["DATABASE_URL"], autocommit=True) as connection:
            return connection.execute(query, params).fetchall()

    def wait_for_tasks(self, timeout: float = 600):
        """Until the worker has run every queued task (bounded)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pending = self.sql(
                "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status IN ('READY', 'RUNNING')"
            )[0][0]
            if not pending:
                return
            time.sleep(0.2)
        raise AssertionError(f"tasks still pending after {timeout} s\n{self.logs()}")

    # Processes --------------------------------------------------------------------------

    def start(self, command: list[str], env=None, log_name="process", unset=()) -> subprocess.Popen:
        log = open(self.tmp_path / f"{log_name}.log", "ab")  # noqa: SIM115 - closed with the process
        env = {k: v for k, v in {**self.env, **(env or {})}.items() if k not in unset}
        process = subprocess.Popen(command, cwd=PROJECT_DIR, env=env, stdout=log, stderr=subprocess.STDOUT)
        process.log = log
        self.processes.append(process)
        return process

    def gunicorn(self, port: int, workers: int = 2) -> subprocess.Popen:
        # Threads as in the README's recipe.
        command = [
            str(BIN / "gunicorn"),
            "cms.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--threads",
            "4",
        ]
        process = self.start(command, log_name=f"gunicorn-{port}")
        wait_for_http(port, "/health/", process)
        return process

    def worker(self, env=None, name="worker") -> subprocess.Popen:
        return self.start([sys.executable, "manage.py", "db_worker", "--interval", "0.2"], env, name)

    def runserver(self, port: int, env: dict, unset=()) -> subprocess.Popen:
        command = [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"]
        process = self.start(command, env=env, log_name=f"runserver-{port}", unset=unset)
        wait_for_http(port, "/health/", process)
        return process

    def stop(self, process, sig=signal.SIGTERM, timeout=30) -> int:
        if process.poll() is None:
            process.send_signal(sig)
        code = process.wait(timeout)
        process.log.close()
        return code

    def stop_all(self):
        for process in reversed(self.processes):
            if process.poll() is None:
                self.stop(process)
            else:
                process.log.close()
        self.processes = []

    def logs(self) -> str:
        return "\n".join(f"--- {log.name}\n{log.read_text()[-3000:]}" for log in self.tmp_path.glob("*.log"))


def wait_for_http(port: int, path: str, process, timeout: float = 60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server on port {port} exited with {process.returncode}")
        try:
            Client(port).get(path)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"no answer on port {port} after {timeout} s")


class Response:
    def __init__(self, status: int, headers: dict, body: bytes):
        self.status, self.headers, self.body = status, headers, body

    def json(self):
        return json.loads(self.body)

    @property
    def text(self) -> str:
        return self.body.decode()


class Client:
    """HTTP as it arrives from the TLS proxy: ``X-Forwarded-Proto: https`` on every request."""

    def __init__(self, port: int, proxy_header: bool = True):
        self.port = port
        self.proxy_header = proxy_header
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: dict | None = None, headers=None) -> Response:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        sent = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
        if self.proxy_header:
            sent["X-Forwarded-Proto"] = "https"
            sent["Origin"] = f"https://127.0.0.1:{self.port}"
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        data = None
        if body is not None:
            data = urlencode(body, doseq=True)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=data, headers=sent)
        reply = connection.getresponse()
        for name, value in reply.getheaders():
            if name.lower() == "set-cookie":
                cookie_name, cookie_value = value.split(";", 1)[0].split("=", 1)
                self.cookies[cookie_name.strip()] = cookie_value.strip()
        response = Response(reply.status, {k.lower(): v for k, v in reply.getheaders()}, reply.read())
        connection.close()
        return response

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post_form(self, path: str, fields: dict) -> Response:
        """Open the form at ``path`` (for its CSRF token) and submit it with ``fields``."""
        page = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert token, f"no CSRF token in {path} ({page.status})"
        return self.request("POST", path, {"csrfmiddlewaretoken": token.group(1), **fields})

    def log_in(self, username: str, password: str):
        response = self.post_form("/admin/login/", {"username": username, "password": password})
        assert response.status == 302, f"login answered {response.status}"
        assert self.get("/admin/").status == 200
