"""Pages of 社会组织 (thin: forms → services, selectors → the page kit)."""
