"""Pure, typed rules of 社会组织 (no Django): each cites its article; policy figures arrive as arguments."""
