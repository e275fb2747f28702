"""`ashyq-kiosk sandbox`: run the stand-in national service; `sandbox pass IIN`: issue a pass."""

from __future__ import annotations

import argparse
import signal
import threading
from pathlib import Path
from types import FrameType
from typing import Any

from app.common import (
    EXIT_OK,
    CliError,
    add_command,
    add_global_options,
    check_iin,
    print_json,
)
from kiosk.status import Status

APP_NAME = "ashyq-kiosk"
DB_NAME = "sandbox.sqlite3"
DEFAULT_PORT = 8765
DEFAULT_TOKEN = "demo"
EXIT_CANNOT_START = 3


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        sub,
        "sandbox",
        "Run the sandbox national service (status look-ups, event intake, pass keys) "
        "for demos and tests; `sandbox pass IIN` issues a signed pass.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help="port (0: any free port); default 8765"
    )
    parser.add_argument(
        "--db",
        metavar="FILE",
        help="the sandbox's SQLite file; default: sandbox.sqlite3 "
        "in --data-dir or the user data directory",
    )
    parser.add_argument(
        "--device-token",
        action="append",
        dest="device_tokens",
        metavar="TOKEN",
        help="a desk's device token to accept, for any venue (repeatable); default: demo",
    )
    parser.add_argument(
        "--doctor-token",
        action="append",
        dest="doctor_tokens",
        metavar="BIN:TOKEN",
        help="a venue's doctor room: the only devices that may resolve that venue's "
        "referrals (repeatable); default: 990440001234:demo-doctor (the demo airport)",
    )
    parser.set_defaults(func=run_server)

    actions = parser.add_subparsers(dest="sandbox_action", metavar="ACTION")
    issue = actions.add_parser(
        "pass",
        help="issue a signed visitor pass for an IIN",
        description="Print a signed visitor pass (JWS) for an IIN, signed with the sandbox "
        "file's current key; no server needed.",
    )
    add_global_options(issue)
    issue.add_argument("iin", metavar="IIN")
    issue.add_argument(
        "--status", choices=[s.value for s in Status], help="set the person's status first"
    )
    issue.add_argument("--png", metavar="FILE", help="also draw the pass as a QR code (PNG)")
    issue.add_argument("--db", metavar="FILE", default=argparse.SUPPRESS, help="as above")
    issue.add_argument("--lifetime", type=int, default=300, metavar="SECONDS", help="default 300")
    issue.set_defaults(func=run_pass)


def sandbox_db(args: argparse.Namespace) -> Path:
    """The sandbox file: --db, else sandbox.sqlite3 in --data-dir or the user data dir."""
    explicit = getattr(args, "db", None)
    if explicit:
        path = Path(explicit)
    else:
        from platformdirs import user_data_dir

        folder = getattr(args, "data_dir", None) or user_data_dir(APP_NAME, appauthor=False)
        path = Path(folder) / DB_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CliError(f"{path.parent}: {exc}", EXIT_CANNOT_START) from None
    return path


def run_server(args: argparse.Namespace) -> int:
    from sandbox.people import DEMO_PEOPLE
    from sandbox.server import SandboxServer

    if not 0 <= args.port <= 65535:
        raise CliError(f"--port {args.port}: not a port number")
    from sandbox.devices import DEMO_DOCTOR, Device, doctor_room

    tokens = tuple(args.device_tokens or (DEFAULT_TOKEN,))
    if any(not t.strip() or any(c.isspace() for c in t) for t in tokens):
        raise CliError("a device token cannot be empty or hold spaces")
    try:
        doctors = tuple(doctor_room(text) for text in args.doctor_tokens or ())
        devices: tuple[str | Device, ...] = (*tokens, *(doctors or (DEMO_DOCTOR,)))
        path = sandbox_db(args)
        server = SandboxServer(path, args.host, args.port, devices)
    except ValueError as exc:
        raise CliError(f"--doctor-token: {exc}") from None
    try:
        server.start()
    except (OSError, ValueError, RuntimeError) as exc:
        raise CliError(f"cannot start the sandbox: {exc}", EXIT_CANNOT_START) from None

    def on_signal(signum: int, frame: FrameType | None) -> None:
        server.request_stop()

    # SIGINT and SIGTERM exist on Windows too (Ctrl+C, and what `taskkill` sends).
    # Handlers can only be set from the main thread (not when embedded in a test).
    previous = {}
    if threading.current_thread() is threading.main_thread():
        previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        print_json(
            {
                "sandbox": "listening",
                "url": server.url,
                "tokens": list(tokens),
                "devices": [
                    {"token": d.token, "role": d.role.value, "venue": d.venue_bin}
                    for d in server.devices
                ],
                "db": str(path),
                "people": [
                    {"iin": p.iin, "name": p.name, "status": p.status.value} for p in DEMO_PEOPLE
                ],
            }
        )
        server.serve_forever()
    finally:
        server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    print_json({"sandbox": "stopped"})
    return EXIT_OK


def run_pass(args: argparse.Namespace) -> int:
    from kiosk.wiretime import format_time
    from sandbox.service import SandboxService

    check_iin(args.iin)
    if not 0 < args.lifetime <= 86_400:
        raise CliError("--lifetime is 1 to 86400 seconds")
    status = Status(args.status) if args.status else None
    path = sandbox_db(args)
    try:
        service = SandboxService.open(path)
    except Exception as exc:  # sqlite3 errors, a file that is not a database
        raise CliError(f"{path}: {exc}", EXIT_CANNOT_START) from None
    try:
        issued = service.issue_pass(args.iin, status=status, lifetime=args.lifetime)
        person = service.person(args.iin)
    finally:
        service.close()
    out: dict[str, Any] = {
        "pass": issued.text,
        "iin": issued.iin,
        "name": person.name if person is not None else None,
        "status": issued.status.value,
        "expires_at": format_time(issued.expires_at),
        "kid": issued.kid,
    }
    if args.png:
        out["png"] = _draw(issued.text, Path(args.png))
    print_json(out)
    return EXIT_OK


def _draw(text: str, path: Path) -> str:
    import segno

    try:
        # M: a quarter of the code may be lost to glare or a cracked screen.
        segno.make_qr(text, error="m").save(str(path), kind="png", scale=6, border=4)
    except OSError as exc:
        raise CliError(f"{path}: {exc}") from None
    return str(path)
