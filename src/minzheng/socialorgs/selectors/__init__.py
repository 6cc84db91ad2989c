"""Every read of 社会组织, scoped by the registry's division (``core.jurisdiction``)."""
