-- An Outbound Message names a Salesforce record; the reps who hold a link to it
-- (an earlier owner's mailbox, an "All Contacts" rep) are woken with its owner,
-- so finding them must not read every link of the org.
CREATE INDEX sync_link_by_salesforce_id ON sync_link (org_id, salesforce_id);
