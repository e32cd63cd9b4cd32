package dev.switchboard.systems.gws;

import dev.switchboard.desired.Problem;
import dev.switchboard.desired.TargetFieldsReader;
import dev.switchboard.desired.YamlObject;
import dev.switchboard.systems.gws.provider.GwsProviderFactory;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of a {@code kind: gws} target entry: {@code auth: { username, password }} (an empty password
 * is allowed, as in the document, and is no secret) and {@code confirmTimeout}, how long each write is read
 * back before it is {@code unconfirmed} ({@code 30s}, {@code 2m}, {@code 500ms}; default 30 s).
 */
final class GwsTargetFields implements TargetFieldsReader {

    static final Pattern DURATION = Pattern.compile("^([0-9]+)(ms|s|m)$");

    @Override
    public void read(YamlObject target, boolean literalSecretsAllowed, Map<String, Object> auth,
                     Map<String, Object> options) {
        target.object("auth", "gwsAuth").ifPresent(a -> {
            a.textOrSecret("username").ifPresent(v -> auth.put("username", v));
            if (a.node("password").isTextual() && a.node("password").asText().isEmpty()) {
                auth.put("password", "");
            } else {
                a.secret("password", literalSecretsAllowed).ifPresent(v -> auth.put("password", v));
            }
        });
        // Text not of the form 30s, 2m, 500ms is the schema's to report (its pattern is DURATION): saying it here
        // too printed one mistake twice, in two wordings. What only this reader sees is a number too large.
        target.text("confirmTimeout").filter(text -> DURATION.matcher(text.trim()).matches())
                .ifPresent(text -> milliseconds(text).ifPresentOrElse(
                        millis -> options.put(GwsProviderFactory.CONFIRM_TIMEOUT_OPTION, millis),
                        () -> target.problem(Problem.at(target.locationOf("confirmTimeout"),
                                target.fieldPath("confirmTimeout"), "'" + text + "' is too long a duration",
                                "write a whole number with ms, s or m: 30s, 2m, 500ms"))));
    }

    static Optional<Long> milliseconds(String text) {
        Matcher matcher = DURATION.matcher(text.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            long amount = Long.parseLong(matcher.group(1));
            return Optional.of(switch (matcher.group(2)) {
                case "ms" -> amount;
                case "s" -> Math.multiplyExact(amount, 1000L);
                default -> Math.multiplyExact(amount, 60_000L);
            });
        } catch (NumberFormatException | ArithmeticException tooLarge) {
            return Optional.empty();
        }
    }
}
