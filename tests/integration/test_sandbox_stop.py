"""The sandbox stops even when its I/O loop's wake-up pipe is gone.

Seen in the test runs (a descriptor closed under the server by someone
else's double close): `stop()` failed with EBADF and left the server up.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest

from sandbox.server import SandboxServer


# waitress's wrapper of the pipe it can no longer close says so when collected.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_sandbox_whose_wake_up_pipe_was_closed_still_stops(
    sandbox_factory: Callable[..., SandboxServer],
) -> None:
    server = sandbox_factory()
    for fd in server._server.trigger._fds:  # break it on purpose
        os.close(fd)
    server.stop()
    assert not server.running
