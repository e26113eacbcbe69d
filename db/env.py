"""Alembic environment for the local SQLite database (batch mode, named constraints)."""
from alembic import context

from campdesk.paths import Paths
from campdesk.store.db import make_engine
from campdesk.store.models import Base

config = context.config
target_metadata = Base.metadata


def _url_and_connection():
    connection = config.attributes.get("connection")
    if connection is not None:
        return None, connection
    home = context.get_x_argument(as_dictionary=True).get("home")
    return str(Paths.resolve(home).database), None


def run_migrations_offline() -> None:
    path, _ = _url_and_connection()
    context.configure(url=f"sqlite:///{path}", target_metadata=target_metadata,
                      literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    path, connection = _url_and_connection()
    if connection is None:
        engine = make_engine(path)
        try:
            with engine.connect() as connection:
                _run(connection)
        finally:
            engine.dispose()
    else:
        _run(connection)


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
