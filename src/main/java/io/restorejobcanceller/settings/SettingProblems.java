package io.restorejobcanceller.settings;

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
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.validation.FieldError;

/**
 * One line for a setting whose value cannot be used: the key, the value, where it came from (an environment variable,
 * a file and line) and what is allowed, e.g. {@code canceller.concurrency=64: must be between 1 and 32}.
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
                return Optional.of(property.getName() + "=" + property.getValue() + from(property.getOrigin()) + ": "
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
            Origin origin = errors.getBoundProperties().stream().filter(p -> p.getName().toString().equals(key))
                    .map(ConfigurationProperty::getOrigin).findFirst().orElse(null);
            return key + "=" + field.getRejectedValue() + from(origin) + ": " + field.getDefaultMessage();
        }).collect(Collectors.joining("; "));
    }

    /** Where a value came from, unless it is the command line (which the operator just typed). */
    private static String from(Origin origin) {
        if (origin instanceof SystemEnvironmentOrigin variable) {
            return " (environment variable " + variable.getProperty() + ")";
        }
        if (origin == null || origin instanceof PropertySourceOrigin) {
            return "";
        }
        return " (" + origin + ")";
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
        return "cannot be read as " + type.getSimpleName();
    }
}
