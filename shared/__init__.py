"""What the domain and the hardware layer both speak: the clock, the retry
schedule, and a code reader's state. Imports nothing of the project, and no Qt."""
