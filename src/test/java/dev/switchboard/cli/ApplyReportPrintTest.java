package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.apply.ApplyReport;
import dev.switchboard.apply.ChangeResult;
import dev.switchboard.apply.TargetApplyReport;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.ResourceOptions;
import dev.switchboard.model.SourceLocation;
import dev.switchboard.plan.Change;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The apply report as apply prints it, with unconfirmed changes counted apart from failures. */
class ApplyReportPrintTest {

    private static Change create(String name) {
        return Change.create("gws-main", Resource.desired(ResourceKey.of(ResourceKind.of("gws", "user"), name),
                Map.of("userName", name), Set.of(), ResourceOptions.NONE, SourceLocation.startOf(Path.of("u.yaml"))));
    }

    private static String print(List<ChangeResult> results) {
        StringWriter text = new StringWriter();
        ApplyCommand.print(new ApplyReport(List.of(new TargetApplyReport("gws-main", List.of(), results,
                Optional.empty()))), "", new PrintWriter(text));
        return text.toString();
    }

    @Test
    void aRefusalThePlanShowsIsNotSaidAgainAndARefusedTargetIsNoFailure() {
        StringWriter text = new StringWriter();
        String plan = "  Note: target olx-main is readOnly: apply will refuse these changes.\n";
        ApplyCommand.print(new ApplyReport(List.of(TargetApplyReport.refused("olx-main",
                List.of("target olx-main is readOnly: apply will refuse these changes", "a reason the plan does not show")))),
                plan, new PrintWriter(text));
        assertThat(text.toString())
                .contains("Target olx-main was not applied: refused; nothing was sent to it:\n  a reason the plan does not show")
                .doesNotContain("is readOnly")
                .contains("Apply incomplete: 0 applied, 0 failed, 0 skipped, 1 target refused.")
                .doesNotContain("Fix the failures");
    }

    @Test
    void unconfirmedChangesAreCountedAndNamedAndTheApplyIsIncomplete() {
        String text = print(List.of(ChangeResult.applied(create("alice"), Optional.empty()),
                ChangeResult.unconfirmed(create("bob"), "accepted, but not visible on reading back after 30 s")));
        assertThat(text).contains("Target gws-main: 1 applied, 0 failed, 0 skipped, 1 unconfirmed.")
                .contains("  ? user bob: UNCONFIRMED: accepted, but not visible on reading back after 30 s")
                .contains("Apply incomplete: 1 applied, 0 failed, 0 skipped, 1 unconfirmed.")
                .contains("run plan to see which are still to do");
    }

    @Test
    void withoutUnconfirmedChangesTheSummaryReadsAsItAlwaysHas() {
        String text = print(List.of(ChangeResult.applied(create("alice"), Optional.empty())));
        assertThat(text).contains("Target gws-main: 1 applied, 0 failed, 0 skipped.")
                .contains("Apply complete: 1 applied, 0 failed, 0 skipped.").doesNotContain("unconfirmed");
    }
}
