-- Issue 13. The TXT-06 signature is now a one-permutation MinHash (one pass over the shingles instead of
-- 128 products per shingle): the signatures and buckets stored by the former computation would no longer
-- match the new ones. They are dropped here; the narrative index's backfill (NarrativeIndex.backfill, in
-- the background after every start) indexes every current report again, in batches of 500.
DELETE FROM narrative_band;
DELETE FROM narrative_signature;
