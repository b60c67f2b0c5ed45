-- Which version of TextFold made the members' sort keys and search index.
-- When the folding rules change (version 2: "İ" folds to "i", not "I", so
-- "İlker" sorts among the i's), the hub re-folds every member once on open.
CREATE TABLE text_fold (
    one     INTEGER PRIMARY KEY CHECK (one = 1),
    version INTEGER NOT NULL
);
INSERT INTO text_fold (one, version) VALUES (1, 1);
