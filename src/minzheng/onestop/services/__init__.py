"""Every write of 全市通办: capability and state checks, a transaction, the audit log."""
