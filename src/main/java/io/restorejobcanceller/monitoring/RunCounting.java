package io.restorejobcanceller.monitoring;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import io.restorejobcanceller.atlas.AtlasApiException;
import io.restorejobcanceller.atlas.client.RestoreJobs;
import io.restorejobcanceller.sending.AtlasPauses;
import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;

/**
 * Counts what the run sends and reads, from outside the sending and the job: every request through Atlas's
 * {@link RestoreJobs} (and its 429s), and each step's rows and pauses. Only when metrics are exported.
 */
final class RunCounting implements BeanPostProcessor {

    /** The methods that send a request: those Atlas's interface leaves abstract. */
    private static final Set<String> REQUESTS = Arrays.stream(RestoreJobs.class.getMethods())
            .filter(method -> Modifier.isAbstract(method.getModifiers())).map(Method::getName).collect(Collectors.toSet());

    private final boolean exported;
    private final ObjectProvider<RunMetrics> metrics;
    private final ObjectProvider<AtlasPauses> pauses;

    RunCounting(Environment environment, ObjectProvider<RunMetrics> metrics, ObjectProvider<AtlasPauses> pauses) {
        this.exported = MetricsExport.any(environment);
        this.metrics = metrics;
        this.pauses = pauses;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!exported) {
            return bean;
        }
        if (bean instanceof AbstractStep step) {
            step.registerStepExecutionListener(new StepExecutionListener() {
                @Override
                public void beforeStep(StepExecution execution) {
                    metrics.getObject().stepStarted(execution);
                }

                @Override
                public ExitStatus afterStep(StepExecution execution) {
                    metrics.getObject().stepEnded(execution, pauses.getObject().sofar());
                    return null;
                }
            });
        }
        if (bean instanceof RestoreJobs) {
            ProxyFactory proxy = new ProxyFactory(bean);
            proxy.setProxyTargetClass(true); // still the bean's own class for whoever injects it by that
            proxy.addAdvice((MethodInterceptor) invocation -> {
                if (!REQUESTS.contains(invocation.getMethod().getName())) {
                    return invocation.proceed();
                }
                metrics.getObject().requestSent();
                try {
                    return invocation.proceed();
                } catch (AtlasApiException e) {
                    if (e.status() == 429) {
                        metrics.getObject().rateLimited();
                    }
                    throw e;
                }
            });
            return proxy.getProxy(bean.getClass().getClassLoader());
        }
        return bean;
    }
}
