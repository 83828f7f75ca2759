-- Issue 13. The TXT-06 signature is now a one-permutation MinHash (one pass over the shingles instead of
-- 128 products per shingle), and its band buckets differ from the former ones. The new signature goes in a
-- column of its own, and the release writes minhash = NULL: a row whose minhash is set was written by the
-- former computation (before this migration, or by a replica of the previous release while a rolling update
-- is under way, whose upsert sets minhash alone) and is indexed again by NarrativeIndex: at every start
-- (every current report without a row of the new computation) and every minute (rows of the former one,
-- found through the partial index below).
ALTER TABLE narrative_signature
    ADD COLUMN signature integer[] CHECK (signature IS NULL OR cardinality(signature) = 128);
CREATE INDEX narrative_signature_former_idx ON narrative_signature (report_id) WHERE minhash IS NOT NULL;
