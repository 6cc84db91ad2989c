"""养老服务 pages: thin — forms in, services for writes, selectors for reads."""
