"""Replication of this PC's database with the PostgreSQL hub."""
