"""Reads of the 社会救助 domain, scoped: a user sees the policy of their own division, its ancestors (which
apply to it) and every division inside their jurisdiction."""
