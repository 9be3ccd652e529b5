-- Each find (an execution of the job restoreJobsFindJob, find/FindJobConfiguration) as one row, for
-- report --by=execution and for query: its scope and filters as typed and its output (job parameters, find/FindRequest),
-- the restore jobs seen, listed and left out (its step's read, write and filter counts) and the SHA-256 of the file
-- it wrote (in its exit message, find/FindTasklet), which is the INPUT_SHA256 of a cancel of that file.
CREATE VIEW FIND_RUN AS
SELECT e.JOB_EXECUTION_ID, e.JOB_INSTANCE_ID, e.START_TIME AS STARTED_AT, e.END_TIME AS ENDED_AT, e.STATUS, e.EXIT_CODE,
       scope.PARAMETER_VALUE AS SCOPE, filters.PARAMETER_VALUE AS FILTERS, output.PARAMETER_VALUE AS OUTPUT_FILE,
       s.READ_COUNT AS RESTORE_JOBS_SEEN, s.WRITE_COUNT AS LISTED, s.FILTER_COUNT AS LEFT_OUT,
       CASE WHEN POSITION('SHA-256 ' IN e.EXIT_MESSAGE) > 0
            THEN SUBSTRING(e.EXIT_MESSAGE FROM POSITION('SHA-256 ' IN e.EXIT_MESSAGE) + 8 FOR 64) END AS SHA256,
       e.EXIT_MESSAGE
FROM BATCH_JOB_EXECUTION e
JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
LEFT JOIN BATCH_STEP_EXECUTION s ON s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
LEFT JOIN BATCH_JOB_EXECUTION_PARAMS scope ON scope.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND scope.PARAMETER_NAME = 'find.scope'
LEFT JOIN BATCH_JOB_EXECUTION_PARAMS filters ON filters.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND filters.PARAMETER_NAME = 'find.filters'
LEFT JOIN BATCH_JOB_EXECUTION_PARAMS output ON output.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND output.PARAMETER_NAME = 'find.output'
WHERE i.JOB_NAME = 'restoreJobsFindJob';
