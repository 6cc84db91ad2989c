"""Every write of 社会组织: capability check, validation, transaction, ``record_event``."""
