package dev.switchboard.provider;

import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.TargetSpec;
import java.net.URI;
import java.util.List;

/**
 * Opens providers for one target kind. Implementations are CDI beans, found by {@link #targetKind()}.
 */
public interface ProviderFactory {

    /** The {@code kind:} of the targets this factory serves: {@code officelinx}, {@code xci}. */
    String targetKind();

    /** The kinds its providers manage, parents before children. */
    List<ResourceKind> kinds();

    /**
     * @param baseUri where the server is: the target's {@code url}, or the address of the embedded
     *                simulator started for it
     */
    Provider open(TargetSpec target, URI baseUri);
}
