"""``python -m bench --articles 1000``: create and migrate the database, generate the data, run the benchmark.

The database is ``BENCH_DATABASE_URL`` if set, else ``cms_bench_<articles>`` on the
PostgreSQL server at ``BENCH_POSTGRES_URL`` (default postgres://postgres@127.0.0.1:5432),
so each size keeps its own data and a rerun only measures. Options after ``--`` go to
the runner (bench.run), e.g. ``-- --duration 20``.
"""

import argparse
import os
import subprocess
import sys

from bench.database import ensure_database
from bench.servers import PROJECT_DIR


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    own, _separator, runner_arguments = (
        (argv[: argv.index("--")], "--", argv[argv.index("--") + 1 :]) if "--" in argv else (argv, "", [])
    )
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="news articles per locale")
    parser.add_argument("--seed", type=int, default=None)
    options = parser.parse_args(own)
    url = os.environ.get("BENCH_DATABASE_URL") or ensure_database(f"cms_bench_{options.articles}")
    env = {**os.environ, "BENCH_DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    python = [sys.executable]
    steps = [
        [*python, "manage.py", "migrate", "--noinput", "-v0"],
        [*python, "-m", "bench.generate", "--articles", str(options.articles)]
        + (["--seed", str(options.seed)] if options.seed is not None else []),
        [*python, "-m", "bench.run", *runner_arguments],
    ]
    for step in steps:
        print("==> " + " ".join(step[1:]), file=sys.stderr, flush=True)
        subprocess.run(step, cwd=PROJECT_DIR, env=env, check=True)


if __name__ == "__main__":
    main()
