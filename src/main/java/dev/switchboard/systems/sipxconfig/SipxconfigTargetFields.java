package dev.switchboard.systems.sipxconfig;

import dev.switchboard.desired.TargetFieldsReader;
import dev.switchboard.desired.YamlObject;
import dev.switchboard.model.Secret;
import dev.switchboard.systems.sipxconfig.provider.SipxconfigProviderFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of a sipXconfig target in {@code switchboard.yaml}: {@code users}, each user Switchboard may
 * act as with its password ({@code users: {"201": {password: ${env:SIPX_201_PASSWORD}}}}), read into the
 * target's {@code options.users} as user name to {@link Secret}. A user not listed is never touched.
 */
final class SipxconfigTargetFields implements TargetFieldsReader {

    /** The key of the target's options holding the names of every user it lists. */
    static final String LISTED_USERS = "listedUsers";

    @Override
    public void read(YamlObject target, boolean literalSecretsAllowed, Map<String, Object> auth,
                     Map<String, Object> options) {
        target.object("users", "sipxTargetUsers").ifPresent(users -> {
            Map<String, Secret> passwords = new LinkedHashMap<>();
            for (String user : users.fieldNames()) {
                users.object(user, "sipxTargetUser").ifPresent(entry -> entry.secret("password", literalSecretsAllowed)
                        .ifPresent(password -> passwords.put(user, password instanceof Secret secret ? secret
                                // a plain password (a simulator's) is a secret all the same: never printed
                                : Secret.fromLive(String.valueOf(password)))));
            }
            options.put(SipxconfigProviderFactory.USERS, Map.copyOf(passwords));
            // every user named, with or without a usable password: a refused password is its own problem
            options.put(LISTED_USERS, java.util.List.copyOf(users.fieldNames()));
        });
    }
}
