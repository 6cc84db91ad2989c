"""Pure rules of 资金项目监督 (no Django): the ledger's balance, execution, and the anomaly findings' outcomes."""
