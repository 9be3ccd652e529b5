package io.restorejobcanceller.settings;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.core.env.PropertySource;
import org.springframework.validation.FieldError;

/**
 * One line for a setting whose value cannot be used: the key, the value, where it came from (an environment variable,
 * a file and line) and what is allowed, e.g. {@code CANCELLER_CONCURRENCY=64 (environment): must be between 1 and 32}.
 */
public final class SettingProblems {

    private SettingProblems() {
    }

    public static Optional<String> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindValidationException invalid) {
                return Optional.of(describe(invalid.getValidationErrors()));
            }
            if (t instanceof BindException unreadable && unreadable.getProperty() != null) {
                ConfigurationProperty property = unreadable.getProperty();
                return Optional.of(written(property, property.getName().toString(), property.getValue()) + ": "
                        + expected(unreadable.getTarget().getType().resolve(Object.class)));
            }
        }
        return Optional.empty();
    }

    private static String describe(ValidationErrors errors) {
        return errors.getAllErrors().stream().map(error -> {
            if (!(error instanceof FieldError field)) {
                return errors.getName() + ": " + error.getDefaultMessage();
            }
            String key = errors.getName() + "." + field.getField().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
            ConfigurationProperty property = errors.getBoundProperties().stream().filter(p -> p.getName().toString().equals(key))
                    .findFirst().orElse(null);
            return written(property, key, field.getRejectedValue()) + ": " + field.getDefaultMessage();
        }).collect(Collectors.joining("; "));
    }

    /**
     * The setting as the user wrote it and where: {@code CANCELLER_CONCURRENCY=1000 (environment)},
     * {@code canceller.concurrency=64 (/etc/x.yml:3)}, or for the command line (just typed) the key and value alone.
     */
    private static String written(ConfigurationProperty property, String key, Object value) {
        if (property == null || property.getSource() == null
                || !(property.getSource().getUnderlyingSource() instanceof PropertySource<?> source)) {
            return key + "=" + value;
        }
        WrittenSettings written = new WrittenSettings(source);
        String name = written.writtenNameOf(property.getName()).orElse(key);
        String origin = written.origin(name);
        return name + "=" + value + (origin.isEmpty() ? "" : " (" + origin + ")");
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        if (type == Duration.class) {
            return "must be a duration such as 500ms, 5s, 2m or 1h";
        }
        if (List.of(int.class, long.class, Integer.class, Long.class).contains(type)) {
            return "must be a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == URI.class) {
            return "must be a URL with its scheme, such as https://cloud.mongodb.com (add https://)";
        }
        return "cannot be read as " + type.getSimpleName();
    }
}
