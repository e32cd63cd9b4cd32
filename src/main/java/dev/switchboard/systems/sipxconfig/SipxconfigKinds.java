package dev.switchboard.systems.sipxconfig;

import dev.switchboard.model.ResourceKind;
import java.util.List;

/**
 * The sipXconfig resource kinds (SPEC section 3), all under the users a target lists.
 *
 * <p>Natural keys and desired-shape fields, the contract between the reader, the exporter and the
 * provider. A nested object of the API (an address) is flattened into dotted field names
 * ({@code officeAddress.city}), so that only the declared parts of it are managed and a plan names the
 * part that changed.
 * <ul>
 *   <li>{@code callForwarding} [user] ({@code /my/callfwd}): {@code expiration}, {@code withVoicemail},
 *       {@code rings} (list of {@code {number, expiration, type, enabled}})</li>
 *   <li>{@code voicemailPreferences} [user] ({@code /my/vmprefs}): {@link #VOICEMAIL_PREFERENCE_FIELDS}</li>
 *   <li>{@code voicemailPin} [user] ({@code PUT /my/voicemail/pin/{pin}}): {@code pin}, write-only, a secret</li>
 *   <li>{@code personalAttendant} [user] ({@code /my/voicemail/attendant}): {@link #ATTENDANT_FIELDS}</li>
 *   <li>{@code contactInformation} [user] ({@code /my/contact-information}): {@link #CONTACT_FIELDS} and
 *       {@code homeAddress.*}, {@code officeAddress.*}, {@code branchAddress.*} ({@link #ADDRESS_FIELDS})</li>
 *   <li>{@code imPreferences} [user] ({@code /my/im/prefs}): {@link #IM_FIELDS}</li>
 *   <li>{@code imBotPreferences} [user] ({@code /my/imbot/prefs}): {@link #IM_BOT_FIELDS}</li>
 *   <li>{@code speedDial} [user] ({@code /my/speeddial}): {@code groupSpeedDial}, {@code buttons} (list of
 *       {@code {number, label, blf}})</li>
 *   <li>{@code conferenceSettings} [user, name] ({@code /my/conferences/{name}}): {@link #CONFERENCE_FIELDS}</li>
 *   <li>{@code phonebookEntry} [user, number] ({@code /my/phonebook/entry/{id}}): {@code firstName},
 *       {@code lastName}, {@code contactInformation.*} (the contact fields and addresses, dotted)</li>
 * </ul>
 * Every kind but {@code phonebookEntry} exists on the server by itself: never created, deleted or unmanaged.
 */
public final class SipxconfigKinds {

    public static final String TARGET_KIND = "sipxconfig";

    public static final ResourceKind CALL_FORWARDING = ResourceKind.of(TARGET_KIND, "callForwarding");
    public static final ResourceKind VOICEMAIL_PREFERENCES = ResourceKind.of(TARGET_KIND, "voicemailPreferences");
    public static final ResourceKind VOICEMAIL_PIN = ResourceKind.of(TARGET_KIND, "voicemailPin", "pin");
    public static final ResourceKind PERSONAL_ATTENDANT = ResourceKind.of(TARGET_KIND, "personalAttendant");
    public static final ResourceKind CONTACT_INFORMATION = ResourceKind.of(TARGET_KIND, "contactInformation");
    public static final ResourceKind IM_PREFERENCES = ResourceKind.of(TARGET_KIND, "imPreferences");
    public static final ResourceKind IM_BOT_PREFERENCES = ResourceKind.of(TARGET_KIND, "imBotPreferences");
    public static final ResourceKind SPEED_DIAL = ResourceKind.of(TARGET_KIND, "speedDial");
    public static final ResourceKind CONFERENCE_SETTINGS = ResourceKind.of(TARGET_KIND, "conferenceSettings");
    public static final ResourceKind PHONEBOOK_ENTRY = ResourceKind.of(TARGET_KIND, "phonebookEntry");

    public static final List<ResourceKind> ALL = List.of(CALL_FORWARDING, VOICEMAIL_PREFERENCES, VOICEMAIL_PIN,
            PERSONAL_ATTENDANT, CONTACT_INFORMATION, IM_PREFERENCES, IM_BOT_PREFERENCES, SPEED_DIAL,
            CONFERENCE_SETTINGS, PHONEBOOK_ENTRY);

    /** The kinds keyed by user alone: one object per user, always there. */
    public static final List<ResourceKind> PER_USER = List.of(CALL_FORWARDING, VOICEMAIL_PREFERENCES, VOICEMAIL_PIN,
            PERSONAL_ATTENDANT, CONTACT_INFORMATION, IM_PREFERENCES, IM_BOT_PREFERENCES, SPEED_DIAL);

    public static final List<Field> VOICEMAIL_PREFERENCE_FIELDS = List.of(Field.text("emailFormat"),
            Field.text("altEmailFormat"), Field.text("greeting"), Field.text("emailAttachType"),
            Field.text("altEmailAttachType"), Field.text("email"), Field.text("altEmail"),
            Field.bool("emailIncludeAudioAttachment"), Field.bool("altEmailIncludeAudioAttachment"));
    public static final List<Field> ATTENDANT_FIELDS = List.of(Field.text("language"), Field.text("operator"),
            Field.bool("overrideLanguage"), Field.bool("depositVM"), Field.bool("playVMDefaultOptions"),
            Field.node("menu"));
    public static final List<Field> CONTACT_FIELDS = List.of(Field.text("firstName"), Field.text("lastName"),
            Field.text("jobTitle"), Field.text("jobDept"), Field.text("companyName"), Field.text("imId"),
            Field.text("imDisplayName"), Field.text("emailAddress"), Field.bool("useBranchAddress"),
            Field.text("salutation"), Field.text("twiterName"), Field.text("linkedinName"),
            Field.text("facebookName"), Field.text("xingName"));
    public static final List<String> CONTACT_ADDRESSES = List.of("homeAddress", "officeAddress", "branchAddress");
    public static final List<Field> ENTRY_CONTACT_FIELDS = List.of(Field.text("jobTitle"), Field.text("jobDept"),
            Field.text("companyName"), Field.text("imId"), Field.text("imDisplayName"), Field.text("emailAddress"));
    public static final List<String> ENTRY_ADDRESSES = List.of("homeAddress", "officeAddress");
    public static final List<Field> ADDRESS_FIELDS = List.of(Field.text("street"), Field.text("city"),
            Field.text("state"), Field.text("country"), Field.text("zip"));
    public static final List<Field> IM_FIELDS = List.of(Field.bool("statusCallInfo"), Field.text("otpMessage"),
            Field.bool("voicemailOnDnd"), Field.bool("statusPhonePresence"));
    public static final List<Field> IM_BOT_FIELDS = List.of(Field.bool("confEnter"), Field.bool("confExit"),
            Field.bool("vmBegin"), Field.bool("vmEnd"));
    public static final List<Field> CONFERENCE_FIELDS = List.of(Field.bool("enabled"), Field.bool("autorecorded"),
            Field.bool("quickstart"), Field.bool("video"), Field.bool("sendActiveVideoOnly"),
            Field.integer("maxMembers"), Field.text("moh"), Field.bool("moderatedRoom"), Field.bool("publicRoom"));
    public static final List<Field> CALL_FORWARDING_FIELDS = List.of(Field.integer("expiration"),
            Field.bool("withVoicemail"));
    public static final List<Field> RING_FIELDS = List.of(Field.text("number"), Field.integer("expiration"),
            Field.text("type"), Field.bool("enabled"));
    public static final List<Field> SPEED_DIAL_FIELDS = List.of(Field.bool("groupSpeedDial"));
    public static final List<Field> BUTTON_FIELDS = List.of(Field.text("number"), Field.text("label"),
            Field.bool("blf"));

    /** What a ring of call forwarding is when a file leaves a part out: what the API assumes too. */
    public static final java.util.Map<String, Object> RING_DEFAULTS = java.util.Map.of("expiration", 30L,
            "type", "If no response", "enabled", true);

    /** One field of an API object, with the type it has in files and in the API's JSON. */
    public record Field(String name, Type type) {

        public enum Type { TEXT, BOOLEAN, INTEGER, NODE }

        static Field text(String name) {
            return new Field(name, Type.TEXT);
        }

        static Field bool(String name) {
            return new Field(name, Type.BOOLEAN);
        }

        static Field integer(String name) {
            return new Field(name, Type.INTEGER);
        }

        /** A structure passed as it is (a menu of the personal attendant). */
        static Field node(String name) {
            return new Field(name, Type.NODE);
        }
    }

    private SipxconfigKinds() {
    }
}
