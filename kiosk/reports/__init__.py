"""The venue's day in numbers (the dashboard) and as a CSV sheet."""
