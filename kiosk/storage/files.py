"""Small files written whole: a reader sees the old text or the new, never half."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path


def replace_whole(target: Path, data: bytes, *, keep_mode: bool = False) -> None:
    """Write *data* to a file of its own beside *target*, flush it to disk, then
    swap it in. *keep_mode*: the new file keeps the old one's permissions (a
    settings file holding a token stays private). Raises OSError; a failure
    leaves *target* as it was and no stray file behind."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, spare = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if keep_mode and target.exists():
            shutil.copymode(target, spare)
        os.replace(spare, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(spare)
        raise
