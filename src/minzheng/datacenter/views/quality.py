"""数据质量 pages: scores per domain and division, and the failing records to fix."""
