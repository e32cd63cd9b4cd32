package dev.switchboard.apply;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.plan.Change;
import dev.switchboard.plan.DependencyGraph;
import dev.switchboard.plan.TargetPlan;
import dev.switchboard.provider.Creator;
import dev.switchboard.provider.Deleter;
import dev.switchboard.provider.IdResolver;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ResourceType;
import dev.switchboard.provider.UnconfirmedWriteException;
import dev.switchboard.provider.Updater;
import dev.switchboard.diff.FieldDiff;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Carries out the API changes of one target's plan through its provider: in dependency order, at most
 * {@code parallelism} at a time, each recorded in the {@link Journal} before and after it runs. A
 * failed change has its dependants skipped while independent changes go on. A create whose answer
 * was lost is looked up by natural key before it is tried again, so a retry never makes a duplicate;
 * so is the object of a DELETE or PUT whose answer was lost, and it is written again only if the object
 * with its natural key still has its ID: servers hand IDs out again, and a blind retry could delete or
 * overwrite the object that took the ID meanwhile.
 *
 * <p>The caller has checked the plan's errors, safety thresholds and read-only flag: this class
 * applies what it is given.
 */
public final class TargetApplier {

    private static final Logger LOG = Logger.getLogger(TargetApplier.class);
    private static final int CREATE_ATTEMPTS = 3;
    private static final int WRITE_ATTEMPTS = 3;

    private final Provider provider;
    private final ResourceSet live;
    private final WriteOnlyFingerprints fingerprints;
    private final Clock clock;
    private final Supplier<Optional<String>> mustStop;

    /**
     * @param live         the live state the plan was computed from, for the IDs of objects that exist
     * @param fingerprints where to record the write-only fields each applied change sent
     */
    public TargetApplier(Provider provider, ResourceSet live, WriteOnlyFingerprints fingerprints, Clock clock) {
        this(provider, live, fingerprints, clock, Optional::empty);
    }

    /**
     * @param mustStop asked before each change starts: why the apply may start no further change (its apply
     *                 lock was lost), when it may not; such a change is skipped, and so are its dependants
     */
    public TargetApplier(Provider provider, ResourceSet live, WriteOnlyFingerprints fingerprints, Clock clock,
                         Supplier<Optional<String>> mustStop) {
        this.provider = provider;
        this.live = live;
        this.fingerprints = fingerprints;
        this.clock = clock;
        this.mustStop = mustStop;
    }

    /**
     * @param progress told once per change finished, whatever its result
     */
    public TargetApplyReport apply(TargetPlan plan, Path configDir, int parallelism, IntConsumer progress) {
        List<Change> changes = plan.apiChanges();
        if (changes.isEmpty()) {
            return new TargetApplyReport(plan.target(), List.of(), List.of(), Optional.empty());
        }
        Map<ResourceKey, String> createdIds = new ConcurrentHashMap<>();
        IdResolver ids = key -> Optional.ofNullable(createdIds.get(key))
                .or(() -> live.get(key).flatMap(Resource::id));
        Map<Change, ChangeResult> results = new ConcurrentHashMap<>();
        DependencyGraph graph = plan.dependencies();
        try (Journal journal = Journal.open(configDir, plan.target(), clock)) {
            Map<Change, TaskOutcome> outcomes = OrderedExecutor.run(changes, c -> new HashSet<>(graph.waitsFor(c)),
                    parallelism, change -> {
                        Optional<String> stop = mustStop.get();
                        if (stop.isPresent()) {
                            // Nothing is sent: the outcome fails, so that its dependants are skipped too.
                            return TaskOutcome.failed("not started: " + stop.get());
                        }
                        ChangeResult result = applyOne(change, ids, createdIds, journal);
                        results.put(change, result);
                        progress.accept(1);
                        return result.status() == ChangeResult.Status.APPLIED
                                ? TaskOutcome.done() : TaskOutcome.failed(result.message().orElse("failed"));
                    }, change -> change.key().toString());
            List<ChangeResult> ordered = new ArrayList<>();
            for (Change change : changes) {
                TaskOutcome outcome = outcomes.get(change);
                ChangeResult result = results.get(change);
                if (result == null) {
                    result = ChangeResult.skipped(change, outcome.message().orElse("not started"));
                    journal.record("skipped", details(change, result.message()));
                    progress.accept(1);
                }
                ordered.add(result);
            }
            return new TargetApplyReport(plan.target(), List.of(), ordered, Optional.of(journal.file()));
        }
    }

    private ChangeResult applyOne(Change change, IdResolver ids, Map<ResourceKey, String> createdIds, Journal journal) {
        journal.record("started", details(change, Optional.empty()));
        try {
            Optional<String> note = Optional.empty();
            ResourceType type = provider.type(change.kind()).orElseThrow(() ->
                    new IllegalStateException("target " + change.target() + " has no kind " + change.kind()));
            switch (change.action()) {
                case CREATE -> {
                    Created created = create((Creator) type, change.after().orElseThrow(), ids, journal);
                    created.live().id().ifPresent(id -> createdIds.put(change.key(), id));
                    note = created.note();
                }
                case UPDATE -> note = update((Updater) type, change, ids, journal);
                case DELETE -> note = delete((Deleter) type, change, ids, journal);
                case REPLACE -> {
                    // the API cannot update this kind: the live object goes, then the desired one is created
                    delete((Deleter) type, change, ids, journal);
                    fingerprints.deleted(change.key());
                    journal.record("deleted", details(change, Optional.of("replace: the live object is deleted;"
                            + " the desired one is created next")));
                    Created created = create((Creator) type, change.after().orElseThrow(), ids, journal);
                    created.live().id().ifPresent(id -> createdIds.put(change.key(), id));
                    note = created.note();
                }
                default -> throw new IllegalStateException(change.action() + " does not call the API");
            }
            recordWriteOnlyFieldsSent(change);
            ChangeResult result = ChangeResult.applied(change, note);
            Map<String, Object> details = details(change, Optional.empty());
            Optional.ofNullable(createdIds.get(change.key())).ifPresent(id -> details.put("id", id));
            note.ifPresent(n -> details.put("note", n));
            journal.record("applied", details);
            return result;
        } catch (UnconfirmedWriteException e) {
            // Accepted but not seen: what depends on it waits, as for a failure, and the next plan redoes it.
            journal.record("unconfirmed", details(change, Optional.of(e.getMessage())));
            return ChangeResult.unconfirmed(change, e.getMessage());
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            journal.record("failed", details(change, Optional.of(message)));
            return ChangeResult.failed(change, message);
        }
    }

    /** A create sends every write-only field; an update those it was planned to change. */
    private void recordWriteOnlyFieldsSent(Change change) {
        switch (change.action()) {
            case CREATE, UPDATE, REPLACE -> {
                Resource desired = change.after().orElseThrow();
                Set<String> sent = change.action() == dev.switchboard.plan.Action.UPDATE
                        ? changedFields(change) : desired.fields().keySet();
                for (String field : sent) {
                    if (desired.kind().isWriteOnly(field)) {
                        desired.field(field).ifPresent(value -> fingerprints.sent(change.key(), field, value));
                    }
                }
            }
            case DELETE -> fingerprints.deleted(change.key());
            default -> {
            }
        }
    }

    private record Created(Resource live, Optional<String> note) {
    }

    /** Where the object of a lost write is now, as its natural key finds it. */
    private enum Whereabouts { GONE, STILL_THERE, UNDER_ANOTHER_ID, UNKNOWN }

    private Optional<String> delete(Deleter deleter, Change change, IdResolver ids, Journal journal) {
        Resource before = change.before().orElseThrow();
        for (int attempt = 1; ; attempt++) {
            try {
                deleter.delete(before);
                return attempt == 1 ? Optional.empty()
                        : Optional.of("deleted on another try, after checking that its ID still held it");
            } catch (ProviderException e) {
                if (attempt > 1 && e.status() == 404) {
                    return Optional.of("gone: the DELETE whose answer was lost had done it (404 on the retry)");
                }
                if (!e.outcomeUnknown() || attempt >= WRITE_ATTEMPTS) {
                    throw e;
                }
                switch (whereabouts(deleter, before, ids, e, journal)) {
                    case GONE -> {
                        return Optional.of("the server had deleted it although its answer was lost");
                    }
                    case STILL_THERE -> LOG.warnf("%s: still there under ID %s; deleting it again", before.key(),
                            before.id().orElse("?"));
                    case UNDER_ANOTHER_ID -> throw new IllegalStateException(e.getMessage() + "; the answer was lost and "
                            + before.key() + " is now under another ID than " + before.id().orElse("?")
                            + ", so nothing was deleted again: run plan again");
                    default -> throw e;
                }
            }
        }
    }

    private Optional<String> update(Updater updater, Change change, IdResolver ids, Journal journal) {
        Resource before = change.before().orElseThrow();
        for (int attempt = 1; ; attempt++) {
            try {
                updater.update(before, change.after().orElseThrow(), changedFields(change), ids);
                return attempt == 1 ? Optional.empty()
                        : Optional.of("updated on another try, after checking that its ID still held it");
            } catch (ProviderException e) {
                if (!e.outcomeUnknown() || attempt >= WRITE_ATTEMPTS) {
                    throw e;
                }
                Whereabouts where = whereabouts(updater, before, ids, e, journal);
                if (where != Whereabouts.STILL_THERE) {
                    throw new IllegalStateException(e.getMessage() + "; the answer was lost and " + before.key()
                            + (where == Whereabouts.GONE ? " is gone" : where == Whereabouts.UNDER_ANOTHER_ID
                            ? " is now under another ID than " + before.id().orElse("?") : " cannot be looked up")
                            + ", so nothing was written again: run plan again");
                }
                LOG.warnf("%s: still there under ID %s; updating it again", before.key(), before.id().orElse("?"));
            }
        }
    }

    /** Looks the object of a write whose answer was lost up by natural key (its kind must be a {@link Creator}). */
    private Whereabouts whereabouts(ResourceType type, Resource before, IdResolver ids, ProviderException lost,
                                    Journal journal) {
        LOG.warnf("%s: the answer to its %s was lost (%s); looking it up by natural key before touching it again",
                before.key(), lost.method(), lost.getMessage());
        journal.record("outcome-unknown", Map.of("kind", before.kind().name(), "key", before.key().path(),
                "message", lost.getMessage()));
        if (!(type instanceof Creator finder)) {
            return Whereabouts.UNKNOWN;
        }
        Optional<Resource> now = finder.findByKey(before, ids);
        if (now.isEmpty()) {
            return Whereabouts.GONE;
        }
        return now.get().id().equals(before.id()) ? Whereabouts.STILL_THERE : Whereabouts.UNDER_ANOTHER_ID;
    }

    private Created create(Creator creator, Resource desired, IdResolver ids, Journal journal) {
        ProviderException lastUnknown = null;
        for (int attempt = 1; attempt <= CREATE_ATTEMPTS; attempt++) {
            try {
                return new Created(creator.create(desired, ids), Optional.empty());
            } catch (ProviderException e) {
                if (!e.outcomeUnknown()) {
                    throw e;
                }
                lastUnknown = e;
                LOG.warnf("%s: the answer to its create was lost (%s); looking it up before trying again",
                        desired.key(), e.getMessage());
                journal.record("outcome-unknown", Map.of("kind", desired.kind().name(), "key", desired.key().path(),
                        "message", e.getMessage()));
                Optional<Resource> existing = creator.findByKey(desired, ids);
                if (existing.isPresent()) {
                    return new Created(existing.get(),
                            Optional.of("the server had created it although its answer was lost"));
                }
            }
        }
        throw lastUnknown;
    }

    private static Set<String> changedFields(Change change) {
        Set<String> fields = new LinkedHashSet<>();
        for (FieldDiff diff : change.fields()) {
            fields.add(diff.field());
        }
        return fields;
    }

    private static Map<String, Object> details(Change change, Optional<String> message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("target", change.target());
        details.put("kind", change.kind().name());
        details.put("key", change.key().path());
        // What a rollback needs to invert the change (Journal.VERSION 2): the key's parts (a name may hold
        // a '/'), the fields an update sent, and what each side depends on, to re-create parents first.
        details.put("keyParts", change.key().parts());
        details.put("action", change.action().json());
        change.liveId().ifPresent(id -> details.put("id", id));
        change.before().ifPresent(before -> details.put("before", before.fields()));
        change.after().ifPresent(after -> details.put("after", after.fields()));
        if (!change.fields().isEmpty() && change.before().isPresent()) {
            details.put("changed", changedFields(change));
        }
        change.before().ifPresent(before -> details.put("beforeDependsOn", qualified(before.dependsOn())));
        change.after().ifPresent(after -> details.put("afterDependsOn", qualified(after.dependsOn())));
        message.ifPresent(m -> details.put("message", m));
        return details;
    }

    /** Each key as {@code [kind, part, ...]}, as a saved plan writes them. */
    private static List<List<String>> qualified(Set<ResourceKey> keys) {
        List<List<String>> out = new ArrayList<>();
        for (ResourceKey key : keys) {
            List<String> parts = new ArrayList<>();
            parts.add(key.kind().name());
            parts.addAll(key.parts());
            out.add(parts);
        }
        return out;
    }
}
