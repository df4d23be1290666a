"""Installing, building and running Strapi 5 for the benchmark, from the npm registry.

``python -m bench.peer.app`` installs it into ``bench/peer/strapi-app`` (ignored by git):
``create-strapi@5`` without cloud, example or git, its cloud plugin removed (it would call
out at start), ``npm install``, then the bench's content types (bench.peer.config) and a
production admin build. Every step is skipped when its result is already there, so a
rerun starts in seconds. Node.js 20 or later is needed; without it the peer is skipped.
"""

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from bench.peer.config import write_files
from bench.servers import stop

APP_DIR = Path(__file__).resolve().parent / "strapi-app"
STRAPI_MAJOR = "5"
# Steps that are done leave a stamp here, with what they were done for.
STAMP = APP_DIR / ".bench-steps.json"


class PeerUnavailable(RuntimeError):
    """Strapi cannot run here (no Node.js, or an install that failed); the message says why."""


def node_version() -> int | None:
    node = shutil.which("node")
    if not node:
        return None
    output = subprocess.run([node, "--version"], capture_output=True, text=True, check=False).stdout  # noqa: S603
    try:
        return int(output.strip().lstrip("v").split(".")[0])
    except ValueError:
        return None


def check_node():
    major = node_version()
    if major is None or not shutil.which("npm") or not shutil.which("npx"):
        raise PeerUnavailable(
            "Strapi needs Node.js 20 or later with npm; none found on PATH, so the peer is skipped "
            "(install Node.js, e.g. `apt-get install nodejs npm`, to measure against Strapi)."
        )
    if major < 20:
        raise PeerUnavailable(f"Strapi 5 needs Node.js 20 or later; found {major}, so the peer is skipped.")


def stamps() -> dict:
    try:
        return json.loads(STAMP.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def stamp(step: str, value):
    done = stamps()
    done[step] = value
    STAMP.write_text(json.dumps(done, indent=2), encoding="utf-8")


def run(command: list[str], log, **kwargs):
    log("  $ " + " ".join(command))
    completed = subprocess.run(command, cwd=kwargs.pop("cwd", APP_DIR), check=False, **kwargs)  # noqa: S603
    if completed.returncode != 0:
        raise PeerUnavailable(f"`{' '.join(command)}` failed with status {completed.returncode}")


def database_settings(database_url: str) -> dict:
    """Strapi's DATABASE_* variables for a postgres:// URL."""
    parts = urlsplit(database_url)
    return {
        # Strapi's generated config prefers DATABASE_URL: ours (Django's) must not leak into it.
        "DATABASE_URL": database_url,
        "DATABASE_CLIENT": "postgres",
        "DATABASE_HOST": parts.hostname or "127.0.0.1",
        "DATABASE_PORT": str(parts.port or 5432),
        "DATABASE_NAME": parts.path.lstrip("/"),
        "DATABASE_USERNAME": parts.username or "postgres",
        "DATABASE_PASSWORD": parts.password or "",
        "DATABASE_SSL": "false",
    }


def install(log=None) -> Path:
    """Create, install, configure and build the app where needed; returns its folder."""
    log = log or (lambda line: print(line, file=sys.stderr, flush=True))
    check_node()
    if not (APP_DIR / "package.json").exists():
        log(f"==> Strapi {STRAPI_MAJOR}: creating the app in {APP_DIR} (npm registry)")
        APP_DIR.parent.mkdir(parents=True, exist_ok=True)
        run(
            ["npx", "--yes", f"create-strapi@{STRAPI_MAJOR}", str(APP_DIR), "--js", "--use-npm",
             "--no-install", "--skip-cloud", "--no-example", "--no-git-init", "--no-run",
             "--non-interactive", "--dbclient", "postgres", "--dbhost", "127.0.0.1", "--dbport", "5432",
             "--dbname", "strapi", "--dbusername", "postgres", "--dbpassword", "unused"],
            log, cwd=APP_DIR.parent,
        )  # fmt: skip
    package = json.loads((APP_DIR / "package.json").read_text(encoding="utf-8"))
    if package.get("dependencies", {}).pop("@strapi/plugin-cloud", None):
        # The cloud plugin calls Strapi's servers when the app starts; the bench needs none of it.
        (APP_DIR / "package.json").write_text(json.dumps(package, indent=2) + "\n", encoding="utf-8")
    dependencies = json.dumps(package.get("dependencies", {}), sort_keys=True)
    if stamps().get("installed") != dependencies or not (APP_DIR / "node_modules" / "@strapi").exists():
        log("==> Strapi: npm install (about 1,400 packages, a few minutes once)")
        run(["npm", "install", "--no-audit", "--no-fund", "--loglevel", "error"], log)
        stamp("installed", dependencies)
    write_files(APP_DIR)
    # A JavaScript app's production build is its admin panel, in build/.
    if stamps().get("built") != dependencies or not (APP_DIR / "build").exists():
        log("==> Strapi: production build of its admin panel (a few minutes once)")
        run([str(APP_DIR / "node_modules" / ".bin" / "strapi"), "build"], log,
            env={**os.environ, "NODE_ENV": "production"})  # fmt: skip
        stamp("built", dependencies)
    return APP_DIR


def strapi_env(database_url: str, port: int) -> dict:
    return {
        **os.environ,
        **database_settings(database_url),
        "NODE_ENV": "production",
        "HOST": "127.0.0.1",
        "PORT": str(port),
        # Nothing leaves the machine: no telemetry, no update check.
        "STRAPI_TELEMETRY_DISABLED": "true",
        "BROWSER": "none",
    }


@contextlib.contextmanager
def running_strapi(database_url: str, port: int, timeout: float = 180.0):
    """``strapi start`` (one Node process, production) on ``port``; yields the port, stops it after."""
    from bench.servers import get

    command = [str(APP_DIR / "node_modules" / ".bin" / "strapi"), "start"]
    log_file = APP_DIR / "bench-server.log"
    with open(log_file, "ab") as log:
        process = subprocess.Popen(  # noqa: S603 - fixed command
            command, cwd=APP_DIR, env=strapi_env(database_url, port), stdout=log, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise PeerUnavailable(f"strapi start exited with status {process.returncode}; see {log_file}")
            try:
                if get(port, "/api/articles?pagination[limit]=1").status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise PeerUnavailable(
                    f"Strapi did not answer on port {port} within {timeout:.0f} s; see {log_file}"
                )
            time.sleep(0.5)
        yield port
    finally:
        stop(process)


def main():
    try:
        install()
    except PeerUnavailable as problem:
        print(f"Strapi peer unavailable: {problem}", file=sys.stderr)
        sys.exit(1)
    print(f"Strapi installed and built in {APP_DIR}")


if __name__ == "__main__":
    main()
