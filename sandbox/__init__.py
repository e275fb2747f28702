"""The stand-in national service: HTTP + SQLite, for demos, development and tests.

See docs/sandbox.md. Imports only `kiosk` (IIN, statuses, pass signing).
"""
