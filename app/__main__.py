"""`python -m app`: the `ashyq-kiosk` command (what an installed service runs
from a clone or a venv)."""

import sys

from app import main

sys.exit(main())
