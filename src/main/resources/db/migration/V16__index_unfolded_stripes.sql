-- RollupCompactor asks every few seconds which stripes are in use (SELECT DISTINCT stripe … WHERE stripe <> 0).
-- Without this it read the whole primary key of rollup_sum (20 ms cold on the benchmark's database, every 5 s);
-- the partial index holds only the rows not yet folded, usually none.
CREATE INDEX rollup_sum_unfolded_idx ON rollup_sum (stripe) WHERE stripe <> 0;
