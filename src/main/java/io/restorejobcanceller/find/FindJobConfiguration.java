package io.restorejobcanceller.find;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Each {@code find} is an execution of this job, so the job repository records it beside the cancellations: when
 * (start and end), the scope, filters, format and output as job parameters, the counts as the step's read (restore
 * jobs seen), write (listed) and filter (left out) counts, and the summary with the file's SHA-256 as exit message.
 * <p>
 * One tasklet step, not a chunk step with a paging reader and a file writer: the file must be all or nothing (a
 * refused credential leaves no file, an output is moved into place whole), the reasons and refusals are counted over
 * the whole listing, and a restart from a saved page would splice two different moments of Atlas's lists into one
 * file — a failed find is simply run again (the job is not restartable). What Spring Batch gives here is the audit.
 */
@Configuration(proxyBeanMethods = false)
class FindJobConfiguration {

    static final String JOB_NAME = "restoreJobsFindJob";

    @Bean
    Job restoreJobsFindJob(JobRepository jobRepository, Step restoreJobsFindStep) {
        return new JobBuilder(JOB_NAME, jobRepository).preventRestart().start(restoreJobsFindStep).build();
    }

    @Bean
    Step restoreJobsFindStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, FindTasklet findTasklet) {
        return new StepBuilder("restoreJobsFindStep", jobRepository).tasklet(findTasklet, transactionManager).build();
    }
}
