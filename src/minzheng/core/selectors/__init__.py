"""Reads of the core domain, each scoped to the user's jurisdiction (``core.jurisdiction.scope``)."""
