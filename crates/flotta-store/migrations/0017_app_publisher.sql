-- Flotta schema version 17: the app's maker, so the app question can be asked by publisher.

-- As the EMM names it; '' where it does not say (Jamf's and Workspace ONE's app lists).
-- Not part of an app's identity: the same name, identifier and version is one app whoever
-- is said to publish it.
ALTER TABLE apps ADD COLUMN publisher TEXT NOT NULL DEFAULT '';
