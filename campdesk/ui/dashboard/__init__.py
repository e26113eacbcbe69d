"""대시보드: today at a glance."""
