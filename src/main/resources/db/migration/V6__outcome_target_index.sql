-- A target cancelled by an earlier run is not sent again by a later file: the lookup goes by restore job id.
CREATE INDEX CANCELLATION_OUTCOME_RESTORE_JOB_IX ON CANCELLATION_OUTCOME (RESTORE_JOB_ID);
