package dev.switchboard.sim;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * "Produce {@code fault} for the next {@code times} requests whose method and path match".
 *
 * @param method      an HTTP method, or {@code *} for any
 * @param pathPattern a regular expression the whole request path must match
 */
public record FaultRule(Fault fault, String method, Pattern pathPattern, int times) {

    public boolean matches(String requestMethod, String path) {
        return ("*".equals(method) || method.equalsIgnoreCase(requestMethod)) && pathPattern.matcher(path).matches();
    }

    /**
     * Parses {@code FAULT[:METHOD[:PATH_REGEX[:TIMES]]]}, as the {@code --fault} flag and the control
     * endpoint take it: {@code reset-after:POST:/UCBusinessRest/api/EEAMMailboxes/?:1}.
     */
    public static FaultRule parse(String spec) {
        String[] parts = spec.split(":", 4);
        try {
            Fault fault = Fault.parse(parts[0]);
            String method = parts.length > 1 && !parts[1].isBlank() ? parts[1].toUpperCase(Locale.ROOT) : "*";
            Pattern path = Pattern.compile(parts.length > 2 && !parts[2].isBlank() ? parts[2] : ".*");
            int times = parts.length > 3 ? times(parts[3].trim()) : 1;
            return new FaultRule(fault, method, path, times);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("its path is not a regular expression (" + e.getDescription()
                    + "); the form is " + FORM);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "; the form is " + FORM);
        }
    }

    /** How a spec is written, for messages. */
    public static final String FORM = "FAULT[:METHOD[:PATH_REGEX[:TIMES]]], e.g. reset-after:POST:/api/users:1";

    private static int times(String text) {
        try {
            int times = Integer.parseInt(text);
            if (times >= 1) {
                return times;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("TIMES is a whole number of 1 or more, not '" + text + "'");
    }
}
