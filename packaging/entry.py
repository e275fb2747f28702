"""The bundle's entry point: the `ashyq-kiosk` command (app.main)."""

import sys

from app import main

if __name__ == "__main__":
    sys.exit(main())
