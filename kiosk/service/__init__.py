"""The national service as the desk uses it: the HTTP client and its errors,
the answers as typed values, the API's times, live look-ups within a deadline,
and the venue's occupancy. Nothing here touches the database."""
