"""Alembic's migrations of the local database, shipped as ``campdesk.migrations``.

Alembic loads ``env.py`` and ``versions/`` by path (campdesk/store/migrate.py, alembic.ini):
nothing imports them as modules.
"""
