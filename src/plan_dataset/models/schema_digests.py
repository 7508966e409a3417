"""The sha256 of each table's JSON Schema file as the models generate it: a committed
schema with these bytes needs no check against the metaschema (``models/schema.py``).

Generated from the models by ``plan-dataset build``: do not edit."""

SCHEMA_SHA256: dict[str, str] = {
    "sources": "4d9938562c16f1497e6c62b6f61e6c7b9d2fb920c5a8bfd024e79a0200621595",
    "stakeholders": "5ac1d6fac5285ed1a3fa06d209c55f38b6db204876309917a13ffae1bf7e7d8b",
    "outlets": "80821e749cda1ff8c240b0320cdbade944b738c6992cbdd663c13f49134fdf80",
    "documents": "d46cb7f4b85eb265201eec766f610b77c86c6aba8076973dc13ea075d63a6214",
    "provisions": "658a64c82ae6697b1d260d8c61e65ba4f8424284eae381cbbee8eaa86b03a6e8",
    "point_links": "68e3266fcf7d1436d14576147580ddd7cc9ba4a2d73ab73b4f8d64f1f291ae8b",
    "questions": "cbde5e7b3af89bd3b7bfa2f8969aa36ce2f79bca77afde45db7e526f3f198783",
    "positions": "50487ca816b12fcb9092fb91d3fe5dd80a101b8feab59ced3d1951eb98675022",
    "events": "0d15c3db32225ae56910ade41f704a497723975357342a3dfb3ff48b08725f37",
    "question_statuses": "75b9e384448deb0a6c84a077f13031e918927493f380dd1b15a44173ead1a284",
    "discrepancies": "bc699d168321dd3f3f8ef821efa81d11a9f33d58b8f77bac8a698fdc7b62f04e",
}
