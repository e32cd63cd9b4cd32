package dev.switchboard.desired;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.SourceLocation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The offline checks of {@code settings.numberPlan} over the declared objects (what {@code validate} says):
 * in each scope, an extension owned twice, or outside the scope's ranges; a mailbox whose number is no
 * extension of its scope; with {@code mailboxes: required}, an extension without a mailbox. Each problem
 * is at the declaration it is about and names the other place where there is one.
 *
 * <p>One target may hold a number on several kinds of one owner (a XiVO line and the user it belongs to,
 * a sipXconfig user's settings of each kind): it is owned twice when two targets of the scope hold it, or
 * two objects of one kind in one target (two XCI users on two XiVOs).
 */
public final class NumberPlanCheck {

    private NumberPlanCheck() {
    }

    /** A declared object holding a number. */
    public record Holder(String target, Resource resource, NumberField field, String number) {

        public ResourceKey key() {
            return resource.key();
        }

        public SourceLocation location() {
            return resource.origin().orElse(SourceLocation.startOf(java.nio.file.Path.of(target)));
        }

        /** {@code user xivo-220/1701 of target xci-paris}. */
        public String describe() {
            return resource.key() + " of target " + target;
        }
    }

    /** The problems of {@code plan} over {@code declared} (by target), in the order of their places. */
    public static List<Problem> check(NumberPlan plan, Map<String, ? extends Collection<Resource>> declared) {
        List<Problem> problems = new ArrayList<>();
        for (NumberPlan.Scope scope : plan.scopes()) {
            Map<String, List<Holder>> extensions = holders(plan, scope, declared, NumberField.Role.EXTENSION);
            Map<String, List<Holder>> mailboxes = holders(plan, scope, declared, NumberField.Role.MAILBOX);
            extensions.forEach((number, holders) -> {
                List<Holder> owners = owners(holders);
                Holder first = owners.get(0);
                for (Holder other : owners.subList(1, owners.size())) {
                    problems.add(Problem.at(other.location(), "", "extension " + number + " of number plan "
                            + scope.name() + " is owned twice: by " + other.describe() + " here, and by "
                            + first.describe() + " at " + first.location(),
                            "an extension is dialled on one server only: renumber one of them"));
                }
                if (!scope.allows(number)) {
                    for (Holder owner : owners) {
                        problems.add(Problem.at(owner.location(), "", "extension " + number + " (" + owner.describe()
                                + ") is outside the ranges of number plan " + scope.name() + " (" + scope.rangesText()
                                + ", at " + scope.location() + ")", "renumber it, or widen the ranges of the plan"));
                    }
                }
                if (scope.mailboxesRequired() && !mailboxes.containsKey(number)) {
                    problems.add(Problem.at(first.location(), "", "extension " + number + " (" + first.describe()
                            + ") has no mailbox, and number plan " + scope.name() + " (at " + scope.location()
                            + ") has mailboxes: required", "declare mailbox " + number + " in a target of the plan"
                            + " that has mailboxes, or write mailboxes: optional"));
                }
            });
            mailboxes.forEach((number, holders) -> {
                if (!extensions.containsKey(number)) {
                    for (Holder mailbox : owners(holders)) {
                        problems.add(Problem.at(mailbox.location(), "", "mailbox " + number + " (" + mailbox.describe()
                                + ") is no extension of number plan " + scope.name() + " (at " + scope.location()
                                + "): none of its targets ("
                                + String.join(", ", scope.targets()) + ") declares extension " + number,
                                "declare the extension, or number the mailbox as its extension"));
                    }
                }
            });
        }
        problems.sort(Problem.ORDER);
        return problems;
    }

    /** The declared objects of the scope's targets holding numbers of {@code role}, by number, in number order. */
    public static Map<String, List<Holder>> holders(NumberPlan plan, NumberPlan.Scope scope,
                                                    Map<String, ? extends Collection<Resource>> declared,
                                                    NumberField.Role role) {
        Map<ResourceKind, List<NumberField>> byKind = fieldsByKind(plan, role);
        Map<String, List<Holder>> holders = new TreeMap<>();
        for (String target : scope.targets()) {
            Collection<Resource> ofTarget = declared.get(target);
            for (Resource resource : ofTarget == null ? List.<Resource>of() : ofTarget) {
                for (NumberField field : byKind.getOrDefault(resource.kind(), List.of())) {
                    field.valueOf(resource).ifPresent(number -> holders.computeIfAbsent(number, n -> new ArrayList<>())
                            .add(new Holder(target, resource, field, number)));
                }
            }
        }
        return holders;
    }

    /** The fields of {@code role}, by the kind that has them. */
    public static Map<ResourceKind, List<NumberField>> fieldsByKind(NumberPlan plan, NumberField.Role role) {
        Map<ResourceKind, List<NumberField>> byKind = new LinkedHashMap<>();
        plan.fields().stream().filter(f -> f.role() == role)
                .forEach(f -> byKind.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f));
        return byKind;
    }

    /**
     * One holder per owner, in the order of their places: of one target, the first object of each key of the
     * kind that holds it most often stands for the owner; the other kinds of that target are the same owner.
     */
    private static List<Holder> owners(List<Holder> holders) {
        Map<String, List<Holder>> byTarget = new LinkedHashMap<>();
        holders.forEach(h -> byTarget.computeIfAbsent(h.target(), t -> new ArrayList<>()).add(h));
        List<Holder> owners = new ArrayList<>();
        for (List<Holder> ofTarget : byTarget.values()) {
            Map<ResourceKind, Map<ResourceKey, Holder>> byKind = new LinkedHashMap<>();
            ofTarget.forEach(h -> byKind.computeIfAbsent(h.resource().kind(), k -> new LinkedHashMap<>())
                    .putIfAbsent(h.key(), h));
            Optional<Map<ResourceKey, Holder>> widest = byKind.values().stream()
                    .max(Comparator.comparingInt(Map::size));
            widest.ifPresent(keys -> owners.addAll(keys.values()));
        }
        owners.sort(Comparator.comparing((Holder h) -> h.location().file().toString())
                .thenComparingInt(h -> h.location().line()).thenComparingInt(h -> h.location().column()));
        return owners;
    }
}
