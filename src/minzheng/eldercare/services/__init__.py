"""Every write of 养老服务: capability check, validation, the write in a transaction, an audit event."""
