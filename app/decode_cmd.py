"""`ashyq-kiosk decode IMAGE...`: read codes in image files, say what they are."""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING

from app.common import (
    EXIT_BAD_INPUT,
    EXIT_NEGATIVE,
    EXIT_OK,
    CliError,
    add_command,
    print_json,
)

if TYPE_CHECKING:
    from config.settings import Settings
    from kiosk.passes import TrustList


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        sub,
        "decode",
        "Decode codes in image files; one JSON line per image (exit 1 if one held none, "
        "2 if a file could not be read).",
    )
    parser.add_argument("images", nargs="+", metavar="IMAGE")
    parser.add_argument(
        "--backend", choices=["zxing", "pyzbar"], help="decoder (default: from settings)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from app.context import load_settings
    from app.devices import decoder as configured_decoder
    from hardware.decoder.port import DecoderUnavailable, UnsupportedFormat
    from hardware.imagefile import ImageUnreadable, load_gray
    from kiosk.codes import parse_code

    settings = load_settings(args)
    try:
        decoder = configured_decoder(settings, args.backend)
    except (DecoderUnavailable, UnsupportedFormat, ValueError) as exc:
        raise CliError(str(exc)) from None
    trust = _trust(args, settings)
    worst = EXIT_OK
    for path in args.images:
        try:
            gray = load_gray(path)
        except ImageUnreadable as exc:
            print(f"ashyq-kiosk: {exc}", file=sys.stderr)
            worst = EXIT_BAD_INPUT
            continue
        began = time.perf_counter()
        codes = decoder.read(gray)
        elapsed_ms = (time.perf_counter() - began) * 1000
        parsed = parse_code(codes[0].text, trust, now=time.time()).describe() if codes else None
        print_json(
            {
                "file": path,
                "codes": [code.to_json() for code in codes],
                "parsed": parsed,
                "decode_ms": round(elapsed_ms, 2),
            }
        )
        if not codes and worst == EXIT_OK:
            worst = EXIT_NEGATIVE
    return worst


def _trust(args: argparse.Namespace, settings: Settings) -> TrustList:
    """The desk's trust list when its database exists; the pinned keys otherwise."""
    from app.context import data_dir
    from config.build import pinned_trust
    from kiosk.storage.errors import StoreError
    from kiosk.storage.store import DB_FILENAME, Store
    from kiosk.trust import TrustKeeper
    from shared.clock import SystemClock

    pinned = pinned_trust(settings)
    path = data_dir(args) / DB_FILENAME
    if not path.exists():
        return pinned
    try:
        store = Store(path)
    except StoreError:
        return pinned
    try:
        return TrustKeeper(store, SystemClock(), pinned).current()
    finally:
        store.close()
