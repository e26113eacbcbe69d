"""The shell and what every feature shares: window, actions, page registry, the change bus, threads, formats, translations."""
