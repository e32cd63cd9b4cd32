package dev.switchboard.systems.xci.sim;

import dev.switchboard.sim.SimDialect;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The readings of the XCI REST API document (seed 002) that its simulator can play besides its default,
 * the most lenient one, and one knob of its own, {@code session-requests}: how many calls a session
 * lasts, so that tests see sessions expire without waiting. Set by {@code switchboard sim --dialect
 * xci.NAME}, {@code --sim-option xci.NAME=VALUE} or an embedded target's {@code sim:}.
 *
 * @param login303           the login answers 303 See Other (to {@code /}) with the cookie, rather than 200
 * @param expired            what a call without a live session gets: {@code 401} (default), {@code 403}, or
 *                           {@code redirect} (303 to the login)
 * @param adminPutPassword   an administrator PUT without {@code password} is refused when {@code ldap} is false
 * @param templatesInItems   the template list is wrapped in {@code items} as every other list is
 * @param sessionRequests    a session ends after this many calls (0: only by its lifetime)
 * @param createdEmpty       every create answers 201 with no body, so the client never sees the new object
 * @param numbersInIntervals a user's internal number must lie in one of its entity's intervals (by default it
 *                           need not: the document's own user 6260 lies outside the intervals of its entity)
 */
public record XciDialects(boolean login303, String expired, boolean adminPutPassword, boolean templatesInItems,
                          int sessionRequests, boolean createdEmpty, boolean numbersInIntervals) {

    public static final String LOGIN_303 = "login-303";
    public static final String EXPIRED_403 = "expired-403";
    public static final String EXPIRED_REDIRECT = "expired-redirect";
    public static final String ADMIN_PUT_PASSWORD = "admin-put-password";
    public static final String TEMPLATES_IN_ITEMS = "templates-in-items";
    public static final String CREATED_EMPTY = "created-empty";
    public static final String NUMBERS_IN_INTERVALS = "numbers-in-intervals";
    public static final String SESSION_REQUESTS = "session-requests";

    public static final XciDialects LENIENT = new XciDialects(false, "401", false, false, 0, false, false);

    public static final List<SimDialect> ALL = List.of(
            SimDialect.flag(LOGIN_303,
                    "the login answers 303 See Other (Location /) with the session cookie, as a Play form login does",
                    "\"The server will return a cookie and you will be able to do other API calls.\" (no status is given)"),
            SimDialect.option(EXPIRED_403, "expired", "403",
                    "a call without a live session (never logged in, or expired) answers 403 Forbidden",
                    "\"A login request is required before subsequent API calls in order to get a session cookie.\" (what a call without one gets is not said)"),
            SimDialect.option(EXPIRED_REDIRECT, "expired", "redirect",
                    "a call without a live session answers 303 See Other to " + XciSimulator.PREFIX + "/login",
                    "\"A login request is required before subsequent API calls in order to get a session cookie.\""),
            SimDialect.flag(ADMIN_PUT_PASSWORD,
                    "an administrator PUT must carry password when ldap is false, as a create must",
                    "Edit: \"See Create administrator for fields details.\" Create: \"password (String) Compulsory if ldap is false\""),
            SimDialect.flag(TEMPLATES_IN_ITEMS,
                    "the template list is {\"items\": [...]} like every other list, not a bare array",
                    "List templates shows a bare array \"[ { \"id\": 1, \"name\": \"Modèle 220\", ...} ]\" where every other list shows { \"items\": [...] }"),
            SimDialect.flag(CREATED_EMPTY,
                    "every create (XiVO, entity, user, template, administrator) answers 201 with no body: the new object and its id are not in the answer",
                    "\"Create a new user. POST /api/1.0/users\" shows no answer, and the document's example never reads one: \"def create_user(self, data): self.make_post_request(\"/users\", data)\""),
            SimDialect.flag(NUMBERS_IN_INTERVALS,
                    "a user's internal number must lie in one of its entity's intervals (400 otherwise), although the document's own user 6260 does not",
                    "\"intervals (Array) Intervals of numbers this entity will support\""));

    public XciDialects {
        if (!List.of("401", "403", "redirect").contains(expired)) {
            throw new IllegalArgumentException("the xci simulator option expired is 401, 403 or redirect, not " + expired);
        }
        if (sessionRequests < 0) {
            throw new IllegalArgumentException("the xci simulator option session-requests cannot be negative");
        }
    }

    /** From knobs {@code NAME -> VALUE}: the flags above ({@code true|false}), {@code expired}, {@code session-requests}. */
    public static XciDialects of(Map<String, String> options) {
        boolean login303 = LENIENT.login303;
        String expired = LENIENT.expired;
        boolean adminPutPassword = LENIENT.adminPutPassword;
        boolean templatesInItems = LENIENT.templatesInItems;
        int sessionRequests = LENIENT.sessionRequests;
        boolean createdEmpty = LENIENT.createdEmpty;
        boolean numbersInIntervals = LENIENT.numbersInIntervals;
        for (Map.Entry<String, String> option : options.entrySet()) {
            String name = option.getKey();
            String value = option.getValue().trim();
            switch (name) {
                case LOGIN_303 -> login303 = flag(name, value);
                case "expired" -> expired = value;
                case ADMIN_PUT_PASSWORD -> adminPutPassword = flag(name, value);
                case TEMPLATES_IN_ITEMS -> templatesInItems = flag(name, value);
                case SESSION_REQUESTS -> sessionRequests = number(name, value);
                case CREATED_EMPTY -> createdEmpty = flag(name, value);
                case NUMBERS_IN_INTERVALS -> numbersInIntervals = flag(name, value);
                default -> throw new IllegalArgumentException("the xci simulator has no option " + name
                        + " (it has " + String.join(", ", LOGIN_303, "expired", ADMIN_PUT_PASSWORD, TEMPLATES_IN_ITEMS,
                        CREATED_EMPTY, NUMBERS_IN_INTERVALS, SESSION_REQUESTS) + ")");
            }
        }
        return new XciDialects(login303, expired, adminPutPassword, templatesInItems, sessionRequests, createdEmpty,
                numbersInIntervals);
    }

    Optional<Integer> requestsPerSession() {
        return sessionRequests == 0 ? Optional.empty() : Optional.of(sessionRequests);
    }

    private static boolean flag(String name, String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value.toLowerCase(java.util.Locale.ROOT));
        }
        throw new IllegalArgumentException("the xci simulator option " + name + " is true or false, not " + value);
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the xci simulator option " + name + " is a number, not " + value);
        }
    }
}
