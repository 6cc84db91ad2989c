"""Pure policy rules of 养老服务 (no Django; import-linter ``pure-rules`` contract)."""
