"""Fixtures for the batch engine tests: a fresh world per test (the SparkSession is in tests/conftest.py)."""

from __future__ import annotations

import pytest
from batch_world import World


@pytest.fixture
def world() -> World:
    return World()
