"""Pages of the 社会救助 domain. Thin: they read through selectors and write through services."""
