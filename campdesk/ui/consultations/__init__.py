"""상담일지: logging, editing and browsing consultations."""
