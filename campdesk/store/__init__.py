"""SQLAlchemy models, the local database, migrations and backups."""
