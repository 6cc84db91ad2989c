"""Pure rules of 儿童福利 (no Django, no I/O): categories, guardianship, 委托照护, allowances."""
