"""Core: the model, keys, configuration, retention rules, i18n and exit codes every layer shares."""
