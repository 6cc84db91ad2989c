"""Pages of the core domain (registry, import, audit). Thin: they call selectors and services."""
