package dev.switchboard.systems.xci;

import dev.switchboard.model.ResourceKind;
import java.util.List;

/**
 * The XiVO XCI resource kinds (SPEC section 3), parents before children.
 *
 * <p>Natural keys and desired-shape fields, the contract between the loader and the provider:
 * <ul>
 *   <li>{@code xivo} [name]: {@code name}, {@code host}, {@code configure} (write-only: a create
 *       parameter the API never returns)</li>
 *   <li>{@code entity} [name@xivo]: {@code name}, {@code xivo} (XiVO name), {@code displayName},
 *       {@code intervals} (list of {@code {start, end}} strings), {@code presentedNumber}</li>
 *   <li>{@code template} [name]: {@code name}, {@code xivos} (XiVO names), {@code entities}
 *       ({@code name@xivo}), {@code peerSipName}, {@code ringingTime}, {@code routedInbound},
 *       {@code routedInboundPrefix}, {@code callerIdMode}, {@code customCallerId},
 *       {@code voiceMailEnabled}, {@code voiceMailNumberMode}, {@code voiceMailCustomNumber},
 *       {@code voiceMailSendEmail}</li>
 *   <li>{@code user} [xivo, internal number]: {@code entity} ({@code name@xivo}),
 *       {@code internalNumber}, {@code firstName}, {@code lastName}, {@code template} (template name;
 *       write-only, the API returns no templateId), {@code ctiLogin}, {@code ctiPassword} (a secret)</li>
 *   <li>{@code administrator} [login]: {@code login}, {@code name}, {@code superAdmin}, {@code ldap},
 *       {@code password} (write-only: the API returns it hashed), {@code entities} ({@code name@xivo})</li>
 * </ul>
 */
public final class XciKinds {

    public static final String TARGET_KIND = "xci";

    public static final ResourceKind XIVO = ResourceKind.of(TARGET_KIND, "xivo", "configure");
    public static final ResourceKind ENTITY = ResourceKind.of(TARGET_KIND, "entity");
    public static final ResourceKind TEMPLATE = ResourceKind.of(TARGET_KIND, "template");
    public static final ResourceKind USER = ResourceKind.of(TARGET_KIND, "user", "template");
    public static final ResourceKind ADMINISTRATOR = ResourceKind.of(TARGET_KIND, "administrator", "password");

    public static final List<ResourceKind> ALL = List.of(XIVO, ENTITY, TEMPLATE, USER, ADMINISTRATOR);

    private XciKinds() {
    }
}
