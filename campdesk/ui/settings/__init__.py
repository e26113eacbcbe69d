"""Settings: language, staff at this PC."""
