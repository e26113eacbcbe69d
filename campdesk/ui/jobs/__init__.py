"""잡매칭: job seekers, openings and matches."""
