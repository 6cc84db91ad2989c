"""Pure rules of 殡葬管理 (no Django): who may issue a 居民死亡医学证明, its form by date, bill and waiver sums."""
