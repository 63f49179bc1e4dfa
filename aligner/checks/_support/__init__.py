"""Helpers shared by the checks: what a check is, which side is which, walking a document,
robust statistics, and the scanning that more than one check needs. Not checks themselves."""
