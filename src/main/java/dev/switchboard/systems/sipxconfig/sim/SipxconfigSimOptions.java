package dev.switchboard.systems.sipxconfig.sim;

import java.util.Locale;
import java.util.Map;

/**
 * The knobs of the sipXconfig simulator ({@code switchboard sim --sim-option sipxconfig.NAME=VALUE}): each
 * plays one reading of what the document leaves open, or one version of sipXconfig.
 *
 * @param dialect   {@code document}: {@code /my/callfwd} answers as the document shows it, wrapped in
 *                  {@code callsequence} with {@code withVoicemail}; {@code sipxecs}: as the sipXecs source
 *                  does, bare Jackson JSON with {@code withVM}, derived from the voicemail permission
 * @param version   {@code legacy}: {@code /my/phonebook} lists entries without their ids (legacy-sipxecs);
 *                  {@code sipxcom}: with them (the sipXcom fork). {@code /my/pagedphonebook} has them in both
 * @param speedDial {@code personal}: every user starts with an empty personal speed dial; {@code group}: with
 *                  none, so GET falls back to the group's and PUT answers 404, as in sipXecs
 * @param firstUser the first user of a fresh server ({@code 200})
 * @param users     how many users a fresh server has ({@code 10}: 200 to 209)
 * @param password  the password of every user of a fresh server ({@code password})
 */
public record SipxconfigSimOptions(String dialect, String version, String speedDial, int firstUser, int users,
                                   String password) {

    public static final SipxconfigSimOptions DEFAULT =
            new SipxconfigSimOptions("document", "legacy", "personal", 200, 10, "password");

    public SipxconfigSimOptions {
        check("dialect", dialect, "document", "sipxecs");
        check("version", version, "legacy", "sipxcom");
        check("speedDial", speedDial, "personal", "group");
        if (users < 0 || firstUser < 0) {
            throw new IllegalArgumentException("the sipxconfig simulator option users/firstUser must not be negative");
        }
    }

    /** {@code NAME -> VALUE} as {@code --sim-option} gives them, names as in this record. */
    public static SipxconfigSimOptions parse(Map<String, String> options) {
        SipxconfigSimOptions parsed = DEFAULT;
        for (Map.Entry<String, String> option : options.entrySet()) {
            String value = option.getValue().trim();
            parsed = switch (option.getKey()) {
                case "dialect" -> new SipxconfigSimOptions(value.toLowerCase(Locale.ROOT), parsed.version, parsed.speedDial,
                        parsed.firstUser, parsed.users, parsed.password);
                case "version" -> new SipxconfigSimOptions(parsed.dialect, value.toLowerCase(Locale.ROOT), parsed.speedDial,
                        parsed.firstUser, parsed.users, parsed.password);
                case "speedDial" -> new SipxconfigSimOptions(parsed.dialect, parsed.version, value.toLowerCase(Locale.ROOT),
                        parsed.firstUser, parsed.users, parsed.password);
                case "firstUser" -> new SipxconfigSimOptions(parsed.dialect, parsed.version, parsed.speedDial,
                        number(option.getKey(), value), parsed.users, parsed.password);
                case "users" -> new SipxconfigSimOptions(parsed.dialect, parsed.version, parsed.speedDial,
                        parsed.firstUser, number(option.getKey(), value), parsed.password);
                case "password" -> new SipxconfigSimOptions(parsed.dialect, parsed.version, parsed.speedDial,
                        parsed.firstUser, parsed.users, value);
                default -> throw new IllegalArgumentException("the sipxconfig simulator has no option " + option.getKey()
                        + " (it has dialect, version, speedDial, firstUser, users, password)");
            };
        }
        return parsed;
    }

    public boolean documentDialect() {
        return dialect.equals("document");
    }

    public boolean listsEntryIds() {
        return version.equals("sipxcom");
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the sipxconfig simulator option " + name + " is a number, not " + value);
        }
    }

    private static void check(String name, String value, String... allowed) {
        if (!java.util.List.of(allowed).contains(value)) {
            throw new IllegalArgumentException("the sipxconfig simulator option " + name + " is one of "
                    + String.join(", ", allowed) + ", not " + value);
        }
    }
}
