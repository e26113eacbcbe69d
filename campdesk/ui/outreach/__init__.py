"""The tabs of the 대외협력 (outreach) page."""
