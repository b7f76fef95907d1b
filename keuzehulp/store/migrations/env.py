"""Alembic environment: run by keuzehulp.store.migrate() with an open connection.

No alembic.ini and no logging set-up here: the app's logging stays as it is. For the alembic
command line, set sqlalchemy.url (or KEUZEHULP_DATABASE_URL) and point script_location here.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from keuzehulp.store.engine import database_url
from keuzehulp.store.tables import metadata

config = context.config


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # the alembic command line
    engine = create_engine(config.get_main_option("sqlalchemy.url") or database_url())
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()
