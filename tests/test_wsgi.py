"""The WSGI entry point sets Python's garbage collector for serving (ops/garbage_collection.py)."""

import json
import os
import subprocess
import sys
from pathlib import Path

from ops.garbage_collection import YOUNG_GENERATION_THRESHOLD

PROJECT_DIR = Path(__file__).resolve().parent.parent
REPORT = "import gc, json, cms.wsgi; print(json.dumps([gc.get_freeze_count(), gc.get_threshold()]))"


def test_a_worker_freezes_what_startup_built_and_collects_young_objects_less_often():
    # In a process of its own: freezing this one would change the rest of the suite.
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    command = [sys.executable, "-c", REPORT]
    output = subprocess.run(  # noqa: S603 - this interpreter, a fixed script
        command, cwd=PROJECT_DIR, env=environment, capture_output=True, text=True, check=True
    ).stdout
    frozen, threshold = json.loads(output.splitlines()[-1])
    assert frozen > 50_000  # Django, Wagtail and the project's modules, not a handful
    assert threshold == [YOUNG_GENERATION_THRESHOLD, 10, 10]
