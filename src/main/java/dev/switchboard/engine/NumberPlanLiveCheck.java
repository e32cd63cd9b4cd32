package dev.switchboard.engine;

import dev.switchboard.desired.NumberField;
import dev.switchboard.desired.NumberPlan;
import dev.switchboard.desired.NumberPlanCheck;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.plan.PlanError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The check of {@code settings.numberPlan} that needs the servers: a declared extension that a live object
 * no file declares already holds on another target of the scope (an XCI user made by hand on the number
 * that a XiVO line is about to get). It is a {@link PlanError} of the declaring target, so that {@code apply}
 * refuses it: one extension on two servers is an outage. Only the targets read in this run are looked at.
 */
final class NumberPlanLiveCheck {

    private NumberPlanLiveCheck() {
    }

    /**
     * @param desired by target, the declared objects of every target
     * @param live    by target, the live objects of the targets read in this run
     * @return by declaring target, its errors
     */
    static Map<String, List<PlanError>> check(NumberPlan plan, Map<String, ResourceSet> desired,
                                              Map<String, ResourceSet> live) {
        Map<String, List<PlanError>> errors = new LinkedHashMap<>();
        Map<ResourceKind, List<NumberField>> extensionFields = NumberPlanCheck.fieldsByKind(plan, NumberField.Role.EXTENSION);
        Map<String, Collection<Resource>> declared = new LinkedHashMap<>();
        desired.forEach((target, set) -> declared.put(target, set.all()));
        for (NumberPlan.Scope scope : plan.scopes()) {
            Map<String, List<NumberPlanCheck.Holder>> extensions =
                    NumberPlanCheck.holders(plan, scope, declared, NumberField.Role.EXTENSION);
            for (String target : scope.targets()) {
                ResourceSet found = live.get(target);
                if (found == null) {
                    continue;
                }
                ResourceSet wanted = desired.getOrDefault(target, ResourceSet.empty(target));
                for (Resource holder : found.all()) {
                    if (wanted.get(holder.key()).isPresent()) {
                        continue;
                    }
                    for (NumberField field : extensionFields.getOrDefault(holder.kind(), List.of())) {
                        field.valueOf(holder).ifPresent(number -> {
                            for (NumberPlanCheck.Holder owner : extensions.getOrDefault(number, List.of())) {
                                if (owner.target().equals(target)) {
                                    continue;
                                }
                                List<PlanError> of = errors.computeIfAbsent(owner.target(), t -> new ArrayList<>());
                                if (of.stream().noneMatch(e -> e.key().equals(owner.key()))) {
                                    of.add(new PlanError(owner.target(), owner.key(), PlanError.Reason.NUMBER_TAKEN,
                                            owner.key() + " (declared at " + owner.location() + ") has extension " + number
                                                    + " of number plan " + scope.name() + ", which " + holder.key()
                                                    + " on target " + target + " already holds, and no file declares it:"
                                                    + " free the number there, or declare that object and renumber one"));
                                }
                            }
                        });
                    }
                }
            }
        }
        return errors;
    }
}
