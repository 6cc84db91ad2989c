"""Pure rules of 基层治理 (no Django): composition, election clocks, meetings, 村务公开, 民主评议, facilities.
Every number comes in as an argument from the policy store (``services/parameters.py``)."""
