"""ISO 3166-1 alpha-2 codes, from pycountry's copy of the ISO tables."""

import pycountry

COUNTRY_CODES: frozenset[str] = frozenset(country.alpha_2 for country in pycountry.countries)
