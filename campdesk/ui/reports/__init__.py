"""보고서: printable documents."""
