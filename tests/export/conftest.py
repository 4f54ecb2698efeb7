"""Export tests use the store tests' stores: DuckDB always, PostgreSQL when configured."""

from tests.store.conftest import store, target  # noqa: F401  (fixtures)
