package dev.switchboard.systems.xivows;

import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import java.util.List;

/**
 * The resource kinds of the XiVO legacy web services ({@code json.php}, SPEC section 3), parents before
 * children.
 *
 * <p>Natural keys and desired-shape fields, the contract between the reader, the exporter and the provider.
 * Field names are the API's own (nested API objects are flattened as {@code voicemail.email}, so that only
 * the sub-fields a file declares are managed):
 * <ul>
 *   <li>{@code entity} [name]: {@code name}, {@code displayname}, {@code phonenumber}, {@code faxnumber},
 *       {@code email}, {@code url}, {@code address1}, {@code address2}, {@code city}, {@code state},
 *       {@code zipcode}, {@code country}, {@code description}. Create only.</li>
 *   <li>{@code line} [context, number]: {@code context}, {@code number}, {@code protocol} (sip, iax, sccp),
 *       {@code name} (the peer name), {@code secret} (write-only), {@code language} and the documented
 *       protocol fields ({@code nat}, {@code allow} (a list), {@code host-type}, ...).</li>
 *   <li>{@code user} [context, number of its first line]: {@code entity} (entity name), {@code lines}
 *       ({@code context/number} of declared lines, first line first), the {@code userfeatures} fields
 *       ({@code firstname}, {@code ringseconds}, {@code passwdclient} (a secret), ...), {@code voicemail.*}
 *       ({@code voicemail.password} write-only), {@code vmfeatures.skipcheckpass},
 *       {@code dialaction.noanswer|busy|congestion|chanunavail} (maps), {@code groups}, {@code queues},
 *       {@code funckeys}, {@code queueskills} (lists of maps).</li>
 *   <li>{@code pickup} [name]: {@code name}, {@code description}, {@code members} (list of
 *       {@code {category, user}} with a user key {@code context/number}, or {@code {category, group|queue}}
 *       with a server id). No edit in the API: an update is a replace.</li>
 *   <li>{@code mailSettings} [{@value #MAIL_KEY}]: {@code mydomain}, {@code origin}, {@code relayhost},
 *       {@code fallback_relayhost}, {@code canonical} (list of {@code {pattern, result}}). View and edit
 *       only.</li>
 * </ul>
 */
public final class XivoWsKinds {

    public static final String TARGET_KIND = "xivo-ws";
    /** The one key part of the one mail settings object of a target. */
    public static final String MAIL_KEY = "mail";

    public static final ResourceKind ENTITY = ResourceKind.of(TARGET_KIND, "entity");
    public static final ResourceKind LINE = ResourceKind.of(TARGET_KIND, "line", "secret");
    public static final ResourceKind USER = ResourceKind.of(TARGET_KIND, "user", "voicemail.password");
    public static final ResourceKind PICKUP = ResourceKind.of(TARGET_KIND, "pickup");
    public static final ResourceKind MAIL_SETTINGS = ResourceKind.of(TARGET_KIND, "mailSettings");

    public static final List<ResourceKind> ALL = List.of(ENTITY, LINE, USER, PICKUP, MAIL_SETTINGS);

    public static final List<String> ENTITY_FIELDS = List.of("name", "displayname", "phonenumber", "faxnumber",
            "email", "url", "address1", "address2", "city", "state", "zipcode", "country", "description");

    /** The {@code protocol} object of a line as the document shows it, {@code allow} aside (a list). */
    public static final List<String> LINE_PROTOCOL_FIELDS = List.of("language", "nat", "subscribemwi", "buggymwi",
            "progressinband", "dtmfmode", "rfc2833compensate", "qualify", "rtptimeout", "rtpholdtimeout",
            "rtpkeepalive", "allowtransfer", "autoframing", "videosupport", "maxcallbitrate", "g726nonstandard",
            "disallow", "t38pt_udptl", "t38pt_rtp", "t38pt_tcp", "t38pt_usertpsource", "callerid", "insecure",
            "host-type", "permit", "deny", "trustrpid", "sendrpid", "allowsubscribe", "allowoverlap",
            "promiscredir", "usereqphone", "canreinvite", "fromuser", "fromdomain", "amaflags", "accountcode",
            "useclientcode");

    /** The documented {@code userfeatures} fields a file may declare (not {@code entityid}, {@code voicemailid}). */
    public static final List<String> USER_TEXT_FIELDS = List.of("firstname", "lastname", "callerid", "loginclient",
            "mobilephonenumber", "musiconhold", "profileclient", "bsfilter", "agentid", "destrna", "destbusy",
            "destunc", "outcallerid", "preprocess_subroutine", "language", "timezone", "ringintern", "ringextern",
            "ringgroup", "ringforward", "rightcallcode", "alarmclock", "pitchdirection", "pitch", "description");
    public static final List<String> USER_NUMBER_FIELDS = List.of("ringseconds", "simultcalls");
    /** {@code userfeatures} flags, {@code "1"}/{@code "0"} in the API and booleans in files. */
    public static final List<String> USER_FLAG_FIELDS = List.of("enableclient", "enablehint", "enablevoicemail",
            "enablexfer", "enableautomon", "callrecord", "callfilter", "enablednd", "enablerna", "enablebusy",
            "enableunc");

    public static final List<String> VOICEMAIL_TEXT_FIELDS = List.of("fullname", "mailbox", "email", "tz");
    public static final List<String> VOICEMAIL_FLAG_FIELDS = List.of("attach", "deletevoicemail");
    public static final List<String> DIALACTION_EVENTS = List.of("noanswer", "busy", "congestion", "chanunavail");
    public static final List<String> DIALACTION_FIELDS = List.of("actiontype", "action", "actionarg1", "actionarg2");

    public static final List<String> MAIL_FIELDS = List.of("mydomain", "origin", "relayhost", "fallback_relayhost",
            "canonical");

    private XivoWsKinds() {
    }

    public static ResourceKey entityKey(String name) {
        return ResourceKey.of(ENTITY, name);
    }

    /** A line by its {@code context/number} reference. */
    public static ResourceKey lineKey(String reference) {
        int slash = reference.indexOf('/');
        return slash < 0 ? ResourceKey.of(LINE, "default", reference)
                : ResourceKey.of(LINE, reference.substring(0, slash), reference.substring(slash + 1));
    }

    /** A user by the {@code context/number} of its first line. */
    public static ResourceKey userKey(String reference) {
        ResourceKey line = lineKey(reference);
        return new ResourceKey(USER, line.parts());
    }

    public static ResourceKey mailKey() {
        return ResourceKey.of(MAIL_SETTINGS, MAIL_KEY);
    }
}
