-- Flotta schema version 13: finding the latest correction of a purchase at once. Each one
-- writes an audit entry in its transaction; what was matched from the purchases (the
-- inventory's purchase columns) is read again when a newer one appears.

CREATE INDEX audit_log_purchase_updates ON audit_log (id)
    WHERE entity = 'purchase' AND action = 'update';
