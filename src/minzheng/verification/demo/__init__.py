"""核对 demo data: department deliveries into the exchange store for the demo households."""

from .exchange import deliver_demo_exchange, generate_rows

__all__ = ["deliver_demo_exchange", "generate_rows"]
