-- Inserted mention parts stay in the compact format (one data file per part) up to 64 MiB of
-- uncompressed data, instead of switching to the wide format (two files per column, ~80 files) at
-- the default 10 MB. A sink batch of 20,000 mentions is about 12 MB, so it used to be written wide,
-- and creating those files cost more than parsing and sorting the rows: an insert went from about
-- 10 µs a row to 3 µs. Parts that merges grow past 64 MiB are wide, so queries over history still
-- read only the columns they name.
ALTER TABLE mentions MODIFY SETTING min_bytes_for_wide_part = 67108864;
