package io.restorejobcanceller.job;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/**
 * The job parameters of one execution, read once for the step's beans.
 *
 * @param retryOf the job instance whose FAILED rows this one sends again, or {@code null}
 */
record RunParameters(long jobInstanceId, long jobExecutionId, String inputFile, String sha256, boolean dryRun,
                     boolean checkFirst, boolean resendKnown, Long retryOf) {

    static RunParameters of(StepExecution stepExecution) {
        JobParameters parameters = stepExecution.getJobParameters();
        return new RunParameters(stepExecution.getJobExecution().getJobInstance().getInstanceId(),
                stepExecution.getJobExecutionId(), parameters.getString(CancellationJobConfiguration.INPUT_FILE),
                parameters.getString(CancellationJobConfiguration.INPUT_SHA256),
                isTrue(parameters, CancellationJobConfiguration.DRY_RUN), isTrue(parameters, CancellationJobConfiguration.CHECK_FIRST),
                isTrue(parameters, KnownTargets.RESEND_KNOWN), parameters.getLong(CancellationJobConfiguration.RETRY_OF));
    }

    private static boolean isTrue(JobParameters parameters, String name) {
        var parameter = parameters.getParameter(name);
        return parameter != null && Boolean.TRUE.equals(parameter.value());
    }
}
