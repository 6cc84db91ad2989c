"""Every write of the core domain goes through these modules, in a transaction, audited."""
