package dev.switchboard.diff;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.Secret;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Pairs the desired and live objects of one target by natural key and compares the declared fields of
 * each pair: only fields present in the desired object, minus its {@code ignore} fields and its kind's
 * write-only fields (unless asked to replace them), each through the kind's {@link Normalizer}. Live
 * fields no file declares are not looked at: Switchboard leaves them as they are.
 */
public final class Differ {

    private final NormalizerRegistry normalizers;
    private final WriteOnlyPolicy writeOnly;

    public Differ(NormalizerRegistry normalizers) {
        this(normalizers, WriteOnlyPolicy.NEVER);
    }

    /**
     * @param replaceWriteOnly report every declared write-only field as changed ({@code --replace-secrets}):
     *                         the server never shows them, so only re-sending them can make sure
     */
    public Differ(NormalizerRegistry normalizers, boolean replaceWriteOnly) {
        this(normalizers, replaceWriteOnly ? WriteOnlyPolicy.ALWAYS : WriteOnlyPolicy.NEVER);
    }

    /** @param writeOnly which declared write-only fields to report as changed, though they cannot be compared */
    public Differ(NormalizerRegistry normalizers, WriteOnlyPolicy writeOnly) {
        this.normalizers = normalizers;
        this.writeOnly = writeOnly;
    }

    /** Every key of either set, in key order: one walk over both sets, which iterate in key order. */
    public List<ResourceDiff> diff(ResourceSet desired, ResourceSet live) {
        List<ResourceDiff> pairs = new ArrayList<>(Math.max(desired.size(), live.size()));
        Iterator<Resource> wantedIt = sorted(desired).iterator();
        Iterator<Resource> foundIt = sorted(live).iterator();
        Resource wanted = next(wantedIt);
        Resource found = next(foundIt);
        while (wanted != null || found != null) {
            int order = wanted == null ? 1 : found == null ? -1 : wanted.key().compareTo(found.key());
            if (order < 0) {
                pairs.add(ResourceDiff.missingLive(wanted));
                wanted = next(wantedIt);
            } else if (order > 0) {
                pairs.add(ResourceDiff.unmanaged(found));
                found = next(foundIt);
            } else {
                pairs.add(ResourceDiff.compared(wanted, found, compare(wanted, found)));
                wanted = next(wantedIt);
                found = next(foundIt);
            }
        }
        return pairs;
    }

    /** The set's objects in key order (a set keeps them so; sorted here only if one ever did not). */
    private static Collection<Resource> sorted(ResourceSet set) {
        Resource previous = null;
        for (Resource resource : set.all()) {
            if (previous != null && previous.key().compareTo(resource.key()) >= 0) {
                List<Resource> copy = new ArrayList<>(set.all());
                copy.sort(Comparator.comparing(Resource::key));
                return copy;
            }
            previous = resource;
        }
        return set.all();
    }

    private static Resource next(Iterator<Resource> it) {
        return it.hasNext() ? it.next() : null;
    }

    /** The declared, compared fields of {@code desired} whose value differs on {@code live}. */
    public List<FieldDiff> compare(Resource desired, Resource live) {
        Normalizer normalizer = normalizers.forKind(desired.kind());
        List<FieldDiff> diffs = new ArrayList<>();
        for (Map.Entry<String, Object> declared : desired.fields().entrySet()) {
            String field = declared.getKey();
            if (desired.options().ignore().contains(field)) {
                continue;
            }
            Optional<Object> wanted = Optional.ofNullable(declared.getValue());
            Optional<Object> found = normalizers.liveValue(live, field);
            if (desired.kind().isWriteOnly(field)) {
                if (wanted.isPresent() && writeOnly.resend(desired.key(), field, wanted.get())) {
                    diffs.add(FieldDiff.changed(field, found, wanted));
                }
                continue;
            }
            if (!same(normalizer.normalize(field, wanted), normalizer.normalize(field, found))) {
                diffs.add(FieldDiff.changed(field, found, wanted));
            }
        }
        return diffs;
    }

    private static boolean same(Optional<Object> desired, Optional<Object> live) {
        if (desired.orElse(null) instanceof Secret || live.orElse(null) instanceof Secret) {
            // a secret against plain text (an API that returns a password in clear) compares by value too
            return desired.isPresent() && live.isPresent() && asSecret(desired.get()).equals(asSecret(live.get()));
        }
        return Objects.equals(desired, live);
    }

    private static Secret asSecret(Object value) {
        return value instanceof Secret secret ? secret : Secret.fromLive(String.valueOf(value));
    }
}
