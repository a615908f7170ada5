"""A real ``auditor serve`` process on a free port, for the process and browser tests."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path


def free_port() -> int:
    """A TCP port on localhost nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """``python -m auditor serve`` started on a free port; stop it with :meth:`stop`."""

    def __init__(self, *args: str, log: Path, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        log.parent.mkdir(parents=True, exist_ok=True)
        self._log_file = log.open("wb")
        command = [sys.executable, "-m", "auditor", "serve", "--port", str(self.port), *args]
        self.process = subprocess.Popen(
            command,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})},
        )

    def wait_ready(self, timeout: float = 120) -> dict:
        """The health answer once the server gives one (the model is loaded by then)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the server exited: {self.log.read_text()[-2000:]}")
            try:
                return self.get_json("/api/health")
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        raise AssertionError(f"the server did not answer in {timeout}s")

    def get_json(self, path: str) -> dict:
        with urllib.request.urlopen(self.url + path, timeout=30) as answer:
            return json.load(answer)

    def post(self, path: str, body: bytes, headers: dict[str, str] | None = None):
        """``(status, headers, body)`` of a POST (an error status is returned, not raised)."""
        request = urllib.request.Request(
            self.url + path,
            data=body,
            method="POST",
            headers={"Content-Type": "application/json", **(headers or {})},
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                return answer.status, _lower(answer.headers), answer.read()
        except urllib.error.HTTPError as failed:
            return failed.code, _lower(failed.headers), failed.read()

    def stop(self) -> int:
        """Stop the server as Ctrl-C would; its exit code."""
        if self.process.poll() is None:
            self.process.send_signal(2)  # SIGINT: uvicorn shuts down gracefully
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self._log_file.close()
        return self.process.returncode


def _lower(headers) -> dict[str, str]:
    return {name.lower(): value for name, value in headers.items()}
