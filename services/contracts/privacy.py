"""Privacy constants: the floors no setting may go below, and the data lifetimes."""

# Disclosure control (disclosure.md rules 2 and 3).
THRESHOLD_FLOOR = 10
ROUND_TO = 5
PERCENT_MIN_DENOMINATOR = 25
# The audit (rule 4): every suppressed cell must still be able to be 0, and to be at least this.
SUPPRESSED_MUST_REACH = 4

# Raw topic lifetime. Worst case on disk: segment roll + retention + broker check + delete delay.
RAW_SEGMENT_MS = 10 * 60 * 1000
RAW_RETENTION_MS = 40 * 60 * 1000
BROKER_RETENTION_CHECK_MS = 60 * 1000
FILE_DELETE_DELAY_MS = 60 * 1000
RAW_WORST_CASE_MS = RAW_SEGMENT_MS + RAW_RETENTION_MS + BROKER_RETENTION_CHECK_MS + FILE_DELETE_DELAY_MS
assert RAW_WORST_CASE_MS <= 60 * 60 * 1000, "raw records must not outlive one hour"

# Redacted narratives live until the release covering them is wiped; this is the backstop.
REDACTED_MAX_RETENTION_MS = 100 * 24 * 60 * 60 * 1000
