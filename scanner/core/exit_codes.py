"""Exit codes every ``fouille`` command uses, so a script can rely on them."""

EXIT_OK = 0  # done; nothing that fails a check
EXIT_FINDINGS = 1  # done; findings that fail a check (ci, diff), or personal data found (scan)
EXIT_USAGE = 2  # bad arguments or configuration: nothing was done
EXIT_PARTIAL = 3  # done, but some inputs could not be read (each one is listed)
EXIT_INTERNAL = 4  # an unexpected error: one line on stderr, the details in a log file
EXIT_INTERRUPTED = 130  # Ctrl-C (the shell's convention); a killed scan resumes with --resume
