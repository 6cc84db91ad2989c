"""Every read of 全市通办, scoped by jurisdiction (staff) or by the resident's own household (portal)."""
