"""What the domain and the hardware layer both speak: the clock and the retry
schedule. Imports nothing of the project, and no Qt."""
