"""Pure rules of 全市通办 (no Django): matters' materials, the 办件 and 工单 state tables, clocks, 好差评."""
