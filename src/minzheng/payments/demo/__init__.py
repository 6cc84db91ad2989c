"""资金发放 demo data: rosters generated, approved, paid and with failed payments to follow up."""

from .payroll import load_payroll_demo

__all__ = ["load_payroll_demo"]
