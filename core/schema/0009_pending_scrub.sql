-- Erasure that says the truth (issue 15): a forgotten member's old values can
-- stay in the WAL, and in pages not yet folded into the file, while another
-- desk holds a read open. The mark is set in the erasure's own transaction and
-- cleared only once a TRUNCATE checkpoint has gone all the way through, which
-- each open of the hub tries again.
CREATE TABLE pending_scrub (
    one   INTEGER PRIMARY KEY CHECK (one = 1),
    since INTEGER NOT NULL -- UTC seconds of the first erasure still pending
);
