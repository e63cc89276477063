"""fouille: find personal data in an organisation's stores, on its own machines."""

__version__ = "0.1.0"
