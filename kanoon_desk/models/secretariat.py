"""Placeholder: filled by the secretariat desk."""
