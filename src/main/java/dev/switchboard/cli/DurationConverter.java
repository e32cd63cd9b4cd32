package dev.switchboard.cli;

import dev.switchboard.model.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A duration as people write it on a command line: {@code 0}, {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}. */
public final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        return Durations.parse(value).orElseThrow(() ->
                new TypeConversionException("'" + value + "' is not a duration: write 0, 500ms, 30s, 2m or 1h"));
    }
}
