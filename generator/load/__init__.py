"""Loading, top to bottom: schemes, the standard, notices, the ledger; then the portal of them all."""
