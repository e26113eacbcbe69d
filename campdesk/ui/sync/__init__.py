"""Sync with the other PCs: the status corner, hub settings and 확인 필요."""
