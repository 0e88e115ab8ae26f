"""The Qt user interface: thin forms and lazy item models over the Qt-free services."""
