"""멘토링: the mentor pool and mentoring programmes."""
