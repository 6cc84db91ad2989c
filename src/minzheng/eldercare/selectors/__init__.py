"""Reads of 养老服务, scoped to the user's jurisdiction (``core.jurisdiction``)."""
