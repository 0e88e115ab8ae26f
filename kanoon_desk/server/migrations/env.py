"""Alembic environment for the central server's database; the engine comes from `server.db`."""

from __future__ import annotations

from alembic import context

from kanoon_desk.server.server_models import ServerBase

config = context.config
target_metadata = ServerBase.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:  # the alembic CLI, for autogenerate during development
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///server-dev.sqlite3")
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata,
                          render_as_batch=True, compare_type=True)
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
