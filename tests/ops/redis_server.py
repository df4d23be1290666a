"""A private redis-server for fault tests: started on its own port, really stopped, restarted."""

import shutil
import socket
import subprocess
import time


class PrivateRedis:
    def __init__(self, port: int, data_dir):
        self.port = port
        self.data_dir = data_dir
        self.process = None
        self.url = f"redis://127.0.0.1:{port}/0"

    def start(self):
        executable = shutil.which("redis-server")
        # Saved on shutdown and loaded on start, as a Redis with persistence keeps its data.
        command = [executable, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.data_dir),
                   "--save", "3600 1", "--appendonly", "no"]  # fmt: skip
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
            self.process = None
