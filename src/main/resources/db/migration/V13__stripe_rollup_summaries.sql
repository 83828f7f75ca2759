-- Striped rollup summaries (issue 13): every submission used to upsert the same nation and province rows
-- of rollup_sum and hold their row locks until its commit was flushed, so concurrent writers queued behind
-- each other. Each writer now adds its delta to its own stripe of a summary row (stripe 1..64, from its
-- database session), a rollup sums the stripes of the rows it reads (it already sums rows), and
-- RollupCompactor folds the stripes into stripe 0 in the background. Sums stay exact after every commit:
-- a stripe row is written in the submitting transaction, and folding moves values in one transaction.
-- RollupLedger.rebuild() writes stripe 0 only.
ALTER TABLE rollup_sum ADD COLUMN stripe smallint NOT NULL DEFAULT 0 CHECK (stripe BETWEEN 0 AND 64);
ALTER TABLE rollup_sum DROP CONSTRAINT rollup_sum_pkey;
ALTER TABLE rollup_sum ADD PRIMARY KEY (year, format_version, region_code, own, unit_kind, stripe);
