"""Pages of 低收入人口动态监测 (thin: selectors read, services write)."""
