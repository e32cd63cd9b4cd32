package dev.switchboard.systems.officelinx;

import dev.switchboard.model.ResourceKind;
import java.util.List;

/**
 * The Officelinx resource kinds (SPEC section 3), parents before children.
 *
 * <p>Natural keys and desired-shape fields, the contract between the loader and the provider:
 * <ul>
 *   <li>{@code company} [name]: {@code name}, {@code pbx} (number)</li>
 *   <li>{@code department} [company, name, child name, ...]: {@code name}; the parent is the key minus
 *       its last part</li>
 *   <li>{@code featureGroup} [company, number]: {@code number} (number), {@code name}</li>
 *   <li>{@code mailbox} [company, mailbox number]: {@code number} (string), {@code userName},
 *       {@code firstName}, {@code lastName}, {@code featureGroup} (number of a feature group of the
 *       same company), {@code department} (path such as {@code Sales/EMEA}, optional)</li>
 *   <li>{@code address} [company, mailbox number, type, address]: {@code type} (number),
 *       {@code address} (string)</li>
 * </ul>
 */
public final class OfficelinxKinds {

    public static final String TARGET_KIND = "officelinx";

    public static final ResourceKind COMPANY = ResourceKind.of(TARGET_KIND, "company");
    public static final ResourceKind DEPARTMENT = ResourceKind.of(TARGET_KIND, "department");
    public static final ResourceKind FEATURE_GROUP = ResourceKind.of(TARGET_KIND, "featureGroup");
    public static final ResourceKind MAILBOX = ResourceKind.of(TARGET_KIND, "mailbox");
    public static final ResourceKind ADDRESS = ResourceKind.of(TARGET_KIND, "address");

    public static final List<ResourceKind> ALL = List.of(COMPANY, DEPARTMENT, FEATURE_GROUP, MAILBOX, ADDRESS);

    private OfficelinxKinds() {
    }
}
