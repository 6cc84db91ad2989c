"""Pure rules of 流浪乞讨人员救助管理 (no Django): the §7.3 clocks, the stay and discharge rules, the matcher."""
