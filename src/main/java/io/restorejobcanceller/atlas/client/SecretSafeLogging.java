package io.restorejobcanceller.atlas.client;

import java.util.List;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Silences, whatever the configured levels (even {@code logging.level.root=trace}), the loggers that would print
 * credentials: HttpClient's header and wire logs carry {@code Authorization} headers and token responses, and
 * Spring's RestClient logs form bodies (the token sent for revocation). Runs right after Boot applies the levels.
 */
public class SecretSafeLogging implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final List<String> SILENCED = List.of(
            "org.apache.hc.client5.http.headers",
            "org.apache.hc.client5.http.wire",
            "org.springframework.web.client");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        LoggingSystem loggingSystem = LoggingSystem.get(event.getSpringApplication().getClassLoader());
        SILENCED.forEach(name -> loggingSystem.setLogLevel(name, LogLevel.OFF));
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
