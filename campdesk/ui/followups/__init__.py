"""후속조치: open follow-ups and escalations."""
