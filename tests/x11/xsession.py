"""A desktop session for the real-window tests: an X server (Xvfb), a session
D-Bus with the accessibility bus, optionally a window manager (openbox), and
the X tools that drive and look at it (xdotool, setxkbmap, xprop, xwininfo).

Every process is started here and stopped by its own id. The screenshots are
taken by a separate Qt process on the same display (tests/x11/grab.py).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
PYTHON = sys.executable


class XUnavailable(Exception):
    """The X server cannot start here (no Xvfb, or it refuses to)."""


def spawn(
    command: list[str], log: Path, *, piped: bool = False, **options: Any
) -> subprocess.Popen[bytes]:
    """Start *command* with its stderr (and stdout, unless *piped*) appended to *log*."""
    with log.open("ab") as sink:
        return subprocess.Popen(
            command,
            stdout=subprocess.PIPE if piped else sink,
            stderr=sink,
            **options,
        )


def stop(process: subprocess.Popen[bytes] | None, timeout: float = 5.0) -> int | None:
    """End *process* (SIGTERM, then SIGKILL); its exit code."""
    if process is None:
        return None
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=timeout)
    if process.stdout is not None:
        process.stdout.close()
    return process.returncode


class XSession:
    """Xvfb at *size*, a session bus and the accessibility bus, in *folder*."""

    def __init__(self, folder: Path, size: tuple[int, int] = (1366, 768)) -> None:
        self.folder = folder
        self.size = size
        self.display = ""
        self._xvfb: subprocess.Popen[bytes] | None = None
        self._dbus: subprocess.Popen[bytes] | None = None
        self._a11y: subprocess.Popen[bytes] | None = None
        self._wm: subprocess.Popen[bytes] | None = None
        self.bus_address = ""

    # -- start and stop ------------------------------------------------------------

    def start(self) -> XSession:
        xvfb = shutil.which("Xvfb")
        if xvfb is None:
            raise XUnavailable("Xvfb is not installed (make system-packages installs it)")
        read, write = os.pipe()
        width, height = self.size
        self._xvfb = spawn(
            [xvfb, "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24",
             "-nolisten", "tcp", "-noreset"],
            self.folder / "xvfb.log",
            pass_fds=(write,),
        )  # fmt: skip
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()  # written once the server accepts clients
        if not number:
            code = self._xvfb.wait(timeout=10)
            log = (self.folder / "xvfb.log").read_text(errors="replace")[-500:]
            raise XUnavailable(f"Xvfb did not start (exit {code}): {log}")
        self.display = f":{number}"
        runtime = self.folder / "runtime"
        runtime.mkdir(mode=0o700, exist_ok=True)
        self._dbus = spawn(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            self.folder / "dbus.log",
            piped=True,
            env=self.env(),
        )
        assert self._dbus.stdout is not None
        self.bus_address = self._dbus.stdout.readline().decode().strip()
        self._a11y = spawn(
            ["/usr/libexec/at-spi-bus-launcher", "--launch-immediately", "--a11y=1"],
            self.folder / "a11y.log",
            env=self.env(),
        )
        self.setxkbmap("us")
        return self

    def stop(self) -> None:
        self.stop_window_manager()
        stop(self._a11y)
        stop(self._dbus)
        stop(self._xvfb)

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of a program on this desktop (Qt on X11, its own dirs)."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "PYTEST"))}
        env.update(
            DISPLAY=self.display,
            XDG_RUNTIME_DIR=str(self.folder / "runtime"),
            XDG_CONFIG_HOME=str(self.folder / "config"),
            XDG_DATA_HOME=str(self.folder / "data"),
            HOME=str(self.folder),
            LANG="C.UTF-8",
        )
        if self.bus_address:
            env["DBUS_SESSION_BUS_ADDRESS"] = self.bus_address
        env.update(extra)
        return env

    # -- the window manager ----------------------------------------------------------

    def start_window_manager(self) -> None:
        """openbox, with its shipped key bindings (Alt+F4, Super+D, Alt+Escape,
        Ctrl+Alt+arrows) and one more: Super+M for Iconify, the item of its
        window menu (Alt+Space), which a test cannot pick reliably from the menu."""
        shipped = Path("/etc/xdg/openbox/rc.xml").read_text(encoding="utf-8")
        iconify = '<keybind key="W-m"><action name="Iconify"/></keybind>\n  <keybind key="W-d">'
        config = self.folder / "openbox-rc.xml"
        config.write_text(shipped.replace('<keybind key="W-d">', iconify, 1), encoding="utf-8")
        self._wm = spawn(
            ["openbox", "--sm-disable", "--config-file", str(config)],
            self.folder / "openbox.log",
            env=self.env(),
        )
        self.wait_for(lambda: "_NET_SUPPORTING_WM_CHECK(WINDOW)" in self.xprop("-root"))

    def stop_window_manager(self) -> None:
        stop(self._wm)
        self._wm = None

    # -- the X tools -----------------------------------------------------------------

    def run(self, *command: str, check: bool = True) -> str:
        result = subprocess.run(
            command, env=self.env(), capture_output=True, text=True, timeout=30, check=False
        )
        if check and result.returncode != 0:
            raise RuntimeError(f"{command[0]} failed ({result.returncode}): {result.stderr}")
        return result.stdout

    def xdotool(self, *args: str) -> str:
        return self.run("xdotool", *args)

    def setxkbmap(self, layout: str) -> None:
        self.run("setxkbmap", "-layout", layout, "-option", "")
        if self._wm is not None and self._wm.poll() is None:
            self.run("openbox", "--reconfigure")  # it binds its keys through the layout

    def xprop(self, *args: str) -> str:
        return self.run("xprop", *args)

    def click(self, x: int, y: int) -> None:
        self.xdotool("mousemove", str(x), str(y), "click", "1")

    def key(self, *combos: str) -> None:
        """Keys by name, as a person presses them (xdotool's key syntax)."""
        self.xdotool("key", "--delay", "60", *combos)

    def map_state(self, window: int) -> str:
        for line in self.run("xwininfo", "-id", str(window)).splitlines():
            if "Map State:" in line:
                return line.split(":", 1)[1].strip()
        return "?"

    def geometry(self, window: int) -> tuple[int, int, int, int]:
        """x, y, width, height of a window on the screen."""
        values: dict[str, int] = {}
        for line in self.run("xwininfo", "-id", str(window)).splitlines():
            key, _, value = line.strip().partition(":")
            if key in ("Absolute upper-left X", "Absolute upper-left Y", "Width", "Height"):
                values[key] = int(value)
        return (
            values["Absolute upper-left X"],
            values["Absolute upper-left Y"],
            values["Width"],
            values["Height"],
        )

    def windows_of(self, pid: int) -> list[int]:
        """The mapped top-level windows of process *pid*."""
        out = self.run("xdotool", "search", "--onlyvisible", "--pid", str(pid), check=False)
        return [int(line) for line in out.split()]

    def active_window(self) -> int | None:
        text = self.xprop("-root", "_NET_ACTIVE_WINDOW")
        if "#" not in text:
            return None
        return int(text.rsplit("#", 1)[1].split(",")[0].strip(), 16) or None

    def x_focus(self) -> int:
        """The window with the X input focus (1: PointerRoot, the window under the pointer)."""
        return int(self.run(PYTHON, str(HERE / "pointer_root.py"), "--query").strip())

    def focus_nowhere(self) -> None:
        """X input focus to PointerRoot, as on a desktop with no window manager:
        the kiosk gets the keys (the pointer is over it) but no window of it is
        active, so no widget has the focus."""
        self.run(PYTHON, str(HERE / "pointer_root.py"))

    def screenshot(self, path: Path) -> Path:
        self.run(PYTHON, str(HERE / "grab.py"), str(path))
        return path

    @staticmethod
    def wait_for(predicate: object, timeout: float = 10.0) -> None:
        from tests.x11.waiting import wait_until

        wait_until(predicate, timeout)  # type: ignore[arg-type]
