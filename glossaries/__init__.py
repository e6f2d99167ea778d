"""The glossaries bundled with translint: data files, installed as package data."""
