"""The programs under test, as separate processes: the kiosk (`ashyq-kiosk run`
on the X session), the sandbox service on loopback, and the command line
(`export`, `status`) that reads what the kiosk recorded."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

import tomlkit

from kiosk.iin import Sex, make_iin
from tests.x11.atspi import Accessibility, Node
from tests.x11.waiting import wait_until
from tests.x11.xsession import XSession, spawn, stop

CLI = [str(Path(sys.executable).with_name("ashyq-kiosk"))]  # the installed command
TOKEN = "demo"
ADMIN_PIN = "2468"
# `ashyq-kiosk hash-pin` of ADMIN_PIN: the settings hold hashes only.
ADMIN_PIN_HASH = (
    "scrypt$16384$8$1$6cp93VorR26LmzxZ3ZUMNg==$fuK5tQW9LNT+kxKdF0UeD3XyLxSOsOg1qaITumSXPVE="
)
VENUE_BIN = "201040000123"


def new_iin(serial: int) -> str:
    """A valid IIN whose last four digits differ for serials 1..999 (masks tell them apart)."""
    birth = dt.date(1970, 1, 1) + dt.timedelta(days=serial * 37)
    for tries in range(10):
        iin = make_iin(birth, Sex.FEMALE if serial % 2 else Sex.MALE, serial * 10 + tries)
        if iin is not None:
            return iin
    raise ValueError(f"no IIN for serial {serial}")


def masked(iin: str) -> str:
    return "••••••••" + iin[-4:]


class Sandbox:
    """`ashyq-kiosk sandbox` on a free loopback port, with its own database."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._process = spawn(
            [*CLI, "--data-dir", str(folder), "sandbox", "--host", "127.0.0.1", "--port", "0"],
            folder / "sandbox.log",
            piped=True,
            cwd=folder,
        )
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line:
            raise RuntimeError(f"the sandbox did not start: {(folder / 'sandbox.log').read_text()}")
        self.url: str = json.loads(line)["url"]

    def stop(self) -> None:
        stop(self._process, timeout=10)

    def call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        request = urllib.request.Request(
            self.url + path,
            data=None if body is None else json.dumps(body).encode(),
            method=method,
            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as answer:
            return json.load(answer)

    def issue_pass(self, iin: str, status: str = "green") -> str:
        return str(self.call("POST", "/v1/sandbox/passes", {"iin": iin, "status": status})["pass"])

    def set_status(self, iin: str, status: str) -> None:
        self.call("PUT", f"/v1/sandbox/people/{iin}", {"status": status})

    def trust_keys(self) -> list[dict[str, str]]:
        """The service's signing keys, to pin in a desk's settings."""
        keys = self.call("GET", "/v1/keys")["keys"]
        return [{"kid": key["kid"], "x": key["x"]} for key in keys]


def kiosk_settings(service_url: str, **sections: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "venue": {"bin": VENUE_BIN, "name": "Test club", "desk": "x11"},
        "service": {"url": service_url, "token": TOKEN, "connect_timeout": 0.5,
                    "status_deadline": 1.0, "sync_interval": 1.0},
        "camera": {"device": "none"},
        "screens": {"languages": ["en", "kk", "ru"], "fullscreen": True},
        "sounds": {"mute": True},
        "pins": {"admin": ADMIN_PIN_HASH},
    }  # fmt: skip
    for name, values in sections.items():
        data[name] = {**data.get(name, {}), **values}
    return data


class Kiosk:
    """`ashyq-kiosk run` on *session*, with its settings and data in *folder*."""

    def __init__(self, session: XSession, folder: Path, settings: dict[str, Any]) -> None:
        self.session = session
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.config = folder / "kiosk.toml"
        self.config.write_text(tomlkit.dumps(settings), encoding="utf-8")
        self.data = folder / "data"
        self._process: subprocess.Popen[bytes] | None = None
        self.app: Node | None = None
        self.returncode: int | None = None

    @property
    def pid(self) -> int:
        assert self._process is not None
        return self._process.pid

    def start(self, a11y: Accessibility) -> Kiosk:
        self.returncode = None
        self._process = spawn(
            [*CLI, "--config", str(self.config), "--data-dir", str(self.data),
             "run", "--no-camera", "--operator", "tester"],
            self.folder / "kiosk.log",
            env=self.session.env(),
            cwd=self.folder,
        )  # fmt: skip
        self.app = wait_until(lambda: self._published(a11y), timeout=30)
        wait_until(lambda: self.session.windows_of(self.pid), timeout=10)
        return self

    def _published(self, a11y: Accessibility) -> Node | None:
        if self._process is not None and self._process.poll() is not None:
            raise AssertionError(f"the kiosk ended at start: {self.stderr()}")
        app = a11y.application(self.pid)
        return app if a11y.children(app) else None

    def alive(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def wait_exit(self, timeout: float) -> int:
        """The exit code once the kiosk ends by itself (TimeoutExpired if it does not)."""
        assert self._process is not None
        self.returncode = self._process.wait(timeout=timeout)
        return self.returncode

    def signal(self, signum: int) -> int:
        """Send *signum*; the exit code (within 15 s)."""
        assert self._process is not None
        self._process.send_signal(signum)
        self.returncode = self._process.wait(timeout=15)
        return self.returncode

    def stop(self) -> None:
        stop(self._process, timeout=15)

    def stderr(self) -> str:
        path = self.folder / "kiosk.log"
        return path.read_text(errors="replace")[-2000:] if path.exists() else ""

    # -- the command line on the same data -------------------------------------------

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
        return subprocess.run(
            [*CLI, "--config", str(self.config), "--data-dir", str(self.data), *args],
            capture_output=True, text=True, timeout=60, check=False, env=env,
        )  # fmt: skip

    def export(self) -> list[dict[str, str]]:
        today = dt.date.today()
        result = self.cli(
            "export", "--from", str(today - dt.timedelta(days=1)),
            "--to", str(today + dt.timedelta(days=1)), "--format", "jsonl",
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]

    def status(self) -> dict[str, Any]:
        result = self.cli("status")
        assert result.returncode == 0, result.stderr
        return dict(json.loads(result.stdout.splitlines()[0]))
