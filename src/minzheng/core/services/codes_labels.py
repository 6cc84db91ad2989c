"""Code → label lookups for exports (kept apart from ``codes`` so exports do not rebuild dicts per row)."""

from .. import codes
from ..models import Household

SEXES = dict(codes.SEXES)
AREA_TYPES = dict(Household.AREA_TYPES)
