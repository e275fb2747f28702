"""The national service as the desk uses it: the HTTP client and its errors
(classified once), the wire values, live look-ups within a deadline and the
ports they fill, and the venue's occupancy. Nothing here touches the database."""
