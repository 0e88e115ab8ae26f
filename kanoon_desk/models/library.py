"""Placeholder: filled by the library desk."""
