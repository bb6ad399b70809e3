-- Stored evaluations keep what reproduces the answer exactly and in less space: the result deflated
-- (a quarter to a third of its JSON), and the model and scenario versions it was computed with beside the
-- profile version. Rows stored before this migration keep their result as text and no versions.
ALTER TABLE evaluation ADD COLUMN model_version VARCHAR(64);
ALTER TABLE evaluation ADD COLUMN scenario_version BIGINT;
ALTER TABLE evaluation ADD COLUMN result_deflated BYTEA;
ALTER TABLE evaluation ALTER COLUMN result DROP NOT NULL;
