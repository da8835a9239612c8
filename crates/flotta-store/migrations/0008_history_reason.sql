-- Flotta schema version 8: a change a person makes says why. A lifecycle move (to "lost",
-- "returned", "recycled") records the person's reason beside who and when; changes made by a
-- sync have none.
ALTER TABLE device_history ADD COLUMN reason TEXT;
