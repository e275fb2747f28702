"""What the kiosk keeps on disk: the SQLite connection, its schema and failures,
the day's subject key, the outbox, alerts, presence, the event mark, recovery,
retention, and the PIN lock-out file. Nothing here calls the service."""
