"""What can go wrong with the kiosk's files, in words staff can act on."""

from __future__ import annotations

import sqlite3
from enum import StrEnum


class StoreProblem(StrEnum):
    FULL = "disk_full"
    IO = "disk_error"
    LOCKED = "locked"
    UNREADABLE = "unreadable"
    READ_ONLY = "read_only"
    TOO_NEW = "schema_too_new"
    REPLACED = "files_replaced"
    OTHER = "database_error"


class StoreError(Exception):
    """The database cannot do what was asked; nothing already written is lost."""

    def __init__(self, problem: StoreProblem, detail: str) -> None:
        super().__init__(f"{_PROBLEM_TEXT[problem]} ({detail})")
        self.problem = problem


_PROBLEM_TEXT = {
    StoreProblem.FULL: "the disk is full: free some space; nothing recorded so far is lost",
    StoreProblem.IO: (
        "the disk failed to read or write the database (is it full, removed or failing?): "
        "free some space or check the disk; check-ins already confirmed are on disk"
    ),
    StoreProblem.LOCKED: "the database is locked by another program: close it and retry",
    StoreProblem.UNREADABLE: (
        "the database file is damaged or not a kiosk database. Nothing was deleted: run "
        "`ashyq-kiosk recover` to copy every event still waiting for the service into a "
        "fresh database (the damaged file is kept beside it)"
    ),
    StoreProblem.READ_ONLY: (
        "the database cannot be opened for writing: check the data folder (read-only, its "
        "permissions, or something put in place of one of its files)"
    ),
    StoreProblem.TOO_NEW: "the database was written by a newer ashyq-kiosk: update this one",
    StoreProblem.REPLACED: (
        "the database file was removed or replaced while the kiosk ran; what this kiosk "
        "held is saved in the rescue file named here: restart the kiosk and keep that file "
        "for support"
    ),
    StoreProblem.OTHER: "the database failed",
}


def classify(exc: sqlite3.Error) -> StoreError:
    """Map an sqlite3 error to a StoreError with a clear message."""
    text = str(exc).lower()
    name = str(getattr(exc, "sqlite_errorname", ""))
    if "full" in text or name == "SQLITE_FULL":
        problem = StoreProblem.FULL
    elif name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        problem = StoreProblem.IO
    elif "locked" in text or "busy" in text:
        problem = StoreProblem.LOCKED
    elif "not a database" in text or "malformed" in text or "corrupt" in text:
        problem = StoreProblem.UNREADABLE
    elif "readonly" in text or "read-only" in text or "unable to open" in text:
        problem = StoreProblem.READ_ONLY
    else:
        problem = StoreProblem.OTHER
    return StoreError(problem, str(exc))


def from_os_error(exc: OSError, what: str) -> StoreError:
    """A file beside the database (the day's key) could not be written."""
    import errno

    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG):
        problem = StoreProblem.FULL
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        problem = StoreProblem.READ_ONLY
    elif exc.errno == errno.EIO:
        problem = StoreProblem.IO
    else:
        problem = StoreProblem.OTHER
    return StoreError(problem, f"{what}: {exc.strerror or exc}")
