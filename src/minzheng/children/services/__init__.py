"""Every write of 儿童福利: capability, jurisdiction, validation by the pure rules, transaction, audit."""
