-- One row per job instance key; a run holds its row locked (SELECT ... FOR UPDATE) for as long as it runs, so a
-- second launch of the same file sees it busy, and a crashed run's lock vanishes with its database session.
CREATE TABLE CANCELLER_RUN_LOCK (
    LOCK_KEY VARCHAR(64) NOT NULL PRIMARY KEY
);
