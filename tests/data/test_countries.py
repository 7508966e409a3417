"""The embedded country codes match pycountry's copy of ISO 3166-1."""

import pycountry

from plan_dataset.models.countries import COUNTRY_CODES


def test_country_codes_match_iso_3166() -> None:
    expected = {country.alpha_2 for country in pycountry.countries}
    assert expected == COUNTRY_CODES, (
        f"added {sorted(expected - COUNTRY_CODES)}, removed {sorted(COUNTRY_CODES - expected)}: "
        "update src/plan_dataset/models/countries.py"
    )
