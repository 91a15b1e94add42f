-- Which workers are alive, per org, so replicas can split an org's mailboxes
-- evenly: each worker renews its row every third of the lease (with its
-- mailbox leases), and a cycle holds at most ceil(mailboxes / live workers) of
-- the org's mailboxes. A worker that dies stops renewing; after one lease it no
-- longer counts, and its mailboxes' leases have expired too.
CREATE TABLE worker_presence (
  org_id     text        NOT NULL,
  worker_id  text        NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, worker_id)
);

-- A worker renews all its leases in one statement, and counts what it holds.
CREATE INDEX mailbox_lease_owner ON mailbox_lease (owner, org_id);
