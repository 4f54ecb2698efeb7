"""One store connection per server thread, held open while the server runs.

Sync routes run in a pool of worker threads, and a DuckDB or psycopg connection must
not be used by two threads at once, so each thread gets a clone of the store on the
same database (``Store.clone``), opened on first use. A DuckDB store is otherwise
released after every operation; a server holds it (``Store.session``) instead, so its
queries keep DuckDB's cache and do not reopen the file each time. Writes take a lock:
one ingest at a time, whatever the number of clients.
"""

from __future__ import annotations

import threading
from contextlib import ExitStack

from sitrep.store import Store


class StoreSessions:
    def __init__(self, root: Store) -> None:
        self.root = root
        self.local = threading.local()
        self.held = ExitStack()
        self.held.callback(root.close)
        self.held.enter_context(root.session())
        self.opened_lock = threading.Lock()
        self.write_lock = threading.Lock()

    def current(self) -> Store:
        """This thread's store; call it inside the route, in the thread that uses it."""
        store = getattr(self.local, "store", None)
        if store is None:
            store = self.root.clone()
            with self.opened_lock:
                self.held.callback(store.close)
                self.held.enter_context(store.session())
            self.local.store = store
        return store

    def close(self) -> None:
        with self.opened_lock:
            self.held.close()
