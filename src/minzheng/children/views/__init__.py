"""Pages of 儿童福利 (thin: forms → services, selectors → the page kit)."""
